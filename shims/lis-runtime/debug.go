package lisette

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// debugStringer is implemented by the DebugString methods lis synthesizes
// for user structs and enums.
type debugStringer interface{ DebugString() string }

// debugFormatter is implemented by this package's own generic types.
type debugFormatter interface{ debugString() string }

// Debug renders v in Lisette's debug notation, used by test assertions and
// test logs: strings quoted, Some(x)/None, Ok(x)/Err(e), Both(x, e), tuples
// as (a, b), slices as [a, b], maps as {k: v} with sorted keys, and structs
// as Name { field: value }. Values with a DebugString method use it.
func Debug(v any) string {
	if v == nil {
		return "nil"
	}
	return debugValue(reflect.ValueOf(v), 0)
}

const maxDebugDepth = 32

func debugValue(rv reflect.Value, depth int) string {
	if !rv.IsValid() {
		return "nil"
	}
	if depth > maxDebugDepth {
		return "..."
	}
	if rv.CanInterface() {
		switch x := rv.Interface().(type) {
		case debugStringer:
			return x.DebugString()
		case debugFormatter:
			return x.debugString()
		case error:
			if rv.Kind() != reflect.Pointer || !rv.IsNil() {
				return strconv.Quote(x.Error())
			}
		}
	}
	switch rv.Kind() {
	case reflect.String:
		return strconv.Quote(rv.String())
	case reflect.Interface:
		if rv.IsNil() {
			return "nil"
		}
		return debugValue(rv.Elem(), depth+1)
	case reflect.Pointer:
		if rv.IsNil() {
			return "nil"
		}
		return debugValue(rv.Elem(), depth+1)
	case reflect.Slice, reflect.Array:
		parts := make([]string, rv.Len())
		for i := range parts {
			parts[i] = debugValue(rv.Index(i), depth+1)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case reflect.Map:
		type entry struct{ key, value string }
		entries := make([]entry, 0, rv.Len())
		iter := rv.MapRange()
		for iter.Next() {
			entries = append(entries, entry{debugValue(iter.Key(), depth+1), debugValue(iter.Value(), depth+1)})
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
		parts := make([]string, len(entries))
		for i, e := range entries {
			parts[i] = e.key + ": " + e.value
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case reflect.Struct:
		return debugStruct(rv, depth)
	case reflect.Func:
		if rv.IsNil() {
			return "nil"
		}
		return fmt.Sprintf("%p", rv.Interface())
	}
	if rv.CanInterface() {
		return fmt.Sprint(rv.Interface())
	}
	return rv.String()
}

func debugStruct(rv reflect.Value, depth int) string {
	t := rv.Type()
	name := t.Name()
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	if t.PkgPath() == reflect.TypeOf(Tuple2[int, int]{}).PkgPath() && strings.HasPrefix(name, "Tuple") {
		parts := make([]string, rv.NumField())
		for i := range parts {
			parts[i] = debugValue(rv.Field(i), depth+1)
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	var parts []string
	for i := 0; i < rv.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		parts = append(parts, lowerFirst(f.Name)+": "+debugValue(rv.Field(i), depth+1))
	}
	if len(parts) == 0 {
		return name
	}
	return name + " { " + strings.Join(parts, ", ") + " }"
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func (o Option[T]) debugString() string {
	if o.Tag == OptionSome {
		return "Some(" + Debug(o.SomeVal) + ")"
	}
	return "None"
}

func (r Result[T, E]) debugString() string {
	if r.Tag == ResultOk {
		return "Ok(" + Debug(r.OkVal) + ")"
	}
	return "Err(" + Debug(r.ErrVal) + ")"
}

func (p Partial[T, E]) debugString() string {
	switch p.Tag {
	case PartialOk:
		return "Ok(" + Debug(p.OkVal) + ")"
	case PartialBoth:
		return "Both(" + Debug(p.OkVal) + ", " + Debug(p.ErrVal) + ")"
	default:
		return "Err(" + Debug(p.ErrVal) + ")"
	}
}

func (r Range[T]) debugString() string { return Debug(r.Start) + ".." + Debug(r.End) }

func (r RangeInclusive[T]) debugString() string { return Debug(r.Start) + "..=" + Debug(r.End) }

func (r RangeFrom[T]) debugString() string { return Debug(r.Start) + ".." }

func (r RangeTo[T]) debugString() string { return ".." + Debug(r.End) }

func (r RangeToInclusive[T]) debugString() string { return "..=" + Debug(r.End) }

func (p PanicValue) debugString() string { return "PanicValue(" + strconv.Quote(p.Message()) + ")" }
