package lisette

import "maps"

// MapNew returns an empty map.
func MapNew[K comparable, V any]() map[K]V { return map[K]V{} }

// MapFrom builds a map from key-value pairs; later pairs win.
func MapFrom[K comparable, V any](pairs []Tuple2[K, V]) map[K]V {
	m := make(map[K]V, len(pairs))
	for _, p := range pairs {
		m[p.First] = p.Second
	}
	return m
}

// MapLength returns the number of entries in m.
func MapLength[K comparable, V any](m map[K]V) int { return len(m) }

// MapIsEmpty reports whether m has no entries.
func MapIsEmpty[K comparable, V any](m map[K]V) bool { return len(m) == 0 }

// MapGet returns Some(m[key]) if key is present, else None.
func MapGet[K comparable, V any](m map[K]V, key K) Option[V] {
	v, ok := m[key]
	return OptionFromCommaOk(v, ok)
}

// MapDelete removes key from m.
func MapDelete[K comparable, V any](m map[K]V, key K) { delete(m, key) }

// MapClone returns a shallow copy of m (nil stays nil).
func MapClone[K comparable, V any](m map[K]V) map[K]V { return maps.Clone(m) }

// MapCloneFunc returns a copy of m whose values are copied with clone.
func MapCloneFunc[K comparable, V any](m map[K]V, clone func(V) V) map[K]V {
	if m == nil {
		return nil
	}
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = clone(v)
	}
	return out
}

// MapEquals reports whether m and other have the same keys and values.
func MapEquals[K comparable, V any](m, other map[K]V) bool {
	if len(m) != len(other) {
		return false
	}
	for k, v := range m {
		w, ok := other[k]
		if !ok || !valuesEqual(v, w) {
			return false
		}
	}
	return true
}
