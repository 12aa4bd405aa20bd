package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/types"
	"os/exec"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// listMode asks go list for the package graph and the export data file of
// every package, without types. Types are decoded from export data, which
// is several times faster than type-checking from source and needs far less
// memory; NeedExportFile is what makes go/packages pass -export when
// NeedDeps is set. Without NeedTypes, go/packages decodes nothing: the
// types of a package are decoded on first use (typesOf), so the packages
// the closure never reaches (about half of client-go's graph) cost
// nothing, and the decoding runs while the doc pass reads sources.
// NeedTypesSizes keeps the second go list that NeedTypes implies, which
// fails on a broken go.mod that `go list -e` itself tolerates.
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile | packages.NeedModule |
	packages.NeedTypesSizes

// loadMode has go/packages decode every package's export data itself and,
// for a package that has errors or no export data, type-check what it can
// from source. It is used only when the graph has such a package, whose
// errors and partial types are then exactly go/packages' own.
const loadMode = listMode | packages.NeedTypes

// loaded is the outcome of loading the patterns.
type loaded struct {
	roots  []*packages.Package          // matched by the patterns
	usable map[string]*packages.Package // every package in the graph without errors
	errors []LoadErr                    // every error of every package in the graph
	count  int                          // packages in the graph
	lazy   *exportTypes                 // decodes types on first use; nil when loaded with loadMode
}

// load loads the package graph. With eager unset it asks go list once
// (listMode) and, when every package built cleanly, leaves types to be
// decoded on first use; otherwise, or with eager set, it loads with
// loadMode. The returned error means the load failed as a whole (go list
// itself failed); errors of individual packages are in loaded.errors.
func load(ctx context.Context, opts options, eager bool) (*loaded, error) {
	if !eager {
		roots, err := loadGraph(ctx, opts, listMode)
		if err != nil {
			return nil, err
		}
		if l := lazyLoad(roots); l != nil {
			return l, nil
		}
	}
	roots, err := loadGraph(ctx, opts, loadMode)
	if err != nil {
		return nil, err
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

// loadGraph runs packages.Load once for all patterns.
func loadGraph(ctx context.Context, opts options, mode packages.LoadMode) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: mode, Context: ctx, Dir: opts.dir}
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
	return roots, nil
}

// lazyLoad returns the graph with types left to decode, or nil when some
// package has errors or no export data.
func lazyLoad(roots []*packages.Package) *loaded {
	l := &loaded{roots: roots, usable: make(map[string]*packages.Package), lazy: newExportTypes()}
	clean := true
	packages.Visit(roots, nil, func(p *packages.Package) {
		l.count++
		l.usable[p.PkgPath] = p
		if len(p.Errors) > 0 || p.ExportFile == "" && p.PkgPath != "unsafe" {
			clean = false
		}
	})
	if !clean {
		return nil
	}
	return l
}

// typesOf returns the types of a usable package, decoding them on first
// use. It must not run concurrently with itself: decoding one package adds
// to the packages it references.
func (l *loaded) typesOf(p *packages.Package) (*types.Package, error) {
	if p.Types == nil {
		tp, err := l.lazy.decode(p)
		if err != nil {
			return nil, err
		}
		p.Types = tp
	}
	return p.Types, nil
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
