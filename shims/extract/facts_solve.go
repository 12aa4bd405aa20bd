package main

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// level is the value of one fact. Each kind of fact orders its values from
// the optimistic one (0) to the one that says most against the function
// (2), and a fact only ever moves up while the package is solved; that is
// what makes the same-package fixpoint terminate.
type level uint8

const (
	// Results: never nil / unknown / may be nil.
	lvNever, lvUnknownNil, lvMay level = 0, 1, 2
	// Parameters: does not write / unknown / writes.
	lvNo, lvUnknownWrite, lvYes level = 0, 1, 2
	// Pointer parameters: nil accepted / unknown / nil rejected.
	lvAccepted, lvUnknownAccept, lvRejected level = 0, 1, 2
)

// ev is a fact with its witness.
type ev struct {
	lv level
	at token.Pos
}

// raise returns e moved up to lv at pos; a position already held at the
// same level is kept when it comes first, so witnesses are the earliest.
func (e ev) raise(lv level, pos token.Pos) ev {
	switch {
	case lv > e.lv:
		return ev{lv, pos}
	case lv == e.lv && pos.IsValid() && (!e.at.IsValid() || pos < e.at):
		e.at = pos
	}
	return e
}

// fnFacts is what the pass knows about one function. params follows
// ssa.Function.Params, so a method's receiver is params[0].
type fnFacts struct {
	body    bool // false: no body (assembly, linkname); every fact is pessimistic
	results []resFacts
	params  []paramFacts
	returns bool // some path returns normally
	neverAt token.Pos
}

type resFacts struct {
	nilable bool // the slot's type can be nil
	withErr bool // the function's last result is error and this is not it
	nil     ev
	nwne    ev // nil_with_nil_error
}

type paramFacts struct {
	writes ev
	accept ev
}

// pkgAnalysis solves the facts of every function and method declared in
// one root package, unexported ones included since exported functions call
// them.
type pkgAnalysis struct {
	pkg     *ssa.Package
	fset    *token.FileSet
	funcs   []*ssa.Function // with facts, in declaration-name order
	facts   map[*ssa.Function]*fnFacts
	callers map[*ssa.Function]map[*ssa.Function]bool
	cur     *ssa.Function // being analysed: callee lookups record it as a caller
	errType types.Type
	failed  bool                    // the fixpoint did not settle; see solve
	globals map[*ssa.Global]nilness // see globalNilness
}

func newPkgAnalysis(spkg *ssa.Package) *pkgAnalysis {
	a := &pkgAnalysis{
		pkg:     spkg,
		fset:    spkg.Prog.Fset,
		facts:   make(map[*ssa.Function]*fnFacts),
		callers: make(map[*ssa.Function]map[*ssa.Function]bool),
		errType: types.Universe.Lookup("error").Type(),
	}
	names := make([]string, 0, len(spkg.Members))
	for name := range spkg.Members {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		switch m := spkg.Members[name].(type) {
		case *ssa.Function:
			a.add(m)
		case *ssa.Type:
			named, ok := m.Type().(*types.Named)
			if !ok || types.IsInterface(named) {
				continue
			}
			for i := 0; i < named.NumMethods(); i++ {
				a.add(spkg.Prog.FuncValue(named.Method(i)))
			}
		}
	}
	return a
}

func (a *pkgAnalysis) add(fn *ssa.Function) {
	if fn == nil || a.facts[fn] != nil || fn.Synthetic != "" {
		return
	}
	f := &fnFacts{body: fn.Blocks != nil}
	sig := fn.Signature
	res := sig.Results()
	f.results = make([]resFacts, res.Len())
	lastErr := res.Len() >= 2 && types.Identical(res.At(res.Len()-1).Type(), a.errType)
	for i := range f.results {
		f.results[i].nilable = nilable(res.At(i).Type())
		f.results[i].withErr = lastErr && i < res.Len()-1
	}
	f.params = make([]paramFacts, len(fn.Params))
	if !f.body {
		// Nothing can be said without a body, except what the known list
		// says about functions the standard library implements outside Go.
		f.returns = !neverReturnsKnown(fn)
		f.neverAt = fn.Pos()
		for i := range f.results {
			f.results[i].nil = ev{lv: lvUnknownNil}
			f.results[i].nwne = ev{lv: lvUnknownNil}
		}
		for i := range f.params {
			f.params[i] = paramFacts{writes: ev{lv: lvUnknownWrite}, accept: ev{lv: lvUnknownAccept}}
		}
	}
	a.facts[fn] = f
	a.funcs = append(a.funcs, fn)
}

