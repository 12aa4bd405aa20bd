package lisette

import "reflect"

// AssertType is Lisette's assert_type<T>: Some(v.(T)) if v holds a T, else None.
func AssertType[T any](v any) Option[T] {
	t, ok := v.(T)
	return OptionFromCommaOk(t, ok)
}

// IsNilInterface reports whether v is nil or an interface holding a typed nil
// (a nil pointer, map, slice, func or channel). Lisette treats both as None.
func IsNilInterface(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan,
		reflect.Interface, reflect.UnsafePointer:
		return rv.IsNil()
	}
	return false
}

// SliceToAny converts a []T into a []any, for spreading into Go's ...any parameters.
func SliceToAny[T any](s []T) []any {
	if s == nil {
		return nil
	}
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// Zero returns the zero value of T.
func Zero[T any]() T {
	var z T
	return z
}
