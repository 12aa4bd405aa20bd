package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// The tests run the real extraction, in process, against the fixture module
// in testdata/fixtures, with the environment the C++ side sets.

const fx = "example.com/fixtures/"

func TestMain(m *testing.M) {
	for k, v := range map[string]string{"GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GOWORK": "off"} {
		os.Setenv(k, v)
	}
	os.Exit(m.Run())
}

func fixturesDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// extractFixtures runs the extraction over the fixtures with the given
// patterns and tags.
func extractFixtures(t *testing.T, tags []string, patterns ...string) *Document {
	t.Helper()
	doc, err := extract(context.Background(), options{dir: fixturesDir(t), patterns: patterns, tags: tags})
	if err != nil {
		t.Fatalf("extract %v: %v", patterns, err)
	}
	return doc
}

var (
	allOnce sync.Once
	allDoc  *Document
)

// all is the document for ./... over the fixtures, computed once and shared
// by the tests that only read it.
func all(t *testing.T) *Document {
	t.Helper()
	allOnce.Do(func() { allDoc = extractFixtures(t, nil, "./...") })
	if allDoc == nil {
		t.Fatal("extracting the fixtures failed")
	}
	return allDoc
}

func findPkg(t *testing.T, doc *Document, path string) *Package {
	t.Helper()
	for _, p := range doc.Packages {
		if p.Path == path {
			return p
		}
	}
	t.Fatalf("package %s not emitted", path)
	return nil
}

func hasPkg(doc *Document, path string) bool {
	for _, p := range doc.Packages {
		if p.Path == path {
			return true
		}
	}
	return false
}

func findDecl(t *testing.T, p *Package, name string) *Decl {
	t.Helper()
	if d := lookupDecl(p, name); d != nil {
		return d
	}
	t.Fatalf("%s.%s not emitted", p.Path, name)
	return nil
}

func lookupDecl(p *Package, name string) *Decl {
	for _, d := range p.Decls {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// decl finds a declaration in a fixture package of the shared document.
func decl(t *testing.T, pkg, name string) *Decl {
	t.Helper()
	return findDecl(t, findPkg(t, all(t), fx+pkg), name)
}

func method(t *testing.T, d *Decl, name string) *Method {
	t.Helper()
	for _, m := range d.Methods {
		if m.Name == name {
			return m
		}
	}
	t.Fatalf("%s has no declared method %s", d.Name, name)
	return nil
}

func promotedMethod(d *Decl, name string) *Promoted {
	for _, p := range d.Promoted {
		if p.Name == name {
			return p
		}
	}
	return nil
}

func field(t *testing.T, d *Decl, name string) *Field {
	t.Helper()
	for _, f := range d.Underlying.Fields {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("%s has no field %s", d.Name, name)
	return nil
}

func ifaceMethod(t *testing.T, d *Decl, name string) *IfaceMethod {
	t.Helper()
	for _, m := range d.Underlying.Methods {
		if m.Name == name {
			return m
		}
	}
	t.Fatalf("interface %s has no method %s", d.Name, name)
	return nil
}

// js renders a value as the JSON the document would contain, which makes
// expectations about TypeRefs short and exact.
func js(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func wantJSON(t *testing.T, what string, got any, want string) {
	t.Helper()
	if g := js(t, got); g != want {
		t.Errorf("%s:\n got %s\nwant %s", what, g, want)
	}
}

// named and basic spell the JSON of common TypeRefs.
func named(pkg, name string) string {
	return `{"k":"named","pkg":"` + pkg + `","name":"` + name + `"}`
}

func basic(name string) string {
	return `{"k":"basic","name":"` + name + `"}`
}
