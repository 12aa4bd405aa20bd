package lisette

// PartialTag tells the variants of a Partial apart.
type PartialTag uint8

const (
	// PartialOk is the tag of a Partial carrying only a value.
	PartialOk PartialTag = iota
	// PartialErr is the tag of a Partial carrying only an error.
	PartialErr
	// PartialBoth is the tag of a Partial carrying a value and an error.
	PartialBoth
)

// Partial is Lisette's Partial<T, E>: Go's (T, error) where both may matter.
type Partial[T, E any] struct {
	Tag    PartialTag
	OkVal  T
	ErrVal E
}

// MakePartialOk returns Ok(v).
func MakePartialOk[T, E any](v T) Partial[T, E] { return Partial[T, E]{Tag: PartialOk, OkVal: v} }

// MakePartialErr returns Err(e).
func MakePartialErr[T, E any](e E) Partial[T, E] {
	return Partial[T, E]{Tag: PartialErr, ErrVal: e}
}

// MakePartialBoth returns Both(v, e).
func MakePartialBoth[T, E any](v T, e E) Partial[T, E] {
	return Partial[T, E]{Tag: PartialBoth, OkVal: v, ErrVal: e}
}

// IsOk reports whether p is Ok.
func (p Partial[T, E]) IsOk() bool { return p.Tag == PartialOk }

// IsErr reports whether p is Err.
func (p Partial[T, E]) IsErr() bool { return p.Tag == PartialErr }

// IsBoth reports whether p is Both.
func (p Partial[T, E]) IsBoth() bool { return p.Tag == PartialBoth }

// Ok returns Some(value) for Ok or Both, otherwise None.
func (p Partial[T, E]) Ok() Option[T] {
	if p.Tag != PartialErr {
		return MakeOptionSome(p.OkVal)
	}
	return Option[T]{}
}

// Err returns Some(error) for Err or Both, otherwise None.
func (p Partial[T, E]) Err() Option[E] {
	if p.Tag != PartialOk {
		return MakeOptionSome(p.ErrVal)
	}
	return Option[E]{}
}

// UnwrapOr returns the value of Ok or Both, otherwise def.
func (p Partial[T, E]) UnwrapOr(def T) T {
	if p.Tag != PartialErr {
		return p.OkVal
	}
	return def
}

// UnwrapOrElse returns the value of Ok or Both, otherwise f(err).
func (p Partial[T, E]) UnwrapOrElse(f func(E) T) T {
	if p.Tag != PartialErr {
		return p.OkVal
	}
	return f(p.ErrVal)
}

// PartialIsOk is the free-function form of Partial.IsOk.
func PartialIsOk[T, E any](p Partial[T, E]) bool { return p.IsOk() }

// PartialIsErr is the free-function form of Partial.IsErr.
func PartialIsErr[T, E any](p Partial[T, E]) bool { return p.IsErr() }

// PartialIsBoth is the free-function form of Partial.IsBoth.
func PartialIsBoth[T, E any](p Partial[T, E]) bool { return p.IsBoth() }

// PartialUnwrapOr is the free-function form of Partial.UnwrapOr.
func PartialUnwrapOr[T, E any](p Partial[T, E], def T) T { return p.UnwrapOr(def) }

// PartialUnwrapOrElse is the free-function form of Partial.UnwrapOrElse.
func PartialUnwrapOrElse[T, E any](p Partial[T, E], f func(E) T) T { return p.UnwrapOrElse(f) }

// PartialMap applies f to the value of Ok or Both, leaving Err unchanged.
func PartialMap[T, E, U any](p Partial[T, E], f func(T) U) Partial[U, E] {
	switch p.Tag {
	case PartialOk:
		return MakePartialOk[U, E](f(p.OkVal))
	case PartialBoth:
		return MakePartialBoth(f(p.OkVal), p.ErrVal)
	default:
		return MakePartialErr[U](p.ErrVal)
	}
}

// PartialMapErr applies f to the error of Err or Both, leaving Ok unchanged.
func PartialMapErr[T, E, F any](p Partial[T, E], f func(E) F) Partial[T, F] {
	switch p.Tag {
	case PartialOk:
		return MakePartialOk[T, F](p.OkVal)
	case PartialBoth:
		return MakePartialBoth(p.OkVal, f(p.ErrVal))
	default:
		return MakePartialErr[T](f(p.ErrVal))
	}
}
