package main

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Writes. A function writes through a parameter when it changes storage the
// parameter refers to: the pointee of a pointer and its fields and array
// elements, the elements of a slice, the entries of a map, and, following
// Go's idiom that a struct owns the slices and maps in its fields, the
// backing arrays and entries of slices and maps reached from there. Memory
// reached by loading another pointer, interface, func or channel is another
// object and does not count (p.next.val = 1 does not write p).
//
// The scan follows the SSA values derived from the parameter (roleRef) and
// the local variables they are copied into (roleCell), including the free
// variables of closures that capture them. A store, map update, copy, clear
// or delete into derived storage is a write; a derived value stored
// elsewhere, sent, or passed to a function whose effect is not known makes
// the answer unknown. Returning a derived value is not a write.

type role uint8

const (
	roleRef  role = iota // a value derived from the parameter
	roleCell             // the address of a local variable holding such a value
)

type roleKey struct {
	v ssa.Value
	r role
}

type writeScan struct {
	c    *fnCtx
	res  ev
	seen map[roleKey]bool
}

func (c *fnCtx) writes(p *ssa.Parameter) ev {
	s := &writeScan{c: c, seen: make(map[roleKey]bool)}
	s.visit(p, roleRef)
	return s.res
}

func (s *writeScan) yes(pos token.Pos) { s.res = s.res.raise(lvYes, pos) }
func (s *writeScan) unknown()          { s.res = s.res.raise(lvUnknownWrite, token.NoPos) }

func (s *writeScan) visit(v ssa.Value, r role) {
	k := roleKey{v, r}
	if s.seen[k] || s.res.lv == lvYes {
		return
	}
	s.seen[k] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, ins := range *refs {
		if r == roleRef {
			s.useRef(v, ins)
		} else {
			s.useCell(v, ins)
		}
	}
}

// carries reports whether a value of type t can hold storage of the
// parameter: slices and maps, and structs and arrays holding them.
// Pointers, interfaces, funcs, channels and type parameters are other
// objects.
func carries(t types.Type) bool {
	return carriesDepth(t, 0)
}

func carriesDepth(t types.Type, depth int) bool {
	if depth > 8 {
		return true // deeply nested value types: assume they do
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Map:
		return true
	case *types.Array:
		return carriesDepth(u.Elem(), depth+1)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if carriesDepth(u.Field(i).Type(), depth+1) {
				return true
			}
		}
	case *types.Tuple:
		for i := 0; i < u.Len(); i++ {
			if carriesDepth(u.At(i).Type(), depth+1) {
				return true
			}
		}
	}
	return false
}

// refType reports whether a value of type t refers to storage it does not
// hold itself: pointers and the types carries accepts.
func refType(t types.Type) bool {
	return pointerLike(t) || carries(t)
}

func (s *writeScan) useRef(v ssa.Value, ins ssa.Instruction) {
	switch ins := ins.(type) {
	case *ssa.Store:
		if ins.Addr == v {
			s.yes(ins.Pos())
			return
		}
		s.stored(ins)
	case *ssa.MapUpdate:
		if ins.Map == v {
			s.yes(ins.Pos())
			return
		}
		s.unknown() // kept in a map
	case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Slice, *ssa.Phi, *ssa.ChangeType,
		*ssa.SliceToArrayPointer, *ssa.Range:
		// Addresses and views of the same storage. An index operand is an
		// integer, never derived.
		s.visit(ins.(ssa.Value), roleRef)
	case *ssa.Convert, *ssa.MultiConvert, *ssa.ChangeInterface, *ssa.MakeInterface, *ssa.TypeAssert:
		val := ins.(ssa.Value)
		switch {
		case refType(val.Type()) || types.IsInterface(val.Type()):
			s.visit(val, roleRef)
		case pointerLike(v.Type()):
			// uintptr(unsafe.Pointer(&p[0])) goes to a system call, which
			// may write there; the address is no longer followed.
			s.unknown()
		}
	case *ssa.Field, *ssa.Index, *ssa.Lookup, *ssa.Extract, *ssa.Next:
		// Parts of a value: a slice or map among them shares storage.
		if val := ins.(ssa.Value); carries(val.Type()) {
			s.visit(val, roleRef)
		}
	case *ssa.UnOp:
		if ins.Op == token.MUL && carries(ins.Type()) {
			s.visit(ins, roleRef)
		}
	case *ssa.BinOp, *ssa.DebugRef, *ssa.If, *ssa.Return, *ssa.Panic, *ssa.Jump:
		// Reads.
	case *ssa.Call:
		s.call(ins.Common(), v, ins, ins.Pos())
	case *ssa.Defer:
		s.call(ins.Common(), v, nil, ins.Pos())
	case *ssa.Go:
		s.call(ins.Common(), v, nil, ins.Pos())
	case *ssa.MakeClosure:
		s.closure(ins, v, roleRef)
	default:
		s.unknown() // sent on a channel, selected, ...
	}
}

