package main

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// fnCtx holds what the analysis of one function body works out once: which
// blocks run, which return, what the branch conditions say about nil, and
// the nilness of values as asked for.
type fnCtx struct {
	a  *pkgAnalysis
	fn *ssa.Function

	live       map[*ssa.BasicBlock]bool // reached from the entry without passing a call that never returns
	flows      map[*ssa.BasicBlock]bool // live, and control leaves it through its successors
	returns    []*ssa.Return            // in live blocks
	stops      []token.Pos              // panics and never-returning calls that end live blocks
	mayRecover bool                     // a deferred call may recover a panic, so the function may return through fn.Recover

	// conds maps x to the blocks entered only along one edge of an
	// `x == nil` or `x != nil` branch, with what that edge says about x.
	conds map[ssa.Value][]condFact
	// derefs maps a value to the blocks that dereference it: past such a
	// block it is not nil, or the function would have panicked.
	derefs map[ssa.Value][]*ssa.BasicBlock
	// loadConds lists, by the memory they read, the loads compared with nil.
	loadConds map[addr][]ssa.Value

	memo  map[nilKey]nilness
	depth map[nilKey]int // values being computed, by stack depth
	low   int            // lowest depth of an in-progress value consulted
	steps int
}

type condFact struct {
	b     *ssa.BasicBlock
	isNil bool
}

type nilKey struct {
	v    ssa.Value
	b    *ssa.BasicBlock
	recv bool // the receiver counts as non-nil (for results, not for guards)
}

// nilness is what is known about a value at a point.
type nilness uint8

const (
	nnNonNil  nilness = iota // not nil on any path
	nnUnknown                // nothing proved
	nnMay                    // nil on some path
	nnNil                    // nil on every path
)

// stepBudget bounds the nilness queries of one function: a huge generated
// function with long chains of φ-nodes gets unknown rather than time.
const stepBudget = 200000

func newFnCtx(a *pkgAnalysis, fn *ssa.Function) *fnCtx {
	c := &fnCtx{
		a:         a,
		fn:        fn,
		live:      make(map[*ssa.BasicBlock]bool),
		flows:     make(map[*ssa.BasicBlock]bool),
		conds:     make(map[ssa.Value][]condFact),
		derefs:    make(map[ssa.Value][]*ssa.BasicBlock),
		loadConds: make(map[addr][]ssa.Value),
		memo:      make(map[nilKey]nilness),
		depth:     make(map[nilKey]int),
	}
	return c
}

func lastInstr(b *ssa.BasicBlock) ssa.Instruction {
	if len(b.Instrs) == 0 {
		return nil
	}
	return b.Instrs[len(b.Instrs)-1]
}

// nilComparison recognises `v == nil` (eq) and `v != nil`.
func nilComparison(cond ssa.Value) (v ssa.Value, eq, ok bool) {
	bin, isBin := cond.(*ssa.BinOp)
	if !isBin || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return nil, false, false
	}
	x, y := bin.X, bin.Y
	if isNilConst(x) {
		x, y = y, x
	}
	if !isNilConst(y) || isNilConst(x) {
		return nil, false, false
	}
	return x, bin.Op == token.EQL, true
}

func isNilConst(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.IsNil() && nilable(k.Type())
}

// flow finds the live blocks, the returns in them, and what stops the
// others: a panic, a call that never returns, an empty select. The recover
// block joins when a deferred call may recover.
func (c *fnCtx) flow() {
	c.mayRecover = c.deferMayRecover()
	work := []*ssa.BasicBlock{c.fn.Blocks[0]}
	if c.mayRecover {
		work = append(work, c.fn.Recover)
	}
	for _, b := range work {
		c.live[b] = true
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		stopped := false
		for _, ins := range b.Instrs {
			if pos, ok := c.stopsAt(ins); ok {
				c.stops = append(c.stops, pos)
				stopped = true
				break
			}
			if r, ok := ins.(*ssa.Return); ok {
				c.returns = append(c.returns, r)
			}
		}
		if stopped {
			continue
		}
		c.flows[b] = true
		for _, s := range b.Succs {
			if !c.live[s] {
				c.live[s] = true
				work = append(work, s)
			}
		}
	}
	c.findConds()
}

