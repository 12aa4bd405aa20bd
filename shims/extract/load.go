package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadMode asks for type information without syntax, read from the
// compiler's export data produced by one `go list -deps -export` run rather
// than type-checked from source, which is several times slower and needs
// far more memory. NeedExportFile is what makes go/packages pass -export
// when NeedDeps is set; without it, every dependency is type-checked from
// source (see usesExportData in go/packages).
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile | packages.NeedTypes |
	packages.NeedModule

// loaded is the outcome of the one packages.Load call.
type loaded struct {
	roots  []*packages.Package          // matched by the patterns
	usable map[string]*packages.Package // every package in the graph without errors
	errors []LoadErr                    // every error of every package in the graph
	count  int                          // packages in the graph
}

// load runs packages.Load once for all patterns. The returned error means
// the load failed as a whole (go list itself failed); errors of individual
// packages are in loaded.errors.
func load(ctx context.Context, opts options) (*loaded, error) {
	cfg := &packages.Config{Mode: loadMode, Context: ctx, Dir: opts.dir}
	if len(opts.tags) > 0 {
		cfg.BuildFlags = []string{"-tags=" + strings.Join(opts.tags, ",")}
	}
	roots, err := packages.Load(cfg, opts.patterns...)
	if err != nil {
		// go/packages wraps go list's stderr as "err: exit status 1:
		// stderr: go: ..."; the go command's own words are what a user
		// can act on.
		msg := err.Error()
		if _, stderr, ok := strings.Cut(msg, "stderr: "); ok {
			msg = stderr
		}
		return nil, errors.New(msg)
	}
	l := &loaded{roots: roots, usable: make(map[string]*packages.Package)}
	packages.Visit(roots, nil, func(p *packages.Package) {
		l.count++
		// A package with errors has no export data; go/packages then
		// type-checks what it can from source, which is only a partial
		// picture, so such a package is reported and not emitted. So is a
		// package that compiled only from source because a dependency
		// failed (it is ill-typed without errors of its own).
		if len(p.Errors) == 0 && p.Types != nil && !p.IllTyped {
			l.usable[p.PkgPath] = p
			return
		}
		seen := make(map[string]bool)
		for _, e := range p.Errors {
			msg := e.Msg
			if e.Pos != "" && e.Pos != "-" { // "-" stands for no position
				msg = e.Pos + ": " + msg
			}
			if !seen[msg] {
				seen[msg] = true
				l.errors = append(l.errors, LoadErr{Package: p.PkgPath, Message: msg})
			}
		}
		if len(p.Errors) == 0 {
			l.errors = append(l.errors, LoadErr{Package: p.PkgPath,
				Message: "no type information: it depends on packages with errors: " + strings.Join(brokenImports(p), ", ")})
		}
	})
	return l, nil
}

// brokenImports lists the direct imports of p that did not load cleanly.
// Visit calls its post function on dependencies first, so the imports
// have been judged by the time p is.
func brokenImports(p *packages.Package) []string {
	var out []string
	for _, imp := range p.Imports {
		if len(imp.Errors) > 0 || imp.Types == nil || imp.IllTyped {
			out = append(out, imp.PkgPath)
		}
	}
	sort.Strings(out)
	return out
}

// goEnv is the part of `go env` that describes the build context.
type goEnv struct {
	GOOS       string
	GOARCH     string
	GOVERSION  string
	CGOENABLED string `json:"CGO_ENABLED"`
}

// readGoEnv asks the go command (the one go/packages runs, in the same
// directory and environment) for the build context, so that GOOS set in a
// go.env file or by `go env -w` is reported as faithfully as GOOS set in the
// environment.
func readGoEnv(ctx context.Context, dir string) (goEnv, error) {
	var env goEnv
	cmd := exec.CommandContext(ctx, "go", "env", "-json", "GOOS", "GOARCH", "GOVERSION", "CGO_ENABLED")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return env, fmt.Errorf("go env: %v: %s", err, stderr.String())
	}
	err = json.Unmarshal(out, &env)
	return env, err
}
