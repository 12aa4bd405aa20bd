package lisette

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestTuples(t *testing.T) {
	eq(t, MakeTuple2(1, "a"), Tuple2[int, string]{First: 1, Second: "a"})
	eq(t, MakeTuple3(1, "a", true), Tuple3[int, string, bool]{1, "a", true})
	eq(t, MakeTuple4(1, 2.5, "x", 'y').Fourth, 'y')
	five := MakeTuple5(1, 2, 3, 4, 5)
	eq(t, five.First+five.Second+five.Third+five.Fourth+five.Fifth, 15)
}

func TestRanges(t *testing.T) {
	eq(t, Range[int]{Start: 0, End: 5}.End, 5)
	eq(t, RangeInclusive[int]{Start: 0, End: 5}.Start, 0)
	eq(t, RangeFrom[int]{Start: 3}.Start, 3)
	eq(t, RangeTo[int]{End: 2}.End, 2)
	eq(t, RangeToInclusive[int]{End: 2}.End, 2)
}

func willPanic() int { panic("boom") }

func TestRecoverBlock(t *testing.T) {
	eq(t, RecoverBlock(func() int { return 1 }), MakeResultOk[int, PanicValue](1))
	r := RecoverBlock(willPanic)
	eq(t, r.IsErr(), true)
	pv := r.ErrVal
	eq(t, pv.Message(), "boom")
	eq(t, PanicValueMessage(pv), "boom")
	eq(t, pv.AsError().IsNone(), true)
	eq(t, strings.Contains(pv.StackTrace(), "goroutine"), true)
	eq(t, strings.Contains(PanicValueStackTrace(pv), "RecoverBlock"), true)
	eq(t, pv.Error(), "boom")
	eq(t, pv.String(), "boom")

	digits := []int{1, 2, 3}
	i := 10
	r2 := RecoverBlock(func() int { return digits[i] })
	eq(t, r2.ErrVal.Message(), "index out of range [10] with length 3")
	asErr := r2.ErrVal.AsError()
	eq(t, asErr.IsSome(), true)
	eq(t, asErr.SomeVal.Error(), "index out of range [10] with length 3")
	eq(t, PanicValueAsError(r2.ErrVal).IsSome(), true)

	custom := errors.New("custom")
	r3 := RecoverBlock(func() struct{} { panic(custom) })
	eq(t, r3.ErrVal.Message(), "custom")
	eq(t, r3.ErrVal.AsError(), MakeOptionSome(custom))
	r4 := RecoverBlock(func() int { panic(42) })
	eq(t, r4.ErrVal.Message(), "42")
}

type nilReader struct{}

func (*nilReader) Read([]byte) (int, error) { return 0, io.EOF }

func TestHelpers(t *testing.T) {
	var unknown any = 42
	eq(t, AssertType[int](unknown), MakeOptionSome(42))
	eq(t, AssertType[string](unknown).IsNone(), true)
	eq(t, IsNilInterface(nil), true)
	var p *nilReader
	var r io.Reader = p
	eq(t, IsNilInterface(r), true)
	eq(t, IsNilInterface(&nilReader{}), false)
	eq(t, IsNilInterface(0), false)
	var m map[string]int
	eq(t, IsNilInterface(m), true)
	anys := SliceToAny([]int{1, 2})
	eq(t, len(anys), 2)
	eq(t, anys[1], any(2))
	eq(t, SliceToAny[int](nil) == nil, true)
	eq(t, Zero[int](), 0)
	eq(t, Zero[string](), "")
}

func TestStrings(t *testing.T) {
	eq(t, StringLength("café"), 5)
	eq(t, StringIsEmpty(""), true)
	eq(t, StringContains("hello world", "world"), true)
	eq(t, strings.Join(StringSplit("alice,30,berlin", ","), "|"), "alice|30|berlin")
	eq(t, StringStartsWith("go:fmt", "go:"), true)
	eq(t, StringEndsWith("main.lis", ".lis"), true)
	eq(t, StringByteAt("hello", 0), byte(104))
	eq(t, RuneAt("café", 3), rune(233))
	eq(t, StringRuneAt("café", 0), 'c')
	eq(t, string(StringBytes("hi")), "hi")
	eq(t, len(StringRunes("café")), 4)
	eq(t, RuneCount("café"), 4)
	eq(t, Substring("hello world", 0, 5), "hello")
	eq(t, Substring("héllo", 1, 4), "éll")
	eq(t, SubstringFrom("hello world", 6), "world")
	eq(t, SubstringTo("héllo", 2), "hé")
	eq(t, StringSubstring("hello world", Range[int]{0, 5}), "hello")
	eq(t, StringSubstring("héllo", RangeInclusive[int]{1, 3}), "éll")
	eq(t, StringSubstring("héllo", RangeFrom[int]{1}), "éllo")
	eq(t, StringSubstring("héllo", RangeTo[int]{1}), "h")
	eq(t, StringSubstring("héllo", RangeToInclusive[int]{1}), "hé")
	eq(t, RecoverBlock(func() rune { return RuneAt("ab", 2) }).IsErr(), true)
	eq(t, RecoverBlock(func() string { return Substring("ab", 1, 3) }).IsErr(), true)
	eq(t, RecoverBlock(func() string { return Substring("ab", 2, 1) }).IsErr(), true)
	eq(t, RecoverBlock(func() string { return StringSubstring("ab", 1) }).IsErr(), true)
}
