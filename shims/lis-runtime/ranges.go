package lisette

// Range covers Start up to End, excluding End.
type Range[T any] struct {
	Start T
	End   T
}

// RangeInclusive covers Start up to End, including End.
type RangeInclusive[T any] struct {
	Start T
	End   T
}

// RangeFrom starts at Start and has no upper bound.
type RangeFrom[T any] struct {
	Start T
}

// RangeTo covers up to End, excluding End.
type RangeTo[T any] struct {
	End T
}

// RangeToInclusive covers up to End, including End.
type RangeToInclusive[T any] struct {
	End T
}
