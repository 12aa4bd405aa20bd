package lisette

import (
	"errors"
	"strconv"
	"testing"
)

func atoi(s string) Result[int, error] { return ResultFromPair(strconv.Atoi(s)) }

func TestResultConstructorsAndAdapters(t *testing.T) {
	eq(t, MakeResultOk[int, string](1), Result[int, string]{Tag: ResultOk, OkVal: 1})
	eq(t, MakeResultErr[int]("e"), Result[int, string]{Tag: ResultErr, ErrVal: "e"})
	eq(t, atoi("8080"), MakeResultOk[int, error](8080))
	r := atoi("x")
	eq(t, r.IsErr(), true)
	eq(t, errors.Is(r.ErrVal, strconv.ErrSyntax), true)
}

func TestResultMethods(t *testing.T) {
	ok, bad := atoi("8080"), atoi("x")
	eq(t, ok.IsOk(), true)
	eq(t, ok.IsErr(), false)
	eq(t, bad.IsOk(), false)
	eq(t, bad.IsErr(), true)
	eq(t, ResultIsOk(ok), true)
	eq(t, ResultIsErr(bad), true)
	eq(t, ok.Ok(), MakeOptionSome(8080))
	eq(t, bad.Ok().IsNone(), true)
	eq(t, ok.Err().IsNone(), true)
	eq(t, bad.Err().IsSome(), true)
	eq(t, ok.UnwrapOr(80), 8080)
	eq(t, bad.UnwrapOr(80), 80)
	eq(t, ResultUnwrapOr(bad, 81), 81)
	seen := ""
	eq(t, bad.UnwrapOrElse(func(e error) int { seen = e.Error(); return 80 }), 80)
	eq(t, seen, `strconv.Atoi: parsing "x": invalid syntax`)
	eq(t, ResultUnwrapOrElse(ok, func(error) int { return 0 }), 8080)
}

func TestResultGenericFunctions(t *testing.T) {
	ok, bad := atoi("8080"), atoi("x")
	double := func(n int) int { return n * 2 }
	eq(t, ResultMap(ok, double), MakeResultOk[int, error](16160))
	eq(t, ResultMap(bad, double).IsErr(), true)
	describe := func(e error) string { return e.Error() }
	eq(t, ResultMapErr(ok, describe), MakeResultOk[int, string](8080))
	eq(t, ResultMapErr(bad, describe), MakeResultErr[int](`strconv.Atoi: parsing "x": invalid syntax`))
	eq(t, ResultMapOr(ok, 0, double), 16160)
	eq(t, ResultMapOr(bad, 0, double), 0)
	eq(t, ResultMapOrElse(ok, describe, strconv.Itoa), "8080")
	eq(t, ResultMapOrElse(bad, describe, strconv.Itoa), `strconv.Atoi: parsing "x": invalid syntax`)
	check := func(n int) Result[int, error] {
		if n <= 65535 {
			return MakeResultOk[int, error](n)
		}
		return MakeResultErr[int](errors.New("port out of range"))
	}
	eq(t, ResultAndThen(ok, check), MakeResultOk[int, error](8080))
	eq(t, ResultAndThen(atoi("70000"), check).ErrVal.Error(), "port out of range")
	eq(t, ResultAndThen(bad, check).IsErr(), true)
	fallback := func(error) Result[int, error] { return atoi("80") }
	eq(t, ResultOrElse(bad, fallback), MakeResultOk[int, error](80))
	eq(t, ResultOrElse(ok, fallback), MakeResultOk[int, error](8080))
}

func TestResultWrapErr(t *testing.T) {
	wrapped := ResultWrapErr(atoi("x"), "read port")
	eq(t, wrapped.ErrVal.Error(), `read port: strconv.Atoi: parsing "x": invalid syntax`)
	eq(t, errors.Is(wrapped.ErrVal, strconv.ErrSyntax), true)
	eq(t, ResultWrapErr(atoi("1"), "read port"), MakeResultOk[int, error](1))
	eq(t, WrapErr(nil, "x"), nil)
	eq(t, WrapErr(errors.New("b"), "a").Error(), "a: b")
}
