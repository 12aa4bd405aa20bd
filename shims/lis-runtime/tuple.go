package lisette

// Tuple2 is a Lisette tuple of 2 elements.
type Tuple2[A, B any] struct {
	First  A
	Second B
}

// MakeTuple2 builds a Tuple2.
func MakeTuple2[A, B any](a A, b B) Tuple2[A, B] {
	return Tuple2[A, B]{First: a, Second: b}
}

// Tuple3 is a Lisette tuple of 3 elements.
type Tuple3[A, B, C any] struct {
	First  A
	Second B
	Third  C
}

// MakeTuple3 builds a Tuple3.
func MakeTuple3[A, B, C any](a A, b B, c C) Tuple3[A, B, C] {
	return Tuple3[A, B, C]{First: a, Second: b, Third: c}
}

// Tuple4 is a Lisette tuple of 4 elements.
type Tuple4[A, B, C, D any] struct {
	First  A
	Second B
	Third  C
	Fourth D
}

// MakeTuple4 builds a Tuple4.
func MakeTuple4[A, B, C, D any](a A, b B, c C, d D) Tuple4[A, B, C, D] {
	return Tuple4[A, B, C, D]{First: a, Second: b, Third: c, Fourth: d}
}

// Tuple5 is a Lisette tuple of 5 elements.
type Tuple5[A, B, C, D, E any] struct {
	First  A
	Second B
	Third  C
	Fourth D
	Fifth  E
}

// MakeTuple5 builds a Tuple5.
func MakeTuple5[A, B, C, D, E any](a A, b B, c C, d D, e E) Tuple5[A, B, C, D, E] {
	return Tuple5[A, B, C, D, E]{First: a, Second: b, Third: c, Fourth: d, Fifth: e}
}