// findConds records, for each block entered along one edge of a nil
// comparison, what the comparison says there. Only predecessors that
// control can leave count: after `if err != nil { log.Fatal(err) }` the
// join is entered only from the branch where err is nil.
func (c *fnCtx) findConds() {
	for _, b := range c.fn.Blocks {
		var pred *ssa.BasicBlock
		n := 0
		for _, p := range b.Preds {
			if c.flows[p] {
				pred = p
				n++
			}
		}
		if n != 1 {
			continue
		}
		if v, isNil, ok := edgeCond(pred, b); ok {
			if len(c.conds[v]) == 0 {
				if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
					if key, ok := addrOf(ld.X); ok {
						c.loadConds[key] = append(c.loadConds[key], v)
					}
				}
			}
			c.conds[v] = append(c.conds[v], condFact{b: b, isNil: isNil})
		}
	}
	for _, b := range c.fn.Blocks {
		if !c.flows[b] {
			continue
		}
		for _, ins := range b.Instrs {
			if v := dereferenced(ins); v != nil {
				if list := c.derefs[v]; len(list) == 0 || list[len(list)-1] != b {
					c.derefs[v] = append(list, b)
				}
			}
		}
	}
}

// dereferenced returns the value ins panics on when it is nil: the pointer
// of a field or element address, a load or a store, the map of a map
// update, the interface of a method call; and a slice that is indexed
// (a nil slice has no elements).
func dereferenced(ins ssa.Instruction) ssa.Value {
	switch ins := ins.(type) {
	case *ssa.FieldAddr:
		return ins.X
	case *ssa.IndexAddr:
		return ins.X
	case *ssa.UnOp:
		if ins.Op == token.MUL {
			return ins.X
		}
	case *ssa.Store:
		return ins.Addr
	case *ssa.MapUpdate:
		return ins.Map
	case *ssa.Slice:
		if _, ok := ins.X.Type().Underlying().(*types.Pointer); ok {
			return ins.X
		}
	case *ssa.Call:
		if ins.Call.IsInvoke() {
			return ins.Call.Value
		}
	}
	return nil
}

// edgeCond is what the branch from pred to succ says: the value compared
// with nil, and whether it is nil along that edge.
func edgeCond(pred, succ *ssa.BasicBlock) (ssa.Value, bool, bool) {
	iff, ok := lastInstr(pred).(*ssa.If)
	if !ok || pred.Succs[0] == pred.Succs[1] {
		return nil, false, false
	}
	v, eq, ok := nilComparison(iff.Cond)
	if !ok {
		return nil, false, false
	}
	return v, eq == (pred.Succs[0] == succ), true
}

// stops_ reports whether control never passes ins, and where.
func (c *fnCtx) stopsAt(ins ssa.Instruction) (token.Pos, bool) {
	switch ins := ins.(type) {
	case *ssa.Panic:
		return ins.Pos(), true
	case *ssa.Select:
		return ins.Pos(), ins.Blocking && len(ins.States) == 0
	case *ssa.Call:
		// A callee not analysed yet has the optimistic facts, in which it
		// never returns; the fixpoint revisits this call if that changes.
		if _, f := c.a.callee(ins.Common()); f != nil && !f.returns {
			return ins.Pos(), true
		}
		if fn := ins.Common().StaticCallee(); fn != nil && neverReturnsKnown(fn) {
			return ins.Pos(), true
		}
	}
	return token.NoPos, false
}