// stored handles a derived value stored as a value: into a local variable
// (whose loads are then followed), into the array SSA builds for variadic
// arguments (followed to the call), or elsewhere (unknown).
func (s *writeScan) stored(st *ssa.Store) {
	root := localRoot(st.Addr)
	if root == nil || root.Parent() == nil {
		s.unknown()
		return
	}
	if root.Comment == "varargs" {
		s.varargs(root)
		return
	}
	s.visit(root, roleCell)
}

// localRoot returns the local variable an address points into, through
// field and array-element selections; nil for any other address.
func localRoot(addr ssa.Value) *ssa.Alloc {
	for {
		switch a := addr.(type) {
		case *ssa.Alloc:
			return a
		case *ssa.FieldAddr:
			addr = a.X
		case *ssa.IndexAddr:
			if _, isArray := a.X.Type().Underlying().(*types.Pointer); !isArray {
				return nil // an element of a slice lives in its backing array
			}
			addr = a.X
		default:
			return nil
		}
	}
}

// varargs follows a derived value put into a variadic argument slice to the
// calls that take the slice: only callees known to only read their
// arguments (fmt's printing functions) keep the answer.
func (s *writeScan) varargs(arr *ssa.Alloc) {
	for _, r := range *arr.Referrers() {
		switch r := r.(type) {
		case *ssa.IndexAddr, *ssa.DebugRef:
		case *ssa.Slice:
			for _, u := range *r.Referrers() {
				call, ok := u.(ssa.CallInstruction)
				if !ok || !readOnlyCall(call.Common()) {
					s.unknown()
				}
			}
		default:
			s.unknown()
		}
	}
}

func (s *writeScan) useCell(v ssa.Value, ins ssa.Instruction) {
	switch ins := ins.(type) {
	case *ssa.Store:
		if ins.Addr != v {
			s.unknown() // the variable's address is kept somewhere
		}
		// Assigning the local variable writes the local, not the parameter.
	case *ssa.UnOp:
		if ins.Op == token.MUL && refType(ins.Type()) {
			s.visit(ins, roleRef)
		}
	case *ssa.FieldAddr, *ssa.IndexAddr:
		s.visit(ins.(ssa.Value), roleCell)
	case *ssa.DebugRef:
	case *ssa.MakeClosure:
		s.closure(ins, v, roleCell)
	case *ssa.Call:
		s.cellCall(ins.Common(), v)
	case *ssa.Defer:
		s.cellCall(ins.Common(), v)
	case *ssa.Go:
		s.cellCall(ins.Common(), v)
	default:
		s.unknown()
	}
}

// cellCall: the address of a local holding derived values is passed to a
// function. Only a same-package callee that writes nothing through that
// parameter leaves the answer as it is.
func (s *writeScan) cellCall(common *ssa.CallCommon, v ssa.Value) {
	if common.IsInvoke() {
		s.unknown()
		return
	}
	_, f := s.c.a.callee(common)
	for i, a := range common.Args {
		if a != v {
			continue
		}
		if f == nil || i >= len(f.params) || f.params[i].writes.lv != lvNo {
			s.unknown()
		}
	}
	if common.Value == v {
		s.unknown()
	}
}

