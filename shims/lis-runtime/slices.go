package lisette

import (
	"reflect"
	"slices"
	"strings"
)

// SliceNew returns an empty, non-nil slice.
func SliceNew[T any]() []T { return []T{} }

// SliceMake returns a slice of length zero values.
func SliceMake[T any](length int) []T { return make([]T, length) }

// SliceLength returns len(s).
func SliceLength[T any](s []T) int { return len(s) }

// SliceIsEmpty reports whether s has no elements.
func SliceIsEmpty[T any](s []T) bool { return len(s) == 0 }

// SliceCapacity returns cap(s).
func SliceCapacity[T any](s []T) int { return cap(s) }

// SliceReserve returns s with room for at least additional more elements.
func SliceReserve[T any](s []T, additional int) []T { return slices.Grow(s, additional) }

// SliceGet returns Some(s[i]), or None when i is out of bounds.
func SliceGet[T any](s []T, i int) Option[T] {
	if i < 0 || i >= len(s) {
		return Option[T]{}
	}
	return MakeOptionSome(s[i])
}

// SliceAppend returns s with elements appended.
func SliceAppend[T any](s []T, elements ...T) []T { return append(s, elements...) }

// SliceCopyFrom copies src into s and returns the number of elements copied.
func SliceCopyFrom[T any](s []T, src []T) int { return copy(s, src) }

// SliceFilter returns the elements of s for which f returns true.
func SliceFilter[T any](s []T, f func(T) bool) []T {
	out := make([]T, 0, len(s))
	for _, v := range s {
		if f(v) {
			out = append(out, v)
		}
	}
	return out
}

// SliceMap returns f applied to each element of s.
func SliceMap[T, U any](s []T, f func(T) U) []U {
	out := make([]U, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

// SliceContains reports whether s contains value.
func SliceContains[T comparable](s []T, value T) bool { return slices.Contains(s, value) }

// SliceEquals reports whether s and other hold equal elements in the same order.
func SliceEquals[T any](s, other []T) bool {
	if len(s) != len(other) {
		return false
	}
	for i := range s {
		if !valuesEqual(s[i], other[i]) {
			return false
		}
	}
	return true
}

// SliceFold reduces s to one value, starting from a.
func SliceFold[T, U any](s []T, a U, f func(U, T) U) U {
	for _, v := range s {
		a = f(a, v)
	}
	return a
}

// SliceFind returns the first element for which f returns true, or None.
func SliceFind[T any](s []T, f func(T) bool) Option[T] {
	for _, v := range s {
		if f(v) {
			return MakeOptionSome(v)
		}
	}
	return Option[T]{}
}

// SliceAny reports whether any element satisfies f.
func SliceAny[T any](s []T, f func(T) bool) bool { return slices.ContainsFunc(s, f) }

// SliceAll reports whether every element satisfies f.
func SliceAll[T any](s []T, f func(T) bool) bool {
	for _, v := range s {
		if !f(v) {
			return false
		}
	}
	return true
}

// SliceEnumerate returns s for indexed iteration (an EnumeratedSlice is the slice itself).
func SliceEnumerate[T any](s []T) []T { return s }

// SliceClone returns a shallow copy of s.
func SliceClone[T any](s []T) []T { return slices.Clone(s) }

// SliceCloneFunc returns a copy of s whose elements are copied with clone.
func SliceCloneFunc[T any](s []T, clone func(T) T) []T {
	if s == nil {
		return nil
	}
	out := make([]T, len(s))
	for i, v := range s {
		out[i] = clone(v)
	}
	return out
}

// SliceJoin joins the strings of s with sep.
func SliceJoin(s []string, sep string) string { return strings.Join(s, sep) }

// EnumeratedSliceFilter returns the (index, element) pairs for which f returns true.
func EnumeratedSliceFilter[T any](s []T, f func(Tuple2[int, T]) bool) []Tuple2[int, T] {
	out := []Tuple2[int, T]{}
	for i, v := range s {
		pair := Tuple2[int, T]{First: i, Second: v}
		if f(pair) {
			out = append(out, pair)
		}
	}
	return out
}

// EnumeratedSliceMap applies f to each (index, element) pair.
func EnumeratedSliceMap[T, U any](s []T, f func(Tuple2[int, T]) U) []U {
	out := make([]U, len(s))
	for i, v := range s {
		out[i] = f(Tuple2[int, T]{First: i, Second: v})
	}
	return out
}

// EnumeratedSliceFold reduces the (index, element) pairs, starting from a.
func EnumeratedSliceFold[T, U any](s []T, a U, f func(U, Tuple2[int, T]) U) U {
	for i, v := range s {
		a = f(a, Tuple2[int, T]{First: i, Second: v})
	}
	return a
}

// EnumeratedSliceFind returns the first (index, element) pair for which f returns true.
func EnumeratedSliceFind[T any](s []T, f func(Tuple2[int, T]) bool) Option[Tuple2[int, T]] {
	for i, v := range s {
		pair := Tuple2[int, T]{First: i, Second: v}
		if f(pair) {
			return MakeOptionSome(pair)
		}
	}
	return Option[Tuple2[int, T]]{}
}

// EnumeratedSliceClone returns a shallow copy of s.
func EnumeratedSliceClone[T any](s []T) []T { return slices.Clone(s) }

// valuesEqual compares two values the way Lisette's equals() does: with the
// value's own Equals method when it has one, else structurally.
func valuesEqual[T any](a, b T) bool {
	if eq, ok := any(a).(interface{ Equals(T) bool }); ok {
		return eq.Equals(b)
	}
	return reflect.DeepEqual(a, b)
}
