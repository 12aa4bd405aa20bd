package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestDropBodies(t *testing.T) {
	// In want, # stands for a byte dropped.
	for _, c := range []struct{ src, want string }{
		{"func f() { x := 1 }", "func f() {########}"},
		{"func f() struct{ A int } { return {} }", "func f() struct{ A int } {###########}"},
		{"func f(x struct{ A int }) interface{ M() } { g() }", "func f(x struct{ A int }) interface{ M() } {#####}"},
		{"func f[T interface{ ~int }](x T) {\n\tg('}')\n}", "func f[T interface{ ~int }](x T) {\n#######\n}"},
		{"type T struct {\n\tA func() // {\n}", "type T struct {\n\tA func() // {\n}"},
		{"type T struct\n{\n\tA int\n}", "type T struct\n{\n\tA int\n}"},
		{"type T interface /* { */ { M() }", "type T interface /* { */ { M() }"},
		{"var x = []T{{1}, {2}} // c", "var x = []T{########} // c"},
		{"var (\n\tx = map[string]int{\"}\": 1}\n\ty struct{ A int }\n)", "var (\n\tx = map[string]int{######}\n\ty struct{ A int }\n)"},
		{"var s = `{\n}` + \"{\"\nfunc f() { s := `}` }", "var s = `{\n}` + \"{\"\nfunc f() {##########}"},
		{"func (r *R[K]) M() (struct{}, error) { /* } */ }", "func (r *R[K]) M() (struct{}, error) {#########}"},
		// Left alone: a //line directive, which a dropped body would lose;
		// an unterminated comment; unbalanced brackets.
		{"func f() {\n//line x.go:1\n}", "func f() {\n//line x.go:1\n}"},
		{"func f() { /* }", "func f() { /* }"},
		{"func f() { g() }\nvar x = h(]", "func f() { g() }\nvar x = h(]"},
	} {
		if got, want := dropBodies([]byte(c.src)), strings.ReplaceAll(c.want, "#", ""); string(got) != want {
			t.Errorf("dropBodies(%q)\n got %q\nwant %q", c.src, got, want)
		}
	}
}

// TestDroppedBodiesDocs checks that the doc pass reads the same without
// bodies as from the source as it is, over the fixtures and some large
// standard-library packages.
func TestDroppedBodiesDocs(t *testing.T) {
	var files []string
	for _, dir := range []string{fixturesDir(t), filepath.Join(runtime.GOROOT(), "src", "net", "http"),
		filepath.Join(runtime.GOROOT(), "src", "unicode"), filepath.Join(runtime.GOROOT(), "src", "go", "types")} {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.Contains(path, "testdata") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 100 {
		t.Fatalf("only %d files found", len(files))
	}
	for _, path := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, docsMode)
		want := fileDocsOf(fset, f, err, path)
		if got := parseDocs(path); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the source without bodies gives different docs", path)
		}
	}
}
