package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// The facts pass reads function bodies of the emitted packages outside the
// standard library (the roots and their closure: a closure package's
// methods are bound too, and without evidence a method that writes through
// its receiver would be bound read-only) and states
// evidence about them (docs/api-model.md, "Facts"). Types still come from
// export data: asking go/packages for syntax would make it type-check
// every dependency from source too, which is several times slower. Instead
// each root package's files are parsed and type-checked here with
// go/types, importing its dependencies from the types decoded from their
// export data, and built into SSA form, one program per root so that the
// roots are independent and run in parallel. Only the root's own bodies are
// built; calls into other packages are opaque, which is why every fact has
// an "unknown".

// rootFacts is the outcome of the pass for one root package: facts keyed
// like docs ("Name" or "Type.Method"), or the reason there are none.
type rootFacts struct {
	facts map[string]*Facts
	err   error
}

// factsJob is the pass over one root package.
type factsJob struct {
	po         *pkgOut
	result     rootFacts
	start, end time.Time
}

// analyzed says whether the facts pass reads po's function bodies: every
// emitted package with Go files but the standard library's, whose typedefs
// lis ships itself.
func analyzed(po *pkgOut) bool {
	return (po.model.Root || !po.model.Std) && len(po.pkg.CompiledGoFiles) > 0
}

// queueFacts has the pool run the pass over the emitted root packages. It
// first decodes the roots' imports, here, as the analyses import them
// concurrently and decoding must not run then.
func queueFacts(p *pool, l *loaded, out []*pkgOut, goarch string) ([]*factsJob, error) {
	sizes := types.SizesFor("gc", goarch)
	var jobs []*factsJob
	for _, po := range out {
		if analyzed(po) {
			jobs = append(jobs, &factsJob{po: po})
		}
	}
	for _, j := range jobs {
		paths := make([]string, 0, len(j.po.pkg.Imports))
		for path := range j.po.pkg.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			if imp := l.usable[j.po.pkg.Imports[path].PkgPath]; imp != nil {
				if _, err := l.typesOf(imp); err != nil {
					return nil, err
				}
			}
		}
	}
	// The largest packages go first so that one of them does not start last
	// and leave the other workers idle.
	sort.SliceStable(jobs, func(i, k int) bool {
		return len(jobs[i].po.pkg.CompiledGoFiles) > len(jobs[k].po.pkg.CompiledGoFiles)
	})
	for _, j := range jobs {
		p.submitUrgent(func() {
			j.start = time.Now()
			j.result = analyzeRoot(j.po.pkg, sizes)
			j.end = time.Now()
		})
	}
	return jobs, nil
}

// attachAllFacts attaches the facts of the finished jobs to their
// declarations. It returns one line per root whose bodies could not be
// analysed (they simply have no facts), and the time from the first job's
// start to the last one's end.
func attachAllFacts(jobs []*factsJob) (skipped []string, took time.Duration) {
	var first, last time.Time
	for _, j := range jobs {
		if first.IsZero() || j.start.Before(first) {
			first = j.start
		}
		if j.end.After(last) {
			last = j.end
		}
		if j.result.err != nil {
			skipped = append(skipped, j.po.model.Path+": "+j.result.err.Error())
			continue
		}
		attachFacts(j.po.model, j.result.facts)
	}
	sort.Strings(skipped)
	return skipped, last.Sub(first)
}

func attachFacts(p *Package, facts map[string]*Facts) {
	for _, d := range p.Decls {
		if d.Kind == "func" {
			d.Facts = facts[d.Name]
		}
		for _, m := range d.Methods {
			m.Facts = facts[d.Name+"."+m.Name]
		}
	}
}