// closure follows a derived value captured by a closure into its body.
func (s *writeScan) closure(mc *ssa.MakeClosure, v ssa.Value, r role) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok || fn.Blocks == nil {
		s.unknown()
		return
	}
	for i, b := range mc.Bindings {
		if b == v && i < len(fn.FreeVars) {
			s.visit(fn.FreeVars[i], r)
		}
	}
}

// call judges a call that takes derived value v (as receiver or argument).
func (s *writeScan) call(common *ssa.CallCommon, v ssa.Value, call *ssa.Call, pos token.Pos) {
	if common.IsInvoke() {
		s.invoke(common, v, pos)
		return
	}
	if bi, ok := common.Value.(*ssa.Builtin); ok {
		s.builtin(bi.Name(), common, v, call, pos)
		return
	}
	if common.Value == v {
		s.unknown() // calling a func derived from the parameter
		return
	}
	fn, f := s.c.a.callee(common)
	switch {
	case f != nil:
		for i, a := range common.Args {
			if a == v && i < len(f.params) {
				s.res = s.res.raise(f.params[i].writes.lv, pos)
			}
		}
	case fn != nil && fn.Blocks != nil && fn.Parent() != nil:
		// A function literal called directly: follow into its body.
		for i, a := range common.Args {
			if a == v && i < len(fn.Params) {
				s.visit(fn.Params[i], roleRef)
			}
		}
	case fn != nil:
		method := fn.Signature.Recv() != nil
		for i, a := range common.Args {
			if a != v {
				continue
			}
			switch knownArgEffect(fn, i) {
			case effectWrite:
				s.yes(pos)
			case effectRead:
			case effectUnknown:
				if isInnerAddr(v) && !(method && i == 0) {
					s.yes(pos) // f(&p.x): an address is passed to be written
				} else {
					s.unknown()
				}
			}
		}
	default:
		s.unknown() // a call through a func value
	}
}

// isInnerAddr reports whether v is the address of a field or element of the
// parameter's storage, as `&p.x` or `&p.buf[i]` spell it (possibly in an
// interface, for `json.Unmarshal(data, &p.cfg)`-like calls). Passing such an
// address as an argument is taken as passing it to be written; the address
// SSA takes for calling a pointer method on a field is not (p.u.String()).
func isInnerAddr(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	switch v.(type) {
	case *ssa.FieldAddr, *ssa.IndexAddr:
		return true
	}
	return false
}

// invoke judges an interface method call. By the io contracts, Read fills
// its buffer and Write does not change it; anything else is unknown.
func (s *writeScan) invoke(common *ssa.CallCommon, v ssa.Value, pos token.Pos) {
	if common.Value == v {
		s.unknown()
	}
	for i, a := range common.Args {
		if a != v {
			continue
		}
		switch knownMethodArgEffect(common.Method.Name(), i) {
		case effectWrite:
			s.yes(pos)
		case effectRead:
		default:
			if isInnerAddr(v) {
				s.yes(pos) // dec.Decode(&p.x)
			} else {
				s.unknown()
			}
		}
	}
}

func (s *writeScan) builtin(name string, common *ssa.CallCommon, v ssa.Value, call *ssa.Call, pos token.Pos) {
	args := common.Args
	switch name {
	case "len", "cap", "print", "println", "min", "max", "real", "imag", "complex":
	case "copy":
		if args[0] == v {
			s.yes(pos)
		}
	case "clear", "delete":
		if args[0] == v {
			s.yes(pos)
		}
	case "append":
		if args[0] != v {
			return // appending the parameter's elements to something else reads them
		}
		// append(p[:0], ...) and the like write into the parameter's
		// backing array; append(p, ...) only writes past its length, which
		// the caller's slice does not see, but the result shares the array.
		if _, resliced := v.(*ssa.Slice); resliced {
			s.yes(pos)
			return
		}
		if call != nil {
			s.visit(call, roleRef)
		}
	case "ssa:wrapnilchk", "Add", "Slice", "SliceData":
		// The result is the argument, or points into the same memory
		// (unsafe.Add, unsafe.Slice, unsafe.SliceData).
		if call != nil {
			s.visit(call, roleRef)
		}
	case "String", "StringData":
		// unsafe.String and unsafe.StringData: a string is immutable.
	default:
		s.unknown()
	}
}

