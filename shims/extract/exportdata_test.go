package main

import (
	"context"
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestExportTypes checks that decoding packages on demand, roots first,
// gives the same declarations as
// go/packages decoding every package, dependencies first, with
// gcexportdata.
func TestExportTypes(t *testing.T) {
	opts := options{dir: fixturesDir(t), patterns: []string{"./...", "net/http", "go/types"}}
	eager, err := load(context.Background(), opts, true)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := load(context.Background(), opts, false)
	if err != nil {
		t.Fatal(err)
	}
	if lazy.lazy == nil {
		t.Fatal("the fixtures did not load lazily")
	}
	// Roots first, as the walk decodes them.
	var order []*packages.Package
	for _, p := range lazy.roots {
		order = append(order, p)
	}
	packages.Visit(lazy.roots, nil, func(p *packages.Package) { order = append(order, p) })
	for _, p := range order {
		if p.Types != nil {
			continue
		}
		tp, err := lazy.typesOf(p)
		if err != nil {
			t.Fatal(err)
		}
		want := eager.usable[p.PkgPath]
		if want == nil {
			t.Fatalf("%s: not loaded by go/packages", p.PkgPath)
		}
		if got, want := describe(tp), describe(want.Types); got != want {
			t.Errorf("%s: decoded differently:\n got %.500s\nwant %.500s", p.PkgPath, got, want)
		}
	}
	if e := lazy.lazy; e.decoded < 100 {
		t.Errorf("decoded only %d packages", e.decoded)
	}
}

// describe spells out every package-level object of p with its method set.
func describe(p *types.Package) string {
	var b strings.Builder
	qual := func(p *types.Package) string { return p.Path() }
	scope := p.Scope()
	names := scope.Names()
	sort.Strings(names)
	for _, name := range names {
		obj := scope.Lookup(name)
		b.WriteString(types.ObjectString(obj, qual) + "\n")
		if _, ok := obj.(*types.TypeName); ok {
			for _, t := range []types.Type{obj.Type(), types.NewPointer(obj.Type())} {
				mset := types.NewMethodSet(t)
				for i := range mset.Len() {
					b.WriteString("\t" + types.SelectionString(mset.At(i), qual) + "\n")
				}
			}
			if u, ok := obj.Type().Underlying().(*types.Struct); ok {
				for i := range u.NumFields() {
					b.WriteString("\t" + u.Tag(i) + "\n")
				}
			}
		}
	}
	return b.String()
}

// TestDecodeError checks that export data that cannot be decoded stops the
// walk with an error (on which extract loads again with go/packages).
func TestDecodeError(t *testing.T) {
	l, err := load(context.Background(), options{dir: fixturesDir(t), patterns: []string{"./consts"}}, false)
	if err != nil || l.lazy == nil {
		t.Fatalf("load = %v, lazy %v", err, l != nil && l.lazy != nil)
	}
	for _, data := range []string{"!<arch>\ngarbage", archive("u\x02\x00\x00\x00truncated")} {
		bad := filepath.Join(t.TempDir(), "bad.a")
		if err := os.WriteFile(bad, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		l.roots[0].ExportFile = bad
		if _, err := newWalker(l, nil).walk(l.roots); err == nil {
			t.Errorf("walking with export data %q succeeded", data)
		}
	}
}

// archive wraps export data as the compiler's archive file does.
func archive(data string) string {
	def := "go object linux amd64 go1.26\n\n$$B\n" + data + "\n$$\n"
	return fmt.Sprintf("!<arch>\n%-16s%-12s%-6s%-6s%-8s%-10d`\n%s", "__.PKGDEF", "0", "0", "0", "644", len(def), def)
}
