package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"sync"
	"time"
)

// options is everything a run depends on besides the environment.
type options struct {
	dir      string    // directory to run go list in; "" means the current one
	patterns []string  // go list patterns, as given
	tags     []string  // build tags
	progress io.Writer // receives progress lines; nil for none
	facts    bool      // read function bodies (roots and non-std closure) for evidence
}

// extract loads the packages named by opts.patterns and builds the document
// describing them and their closure. The error means nothing could be
// loaded at all.
func extract(ctx context.Context, opts options) (*Document, error) {
	envc := make(chan goEnvResult, 1)
	go func() {
		env, err := readGoEnv(ctx, opts.dir)
		envc <- goEnvResult{env, err}
	}()
	env := sync.OnceValues(func() (goEnv, error) {
		r := <-envc
		return r.env, r.err
	})
	doc, err := extractWith(ctx, opts, env, false)
	if errors.Is(err, errDecode) {
		// Export data that go list produced but that cannot be decoded
		// makes a package unusable, and go/packages knows best how to
		// report that; it decodes everything, so it is only asked then.
		if opts.progress != nil {
			fmt.Fprintf(opts.progress, "extract: %s; loading again\n", oneLine(err.Error()))
		}
		doc, err = extractWith(ctx, opts, env, true)
	}
	return doc, err
}

// errDecode marks an error decoding export data.
var errDecode = errors.New("decoding export data")

// extractWith runs the passes: load; the walk, which decodes types as it
// reaches packages and hands their files to the doc pass as it goes; the
// facts pass, when asked for, which shares the doc pass's workers. With
// eager set, go/packages decodes all types up front.
func extractWith(ctx context.Context, opts options, env func() (goEnv, error), eager bool) (*Document, error) {
	start := time.Now()
	l, err := load(ctx, opts, eager)
	if err != nil {
		return nil, err
	}
	opts.logf(start, "loaded %d packages (%d matched)", l.count, len(l.roots))

	// While the walk runs, the doc pass gets the other processors: the walk
	// is sequential and the longest pass, so it should not wait for them.
	procs := runtime.GOMAXPROCS(0)
	workers := newPool(max(procs-1, 1))
	defer workers.wait()

	start = time.Now()
	w := newWalker(l, func(po *pkgOut) { queueDocs(workers, po) })
	out, err := w.walk(l.roots)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errDecode, err)
	}
	decls, methods := 0, 0
	for _, po := range out {
		decls += len(po.model.Decls)
		for _, d := range po.model.Decls {
			methods += len(d.Methods)
		}
	}
	opts.logf(start, "encoded %d packages, %d declarations, %d methods", len(out), decls, methods)
	walked := time.Now()

	goenv, err := env()
	if err != nil {
		return nil, err
	}
	var facts []*factsJob
	if opts.facts {
		if facts, err = queueFacts(workers, l, out, goenv.GOARCH); err != nil {
			return nil, fmt.Errorf("%w: %v", errDecode, err)
		}
	}
	workers.grow(procs)
	workers.wait()
	// The doc pass ran alongside the walk; what it took beyond the walk is
	// what it cost.
	parseErrs, docsEnd := attachAllDocs(out)
	opts.logd(max(docsEnd.Sub(walked), 0), "read docs from %d files", countFiles(out))
	if opts.facts {
		skipped, took := attachAllFacts(facts)
		if opts.progress != nil {
			for _, s := range skipped {
				fmt.Fprintf(opts.progress, "extract: no facts for %s\n", oneLine(s))
			}
		}
		opts.logd(took, "read function bodies of %d packages", countAnalyzed(out))
	}
	doc := &Document{
		Schema:    schemaVersion,
		GoVersion: goenv.GOVERSION,
		Build: Build{
			GOOS:   goenv.GOOS,
			GOARCH: goenv.GOARCH,
			Tags:   opts.tags,
			Cgo:    goenv.CGOENABLED == "1",
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

func countAnalyzed(out []*pkgOut) int {
	n := 0
	for _, po := range out {
		if analyzed(po) {
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
	o.logd(time.Since(start), format, args...)
}

// logd prints one progress line with a duration.
func (o options) logd(d time.Duration, format string, args ...any) {
	if o.progress == nil {
		return
	}
	fmt.Fprintf(o.progress, "extract: "+format+" in %.2fs\n", append(args, d.Seconds())...)
}
