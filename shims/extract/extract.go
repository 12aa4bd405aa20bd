package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"
)

// options is everything a run depends on besides the environment.
type options struct {
	dir      string    // directory to run go list in; "" means the current one
	patterns []string  // go list patterns, as given
	tags     []string  // build tags
	progress io.Writer // receives progress lines; nil for none
	facts    bool      // read the root packages' function bodies for evidence
}

// extract loads the packages named by opts.patterns and builds the document
// describing them and their closure. It runs as a list of timed passes:
// load, walk, docs, and facts when asked for. The error means nothing could
// be loaded at all.
func extract(ctx context.Context, opts options) (*Document, error) {
	envc := make(chan goEnvResult, 1)
	go func() {
		env, err := readGoEnv(ctx, opts.dir)
		envc <- goEnvResult{env, err}
	}()

	start := time.Now()
	l, err := load(ctx, opts)
	if err != nil {
		return nil, err
	}
	opts.logf(start, "loaded %d packages (%d matched)", l.count, len(l.roots))

	start = time.Now()
	w := newWalker(l.usable)
	out := w.walk(l.roots)
	decls, methods := 0, 0
	for _, po := range out {
		decls += len(po.model.Decls)
		for _, d := range po.model.Decls {
			methods += len(d.Methods)
		}
	}
	opts.logf(start, "encoded %d packages, %d declarations, %d methods", len(out), decls, methods)

	start = time.Now()
	parseErrs := readDocs(out)
	opts.logf(start, "read docs from %d files", countFiles(out))

	env := <-envc
	if env.err != nil {
		return nil, env.err
	}

	if opts.facts {
		start = time.Now()
		skipped := computeFacts(out, env.env.GOARCH)
		if opts.progress != nil {
			for _, s := range skipped {
				fmt.Fprintf(opts.progress, "extract: no facts for %s\n", oneLine(s))
			}
		}
		opts.logf(start, "read function bodies of %d root packages", countRoots(out))
	}
	doc := &Document{
		Schema:    schemaVersion,
		GoVersion: env.env.GOVERSION,
		Build: Build{
			GOOS:   env.env.GOOS,
			GOARCH: env.env.GOARCH,
			Tags:   opts.tags,
			Cgo:    env.env.CGOENABLED == "1",
		},
		Patterns: opts.patterns,
		Packages: make([]*Package, len(out)),
		Errors:   append(l.errors, parseErrs...),
	}
	for i, po := range out {
		doc.Packages[i] = po.model
	}
	sort.SliceStable(doc.Errors, func(i, j int) bool { return doc.Errors[i].Package < doc.Errors[j].Package })
	return doc, nil
}

type goEnvResult struct {
	env goEnv
	err error
}

func countRoots(out []*pkgOut) int {
	n := 0
	for _, po := range out {
		if po.model.Root {
			n++
		}
	}
	return n
}

func countFiles(out []*pkgOut) int {
	n := 0
	for _, po := range out {
		n += len(po.pkg.GoFiles)
	}
	return n
}

// logf prints one progress line with the time since start.
func (o options) logf(start time.Time, format string, args ...any) {
	if o.progress == nil {
		return
	}
	fmt.Fprintf(o.progress, "extract: "+format+" in %.2fs\n", append(args, time.Since(start).Seconds())...)
}
