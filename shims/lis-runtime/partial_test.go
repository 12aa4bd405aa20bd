package lisette

import (
	"errors"
	"io"
	"testing"
)

func TestPartial(t *testing.T) {
	ok := MakePartialOk[int, error](5)
	bad := MakePartialErr[int](errors.New("failed"))
	both := MakePartialBoth(3, io.EOF)
	eq(t, ok, Partial[int, error]{Tag: PartialOk, OkVal: 5})
	eq(t, both.Tag, PartialBoth)
	eq(t, ok.IsOk(), true)
	eq(t, ok.IsErr(), false)
	eq(t, ok.IsBoth(), false)
	eq(t, bad.IsErr(), true)
	eq(t, both.IsBoth(), true)
	eq(t, PartialIsOk(ok), true)
	eq(t, PartialIsErr(bad), true)
	eq(t, PartialIsBoth(both), true)
	eq(t, ok.Ok(), MakeOptionSome(5))
	eq(t, both.Ok(), MakeOptionSome(3))
	eq(t, bad.Ok().IsNone(), true)
	eq(t, ok.Err().IsNone(), true)
	eq(t, both.Err(), MakeOptionSome(io.EOF))
	eq(t, bad.Err().IsSome(), true)
	eq(t, ok.UnwrapOr(0), 5)
	eq(t, both.UnwrapOr(0), 3)
	eq(t, bad.UnwrapOr(0), 0)
	eq(t, PartialUnwrapOr(bad, 1), 1)
	length := func(e error) int { return len(e.Error()) }
	eq(t, bad.UnwrapOrElse(length), 6)
	eq(t, PartialUnwrapOrElse(both, length), 3)
	remaining := func(n int) int { return 8 - n }
	eq(t, PartialMap(ok, remaining), MakePartialOk[int, error](3))
	eq(t, PartialMap(both, remaining), MakePartialBoth(5, io.EOF))
	eq(t, PartialMap(bad, remaining).IsErr(), true)
	describe := func(e error) string { return e.Error() }
	eq(t, PartialMapErr(ok, describe), MakePartialOk[int, string](5))
	eq(t, PartialMapErr(both, describe), MakePartialBoth(3, "EOF"))
	eq(t, PartialMapErr(bad, describe), MakePartialErr[int]("failed"))
}
