package lisette

import "fmt"

// ResultTag tells the variants of a Result apart.
type ResultTag uint8

const (
	// ResultOk is the tag of a successful Result.
	ResultOk ResultTag = iota
	// ResultErr is the tag of a failed Result.
	ResultErr
)

// Result is Lisette's Result<T, E>.
type Result[T, E any] struct {
	Tag    ResultTag
	OkVal  T
	ErrVal E
}

// MakeResultOk returns Ok(v).
func MakeResultOk[T, E any](v T) Result[T, E] { return Result[T, E]{Tag: ResultOk, OkVal: v} }

// MakeResultErr returns Err(e).
func MakeResultErr[T, E any](e E) Result[T, E] { return Result[T, E]{Tag: ResultErr, ErrVal: e} }

// ResultFromPair converts Go's (v, err) into Ok(v) when err is nil, else Err(err).
func ResultFromPair[T any](v T, err error) Result[T, error] {
	if err != nil {
		return Result[T, error]{Tag: ResultErr, ErrVal: err}
	}
	return Result[T, error]{Tag: ResultOk, OkVal: v}
}

// IsOk reports whether r is Ok.
func (r Result[T, E]) IsOk() bool { return r.Tag == ResultOk }

// IsErr reports whether r is Err.
func (r Result[T, E]) IsErr() bool { return r.Tag == ResultErr }

// Ok converts r to an Option of its Ok value.
func (r Result[T, E]) Ok() Option[T] {
	if r.Tag == ResultOk {
		return MakeOptionSome(r.OkVal)
	}
	return Option[T]{}
}

// Err converts r to an Option of its Err value.
func (r Result[T, E]) Err() Option[E] {
	if r.Tag == ResultErr {
		return MakeOptionSome(r.ErrVal)
	}
	return Option[E]{}
}

// UnwrapOr returns the Ok value, or def if Err.
func (r Result[T, E]) UnwrapOr(def T) T {
	if r.Tag == ResultOk {
		return r.OkVal
	}
	return def
}

// UnwrapOrElse returns the Ok value, or f(err) if Err.
func (r Result[T, E]) UnwrapOrElse(f func(E) T) T {
	if r.Tag == ResultOk {
		return r.OkVal
	}
	return f(r.ErrVal)
}

// ResultIsOk is the free-function form of Result.IsOk.
func ResultIsOk[T, E any](r Result[T, E]) bool { return r.IsOk() }

// ResultIsErr is the free-function form of Result.IsErr.
func ResultIsErr[T, E any](r Result[T, E]) bool { return r.IsErr() }

// ResultUnwrapOr is the free-function form of Result.UnwrapOr.
func ResultUnwrapOr[T, E any](r Result[T, E], def T) T { return r.UnwrapOr(def) }

// ResultUnwrapOrElse is the free-function form of Result.UnwrapOrElse.
func ResultUnwrapOrElse[T, E any](r Result[T, E], f func(E) T) T { return r.UnwrapOrElse(f) }

// ResultMap transforms the Ok value with f, leaving Err unchanged.
func ResultMap[T, E, U any](r Result[T, E], f func(T) U) Result[U, E] {
	if r.Tag == ResultOk {
		return MakeResultOk[U, E](f(r.OkVal))
	}
	return MakeResultErr[U](r.ErrVal)
}

// ResultMapErr transforms the Err value with f, leaving Ok unchanged.
func ResultMapErr[T, E, F any](r Result[T, E], f func(E) F) Result[T, F] {
	if r.Tag == ResultOk {
		return MakeResultOk[T, F](r.OkVal)
	}
	return MakeResultErr[T](f(r.ErrVal))
}

// ResultMapOr returns def for Err, otherwise f(ok).
func ResultMapOr[T, E, U any](r Result[T, E], def U, f func(T) U) U {
	if r.Tag == ResultOk {
		return f(r.OkVal)
	}
	return def
}

// ResultMapOrElse returns def(err) for Err, otherwise f(ok).
func ResultMapOrElse[T, E, U any](r Result[T, E], def func(E) U, f func(T) U) U {
	if r.Tag == ResultOk {
		return f(r.OkVal)
	}
	return def(r.ErrVal)
}

// ResultAndThen returns f(ok) for Ok, leaving Err unchanged.
func ResultAndThen[T, E, U any](r Result[T, E], f func(T) Result[U, E]) Result[U, E] {
	if r.Tag == ResultOk {
		return f(r.OkVal)
	}
	return MakeResultErr[U](r.ErrVal)
}

// ResultOrElse returns f(err) for Err, leaving Ok unchanged.
func ResultOrElse[T, E, F any](r Result[T, E], f func(E) Result[T, F]) Result[T, F] {
	if r.Tag == ResultOk {
		return MakeResultOk[T, F](r.OkVal)
	}
	return f(r.ErrVal)
}

// WrapErr wraps err with msg ("msg: err"), keeping err reachable through
// errors.Is / errors.As. A nil err is returned unchanged.
func WrapErr(err error, msg string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", msg, err)
}

// ResultWrapErr wraps the Err value of r with msg, leaving Ok unchanged.
func ResultWrapErr[T any](r Result[T, error], msg string) Result[T, error] {
	if r.Tag == ResultOk {
		return r
	}
	return MakeResultErr[T](WrapErr(r.ErrVal, msg))
}
