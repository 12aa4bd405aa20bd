package lisette

// OptionTag tells the variants of an Option apart. The zero value is
// OptionNone, because the emitter leaves None-valued fields out of struct
// literals and relies on the zero Option being None.
type OptionTag uint8

const (
	// OptionNone is the tag of an Option without a value (the zero value).
	OptionNone OptionTag = iota
	// OptionSome is the tag of an Option that wraps a value.
	OptionSome
)

// Option is Lisette's Option<T>: a value that may or may not be present.
type Option[T any] struct {
	Tag     OptionTag
	SomeVal T
}

// MakeOptionSome returns Some(v).
func MakeOptionSome[T any](v T) Option[T] { return Option[T]{Tag: OptionSome, SomeVal: v} }

// MakeOptionNone returns None.
func MakeOptionNone[T any]() Option[T] { return Option[T]{} }

// OptionFromCommaOk converts Go's (v, ok) into Some(v) or None.
func OptionFromCommaOk[T any](v T, ok bool) Option[T] {
	if ok {
		return MakeOptionSome(v)
	}
	return Option[T]{}
}

// OptionFromNilable converts a Go value that may be nil into an Option;
// isNil is the caller's nil test for v.
func OptionFromNilable[T any](v T, isNil bool) Option[T] {
	if isNil {
		return Option[T]{}
	}
	return MakeOptionSome(v)
}

// OptionFromPointer converts a Go *T into Some(*p) or None when p is nil.
func OptionFromPointer[T any](p *T) Option[T] {
	if p == nil {
		return Option[T]{}
	}
	return MakeOptionSome(*p)
}

// IsSome reports whether o wraps a value.
func (o Option[T]) IsSome() bool { return o.Tag == OptionSome }

// IsNone reports whether o is None.
func (o Option[T]) IsNone() bool { return o.Tag != OptionSome }

// Unwrap returns the wrapped value and whether there was one (Go's comma-ok form).
func (o Option[T]) Unwrap() (T, bool) { return o.SomeVal, o.Tag == OptionSome }

// UnwrapOr returns the wrapped value, or def if None.
func (o Option[T]) UnwrapOr(def T) T {
	if o.Tag == OptionSome {
		return o.SomeVal
	}
	return def
}

// UnwrapOrElse returns the wrapped value, or f() if None.
func (o Option[T]) UnwrapOrElse(f func() T) T {
	if o.Tag == OptionSome {
		return o.SomeVal
	}
	return f()
}

// OrElse returns o if it is Some, otherwise f().
func (o Option[T]) OrElse(f func() Option[T]) Option[T] {
	if o.Tag == OptionSome {
		return o
	}
	return f()
}

// Filter returns o if it is Some and f returns true for its value, otherwise None.
func (o Option[T]) Filter(f func(T) bool) Option[T] {
	if o.Tag == OptionSome && f(o.SomeVal) {
		return o
	}
	return Option[T]{}
}

// Take returns the current value of *o and leaves None in its place.
func (o *Option[T]) Take() Option[T] {
	taken := *o
	*o = Option[T]{}
	return taken
}

// OptionIsSome is the free-function form of Option.IsSome.
func OptionIsSome[T any](o Option[T]) bool { return o.IsSome() }

// OptionIsNone is the free-function form of Option.IsNone.
func OptionIsNone[T any](o Option[T]) bool { return o.IsNone() }

// OptionUnwrapOr is the free-function form of Option.UnwrapOr.
func OptionUnwrapOr[T any](o Option[T], def T) T { return o.UnwrapOr(def) }

// OptionUnwrapOrElse is the free-function form of Option.UnwrapOrElse.
func OptionUnwrapOrElse[T any](o Option[T], f func() T) T { return o.UnwrapOrElse(f) }

// OptionOrElse is the free-function form of Option.OrElse.
func OptionOrElse[T any](o Option[T], f func() Option[T]) Option[T] { return o.OrElse(f) }

// OptionFilter is the free-function form of Option.Filter.
func OptionFilter[T any](o Option[T], f func(T) bool) Option[T] { return o.Filter(f) }

// OptionTake is the free-function form of Option.Take.
func OptionTake[T any](o *Option[T]) Option[T] { return o.Take() }

// OptionMap applies f to the wrapped value, or returns None.
func OptionMap[T, U any](o Option[T], f func(T) U) Option[U] {
	if o.Tag == OptionSome {
		return MakeOptionSome(f(o.SomeVal))
	}
	return Option[U]{}
}

// OptionMapOr applies f to the wrapped value, or returns def if None.
func OptionMapOr[T, U any](o Option[T], def U, f func(T) U) U {
	if o.Tag == OptionSome {
		return f(o.SomeVal)
	}
	return def
}

// OptionMapOrElse applies f to the wrapped value, or returns def() if None.
func OptionMapOrElse[T, U any](o Option[T], def func() U, f func(T) U) U {
	if o.Tag == OptionSome {
		return f(o.SomeVal)
	}
	return def()
}

// OptionAndThen returns f(value) for Some, or None.
func OptionAndThen[T, U any](o Option[T], f func(T) Option[U]) Option[U] {
	if o.Tag == OptionSome {
		return f(o.SomeVal)
	}
	return Option[U]{}
}

// OptionOkOr maps Some(v) to Ok(v) and None to Err(err).
func OptionOkOr[T, E any](o Option[T], err E) Result[T, E] {
	if o.Tag == OptionSome {
		return MakeResultOk[T, E](o.SomeVal)
	}
	return MakeResultErr[T](err)
}

// OptionOkOrElse maps Some(v) to Ok(v) and None to Err(f()).
func OptionOkOrElse[T, E any](o Option[T], f func() E) Result[T, E] {
	if o.Tag == OptionSome {
		return MakeResultOk[T, E](o.SomeVal)
	}
	return MakeResultErr[T](f())
}

// OptionZip returns Some((a, b)) when both are Some, otherwise None.
func OptionZip[T, U any](o Option[T], other Option[U]) Option[Tuple2[T, U]] {
	if o.Tag == OptionSome && other.Tag == OptionSome {
		return MakeOptionSome(Tuple2[T, U]{First: o.SomeVal, Second: other.SomeVal})
	}
	return Option[Tuple2[T, U]]{}
}

// OptionFlatten converts Option<Option<U>> into Option<U>.
func OptionFlatten[U any](o Option[Option[U]]) Option[U] {
	if o.Tag == OptionSome {
		return o.SomeVal
	}
	return Option[U]{}
}
