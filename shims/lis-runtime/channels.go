package lisette

// ChannelNew returns an unbuffered channel.
func ChannelNew[T any]() chan T { return make(chan T) }

// ChannelBuffered returns a channel with room for capacity values.
func ChannelBuffered[T any](capacity int) chan T { return make(chan T, capacity) }

// send delivers v on ch; it reports false instead of panicking when ch is closed.
func send[T any](ch chan<- T, v T) (sent bool) {
	defer func() {
		if recover() != nil {
			sent = false
		}
	}()
	ch <- v
	return true
}

// closeChan closes ch; closing an already closed channel is a no-op.
func closeChan[T any](ch chan<- T) {
	defer func() { _ = recover() }()
	close(ch)
}

// ChannelSend sends v; false if the channel was closed.
func ChannelSend[T any](ch chan T, v T) bool { return send(ch, v) }

// ChannelReceive receives a value, or None once ch is closed and drained.
func ChannelReceive[T any](ch chan T) Option[T] {
	v, ok := <-ch
	return OptionFromCommaOk(v, ok)
}

// ChannelSplit returns the sending and receiving halves of ch.
func ChannelSplit[T any](ch chan T) Tuple2[chan<- T, <-chan T] {
	return Tuple2[chan<- T, <-chan T]{First: ch, Second: ch}
}

// ChannelLength returns the number of values waiting in ch.
func ChannelLength[T any](ch chan T) int { return len(ch) }

// ChannelIsEmpty reports whether ch's buffer holds no values.
func ChannelIsEmpty[T any](ch chan T) bool { return len(ch) == 0 }

// ChannelCapacity returns the size of ch's buffer.
func ChannelCapacity[T any](ch chan T) int { return cap(ch) }

// ChannelClose closes ch; safe to call more than once.
func ChannelClose[T any](ch chan T) { closeChan(ch) }

// SenderSend sends v; false if the channel was closed.
func SenderSend[T any](ch chan<- T, v T) bool { return send(ch, v) }

// SenderLength returns the number of values waiting in ch.
func SenderLength[T any](ch chan<- T) int { return len(ch) }

// SenderIsEmpty reports whether ch's buffer holds no values.
func SenderIsEmpty[T any](ch chan<- T) bool { return len(ch) == 0 }

// SenderCapacity returns the size of ch's buffer.
func SenderCapacity[T any](ch chan<- T) int { return cap(ch) }

// SenderClose closes ch; safe to call more than once.
func SenderClose[T any](ch chan<- T) { closeChan(ch) }

// ReceiverReceive receives a value, or None once ch is closed and drained.
func ReceiverReceive[T any](ch <-chan T) Option[T] {
	v, ok := <-ch
	return OptionFromCommaOk(v, ok)
}

// ReceiverLength returns the number of values waiting in ch.
func ReceiverLength[T any](ch <-chan T) int { return len(ch) }

// ReceiverIsEmpty reports whether ch's buffer holds no values.
func ReceiverIsEmpty[T any](ch <-chan T) bool { return len(ch) == 0 }

// ReceiverCapacity returns the size of ch's buffer.
func ReceiverCapacity[T any](ch <-chan T) int { return cap(ch) }