// analyzeRoot type-checks and builds one root package and analyses every
// function and method declared in it. A panic in go/types or go/ssa on
// unusual input costs that package its facts, not the run.
func analyzeRoot(p *packages.Package, sizes types.Sizes) (rf rootFacts) {
	defer func() {
		if r := recover(); r != nil {
			rf = rootFacts{err: fmt.Errorf("analysis failed: %v", r)}
		}
	}()
	spkg, err := buildSSA(p, sizes)
	if err != nil {
		return rootFacts{err: err}
	}
	a := newPkgAnalysis(spkg)
	a.solve()
	if a.failed {
		return rootFacts{err: fmt.Errorf("the facts did not settle")}
	}
	return rootFacts{facts: a.export()}
}

// buildSSA parses the files the compiler compiled (cgo output included),
// type-checks them against the dependencies' export data and builds SSA.
func buildSSA(p *packages.Package, sizes types.Sizes) (*ssa.Package, error) {
	fset := token.NewFileSet()
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, path := range p.CompiledGoFiles {
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	var firstErr error
	conf := types.Config{
		Importer: importerFor(p),
		Sizes:    sizes,
		Error: func(err error) {
			if firstErr == nil {
				firstErr = err
			}
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	tpkg, _ := conf.Check(p.PkgPath, fset, files, info)
	if firstErr != nil {
		return nil, fmt.Errorf("type-checking the source: %v", firstErr)
	}
	prog := ssa.NewProgram(fset, 0)
	// Build needs SSA packages for the direct imports only; their members
	// come from the export data types and have no bodies.
	for _, imp := range tpkg.Imports() {
		prog.CreatePackage(imp, nil, nil, true)
	}
	spkg := prog.CreatePackage(tpkg, files, info, false)
	spkg.Build()
	return spkg, nil
}

// importerFor resolves the import paths written in p's files (vendored
// standard-library paths included) to the packages go/packages loaded.
func importerFor(p *packages.Package) types.Importer {
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		imp := p.Imports[path]
		if imp == nil || imp.Types == nil || imp.IllTyped || len(imp.Errors) > 0 {
			return nil, fmt.Errorf("no type information for %s", path)
		}
		return imp.Types, nil
	})
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// position renders pos as "file.go:LINE", as Decl.pos does; "" when the
// position is unknown. cgo output carries //line directives, so its
// positions name the author's file.
func position(fset *token.FileSet, pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	p := fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// factKey is the key attachFacts looks a function up by.
func factKey(fn *ssa.Function) string {
	obj, _ := fn.Object().(*types.Func)
	if obj == nil {
		return ""
	}
	recv := obj.Signature().Recv()
	if recv == nil {
		return obj.Name()
	}
	t := types.Unalias(recv.Type())
	if ptr, ok := t.(*types.Pointer); ok {
		t = types.Unalias(ptr.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok {
		return ""
	}
	return named.Obj().Name() + "." + obj.Name()
}

// countFacts tallies the facts of a document, for -progress and for the
// numbers reported in docs/api-model.md.
func countFacts(doc *Document) string {
	counts := make(map[string]int)
	add := func(f *Facts) {
		if f == nil {
			return
		}
		counts["functions"]++
		for _, r := range f.Results {
			if r.Nil != "" {
				counts["results nil="+r.Nil]++
			}
			if r.NilWithNilError != "" {
				counts["results nil_with_nil_error="+r.NilWithNilError]++
			}
		}
		for _, p := range f.Params {
			if p.Writes != "" {
				counts["params writes="+p.Writes]++
			}
			if p.Nil != "" {
				counts["params nil="+p.Nil]++
			}
		}
		if f.Receiver != nil && f.Receiver.Writes != "" {
			counts["receiver writes="+f.Receiver.Writes]++
		}
		if f.NeverReturns {
			counts["never_returns"]++
		}
	}
	for _, p := range doc.Packages {
		for _, d := range p.Decls {
			add(d.Facts)
			for _, m := range d.Methods {
				add(m.Facts)
			}
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + strconv.Itoa(counts[k])
	}
	return strings.Join(parts, ", ")
}