// Nil acceptance. A pointer parameter's nil is accepted when every
// dereference is guarded by a nil comparison dominating it (or there is
// none), and the pointer only goes to same-package callees that accept nil;
// rejected when a dereference that no comparison guards lies on every path
// from the entry to a return; unknown otherwise.

type acceptScan struct {
	c       *fnCtx
	derefs  map[*ssa.BasicBlock]token.Pos // unguarded dereferences of the parameter itself
	first   token.Pos
	unsure  bool // an unguarded dereference of a copy, or a use that may dereference
	checkAt token.Pos
	seen    map[ssa.Value]bool
}

func (c *fnCtx) accepts(p *ssa.Parameter) ev {
	s := &acceptScan{c: c, derefs: make(map[*ssa.BasicBlock]token.Pos), seen: make(map[ssa.Value]bool)}
	s.alias(p, true)
	if len(s.derefs) > 0 && c.onEveryPath(s.derefs) {
		return ev{lvRejected, s.first}
	}
	// `if p == nil { panic(...) }` compares before dereferencing, but
	// nil still does not get through.
	for _, cf := range c.conds[p] {
		if !cf.isNil {
			continue
		}
		pred := c.flowingPred(cf.b)
		if stop, returns := c.returnsFrom(cf.b, s.derefs); !returns && pred != nil &&
			c.onEveryPath(map[*ssa.BasicBlock]token.Pos{pred: token.NoPos}) {
			return ev{lvRejected, stop}
		}
	}
	if len(s.derefs) > 0 || s.unsure {
		return ev{lv: lvUnknownAccept}
	}
	return ev{lvAccepted, s.checkAt}
}

// alias follows a value equal to the parameter; direct is false for values
// that may also be something else (a φ-node merging it with another
// pointer).
func (s *acceptScan) alias(v ssa.Value, direct bool) {
	if s.seen[v] {
		return
	}
	s.seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, ins := range *refs {
		s.use(v, ins, direct)
	}
}

func (s *acceptScan) use(v ssa.Value, ins ssa.Instruction, direct bool) {
	switch ins := ins.(type) {
	case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Slice:
		s.deref(v, ins, ins.Pos(), direct)
	case *ssa.UnOp:
		if ins.Op == token.MUL {
			s.deref(v, ins, ins.Pos(), direct)
		}
	case *ssa.Store:
		if ins.Addr == v {
			s.deref(v, ins, ins.Pos(), direct)
			return
		}
		if root, ok := ins.Addr.(*ssa.Alloc); ok && root.Comment != "varargs" {
			s.spill(root)
			return
		}
		s.unsure = true // kept somewhere, to be dereferenced later
	case *ssa.BinOp:
		if _, _, ok := nilComparison(ins); ok && ins.Pos().IsValid() && (!s.checkAt.IsValid() || ins.Pos() < s.checkAt) {
			s.checkAt = ins.Pos()
		}
	case *ssa.Phi:
		s.alias(ins, false)
	case *ssa.ChangeType:
		s.alias(ins, direct)
	case *ssa.Convert:
		if pointerLike(ins.Type()) {
			s.alias(ins, direct)
		} else {
			s.unsure = true
		}
	case *ssa.DebugRef, *ssa.Return, *ssa.If, *ssa.Jump:
	case *ssa.Call:
		s.call(v, ins.Common(), ins, direct)
	case *ssa.Defer:
		s.call(v, ins.Common(), ins, direct)
	case *ssa.Go:
		s.call(v, ins.Common(), ins, direct)
	default:
		s.unsure = true // converted to an interface, captured, sent, ...
	}
}

// spill follows the local variable SSA keeps a parameter in when a closure
// captures it or its address is taken: its loads equal the parameter as
// long as nothing else is stored there.
func (s *acceptScan) spill(cell *ssa.Alloc) {
	stores := 0
	for _, r := range *cell.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == cell {
			stores++
		}
	}
	for _, r := range *cell.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != cell {
				s.unsure = true
			}
		case *ssa.UnOp:
			if r.Op == token.MUL {
				s.alias(r, stores == 1)
			} else {
				s.unsure = true
			}
		case *ssa.DebugRef:
		default:
			s.unsure = true
		}
	}
}