// deferMayRecover reports whether a deferred call may call recover, which
// would let the function return normally after a panic. A deferred function
// of this package recovers if its own body calls recover; one of another
// package is assumed to when it is a package-level function (like
// k8s.io/apimachinery's HandleCrash) or a function value, not when it is a
// method (Unlock, Close, Done), which by convention does not.
func (c *fnCtx) deferMayRecover() bool {
	if c.fn.Recover == nil {
		return false
	}
	for _, b := range c.fn.Blocks {
		for _, ins := range b.Instrs {
			d, ok := ins.(*ssa.Defer)
			if !ok {
				continue
			}
			if d.Call.IsInvoke() {
				continue
			}
			callee := d.Call.StaticCallee()
			switch {
			case callee == nil:
				if _, builtin := d.Call.Value.(*ssa.Builtin); !builtin {
					return true
				}
			case callee.Blocks != nil:
				if callsRecover(callee) {
					return true
				}
			case callee.Signature.Recv() == nil:
				return true
			}
		}
	}
	return false
}

func callsRecover(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if call, ok := ins.(*ssa.Call); ok {
				if bi, ok := call.Call.Value.(*ssa.Builtin); ok && bi.Name() == "recover" {
					return true
				}
			}
		}
	}
	return false
}

// neverWitness is where a function that never returns stops: the last
// panic or never-returning call in the source (earlier ones tend to be
// conditional, like the test hook before os.Exit's syscall.Exit), else the
// first `for` loop without a condition (the function loops forever), else
// the function.
func (c *fnCtx) neverWitness() token.Pos {
	best := token.NoPos
	for _, p := range c.stops {
		if p.IsValid() && (!best.IsValid() || p > best) {
			best = p
		}
	}
	if best.IsValid() {
		return best
	}
	if body := c.fn.Syntax(); body != nil {
		ast.Inspect(body, func(n ast.Node) bool {
			if best.IsValid() {
				return false
			}
			if _, lit := n.(*ast.FuncLit); lit {
				return false
			}
			if f, ok := n.(*ast.ForStmt); ok && f.Cond == nil {
				best = f.For
			}
			return true
		})
	}
	if !best.IsValid() {
		best = c.fn.Pos()
	}
	return best
}

// resultFacts combines, for each nilable result slot, the nilness of the
// value every live return yields.
func (c *fnCtx) resultFacts(nf *fnFacts) {
	if len(nf.results) == 0 {
		return
	}
	last := len(nf.results) - 1
	for i := range nf.results {
		r := &nf.results[i]
		if !r.nilable {
			continue
		}
		for _, ret := range c.returns {
			b := ret.Block()
			switch c.nilness(ret.Results[i], b, true) {
			case nnNonNil:
				r.nil = r.nil.raise(lvNever, token.NoPos)
			case nnNil, nnMay:
				r.nil = r.nil.raise(lvMay, ret.Pos())
			default:
				r.nil = r.nil.raise(lvUnknownNil, token.NoPos)
			}
			if !r.withErr {
				continue
			}
			lv := c.withNilError(ret, i, last)
			pos := token.NoPos
			if lv == lvMay {
				pos = ret.Pos()
			}
			r.nwne = r.nwne.raise(lv, pos)
		}
	}
}

// withNilError is what return ret says about result i on the paths where
// its error result (at last) is nil: never when it does not return with a
// nil error or returns a non-nil value; may when the error is proved nil
// and the value nil on some path; else unknown.
func (c *fnCtx) withNilError(ret *ssa.Return, i, last int) level {
	b := ret.Block()
	errN := c.nilness(ret.Results[last], b, true)
	if errN == nnNonNil {
		return lvNever
	}
	// `return f()` or `v, err := f(); return v, err`: the callee's own
	// fact holds.
	if x, ok := ret.Results[i].(*ssa.Extract); ok {
		if e, ok := ret.Results[last].(*ssa.Extract); ok && x.Tuple == e.Tuple && e.Index == last {
			if call, ok := x.Tuple.(*ssa.Call); ok {
				if _, f := c.a.callee(call.Common()); f != nil && x.Index < len(f.results) && f.results[x.Index].withErr {
					return f.results[x.Index].nwne.lv
				}
			}
		}
	}
	xN := c.nilness(ret.Results[i], b, true)
	switch {
	case xN == nnNonNil:
		return lvNever
	case errN == nnNil && (xN == nnNil || xN == nnMay):
		return lvMay
	}
	return lvUnknownNil
}

