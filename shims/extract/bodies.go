package main

import "bytes"

// The doc pass needs declarations, their comments and the fields and
// methods of struct and interface types, never what is inside a function
// body or a variable's composite literal; yet those are most of the bytes
// of large files (generated.pb.go's Marshal bodies and descriptor bytes,
// tables of data) and most of what go/parser would build. dropBodies
// finds them with a scanner that knows only comments, literals and
// brackets, and the parser then sees empty braces.

// dropBodies removes, in place, what lies between every pair of braces at
// the top level of src (or inside a parenthesized declaration group) that
// does not enclose the fields or methods of a struct or interface type:
// function bodies, function literals and composite literals. Their
// newlines stay, so every line keeps its number (columns and offsets do
// not, and the doc pass uses neither), and the parser reads the same
// declarations with the same comments. It returns src unchanged when the
// source has //line directives, which would be lost from inside a body,
// or when it is not well-formed enough to tell.
func dropBodies(src []byte) []byte {
	if bytes.Contains(src, []byte("//line")) || bytes.Contains(src, []byte("/*line")) {
		return src
	}
	var spans [][2]int // [start, end) to drop
	var stack []byte   // open brackets; 'g' is a declaration group's '('
	var prev []byte    // the keyword or identifier just before, if the last token was one
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '/' && i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '*'):
			if i = skipComment(src, i); i < 0 {
				return src
			}
			continue // a comment does not separate struct from its brace
		case c == '"' || c == '\'' || c == '`':
			if i = skipLiteral(src, i); i < 0 {
				return src
			}
			prev = nil
			continue
		case isWordByte(c):
			j := i + 1
			for j < len(src) && isWordByte(src[j]) {
				j++
			}
			prev = src[i:j]
			i = j
			continue
		}
		top := len(stack) == 0 || len(stack) == 1 && stack[0] == 'g'
		switch c {
		case '(':
			if p := string(prev); len(stack) == 0 && (p == "var" || p == "const" || p == "type" || p == "import") {
				stack = append(stack, 'g')
			} else {
				stack = append(stack, '(')
			}
		case '[':
			stack = append(stack, '[')
		case '{':
			if p := string(prev); top && p != "struct" && p != "interface" {
				end := matchBrace(src, i)
				if end < 0 {
					return src
				}
				spans = append(spans, [2]int{i + 1, end})
				i = end
			} else {
				stack = append(stack, '{')
			}
		case ')', ']', '}':
			if len(stack) == 0 || !closes(c, stack[len(stack)-1]) {
				return src
			}
			stack = stack[:len(stack)-1]
		}
		prev = nil
		i++
	}
	if len(stack) > 0 {
		return src
	}
	out, from := src[:0], 0
	for _, s := range spans {
		out = append(out, src[from:s[0]]...)
		for n := bytes.Count(src[s[0]:s[1]], []byte("\n")); n > 0; n-- {
			out = append(out, '\n')
		}
		from = s[1]
	}
	return append(out, src[from:]...)
}

func closes(c, open byte) bool {
	switch c {
	case ')':
		return open == '(' || open == 'g'
	case ']':
		return open == '['
	}
	return open == '{'
}

// inBody marks the bytes matchBrace stops at; it skips all others, which
// are nearly all of a body's.
var inBody = [256]bool{'{': true, '}': true, '"': true, '\'': true, '`': true, '/': true}

// matchBrace returns the index of the brace that closes the one at i, or
// -1 if there is none.
func matchBrace(src []byte, i int) int {
	depth := 0
	for i < len(src) {
		if !inBody[src[i]] {
			i++
			continue
		}
		switch c := src[i]; {
		case c == '/' && i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '*'):
			if i = skipComment(src, i); i < 0 {
				return -1
			}
			continue
		case c == '"' || c == '\'' || c == '`':
			if i = skipLiteral(src, i); i < 0 {
				return -1
			}
			continue
		case c == '{':
			depth++
		case c == '}':
			if depth--; depth == 0 {
				return i
			}
		}
		i++
	}
	return -1
}

// skipComment returns the index just past the comment at i (a line
// comment ends before its newline), or -1 if it is not terminated.
func skipComment(src []byte, i int) int {
	if src[i+1] == '/' {
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			return i + j
		}
		return len(src)
	}
	if j := bytes.Index(src[i+2:], []byte("*/")); j >= 0 {
		return i + 2 + j + 2
	}
	return -1
}

// skipLiteral returns the index just past the string or rune literal at i,
// or -1 if it is not terminated on its line (raw strings may span lines).
func skipLiteral(src []byte, i int) int {
	quote := src[i]
	if quote == '`' {
		if j := bytes.IndexByte(src[i+1:], '`'); j >= 0 {
			return i + 1 + j + 1
		}
		return -1
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case quote:
			return j + 1
		case '\\':
			j++
		case '\n':
			return -1
		}
	}
	return -1
}

// isWordByte reports whether c can be part of an identifier, keyword or
// number; bytes of multi-byte UTF-8 sequences only occur in identifiers
// outside comments and literals.
func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