// solve computes every function's facts, starting from the optimistic ones
// and re-analysing the callers of a function whose facts moved, until
// nothing moves. Since facts only move up, this settles; the bound is a
// guard against a bug turning into a hang.
func (a *pkgAnalysis) solve() {
	var queue []*ssa.Function
	queued := make(map[*ssa.Function]bool)
	for _, fn := range a.funcs {
		if a.facts[fn].body {
			queue = append(queue, fn)
			queued[fn] = true
		}
	}
	budget := 50 * (len(queue) + 1)
	for len(queue) > 0 {
		if budget--; budget < 0 {
			a.failed = true
			return
		}
		fn := queue[0]
		queue = queue[1:]
		queued[fn] = false
		if a.update(fn, a.analyze(fn)) {
			callers := make([]*ssa.Function, 0, len(a.callers[fn]))
			for c := range a.callers[fn] {
				if !queued[c] {
					callers = append(callers, c)
				}
			}
			sort.Slice(callers, func(i, j int) bool { return callers[i].Pos() < callers[j].Pos() })
			for _, c := range callers {
				queued[c] = true
				queue = append(queue, c)
			}
		}
	}
}

// update stores the new facts of fn and reports whether a level moved (the
// only change callers can see).
func (a *pkgAnalysis) update(fn *ssa.Function, nf *fnFacts) bool {
	old := a.facts[fn]
	if old.returns && !nf.returns {
		nf.returns, nf.neverAt = true, token.NoPos
	}
	// Callers analysed so far saw old, the optimistic start included.
	changed := old.returns != nf.returns
	for i := range nf.results {
		o, n := &old.results[i], &nf.results[i]
		if n.nil.lv < o.nil.lv {
			n.nil = o.nil
		}
		if n.nwne.lv < o.nwne.lv {
			n.nwne = o.nwne
		}
		changed = changed || n.nil.lv != o.nil.lv || n.nwne.lv != o.nwne.lv
	}
	for i := range nf.params {
		o, n := &old.params[i], &nf.params[i]
		if n.writes.lv < o.writes.lv {
			n.writes = o.writes
		}
		if n.accept.lv < o.accept.lv {
			n.accept = o.accept
		}
		changed = changed || n.writes.lv != o.writes.lv || n.accept.lv != o.accept.lv
	}
	a.facts[fn] = nf
	return changed
}