// edgeFact is what the branch from pred to succ says about v, for an edge
// into a block with several predecessors (`if p == nil { p = def }` joins
// the branch that skipped the assignment directly).
func edgeFact(pred, succ *ssa.BasicBlock, v ssa.Value) (nilness, bool) {
	x, isNil, ok := edgeCond(pred, succ)
	if !ok || x != v {
		return nnUnknown, false
	}
	if isNil {
		return nnNil, true
	}
	return nnNonNil, true
}

// refine is what the branch conditions dominating b say about v, and the
// dereferences of v in blocks that strictly dominate b.
func (c *fnCtx) refine(v ssa.Value, b *ssa.BasicBlock) (nilness, bool) {
	for _, cf := range c.conds[v] {
		if cf.b.Dominates(b) {
			if cf.isNil {
				return nnNil, true
			}
			return nnNonNil, true
		}
	}
	for _, d := range c.derefs[v] {
		if d != b && d.Dominates(b) {
			return nnNonNil, true
		}
	}
	// `if x.err != nil { return nil, x.err }` loads x.err twice.
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if key, ok := addrOf(ld.X); ok {
			for _, u := range c.loadConds[key] {
				for _, cf := range c.conds[u] {
					if u != v && cf.b.Dominates(b) && c.unchanged(u.(*ssa.UnOp), cf.b, ld, b) {
						if cf.isNil {
							return nnNil, true
						}
						return nnNonNil, true
					}
				}
			}
		}
	}
	return nnUnknown, false
}

// addr names a field of the value a pointer points to, or a global.
type addr struct {
	x     ssa.Value
	field int
}

func addrOf(v ssa.Value) (addr, bool) {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		return addr{v.X, v.Field}, true
	case *ssa.Global:
		return addr{v, -1}, true
	}
	return addr{}, false
}

// unchanged reports whether the memory that load first read (in the
// predecessor of cond, the block its comparison with nil leads to) still
// holds the same value when load second reads it in b: b is reached from
// cond through blocks with a single way in, and nothing on the way stores,
// calls or synchronises.
func (c *fnCtx) unchanged(first *ssa.UnOp, cond *ssa.BasicBlock, second *ssa.UnOp, b *ssa.BasicBlock) bool {
	after := false
	for _, ins := range first.Block().Instrs {
		if after && clobbers(ins) {
			return false
		}
		after = after || ins == first
	}
	for d := b; ; d = d.Idom() {
		for _, ins := range d.Instrs {
			if ins == second {
				break
			}
			if clobbers(ins) {
				return false
			}
		}
		if d == cond {
			return true
		}
		n := 0
		for _, p := range d.Preds {
			if c.flows[p] {
				n++
			}
		}
		if n != 1 || d.Idom() == nil {
			return false
		}
	}
}

func clobbers(ins ssa.Instruction) bool {
	switch ins := ins.(type) {
	case *ssa.Store, *ssa.MapUpdate, *ssa.Call, *ssa.Defer, *ssa.Go, *ssa.Send, *ssa.Select, *ssa.RunDefers:
		return true
	case *ssa.UnOp:
		return ins.Op == token.ARROW
	}
	return false
}

// nilness is what is known about v when control is in b. recv says whether
// a pointer receiver counts as non-nil: it does for results (a method is
// called on a value), not when deciding whether a receiver is checked.
//
// Values are computed on demand and memoised. A φ-node may depend on itself
// through a loop; such a value is assumed non-nil while it is being
// computed, which is sound because a loop only passes around values that
// entered it, and the values that entered are all combined. Results that
// relied on an assumption still open further up the stack are not
// memoised, so no assumption outlives its computation.
func (c *fnCtx) nilness(v ssa.Value, b *ssa.BasicBlock, recv bool) nilness {
	if r, ok := c.refine(v, b); ok {
		return r
	}
	key := nilKey{v, b, recv}
	if r, ok := c.memo[key]; ok {
		return r
	}
	if d, busy := c.depth[key]; busy {
		c.low = min(c.low, d)
		return nnNonNil
	}
	if c.steps++; c.steps > stepBudget {
		return nnUnknown
	}
	my := len(c.depth) + 1
	c.depth[key] = my
	savedLow := c.low
	c.low = my
	r := c.nilnessOf(v, b, recv)
	delete(c.depth, key)
	if c.low >= my {
		c.memo[key] = r
		c.low = savedLow
	} else {
		c.low = min(savedLow, c.low)
	}
	return r
}