func (s *acceptScan) deref(v ssa.Value, ins ssa.Instruction, pos token.Pos, direct bool) {
	if s.c.nilness(v, ins.Block(), false) == nnNonNil {
		return // guarded by a comparison with nil
	}
	if !direct {
		s.unsure = true
		return
	}
	b := ins.Block()
	if old, ok := s.derefs[b]; !ok || (pos.IsValid() && pos < old) {
		s.derefs[b] = pos
	}
	if pos.IsValid() && (!s.first.IsValid() || pos < s.first) {
		s.first = pos
	}
}

func (s *acceptScan) call(v ssa.Value, common *ssa.CallCommon, ins ssa.Instruction, direct bool) {
	if bi, ok := common.Value.(*ssa.Builtin); ok {
		switch bi.Name() {
		case "ssa:wrapnilchk":
			s.deref(v, ins, ins.Pos(), direct)
		case "len", "cap", "print", "println":
		default:
			s.unsure = true
		}
		return
	}
	_, f := s.c.a.callee(common)
	if f == nil || common.IsInvoke() || common.Value == v {
		s.unsure = true
		return
	}
	for i, a := range common.Args {
		if a != v {
			continue
		}
		if i >= len(f.params) {
			s.unsure = true
			continue
		}
		switch f.params[i].accept.lv {
		case lvRejected:
			s.deref(v, ins, ins.Pos(), direct)
		case lvUnknownAccept:
			s.unsure = true
		}
	}
}

// onEveryPath reports whether every path from the entry to a return passes
// one of the blocks (the dereference in a block comes before its return).
func (c *fnCtx) onEveryPath(blocks map[*ssa.BasicBlock]token.Pos) bool {
	if c.mayRecover {
		return false // the panic may be recovered and the function return
	}
	entry := c.fn.Blocks[0]
	if _, ok := blocks[entry]; ok {
		return true
	}
	seen := map[*ssa.BasicBlock]bool{entry: true}
	work := []*ssa.BasicBlock{entry}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if !c.live[b] {
			continue
		}
		stopped := false
		for _, ins := range b.Instrs {
			if _, ok := c.stopsAt(ins); ok {
				stopped = true
				break
			}
			if _, ok := ins.(*ssa.Return); ok {
				return false
			}
		}
		if stopped {
			continue
		}
		for _, succ := range b.Succs {
			if _, ok := blocks[succ]; ok || seen[succ] {
				continue
			}
			seen[succ] = true
			work = append(work, succ)
		}
	}
	return true
}

// flowingPred is the one predecessor control can come to b from.
func (c *fnCtx) flowingPred(b *ssa.BasicBlock) *ssa.BasicBlock {
	var pred *ssa.BasicBlock
	for _, p := range b.Preds {
		if c.flows[p] {
			if pred != nil {
				return nil
			}
			pred = p
		}
	}
	return pred
}

// returnsFrom reports whether a return is reachable from b without passing
// a panic, a call that never returns, or one of the blocks in stops (which
// dereference a nil pointer there); else it gives the first place that stops
// control.
func (c *fnCtx) returnsFrom(b *ssa.BasicBlock, stops map[*ssa.BasicBlock]token.Pos) (token.Pos, bool) {
	first := token.NoPos
	note := func(p token.Pos) {
		if p.IsValid() && (!first.IsValid() || p < first) {
			first = p
		}
	}
	seen := map[*ssa.BasicBlock]bool{b: true}
	work := []*ssa.BasicBlock{b}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if p, ok := stops[b]; ok {
			note(p)
			continue
		}
		stopped := false
		for _, ins := range b.Instrs {
			if p, ok := c.stopsAt(ins); ok {
				note(p)
				stopped = true
				break
			}
			if _, ok := ins.(*ssa.Return); ok {
				return token.NoPos, true
			}
		}
		if stopped {
			continue
		}
		for _, succ := range b.Succs {
			if !seen[succ] {
				seen[succ] = true
				work = append(work, succ)
			}
		}
	}
	return first, false
}
