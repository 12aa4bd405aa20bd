package main

import (
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// walker computes the closure of emitted packages and builds their
// declarations. Encoding a declaration reports every named type it uses
// (refer); a type from a package not yet emitted adds that package, whose
// exported declarations are then emitted and encoded in turn, and an
// unexported type is emitted on its own. The walk ends when no work is
// left. It runs on one goroutine: it decodes a package's types when it
// starts on the package, which must not run concurrently, go/types expands
// instantiated methods lazily, and a single pass over ~25k declarations is
// fast enough.
type walker struct {
	l       *loaded
	joined  func(*pkgOut) // called once for each package that joins the closure
	emitted map[string]*pkgOut
	todo    []*pkgOut         // packages whose exported declarations are pending
	pending []*types.TypeName // unexported types to emit
	queued  map[*types.TypeName]bool

	cur    *pkgOut                     // the package whose declaration is being encoded
	rename map[*types.TypeParam]string // receiver type parameters → the type's names

	errorType *types.Interface
}

// pkgOut is one emitted package while the walk runs.
type pkgOut struct {
	pkg     *packages.Package
	model   *Package
	imports map[string]bool
	docs    []fileDocs // what each of pkg.GoFiles says, filled in by the doc pass
}

func newWalker(l *loaded, joined func(*pkgOut)) *walker {
	return &walker{
		l:         l,
		joined:    joined,
		emitted:   make(map[string]*pkgOut),
		queued:    make(map[*types.TypeName]bool),
		errorType: types.Universe.Lookup("error").Type().Underlying().(*types.Interface),
	}
}

// walk emits the roots and everything they reach. It returns the emitted
// packages sorted by path, with sorted declarations. The error means some
// export data could not be decoded.
func (w *walker) walk(roots []*packages.Package) ([]*pkgOut, error) {
	for _, p := range roots {
		if po := w.join(p.PkgPath); po != nil {
			po.model.Root = true
		}
	}
	for len(w.todo) > 0 || len(w.pending) > 0 {
		if n := len(w.todo); n > 0 {
			po := w.todo[n-1]
			w.todo = w.todo[:n-1]
			tp, err := w.l.typesOf(po.pkg)
			if err != nil {
				return nil, err
			}
			scope := tp.Scope()
			for _, name := range scope.Names() {
				if obj := scope.Lookup(name); obj.Exported() {
					w.emit(po, obj)
				}
			}
			continue
		}
		n := len(w.pending)
		tn := w.pending[n-1]
		w.pending = w.pending[:n-1]
		w.emit(w.emitted[tn.Pkg().Path()], tn)
	}
	return w.finish(), nil
}

// join adds the package at path to the closure, once. It returns nil for a
// package that did not load cleanly: such a package is reported in errors
// and references to its types are left dangling rather than guessed.
func (w *walker) join(path string) *pkgOut {
	if po, ok := w.emitted[path]; ok {
		return po
	}
	p := w.l.usable[path]
	if p == nil {
		return nil
	}
	po := &pkgOut{pkg: p, model: newPackage(p), imports: make(map[string]bool)}
	w.emitted[path] = po
	w.todo = append(w.todo, po)
	if w.joined != nil {
		w.joined(po)
	}
	return po
}

// refer records that the declaration being encoded uses the named type or
// alias obj, pulling its package, or obj itself when it is unexported, into
// the closure.
func (w *walker) refer(obj *types.TypeName) {
	path := obj.Pkg().Path()
	if path != w.cur.model.Path {
		w.cur.imports[path] = true
	}
	// Declarations that reach the document are package-level, and so are
	// the types they can name: a type local to a function body never
	// appears outside it.
	po := w.join(path)
	if po == nil || obj.Exported() || w.queued[obj] {
		return
	}
	w.queued[obj] = true
	w.pending = append(w.pending, obj)
}

// emit builds the declaration of obj in po.
func (w *walker) emit(po *pkgOut, obj types.Object) {
	w.cur = po
	if d := w.decl(obj); d != nil {
		po.model.Decls = append(po.model.Decls, d)
	}
}

func (w *walker) finish() []*pkgOut {
	out := make([]*pkgOut, 0, len(w.emitted))
	for _, po := range w.emitted {
		sort.Slice(po.model.Decls, func(i, j int) bool { return po.model.Decls[i].Name < po.model.Decls[j].Name })
		for path := range po.imports {
			po.model.Imports = append(po.model.Imports, path)
		}
		sort.Strings(po.model.Imports)
		out = append(out, po)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].model.Path < out[j].model.Path })
	return out
}

// newPackage fills in the package facts that do not depend on the walk.
func newPackage(p *packages.Package) *Package {
	m := &Package{
		Path:     p.PkgPath,
		Name:     p.Name,
		Internal: slices.Contains(strings.Split(p.PkgPath, "/"), "internal"),
		Command:  p.Name == "main",
		Decls:    []*Decl{},
	}
	if p.Module != nil {
		m.Module = &Module{Path: p.Module.Path, Version: p.Module.Version, Main: p.Module.Main, Dir: p.Module.Dir}
		if r := p.Module.Replace; r != nil {
			m.Module.Replace = &ModuleReplace{Path: r.Path, Version: r.Version}
			if m.Module.Dir == "" {
				m.Module.Dir = r.Dir
			}
		}
	} else {
		// In module mode only standard-library packages have no module;
		// their first path element has no dot, unlike any module path's.
		m.Std = !strings.Contains(strings.SplitN(p.PkgPath, "/", 2)[0], ".")
	}
	for _, f := range p.GoFiles {
		m.Files = append(m.Files, filepath.Base(f))
	}
	sort.Strings(m.Files)
	return m
}
