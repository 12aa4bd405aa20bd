package lisette

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// PanicValue is a value captured by a `recover { ... }` block.
type PanicValue struct {
	// Value is the argument the panic was raised with.
	Value any
	// Stack is the goroutine stack captured at the point of recovery.
	Stack string
}

const runtimeErrorPrefix = "runtime error: "

// runtimePanicError presents a Go runtime error without its "runtime error: "
// prefix, while still unwrapping to the original runtime.Error.
type runtimePanicError struct{ err runtime.Error }

func (e runtimePanicError) Error() string {
	return strings.TrimPrefix(e.err.Error(), runtimeErrorPrefix)
}

func (e runtimePanicError) Unwrap() error { return e.err }

// Message returns the panic's message: the string it was raised with, the
// error's text (Go runtime errors without their "runtime error: " prefix),
// or the value formatted with %v.
func (p PanicValue) Message() string {
	switch v := p.Value.(type) {
	case string:
		return v
	case runtime.Error:
		return strings.TrimPrefix(v.Error(), runtimeErrorPrefix)
	case error:
		return v.Error()
	case fmt.Stringer:
		return v.String()
	default:
		return fmt.Sprint(v)
	}
}

// AsError returns the panic value as an error if it implements error.
func (p PanicValue) AsError() Option[error] {
	var rt runtime.Error
	if err, ok := p.Value.(error); ok {
		if errors.As(err, &rt) && err == rt {
			return MakeOptionSome[error](runtimePanicError{rt})
		}
		return MakeOptionSome(err)
	}
	return Option[error]{}
}

// StackTrace returns the stack trace captured when the panic was recovered.
func (p PanicValue) StackTrace() string { return p.Stack }

// Error makes a PanicValue usable where Go expects an error.
func (p PanicValue) Error() string { return p.Message() }

// String formats a PanicValue as its message.
func (p PanicValue) String() string { return p.Message() }

// PanicValueMessage is the free-function form of PanicValue.Message.
func PanicValueMessage(p PanicValue) string { return p.Message() }

// PanicValueAsError is the free-function form of PanicValue.AsError.
func PanicValueAsError(p PanicValue) Option[error] { return p.AsError() }

// PanicValueStackTrace is the free-function form of PanicValue.StackTrace.
func PanicValueStackTrace(p PanicValue) string { return p.StackTrace() }

// RecoverBlock runs f and returns Ok(result), or Err(PanicValue) if f panics.
// A panic(nil) is reported as a *runtime.PanicNilError, as Go 1.21+ does.
func RecoverBlock[T any](f func() T) (result Result[T, PanicValue]) {
	defer func() {
		if r := recover(); r != nil {
			result = MakeResultErr[T](PanicValue{Value: r, Stack: string(debug.Stack())})
		}
	}()
	return MakeResultOk[T, PanicValue](f())
}
