package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tests of the command line: flags, exit codes and the output file.

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"-x", "./..."}, {"-o"}, {"-h"}} {
		code, stdout, stderr := runCmd(t, args...)
		if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "extract: ") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("run %q = %d, stdout %q, stderr %q; want 2 and one line", args, code, stdout, stderr)
		}
	}
}

func TestGoListFailure(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("modul broken\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, stdout, stderr := runCmd(t, "./...")
	if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 ||
		!strings.HasPrefix(stderr, "extract: go: errors parsing go.mod:") || !strings.Contains(stderr, "unknown directive: modul") {
		t.Errorf("exit %d, stderr %q; want 2 and go's message on one line", code, stderr)
	}
}

func TestWriteFile(t *testing.T) {
	t.Chdir(fixturesDir(t))
	out := filepath.Join(t.TempDir(), "api.json")
	code, stdout, stderr := runCmd(t, "-progress", "-o", out, "./consts", "./errors")
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "extract: loaded ") || !strings.Contains(stderr, "extract: wrote ") {
		t.Errorf("progress = %q", stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	roots := 0
	for _, p := range doc.Packages {
		if p.Root {
			roots++
		}
	}
	if roots != 2 || !hasPkg(&doc, "time") || strings.Join(doc.Patterns, " ") != "./consts ./errors" {
		t.Errorf("document has %d roots, patterns %v", roots, doc.Patterns)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("the output directory holds %d files, want only the document", len(entries))
	}

	// Without -o the document goes to stdout, and nothing else does.
	code, stdout, stderr = runCmd(t, "./consts")
	if code != 0 || stderr != "" || json.Unmarshal([]byte(stdout), &doc) != nil {
		t.Errorf("exit %d, stderr %q, stdout is not one JSON document", code, stderr)
	}
}
