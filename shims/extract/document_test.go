package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Tests of document-wide properties: package facts, docs and positions,
// sorting, determinism and the closedness of the closure.

func TestDocumentHeader(t *testing.T) {
	doc := all(t)
	if doc.Schema != schemaVersion || doc.GoVersion != runtime.Version() || doc.Build.GOOS == "" || doc.Build.GOARCH == "" {
		t.Errorf("header = %+v", doc)
	}
	if !slices.Equal(doc.Patterns, []string{"./..."}) {
		t.Errorf("patterns = %v", doc.Patterns)
	}
	if len(doc.Errors) != 0 {
		t.Errorf("the fixtures load with errors: %+v", doc.Errors)
	}
}

func TestPackageFacts(t *testing.T) {
	p := findPkg(t, all(t), fx+"embedding")
	if p.Module == nil || p.Module.Path != "example.com/fixtures" || !p.Module.Main || p.Module.Dir != fixturesDir(t) || p.Module.Version != "" {
		t.Errorf("embedding module = %+v", p.Module)
	}
	if !p.Root || p.Std || p.Internal || p.Command || p.Name != "embedding" {
		t.Errorf("embedding flags = %+v", p)
	}
	if !strings.HasPrefix(p.Doc, "Package embedding mirrors") || !slices.Equal(p.Files, []string{"embedding.go"}) {
		t.Errorf("embedding doc %q files %v", p.Doc, p.Files)
	}
	if p.Imports != nil {
		t.Errorf("embedding imports = %v, want none", p.Imports)
	}
	// doc.go carries the package doc of buildtags.
	if bt := findPkg(t, all(t), fx+"buildtags"); !strings.HasPrefix(bt.Doc, "Package buildtags has") {
		t.Errorf("buildtags doc = %q", bt.Doc)
	}
}