func (c *fnCtx) nilnessOf(v ssa.Value, b *ssa.BasicBlock, recv bool) nilness {
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			return nnNil
		}
		return nnNonNil
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeChan, *ssa.MakeSlice, *ssa.MakeClosure, *ssa.Function,
		*ssa.Global, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.MakeInterface:
		// Addresses, made values and interfaces holding a dynamic type
		// (a nil *T in an error is a non-nil error).
		return nnNonNil
	case *ssa.Parameter:
		if recv && c.fn.Signature.Recv() != nil && v == c.fn.Params[0] && isPointer(v.Type()) {
			return nnNonNil
		}
		return nnUnknown
	case *ssa.Phi:
		var alts []nilness
		for i, e := range v.Edges {
			pred := v.Block().Preds[i]
			if !c.flows[pred] {
				continue // control never comes this way
			}
			if n, ok := edgeFact(pred, v.Block(), e); ok {
				alts = append(alts, n)
				continue
			}
			alts = append(alts, c.nilness(e, pred, recv))
		}
		return combine(alts)
	case *ssa.ChangeType:
		return c.nilness(v.X, b, recv)
	case *ssa.ChangeInterface:
		return c.nilness(v.X, b, recv)
	case *ssa.SliceToArrayPointer:
		return c.nilness(v.X, b, recv)
	case *ssa.Convert:
		if pointerLike(v.X.Type()) && pointerLike(v.Type()) {
			return c.nilness(v.X, b, recv)
		}
	case *ssa.Slice:
		switch v.X.Type().Underlying().(type) {
		case *types.Pointer:
			return nnNonNil // slicing through a nil array pointer panics
		case *types.Slice:
			// Slicing keeps a slice nil or non-nil.
			return c.nilness(v.X, b, recv)
		}
	case *ssa.TypeAssert:
		if !v.CommaOk && types.IsInterface(v.AssertedType) {
			return nnNonNil // asserting an interface type panics on nil
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return c.callResult(call, v.Index, b, recv)
		}
	case *ssa.Call:
		return c.callResult(v, 0, b, recv)
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		switch x := v.X.(type) {
		case *ssa.Alloc:
			return c.reaching(x, v, recv)
		case *ssa.Global:
			if n, ok := c.a.globalNilness()[x]; ok && !isInit(c.fn) {
				return n
			}
		}
	}
	return nnUnknown
}

func pointerLike(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return true
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	}
	return false
}

// combine joins the nilness of alternatives (paths): non-nil if all are,
// nil if all are, may if any is nil on some path, else unknown.
func combine(alts []nilness) nilness {
	allNonNil, allNil, some := true, true, false
	for _, a := range alts {
		allNonNil = allNonNil && a == nnNonNil
		allNil = allNil && a == nnNil
		some = some || a == nnNil || a == nnMay
	}
	switch {
	case allNonNil:
		return nnNonNil
	case allNil:
		return nnNil
	case some:
		return nnMay
	}
	return nnUnknown
}

