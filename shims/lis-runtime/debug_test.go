package lisette

import (
	"errors"
	"testing"
)

type point struct {
	X, Y int
	note string
}

type custom struct{}

func (custom) DebugString() string { return "Custom!" }

func TestDebug(t *testing.T) {
	var nilPtr *point
	var nilErr error
	cases := []struct {
		in   any
		want string
	}{
		{nil, "nil"},
		{42, "42"},
		{true, "true"},
		{2.5, "2.5"},
		{"hi", `"hi"`},
		{[]int{1, 2, 3}, "[1, 2, 3]"},
		{[2]string{"a", "b"}, `["a", "b"]`},
		{map[string]int{"b": 2, "a": 1}, `{"a": 1, "b": 2}`},
		{MakeOptionSome(3), "Some(3)"},
		{MakeOptionNone[int](), "None"},
		{MakeOptionSome([]int{1, 2}), "Some([1, 2])"},
		{MakeResultOk[int, string](1), "Ok(1)"},
		{MakeResultErr[int]("bad"), `Err("bad")`},
		{MakePartialOk[int, string](1), "Ok(1)"},
		{MakePartialErr[int]("e"), `Err("e")`},
		{MakePartialBoth(1, "e"), `Both(1, "e")`},
		{MakeTuple2(1, "a"), `(1, "a")`},
		{MakeTuple3(1, 2, 3), "(1, 2, 3)"},
		{point{X: 1, Y: 2}, "point { x: 1, y: 2 }"},
		{&point{X: 1, Y: 2}, "point { x: 1, y: 2 }"},
		{nilPtr, "nil"},
		{nilErr, "nil"},
		{errors.New("boom"), `"boom"`},
		{custom{}, "Custom!"},
		{struct{}{}, ""},
		{Range[int]{1, 3}, "1..3"},
		{RangeInclusive[int]{1, 3}, "1..=3"},
		{RangeFrom[int]{1}, "1.."},
		{RangeTo[int]{3}, "..3"},
		{RangeToInclusive[int]{3}, "..=3"},
		{PanicValue{Value: "boom"}, `PanicValue("boom")`},
		{[]any{nil, 1}, "[nil, 1]"},
	}
	for _, c := range cases {
		if got := Debug(c.in); got != c.want {
			t.Errorf("Debug(%#v) = %q, want %q", c.in, got, c.want)
		}
	}
	var fn func()
	eq(t, Debug(fn), "nil")
	eq(t, Debug(func() {}) != "", true)
}