// lineOf returns the 1-based line of the first line of file that starts
// with prefix.
func lineOf(t *testing.T, file, prefix string) int {
	t.Helper()
	f, err := os.Open(filepath.Join(fixturesDir(t), file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.HasPrefix(strings.TrimSpace(sc.Text()), prefix) {
			return n
		}
	}
	t.Fatalf("%s has no line starting with %q", file, prefix)
	return 0
}

func TestDocsAndPositions(t *testing.T) {
	pod := decl(t, "embedding", "Pod")
	if want := "embedding.go:" + strconv.Itoa(lineOf(t, "embedding/embedding.go", "type Pod struct")); pod.Pos != want {
		t.Errorf("Pod pos = %s, want %s", pod.Pos, want)
	}
	if want := "embedding.go:" + strconv.Itoa(lineOf(t, "embedding/embedding.go", "func (in *Pod) DeepCopyObject")); method(t, pod, "DeepCopyObject").Pos != want {
		t.Errorf("DeepCopyObject pos = %s, want %s", method(t, pod, "DeepCopyObject").Pos, want)
	}
	if pod.Doc != "Pod is a collection of containers that can run on a host." {
		t.Errorf("Pod doc = %q", pod.Doc)
	}
	// A trailing line comment documents a field or a constant.
	if d := field(t, decl(t, "embedding", "ObjectMeta"), "Name").Doc; d != "Name must be unique within a namespace." {
		t.Errorf("ObjectMeta.Name doc = %q", d)
	}
	if d := decl(t, "consts", "PodPending").Doc; d != "PodPending means the pod is not running yet." {
		t.Errorf("PodPending doc = %q", d)
	}
	// A group's comment is about the group, not about each of its specs.
	if d := decl(t, "go-yaml", "SequenceNode").Doc; d != "" {
		t.Errorf("SequenceNode doc = %q, want none", d)
	}
	// A generic method is matched through its receiver's type name.
	if d := method(t, decl(t, "genericset", "Set"), "Has"); d.Doc != "Has reports whether item is in the set." || !strings.HasPrefix(d.Pos, "genericset.go:") {
		t.Errorf("Set.Has = %+v", d)
	}
	// An exported method of an unexported type is documented too.
	if d := method(t, decl(t, "unexported", "client"), "Get").Doc; d != "Get fetches path relative to the base URL." {
		t.Errorf("client.Get doc = %q", d)
	}
	// The build-tagged variant that was compiled is the one documented.
	fields := decl(t, "buildtags", "FieldsV1")
	if all(t).Build.GOOS == "linux" && (fields.Doc != "FieldsV1 stores a set of fields as raw JSON bytes (linux variant)." || !strings.HasPrefix(fields.Pos, "fields_linux_tag.go:")) {
		t.Errorf("FieldsV1 doc %q pos %s", fields.Doc, fields.Pos)
	}
}

func TestSorted(t *testing.T) {
	doc := all(t)
	less := func(a, b string) int { return strings.Compare(a, b) }
	paths := make([]string, len(doc.Packages))
	for i, p := range doc.Packages {
		paths[i] = p.Path
		names := make([]string, len(p.Decls))
		for j, d := range p.Decls {
			names[j] = d.Name
			var methods, promoted []string
			for _, m := range d.Methods {
				methods = append(methods, m.Name)
			}
			for _, m := range d.Promoted {
				promoted = append(promoted, m.Name)
			}
			if !slices.IsSortedFunc(methods, less) || !slices.IsSortedFunc(promoted, less) {
				t.Errorf("%s.%s: methods %v promoted %v not sorted", p.Path, d.Name, methods, promoted)
			}
		}
		if !slices.IsSortedFunc(names, less) || !slices.IsSortedFunc(p.Imports, less) || !slices.IsSortedFunc(p.Files, less) {
			t.Errorf("%s: decls, imports or files not sorted", p.Path)
		}
	}
	if !slices.IsSortedFunc(paths, less) {
		t.Errorf("packages not sorted: %v", paths)
	}
}

func TestDeterministic(t *testing.T) {
	var outputs [2][]byte
	for i := range outputs {
		var buf bytes.Buffer
		if err := encodeDocument(&buf, extractFixtures(t, nil, "./...")); err != nil {
			t.Fatal(err)
		}
		outputs[i] = buf.Bytes()
	}
	if !bytes.Equal(outputs[0], outputs[1]) {
		t.Error("two runs over the same input gave different documents")
	}
	for _, empty := range []string{`"doc":""`, `"imports":[]`, `"ptr":false`, `"tparams":null`} {
		if bytes.Contains(outputs[0], []byte(empty)) {
			t.Errorf("the document contains the empty field %s", empty)
		}
	}
}

// TestClosed checks the closure's defining property: every named type or
// alias that the document references is declared in the document, and
// every package a declaration references is listed in its imports.
func TestClosed(t *testing.T) {
	doc := all(t)
	declared := make(map[string]bool)
	for _, p := range doc.Packages {
		for _, d := range p.Decls {
			if d.Kind == "type" {
				declared[p.Path+"."+d.Name] = true
			}
		}
	}
	for _, p := range doc.Packages {
		var check func(ref *TypeRef)
		checkSig := func(sig *Signature) {
			for _, prm := range append(slices.Clone(sig.Params), sig.Results...) {
				check(prm.Type)
			}
		}
		check = func(ref *TypeRef) {
			if ref == nil {
				return
			}
			if (ref.K == "named" || ref.K == "alias") && ref.Pkg != "" {
				if !declared[ref.Pkg+"."+ref.Name] {
					t.Errorf("%s references %s.%s, which is not declared", p.Path, ref.Pkg, ref.Name)
				}
				if ref.Pkg != p.Path && !slices.Contains(p.Imports, ref.Pkg) {
					t.Errorf("%s references %s but does not list it in imports", p.Path, ref.Pkg)
				}
			}
			for _, r := range append(append(slices.Clone(ref.Args), ref.Target, ref.Key, ref.Elem), ref.Embeds...) {
				check(r)
			}
			if ref.Sig != nil {
				checkSig(ref.Sig)
			}
			for _, f := range ref.Fields {
				check(f.Type)
			}
			for _, m := range ref.Methods {
				checkSig(m.Sig)
			}
			for _, u := range ref.Union {
				for _, term := range u {
					check(term.Type)
				}
			}
		}
		for _, d := range p.Decls {
			check(d.Type)
			check(d.Underlying)
			if d.Sig != nil {
				checkSig(d.Sig)
			}
			for _, tp := range d.TParams {
				check(tp.Constraint)
			}
			for _, m := range d.Methods {
				checkSig(m.Sig)
			}
			for _, m := range d.Promoted {
				checkSig(m.Sig)
				check(m.From)
			}
		}
	}
}

// TestLoadErrors builds a module with a package that does not type-check,
// one that imports it, and a good one: the first two are reported in
// errors, the good one comes through.
func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":       "module example.com/broken\n\ngo 1.26\n",
		"good/good.go": "// Package good is fine.\npackage good\n\n// Answer is the answer.\nconst Answer = 42\n",
		"bad/bad.go":   "package bad\n\n// F is broken.\nfunc F() int { return \"x\" }\n",
		"user/user.go": "package user\n\nimport \"example.com/broken/bad\"\n\n// G calls F.\nfunc G() int { return bad.F() }\n",
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := extract(context.Background(), options{dir: dir, patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Packages) != 1 || doc.Packages[0].Path != "example.com/broken/good" || findDecl(t, doc.Packages[0], "Answer").Value.Exact != "42" {
		t.Errorf("packages = %s, want only example.com/broken/good", js(t, doc.Packages))
	}
	byPkg := make(map[string][]string)
	for _, e := range doc.Errors {
		byPkg[e.Package] = append(byPkg[e.Package], e.Message)
	}
	if msgs := strings.Join(byPkg["example.com/broken/bad"], "\n"); !strings.Contains(msgs, `cannot use "x"`) {
		t.Errorf("errors of bad = %q, want the type error", msgs)
	}
	if msgs := strings.Join(byPkg["example.com/broken/user"], "\n"); !strings.Contains(msgs, "example.com/broken/bad") {
		t.Errorf("errors of user = %q, want a mention of bad", msgs)
	}
	if len(byPkg) != 2 {
		t.Errorf("errors = %+v", doc.Errors)
	}
}
