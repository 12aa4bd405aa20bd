package main

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Package-level variables. `return nil, ErrNotFound` only says something
// about the error when ErrNotFound is known: a variable of the package that
// only its initialisation assigns, with non-nil values, and whose address
// is never taken, is non-nil once the package is initialised; one that is
// never assigned stays nil. Another package could assign an exported
// variable; that is assumed not to happen (documented in
// docs/api-model.md).

// globalNilness computes, once per package, what loads of its variables
// give; variables not in the map are unknown.
func (a *pkgAnalysis) globalNilness() map[*ssa.Global]nilness {
	if a.globals != nil {
		return a.globals
	}
	type info struct {
		stores  []*ssa.Store
		escapes bool
	}
	infos := make(map[*ssa.Global]*info)
	get := func(g *ssa.Global) *info {
		in := infos[g]
		if in == nil {
			in = &info{}
			infos[g] = in
		}
		return in
	}
	scanned := make(map[*ssa.Function]bool)
	var scan func(fn *ssa.Function)
	scan = func(fn *ssa.Function) {
		if scanned[fn] {
			return
		}
		scanned[fn] = true
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				// init functions are not members; the package
				// initialiser calls them.
				if call, ok := ins.(*ssa.Call); ok {
					if callee := call.Call.StaticCallee(); callee != nil && callee.Pkg == a.pkg && isInit(callee) {
						scan(callee)
					}
				}
				var ops [8]*ssa.Value
				for _, op := range ins.Operands(ops[:0]) {
					g, ok := (*op).(*ssa.Global)
					if !ok || g.Pkg != a.pkg {
						continue
					}
					switch ins := ins.(type) {
					case *ssa.Store:
						if ins.Addr == g && ins.Val != g {
							get(g).stores = append(get(g).stores, ins)
							continue
						}
					case *ssa.UnOp:
						if ins.Op == token.MUL {
							get(g) // a load
							continue
						}
					}
					get(g).escapes = true
				}
			}
		}
		for _, anon := range fn.AnonFuncs {
			scan(anon)
		}
	}
	for _, m := range a.pkg.Members {
		if fn, ok := m.(*ssa.Function); ok {
			scan(fn)
		}
	}
	for _, fn := range a.funcs {
		if fn.Signature.Recv() != nil {
			scan(fn)
		}
	}

	a.globals = make(map[*ssa.Global]nilness)
	for g, in := range infos {
		if in.escapes {
			continue
		}
		n := nnNil // never assigned: the zero value
		if len(in.stores) > 0 {
			n = nnNonNil
		}
		for _, st := range in.stores {
			if !isInit(st.Parent()) || !freshNonNil(st.Val) {
				n = nnUnknown
				break
			}
		}
		if n != nnUnknown {
			a.globals[g] = n
		}
	}
	return a.globals
}

// isInit reports whether fn is the package initialiser or an init function,
// which run before any other function of the package can be called.
func isInit(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Signature.Recv() == nil &&
		(fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#"))
}

// freshNonNil recognises the values package initialisation usually
// assigns: made or converted values and the known constructors. It reads
// no facts, because the facts are still being solved when it is asked.
func freshNonNil(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeChan, *ssa.MakeSlice, *ssa.MakeClosure, *ssa.Function,
		*ssa.Global, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.MakeInterface:
		return true
	case *ssa.Const:
		return !v.IsNil()
	case *ssa.ChangeType:
		return freshNonNil(v.X)
	case *ssa.Call:
		fn := v.Call.StaticCallee()
		return fn != nil && nonNilResultKnown(fn)
	}
	return false
}
