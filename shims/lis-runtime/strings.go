package lisette

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// RuneAt returns the rune at rune index i of s. It panics when i is out of range.
func RuneAt(s string, i int) rune {
	if i < 0 {
		panic(fmt.Sprintf("rune index out of range [%d]", i))
	}
	n := 0
	for _, r := range s {
		if n == i {
			return r
		}
		n++
	}
	panic(fmt.Sprintf("rune index out of range [%d] with length %d", i, n))
}

// runeOffset returns the byte offset of rune index i in s; i may equal the
// rune count (the end of the string).
func runeOffset(s string, i int) int {
	if i < 0 {
		panic(fmt.Sprintf("substring index out of range [%d]", i))
	}
	n := 0
	for off := range s {
		if n == i {
			return off
		}
		n++
	}
	if n == i {
		return len(s)
	}
	panic(fmt.Sprintf("substring index out of range [%d] with length %d", i, n))
}

// Substring returns the runes of s in [start, end).
func Substring(s string, start, end int) string {
	from := runeOffset(s, start)
	to := runeOffset(s, end)
	if to < from {
		panic(fmt.Sprintf("substring bounds out of range [%d:%d]", start, end))
	}
	return s[from:to]
}

// SubstringFrom returns the runes of s from rune index start to the end.
func SubstringFrom(s string, start int) string { return s[runeOffset(s, start):] }

// SubstringTo returns the runes of s before rune index end.
func SubstringTo(s string, end int) string { return s[:runeOffset(s, end)] }

// StringSubstring returns the runes of s selected by a range value
// (Range, RangeInclusive, RangeFrom, RangeTo or RangeToInclusive of int).
func StringSubstring[R any](s string, r R) string {
	switch v := any(r).(type) {
	case Range[int]:
		return Substring(s, v.Start, v.End)
	case RangeInclusive[int]:
		return Substring(s, v.Start, v.End+1)
	case RangeFrom[int]:
		return SubstringFrom(s, v.Start)
	case RangeTo[int]:
		return SubstringTo(s, v.End)
	case RangeToInclusive[int]:
		return SubstringTo(s, v.End+1)
	}
	panic(fmt.Sprintf("substring: unsupported range %T", r))
}

// StringLength returns the number of bytes in s.
func StringLength(s string) int { return len(s) }

// StringIsEmpty reports whether s has length zero.
func StringIsEmpty(s string) bool { return len(s) == 0 }

// StringContains reports whether substr is within s.
func StringContains(s, substr string) bool { return strings.Contains(s, substr) }

// StringSplit splits s around each occurrence of sep.
func StringSplit(s, sep string) []string { return strings.Split(s, sep) }

// StringStartsWith reports whether s begins with prefix.
func StringStartsWith(s, prefix string) bool { return strings.HasPrefix(s, prefix) }

// StringEndsWith reports whether s ends with suffix.
func StringEndsWith(s, suffix string) bool { return strings.HasSuffix(s, suffix) }

// StringByteAt returns the byte at byte index i.
func StringByteAt(s string, i int) byte { return s[i] }

// StringRuneAt returns the rune at rune index i.
func StringRuneAt(s string, i int) rune { return RuneAt(s, i) }

// StringBytes returns the bytes of s.
func StringBytes(s string) []byte { return []byte(s) }

// StringRunes returns the runes of s.
func StringRunes(s string) []rune { return []rune(s) }

// RuneCount returns the number of runes in s.
func RuneCount(s string) int { return utf8.RuneCountInString(s) }
