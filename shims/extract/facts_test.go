package main

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Tests of the -facts pass: one expectation per function of the evidence
// fixture, each stated as the JSON the document carries, plus a few facts
// of the standard library.

var (
	evidenceOnce sync.Once
	evidenceDoc  *Document
)

// evidence is the document for the evidence fixture with -facts.
func evidence(t *testing.T) *Package {
	t.Helper()
	evidenceOnce.Do(func() {
		doc, err := extract(context.Background(), options{dir: fixturesDir(t), patterns: []string{"./evidence"}, facts: true})
		if err != nil {
			t.Fatalf("extract: %v", err)
		}
		evidenceDoc = doc
	})
	if evidenceDoc == nil {
		t.Fatal("extracting the evidence fixture failed")
	}
	return findPkg(t, evidenceDoc, fx+"evidence")
}

// at is the position ("file.go:LINE") of the line of the evidence fixture
// that contains marker, which must occur once.
func at(t *testing.T, file, marker string) string {
	t.Helper()
	f, err := os.Open(filepath.Join(fixturesDir(t), "evidence", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line := 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if strings.Contains(sc.Text(), marker) {
			if line != 0 {
				t.Fatalf("%s: %q occurs twice", file, marker)
			}
			line = n
		}
	}
	if line == 0 {
		t.Fatalf("%s has no line with %q", file, marker)
	}
	return file + ":" + strconv.Itoa(line)
}

// factsOf returns the facts of a function ("Name") or method ("Type.Name")
// of the evidence fixture.
func factsOf(t *testing.T, name string) *Facts {
	t.Helper()
	p := evidence(t)
	if typ, m, ok := strings.Cut(name, "."); ok {
		return method(t, findDecl(t, p, typ), m).Facts
	}
	return findDecl(t, p, name).Facts
}

func wantFacts(t *testing.T, name, want string) {
	t.Helper()
	wantJSON(t, name+" facts", factsOf(t, name), want)
}

func TestFactsResults(t *testing.T) {
	never := `{"results":[{"nil":"never"}]}`
	for _, name := range []string{"NewClient", "NewDefault", "Names", "DefaultLabels", "Noop", "Pick"} {
		wantFacts(t, name, never)
	}
	wantFacts(t, "Find", `{"results":[{"nil":"may","at":"`+at(t, "results.go", "Find: not found")+`"}],"params":[{"writes":"no"},{}]}`)
	// A call into another package: nothing is proved.
	wantFacts(t, "Limit", `{"results":[{"nil":"unknown"}]}`)
	// The named result is left nil on the bare return.
	wantFacts(t, "Parent", `{"results":[{"nil":"may","at":"`+at(t, "results.go", "Parent: bare return")+`"}],`+
		`"params":[{"writes":"no","nil":"rejected","nil_at":"`+at(t, "results.go", "if c.next != nil")+`"}]}`)
	wantFacts(t, "OrDefault", `{"results":[{"nil":"never"}],"params":[{"writes":"no","nil":"accepted","nil_at":"`+at(t, "results.go", "if o == nil")+`"}]}`)
	wantFacts(t, "Client.WithName", `{"results":[{"nil":"never"}],"receiver":{"writes":"yes","writes_at":"`+at(t, "results.go", "c.Name = name")+`"}}`)
	// Stopping the program on the error leaves only the non-nil client.
	wantFacts(t, "MustOpen", never)
	wantFacts(t, "Validate", `{"results":[{"nil":"may","at":"`+at(t, "results.go", "Validate: valid")+`"}],`+
		`"params":[{"writes":"no","nil":"rejected","nil_at":"`+at(t, "results.go", "if o.Retries < 0")+`"}]}`)
}

func TestFactsResultWithError(t *testing.T) {
	// The client is nil only together with an error.
	wantFacts(t, "Open", `{"results":[{"nil":"may","at":"`+at(t, "results.go", "Open: no name")+`","nil_with_nil_error":"never"},`+
		`{"nil":"may","at":"`+at(t, "results.go", "Open: client")+`"}]}`)
	// Through a same-package call and a wrapped error.
	dial := factsOf(t, "Dial").Results
	if len(dial) != 2 || dial[0].NilWithNilError != "never" || dial[0].Nil != "may" {
		t.Errorf("Dial results = %s", js(t, dial))
	}
	// Not cached is not an error: nil with a nil error.
	cached := factsOf(t, "Cached").Results[0]
	if cached.NilWithNilError != "may" || cached.NilWithNilErrorAt != at(t, "results.go", "Cached: not cached") {
		t.Errorf("Cached result = %s", js(t, cached))
	}
	// A sentinel error of the package is not nil.
	wantFacts(t, "Lookup", `{"results":[{"nil":"may","at":"`+at(t, "results.go", "Lookup: not found")+`","nil_with_nil_error":"never"},`+
		`{"nil":"may","at":"`+at(t, "results.go", "Lookup: found")+`"}]}`)
	// Named results behind a deferred call that does not recover.
	wantFacts(t, "OpenLocked", `{"results":[{"nil":"may","at":"`+at(t, "results.go", "OpenLocked: no name")+`","nil_with_nil_error":"never"},{"nil":"may","at":"`+
		at(t, "results.go", "OpenLocked: client")+`"}]}`)
	// A deferred recover may return the results as they stand, and the
	// deferred closure may set err after `return f(), nil`.
	wantFacts(t, "Safely", `{"results":[{"nil":"unknown","nil_with_nil_error":"unknown"},{"nil":"unknown"}]}`)
	wantFacts(t, "First", `{"results":[{"nil":"may","at":"`+at(t, "results.go", "First: empty")+`"}],"params":[{"writes":"no"}]}`)
	// An interface call: nothing is proved.
	wantFacts(t, "Current", `{"results":[{"nil":"unknown","nil_with_nil_error":"unknown"},{"nil":"unknown"}]}`)
}

func TestFactsWrites(t *testing.T) {
	yes := func(file, marker string) string {
		return `"writes":"yes","writes_at":"` + at(t, file, marker) + `"`
	}
	cases := map[string]string{
		"Rename":     `{"params":[{` + yes("params.go", "Rename: write") + `,"nil":"rejected","nil_at":"` + at(t, "params.go", "Rename: write") + `"},{}]}`,
		"Describe":   `{"params":[{"writes":"no","nil":"rejected","nil_at":"` + at(t, "params.go", "Describe: deref") + `"}]}`,
		"SortTags":   `{"params":[{` + yes("params.go", "SortTags: write") + `}]}`,
		"CountTags":  `{"params":[{"writes":"no"}]}`,
		"Fill":       `{"params":[{` + yes("params.go", "Fill: write") + `},{}]}`,
		"Merge":      `{"params":[{` + yes("params.go", "Merge: write") + `},{"writes":"no"}]}`,
		"Remember":   `{"params":[{"writes":"unknown","nil":"unknown"}]}`, // stored in a global
		"LogTags":    `{"params":[{"writes":"unknown"}]}`,                 // log.Println is not known to only read
		"ReadHeader": `{"results":[{"nil":"unknown"}],"params":[{},{` + yes("params.go", "ReadHeader: write") + `}]}`,
		"Next":       `{"results":[{},{"nil":"unknown"}],"params":[{},{` + yes("params.go", "Next: write") + `}]}`,
		"Reuse":      `{"results":[{"nil":"never"}],"params":[{` + yes("params.go", "Reuse: write") + `},{}]}`,
		"Link": `{"params":[{` + yes("params.go", "Link: write") + `,"nil":"rejected","nil_at":"` + at(t, "params.go", "Link: write") + `"},` +
			`{"writes":"unknown","nil":"unknown"}]}`,
	}
	for name, want := range cases {
		wantFacts(t, name, want)
	}
	receivers := map[string]string{
		"Client.Inc":      `{` + yes("params.go", "Inc: write") + `}`,
		"Client.Count":    `{"writes":"no"}`,
		"Client.AddTag":   `{` + yes("params.go", "AddTag: write") + `}`,
		"Client.Relabel":  `{` + yes("params.go", "Relabel: write") + `}`,  // through an unexported method
		"Client.SetLabel": `{` + yes("params.go", "SetLabel: write") + `}`, // inside a closure
		"Tags.Sort":       `{` + yes("params.go", "Tags.Sort: write") + `}`,
		"Tags.Has":        `{"writes":"no"}`,
		"Set.Add":         `{` + yes("params.go", "Set.Add: write") + `}`,
		"Set.Has":         `{"writes":"no"}`,
	}
	// The address of a field goes to a function: json.Unmarshal is known
	// to write it; binary.Read is not known, and &c.count is taken to be
	// passed to be written.
	receivers["Client.Decode"] = `{` + yes("params.go", "Decode: write") + `}`
	receivers["Client.ReadCount"] = `{` + yes("params.go", "ReadCount: write") + `}`
	if data := factsOf(t, "Client.Decode").Params[0]; data.Writes != "no" {
		t.Errorf("Client.Decode data = %s, want only read", js(t, data))
	}
	for name, want := range receivers {
		f := factsOf(t, name)
		if f == nil {
			t.Errorf("%s has no facts", name)
			continue
		}
		wantJSON(t, name+" receiver", f.Receiver, want)
	}
}

func TestFactsNilParams(t *testing.T) {
	wantFacts(t, "NameOf", `{"params":[{"writes":"no","nil":"accepted","nil_at":"`+at(t, "params.go", "NameOf: check")+`"}]}`)
	wantFacts(t, "MustName", `{"params":[{"writes":"no","nil":"rejected","nil_at":"`+at(t, "params.go", "MustName: deref")+`"}]}`)
	wantFacts(t, "Reset", `{"params":[{"writes":"yes","writes_at":"`+at(t, "params.go", "Reset: write")+`","nil":"accepted","nil_at":"`+at(t, "params.go", "Reset: check")+`"}]}`)
	// Compared with nil first, but the nil branch panics.
	if clear := factsOf(t, "Clear").Params[0]; clear.Nil != "rejected" || clear.NilAt != at(t, "params.go", "Clear: panic") {
		t.Errorf("Clear param = %s", js(t, clear))
	}
	wantFacts(t, "Same", `{"params":[{"writes":"no","nil":"accepted"},{"writes":"no","nil":"accepted"}]}`)
	// Touch checks c before calling Inc, which dereferences its receiver.
	touch := factsOf(t, "Touch").Params[0]
	if touch.Nil != "accepted" || touch.Writes != "yes" {
		t.Errorf("Touch param = %s", js(t, touch))
	}
}

func TestFactsNeverReturns(t *testing.T) {
	cases := map[string]string{
		"Fail":  at(t, "noreturn.go", "Fail: panic"),
		"Abort": at(t, "noreturn.go", "Abort: call"),
		"Exit":  at(t, "noreturn.go", "Exit: exit"),
		"Fatal": at(t, "noreturn.go", "Fatal: fatal"),
		"Serve": at(t, "noreturn.go", "Serve: loop"),
		"Wait":  at(t, "noreturn.go", "Wait: select"),
	}
	for name, pos := range cases {
		f := factsOf(t, name)
		if f == nil || !f.NeverReturns || f.NeverReturnsAt != pos {
			t.Errorf("%s facts = %s, want never_returns at %s", name, js(t, f), pos)
		}
	}
	for _, name := range []string{"ExitOnError", "Check", "MustOpen", "NewClient", "Recovering"} {
		if f := factsOf(t, name); f != nil && f.NeverReturns {
			t.Errorf("%s returns, yet facts = %s", name, js(t, f))
		}
	}
}

func TestFactsOnlyWhenAsked(t *testing.T) {
	// Without -facts nothing is read from bodies.
	p := findPkg(t, all(t), fx+"evidence")
	for _, d := range p.Decls {
		if d.Facts != nil {
			t.Errorf("%s has facts without -facts", d.Name)
		}
		for _, m := range d.Methods {
			if m.Facts != nil {
				t.Errorf("%s.%s has facts without -facts", d.Name, m.Name)
			}
		}
	}
	// Standard library packages in the closure have none (lis ships their
	// typedefs): unknown by omission.
	for _, d := range findPkg(t, evidenceDoc, "io").Decls {
		if d.Facts != nil {
			t.Errorf("io.%s has facts, but io is in the standard library", d.Name)
		}
	}
	// The unexported setName has facts internally but is not emitted.
	if lookupDecl(evidence(t), "setName") != nil {
		t.Error("setName was emitted")
	}
}

func TestFactsStdlib(t *testing.T) {
	doc, err := extract(context.Background(), options{dir: fixturesDir(t), patterns: []string{"errors", "os", "strings", "io", "syscall"}, facts: true})
	if err != nil {
		t.Fatal(err)
	}
	fn := func(pkg, name string) *Facts { return findDecl(t, findPkg(t, doc, pkg), name).Facts }
	meth := func(pkg, typ, name string) *Facts {
		return method(t, findDecl(t, findPkg(t, doc, pkg), typ), name).Facts
	}
	if f := fn("errors", "New"); f == nil || f.Results[0].Nil != "never" {
		t.Errorf("errors.New = %s, want a result never nil", js(t, f))
	}
	if f := fn("os", "Exit"); f == nil || !f.NeverReturns {
		t.Errorf("os.Exit = %s, want never_returns", js(t, f))
	}
	// syscall.Exit has no Go body; the known list says it.
	if f := fn("syscall", "Exit"); f == nil || !f.NeverReturns || f.Results != nil || f.Params != nil {
		t.Errorf("syscall.Exit = %s, want never_returns only", js(t, f))
	}
	if f := meth("strings", "Builder", "WriteString"); f == nil || f.Receiver == nil || f.Receiver.Writes != "yes" {
		t.Errorf("strings.Builder.WriteString = %s, want a written receiver", js(t, f))
	}
	if f := meth("strings", "Builder", "Len"); f == nil || f.Receiver == nil || f.Receiver.Writes != "no" {
		t.Errorf("strings.Builder.Len = %s, want a receiver only read", js(t, f))
	}
	if f := fn("io", "ReadFull"); f == nil || f.Params[1].Writes != "yes" {
		t.Errorf("io.ReadFull = %s, want buf written", js(t, f))
	}
	if f := fn("os", "Open"); f == nil || f.Results[0].NilWithNilError != "never" {
		t.Errorf("os.Open = %s, want the file non-nil when the error is nil", js(t, f))
	}
}

func TestFactsFlag(t *testing.T) {
	t.Chdir(fixturesDir(t))
	code, stdout, stderr := runCmd(t, "-facts", "-progress", "./evidence")
	if code != 0 || !strings.Contains(stdout, `"facts":{"results":[{"nil":"never"}]}`) {
		t.Errorf("exit %d, stderr %q; want facts in the document", code, stderr)
	}
	if !strings.Contains(stderr, "extract: read function bodies of 1 packages") || !strings.Contains(stderr, "extract: facts: functions: ") {
		t.Errorf("progress = %q", stderr)
	}
	if code, stdout, _ := runCmd(t, "./evidence"); code != 0 || strings.Contains(stdout, `"facts"`) {
		t.Errorf("exit %d; without -facts the document has facts", code)
	}
}

// A closure package outside the standard library is bound too, so its
// bodies are read: internalleak's internal/impl, reached only through
// internalleak's API, gets its facts.
func TestFactsCoverTheNonStdClosure(t *testing.T) {
	doc, err := extract(context.Background(), options{dir: fixturesDir(t), patterns: []string{"./internalleak"}, facts: true})
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	impl := findPkg(t, doc, fx+"internalleak/internal/impl")
	if impl.Root {
		t.Fatalf("internal/impl is a root; the test wants it in the closure")
	}
	var start *Method
	for _, d := range impl.Decls {
		for i := range d.Methods {
			if d.Name == "Engine" && d.Methods[i].Name == "Start" {
				start = d.Methods[i]
			}
		}
	}
	if start == nil || start.Facts == nil {
		t.Fatalf("Engine.Start has no facts: %+v", start)
	}
}