// callResult is the nilness of result i of a call: from the callee's facts
// when it is of this package (with its nil_with_nil_error fact where the
// call's error is known nil in b), from the known list for a few standard
// constructors, and from append's arguments.
func (c *fnCtx) callResult(call *ssa.Call, i int, b *ssa.BasicBlock, recv bool) nilness {
	common := call.Common()
	if bi, ok := common.Value.(*ssa.Builtin); ok {
		switch bi.Name() {
		case "append":
			if c.nilness(common.Args[0], b, recv) == nnNonNil || nonEmptyVarargs(common.Args[1]) {
				return nnNonNil
			}
		case "ssa:wrapnilchk":
			return nnNonNil // it panics on nil
		}
		return nnUnknown
	}
	fn, f := c.a.callee(common)
	if f != nil && i < len(f.results) {
		r := f.results[i]
		if last := len(f.results) - 1; i == last && last > 0 && f.results[0].withErr {
			// The error of `v, err := f()` where v is known nil here, and
			// f returns v nil only with a non-nil error.
			for j := 0; j < last; j++ {
				if f.results[j].nilable && f.results[j].nwne.lv == lvNever {
					if vj := extractOf(call, j); vj != nil {
						if n, ok := c.refine(vj, b); ok && n == nnNil {
							return nnNonNil
						}
					}
				}
			}
		}
		lv, refined := r.nil.lv, false
		if r.withErr {
			if errV := extractOf(call, len(f.results)-1); errV != nil {
				if n, ok := c.refine(errV, b); ok && n == nnNil {
					lv, refined = r.nwne.lv, true
				}
			}
		}
		switch {
		case lv == lvNever:
			return nnNonNil
		case lv == lvMay && (len(f.results) == 1 || refined):
			return nnMay
		}
		// A callee with several results that may return nil usually does
		// so together with the others saying why (nil, false or nil, err);
		// without knowing which path this call took, nothing is proved.
		return nnUnknown
	}
	if fn != nil && nonNilResultKnown(fn) {
		return nnNonNil
	}
	return nnUnknown
}

// nonEmptyVarargs recognises the slice SSA builds for `append(s, a, b)`:
// a slice of a fresh array of at least one element.
func nonEmptyVarargs(v ssa.Value) bool {
	s, ok := v.(*ssa.Slice)
	if !ok {
		return false
	}
	alloc, ok := s.X.(*ssa.Alloc)
	if !ok || alloc.Comment != "varargs" {
		return false
	}
	arr, ok := alloc.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array)
	return ok && arr.Len() > 0
}

func extractOf(call *ssa.Call, index int) *ssa.Extract {
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == index {
			return e
		}
	}
	return nil
}

// reaching is the nilness of a load from a local variable that SSA did not
// lift into registers (results of a function with a deferred call that may
// recover, variables captured by closures): the values the stores that can
// reach the load leave in it, or the zero value where the declaration
// reaches it. A call may change a variable a closure captured, so such a
// variable is unknown once a call intervenes.
func (c *fnCtx) reaching(alloc *ssa.Alloc, load *ssa.UnOp, recv bool) nilness {
	if alloc.Parent() != c.fn {
		return nnUnknown
	}
	captured := false
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != alloc {
				return nnUnknown
			}
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nnUnknown
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			captured = true
		default:
			return nnUnknown
		}
	}
	var alts []nilness
	visited := make(map[*ssa.BasicBlock]bool)
	var walk func(b *ssa.BasicBlock, upto int) bool
	walk = func(b *ssa.BasicBlock, upto int) bool {
		for i := upto - 1; i >= 0; i-- {
			switch ins := b.Instrs[i].(type) {
			case *ssa.Store:
				if ins.Addr == alloc {
					alts = append(alts, c.nilness(ins.Val, b, recv))
					return true
				}
			case *ssa.Alloc:
				if ins == alloc {
					alts = append(alts, nnNil) // the zero value
					return true
				}
			case *ssa.Call, *ssa.Defer, *ssa.Go, *ssa.RunDefers:
				if captured {
					return false
				}
			}
		}
		if len(b.Preds) == 0 {
			return false // the recover block, entered from anywhere
		}
		for _, p := range b.Preds {
			if visited[p] || !c.flows[p] {
				continue
			}
			visited[p] = true
			if !walk(p, len(p.Instrs)) {
				return false
			}
		}
		return true
	}
	b := load.Block()
	idx := -1
	for i, ins := range b.Instrs {
		if ins == load {
			idx = i
		}
	}
	if idx < 0 || !walk(b, idx) || len(alts) == 0 {
		return nnUnknown
	}
	return combine(alts)
}
