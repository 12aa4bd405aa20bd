package lisette

import (
	"fmt"
	"slices"
	"testing"
)

func TestSlices(t *testing.T) {
	scores := []int{90, 75, 88}
	eq(t, len(SliceNew[int]()), 0)
	eq(t, SliceNew[int]() != nil, true)
	eq(t, slices.Equal(SliceMake[int](3), []int{0, 0, 0}), true)
	eq(t, SliceLength(scores), 3)
	eq(t, SliceIsEmpty(scores), false)
	eq(t, SliceIsEmpty(SliceNew[int]()), true)
	eq(t, SliceCapacity(scores), 3)
	grown := SliceReserve(scores, 100)
	eq(t, len(grown), 3)
	eq(t, cap(grown) >= 103, true)
	eq(t, SliceGet(scores, 1), MakeOptionSome(75))
	eq(t, SliceGet(scores, 3).IsNone(), true)
	eq(t, SliceGet(scores, -1).IsNone(), true)
	digits := []int{1, 2}
	extended := SliceAppend(digits, 3)
	eq(t, slices.Equal(extended, []int{1, 2, 3}), true)
	eq(t, slices.Equal(SliceAppend(extended, []int{4, 5}...), []int{1, 2, 3, 4, 5}), true)
	head := SliceMake[int](2)
	eq(t, SliceCopyFrom(head, scores), 2)
	eq(t, slices.Equal(head, []int{90, 75}), true)
	eq(t, slices.Equal(SliceFilter(scores, func(s int) bool { return s >= 80 }), []int{90, 88}), true)
	eq(t, slices.Equal(SliceMap(scores, func(s int) int { return s + 5 }), []int{95, 80, 93}), true)
	eq(t, SliceContains(scores, 75), true)
	eq(t, SliceContains(scores, 1), false)
	eq(t, SliceEquals(scores, []int{90, 75, 88}), true)
	eq(t, SliceEquals(scores, []int{90, 75}), false)
	eq(t, SliceEquals([][]int{{1}}, [][]int{{1}}), true)
	eq(t, SliceEquals([][]int{{1}}, [][]int{{2}}), false)
	eq(t, SliceFold(scores, 0, func(sum, s int) int { return sum + s }), 253)
	eq(t, SliceFind(scores, func(s int) bool { return s < 80 }), MakeOptionSome(75))
	eq(t, SliceFind(scores, func(s int) bool { return s > 100 }).IsNone(), true)
	eq(t, SliceAny(scores, func(s int) bool { return s < 80 }), true)
	eq(t, SliceAll(scores, func(s int) bool { return s >= 60 }), true)
	eq(t, SliceAll(scores, func(s int) bool { return s >= 80 }), false)
	eq(t, slices.Equal(SliceEnumerate(scores), scores), true)
	c := SliceClone(scores)
	c[0] = 1
	eq(t, scores[0], 90)
	rounds := [][]int{{90, 75}, {88}}
	deep := SliceCloneFunc(rounds, func(e []int) []int { return slices.Clone(e) })
	deep[0][0] = 1
	eq(t, rounds[0][0], 90)
	eq(t, SliceCloneFunc[int](nil, func(e int) int { return e }) == nil, true)
	eq(t, SliceJoin([]string{"alice", "bob", "charles"}, ", "), "alice, bob, charles")
}

func TestEnumeratedSlices(t *testing.T) {
	names := []string{"alice", "bob", "charles"}
	even := EnumeratedSliceFilter(names, func(p Tuple2[int, string]) bool { return p.First%2 == 0 })
	eq(t, len(even), 2)
	eq(t, even[1], MakeTuple2(2, "charles"))
	numbered := EnumeratedSliceMap(names, func(p Tuple2[int, string]) string { return fmt.Sprintf("%d: %s", p.First, p.Second) })
	eq(t, SliceJoin(numbered, ", "), "0: alice, 1: bob, 2: charles")
	eq(t, EnumeratedSliceFold(names, 0, func(sum int, p Tuple2[int, string]) int { return sum + len(p.Second) }), 15)
	eq(t, EnumeratedSliceFind(names, func(p Tuple2[int, string]) bool { return p.Second == "bob" }), MakeOptionSome(MakeTuple2(1, "bob")))
	eq(t, EnumeratedSliceFind(names, func(p Tuple2[int, string]) bool { return p.Second == "x" }).IsNone(), true)
	eq(t, slices.Equal(EnumeratedSliceClone(names), names), true)
}

func TestMaps(t *testing.T) {
	ages := MapFrom([]Tuple2[string, int]{MakeTuple2("alice", 30), MakeTuple2("bob", 25)})
	eq(t, MapLength(ages), 2)
	eq(t, MapIsEmpty(ages), false)
	eq(t, MapIsEmpty(MapNew[string, int]()), true)
	eq(t, MapGet(ages, "alice"), MakeOptionSome(30))
	eq(t, MapGet(ages, "bob"), MakeOptionSome(25))
	eq(t, MapGet(ages, "carol").IsNone(), true)
	cp := MapClone(ages)
	eq(t, MapEquals(cp, ages), true)
	MapDelete(cp, "alice")
	eq(t, MapLength(cp), 1)
	eq(t, MapLength(ages), 2)
	eq(t, MapEquals(cp, ages), false)
	eq(t, MapEquals(map[string]int{"a": 1}, map[string]int{"b": 1}), false)
	eq(t, MapEquals(map[string]int{"a": 1}, map[string]int{"a": 2}), false)
	nested := map[string][]int{"a": {1, 2}}
	deep := MapCloneFunc(nested, func(v []int) []int { return slices.Clone(v) })
	deep["a"][0] = 9
	eq(t, nested["a"][0], 1)
	eq(t, MapEquals(nested, map[string][]int{"a": {1, 2}}), true)
	eq(t, MapCloneFunc[string, int](nil, func(v int) int { return v }) == nil, true)
	eq(t, MapClone[string, int](nil) == nil, true)
}

func TestChannels(t *testing.T) {
	jobs := ChannelNew[int]()
	go ChannelSend(jobs, 7)
	eq(t, ChannelReceive(jobs), MakeOptionSome(7))

	ch := ChannelBuffered[int](4)
	eq(t, ChannelIsEmpty(ch), true)
	eq(t, ChannelCapacity(ch), 4)
	eq(t, ChannelSend(ch, 7), true)
	eq(t, ChannelLength(ch), 1)
	ChannelClose(ch)
	ChannelClose(ch) // safe twice
	eq(t, ChannelSend(ch, 8), false)
	eq(t, ChannelReceive(ch), MakeOptionSome(7))
	eq(t, ChannelReceive(ch).IsNone(), true)

	pair := ChannelSplit(ChannelBuffered[int](4))
	tx, rx := pair.First, pair.Second
	eq(t, SenderIsEmpty(tx), true)
	eq(t, SenderSend(tx, 7), true)
	eq(t, SenderLength(tx), 1)
	eq(t, SenderCapacity(tx), 4)
	eq(t, ReceiverLength(rx), 1)
	eq(t, ReceiverCapacity(rx), 4)
	eq(t, ReceiverIsEmpty(rx), false)
	eq(t, ReceiverReceive(rx), MakeOptionSome(7))
	SenderClose(tx)
	SenderClose(tx)
	eq(t, SenderSend(tx, 1), false)
	eq(t, ReceiverReceive(rx).IsNone(), true)
}