// callee returns the facts of the function a call statically reaches when
// it is one of this package's (a generic one through its origin), and
// records the dependency of the function being analysed on it.
func (a *pkgAnalysis) callee(c *ssa.CallCommon) (*ssa.Function, *fnFacts) {
	fn := c.StaticCallee()
	if fn == nil {
		return nil, nil
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	f := a.facts[fn]
	if f == nil {
		return fn, nil
	}
	if a.cur != nil {
		set := a.callers[fn]
		if set == nil {
			set = make(map[*ssa.Function]bool)
			a.callers[fn] = set
		}
		set[a.cur] = true
	}
	return fn, f
}

// analyze computes fn's facts from its body and the current facts of its
// same-package callees.
func (a *pkgAnalysis) analyze(fn *ssa.Function) *fnFacts {
	a.cur = fn
	defer func() { a.cur = nil }()
	old := a.facts[fn]
	nf := &fnFacts{body: true, results: make([]resFacts, len(old.results)), params: make([]paramFacts, len(old.params))}
	for i, r := range old.results {
		nf.results[i] = resFacts{nilable: r.nilable, withErr: r.withErr}
	}
	c := newFnCtx(a, fn)
	c.flow()
	nf.returns = len(c.returns) > 0 || c.mayRecover
	if neverReturnsKnown(fn) {
		nf.returns = false
	}
	if !nf.returns {
		nf.neverAt = c.neverWitness()
	}
	c.resultFacts(nf)
	for i, p := range fn.Params {
		// Only a value that refers to storage (or an interface that may
		// hold such a value) can be written through.
		if refType(p.Type()) || types.IsInterface(p.Type()) {
			nf.params[i].writes = c.writes(p)
		}
		if isPointer(p.Type()) {
			nf.params[i].accept = c.accepts(p)
		}
	}
	return nf
}

// export renders the facts of the package's exported functions and methods
// in the document's form, keyed like attachFacts expects.
func (a *pkgAnalysis) export() map[string]*Facts {
	out := make(map[string]*Facts)
	for _, fn := range a.funcs {
		f := a.facts[fn]
		if (!f.body && f.returns) || !ast.IsExported(fn.Name()) {
			continue // nothing is known without a body, but the known list
		}
		key := factKey(fn)
		if key == "" {
			continue
		}
		if jf := a.render(fn, f); jf != nil {
			out[key] = jf
		}
	}
	return out
}

func (a *pkgAnalysis) render(fn *ssa.Function, f *fnFacts) *Facts {
	pos := func(p token.Pos) string { return position(a.fset, p) }
	if !f.body {
		// syscall.Exit: declared in Go, implemented elsewhere.
		return &Facts{NeverReturns: true, NeverReturnsAt: pos(f.neverAt)}
	}
	out := &Facts{}
	some := false
	for _, r := range f.results {
		var rf ResultFacts
		if r.nilable {
			rf.Nil = nilWord(r.nil.lv)
			if r.nil.lv == lvMay {
				rf.At = pos(r.nil.at)
			}
			if r.withErr {
				rf.NilWithNilError = nilWord(r.nwne.lv)
				if r.nwne.lv == lvMay {
					rf.NilWithNilErrorAt = pos(r.nwne.at)
				}
			}
			some = true
		}
		out.Results = append(out.Results, rf)
	}
	if !some {
		out.Results = nil
	}

	params := fn.Params
	if fn.Signature.Recv() != nil && len(params) > 0 {
		recv := params[0]
		params = params[1:]
		if isPointer(recv.Type()) || isSliceOrMap(recv.Type()) {
			out.Receiver = &ReceiverFact{Writes: writeWord(f.params[0].writes.lv)}
			if f.params[0].writes.lv == lvYes {
				out.Receiver.WritesAt = pos(f.params[0].writes.at)
			}
		}
	}
	off := len(fn.Params) - len(params)
	some = false
	for i, p := range params {
		pf := f.params[off+i]
		var jf ParamFacts
		if isPointer(p.Type()) || isSliceOrMap(p.Type()) {
			jf.Writes = writeWord(pf.writes.lv)
			if pf.writes.lv == lvYes {
				jf.WritesAt = pos(pf.writes.at)
			}
			some = true
		}
		if isPointer(p.Type()) {
			jf.Nil = acceptWord(pf.accept.lv)
			if pf.accept.lv != lvUnknownAccept {
				jf.NilAt = pos(pf.accept.at)
			}
		}
		out.Params = append(out.Params, jf)
	}
	if !some {
		out.Params = nil
	}
	if !f.returns {
		out.NeverReturns = true
		out.NeverReturnsAt = pos(f.neverAt)
	}
	if out.Results == nil && out.Params == nil && out.Receiver == nil && !out.NeverReturns {
		return nil
	}
	return out
}

func nilWord(lv level) string {
	return [...]string{"never", "unknown", "may"}[lv]
}

func writeWord(lv level) string {
	return [...]string{"no", "unknown", "yes"}[lv]
}

func acceptWord(lv level) string {
	return [...]string{"accepted", "unknown", "rejected"}[lv]
}

// nilable reports whether a value of type t can be nil. A type parameter
// is not: whether it can depends on the instantiation.
func nilable(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Signature, *types.Chan, *types.Slice:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	}
	return false
}

func isPointer(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

func isSliceOrMap(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	}
	return false
}
