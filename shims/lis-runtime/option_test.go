package lisette

import (
	"strconv"
	"testing"
)

func eq[T comparable](t *testing.T, got, want T) {
	t.Helper()
	if got != want {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestOptionZeroValueIsNone(t *testing.T) {
	var o Option[int]
	eq(t, o.Tag, OptionNone)
	eq(t, o.IsNone(), true)
	eq(t, MakeOptionNone[int](), o)
}

func TestOptionConstructorsAndAdapters(t *testing.T) {
	eq(t, MakeOptionSome(3), Option[int]{Tag: OptionSome, SomeVal: 3})
	eq(t, OptionFromCommaOk(4, true), MakeOptionSome(4))
	eq(t, OptionFromCommaOk(4, false).IsNone(), true)
	eq(t, OptionFromNilable(5, false), MakeOptionSome(5))
	eq(t, OptionFromNilable(5, true).IsNone(), true)
	n := 6
	eq(t, OptionFromPointer(&n), MakeOptionSome(6))
	eq(t, OptionFromPointer[int](nil).IsNone(), true)
	v, ok := MakeOptionSome(7).Unwrap()
	eq(t, v, 7)
	eq(t, ok, true)
}

func TestOptionMethods(t *testing.T) {
	some, none := MakeOptionSome("alice"), MakeOptionNone[string]()
	eq(t, some.IsSome(), true)
	eq(t, none.IsSome(), false)
	eq(t, some.IsNone(), false)
	eq(t, OptionIsSome(some), true)
	eq(t, OptionIsNone(none), true)
	eq(t, some.UnwrapOr("stranger"), "alice")
	eq(t, none.UnwrapOr("stranger"), "stranger")
	eq(t, OptionUnwrapOr(none, "x"), "x")
	calls := 0
	def := func() string { calls++; return "computed" }
	eq(t, some.UnwrapOrElse(def), "alice")
	eq(t, calls, 0)
	eq(t, none.UnwrapOrElse(def), "computed")
	eq(t, OptionUnwrapOrElse(none, def), "computed")
	eq(t, none.OrElse(func() Option[string] { return MakeOptionSome("stranger") }), MakeOptionSome("stranger"))
	eq(t, OptionOrElse(some, func() Option[string] { return MakeOptionNone[string]() }), some)
	notEmpty := func(s string) bool { return s != "" }
	eq(t, some.Filter(notEmpty), some)
	eq(t, MakeOptionSome("").Filter(notEmpty).IsNone(), true)
	eq(t, OptionFilter(none, notEmpty).IsNone(), true)

	slot := MakeOptionSome("alice")
	eq(t, slot.Take(), MakeOptionSome("alice"))
	eq(t, slot.IsNone(), true)
	slot = MakeOptionSome("bob")
	eq(t, OptionTake(&slot), MakeOptionSome("bob"))
	eq(t, slot.IsNone(), true)
}

func TestOptionGenericFunctions(t *testing.T) {
	some, none := MakeOptionSome("alice"), MakeOptionNone[string]()
	length := func(s string) int { return len(s) }
	eq(t, OptionMap(some, length), MakeOptionSome(5))
	eq(t, OptionMap(none, length).IsNone(), true)
	eq(t, OptionMapOr(some, 0, length), 5)
	eq(t, OptionMapOr(none, 0, length), 0)
	eq(t, OptionMapOrElse(some, func() int { return 0 }, length), 5)
	eq(t, OptionMapOrElse(none, func() int { return -1 }, length), -1)
	ages := map[string]int{"alice": 30}
	age := func(name string) Option[int] { return MapGet(ages, name) }
	eq(t, OptionAndThen(some, age), MakeOptionSome(30))
	eq(t, OptionAndThen(MakeOptionSome("bob"), age).IsNone(), true)
	eq(t, OptionAndThen(none, age).IsNone(), true)
	eq(t, OptionOkOr(some, "no such user"), MakeResultOk[string, string]("alice"))
	eq(t, OptionOkOr(none, "no such user"), MakeResultErr[string]("no such user"))
	eq(t, OptionOkOrElse(none, func() string { return "missing" }), MakeResultErr[string]("missing"))
	eq(t, OptionOkOrElse(some, func() string { return "missing" }).IsOk(), true)
	eq(t, OptionZip(some, MakeOptionSome(30)), MakeOptionSome(MakeTuple2("alice", 30)))
	eq(t, OptionZip(some, MakeOptionNone[int]()).IsNone(), true)
	eq(t, OptionZip(none, MakeOptionSome(1)).IsNone(), true)
	eq(t, OptionFlatten(MakeOptionSome(MakeOptionSome(30))), MakeOptionSome(30))
	eq(t, OptionFlatten(MakeOptionSome(MakeOptionNone[int]())).IsNone(), true)
	eq(t, OptionFlatten(MakeOptionNone[Option[int]]()).IsNone(), true)
	eq(t, OptionMap(MakeOptionSome(8080), strconv.Itoa), MakeOptionSome("8080"))
}
