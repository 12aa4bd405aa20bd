package main

import (
	"go/constant"
	"go/types"
	"sort"
	"strconv"
)

// decl builds the declaration of a package-level object, or returns nil
// for objects the schema cannot describe (the builtins of package unsafe).
func (w *walker) decl(obj types.Object) *Decl {
	d := &Decl{Name: obj.Name(), Exported: obj.Exported()}
	switch obj := obj.(type) {
	case *types.Const:
		d.Kind = "const"
		t := obj.Type()
		if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
			d.Untyped = true
			t = types.Default(t)
		}
		d.Type = w.typeRef(t)
		d.Value = constValue(obj.Val())
	case *types.Var:
		d.Kind = "var"
		d.Type = w.typeRef(obj.Type())
	case *types.Func:
		d.Kind = "func"
		sig := obj.Signature()
		d.TParams = w.typeParams(sig.TypeParams())
		d.Sig = w.signature(sig)
	case *types.TypeName:
		d.Kind = "type"
		w.typeDecl(d, obj)
	default:
		return nil
	}
	return d
}

func constValue(v constant.Value) *Value {
	out := &Value{Exact: v.ExactString()}
	switch v.Kind() {
	case constant.Bool:
		out.Kind = "bool"
	case constant.String:
		out.Kind = "string"
	case constant.Int:
		out.Kind = "int"
	case constant.Float:
		out.Kind = "float"
		f, _ := constant.Float64Val(v) // nearest float64; ±Inf when out of range
		out.Float = strconv.FormatFloat(f, 'g', -1, 64)
	case constant.Complex:
		out.Kind = "complex"
	}
	return out
}

func (w *walker) typeDecl(d *Decl, tn *types.TypeName) {
	if tn.IsAlias() {
		d.Alias = true
		rhs := tn.Type()
		if a, ok := rhs.(*types.Alias); ok {
			d.TParams = w.typeParams(a.TypeParams())
			rhs = a.Rhs()
		}
		d.Underlying = w.typeRef(rhs)
		return
	}
	named, ok := tn.Type().(*types.Named)
	if !ok {
		// unsafe.Pointer is the one type name whose type is not Named.
		d.Underlying = w.typeRef(tn.Type())
		return
	}
	d.TParams = w.typeParams(named.TypeParams())
	d.Underlying = w.typeRef(named.Underlying())
	d.Methods = w.methods(named)

	self := selfType(named)
	if _, isIface := named.Underlying().(*types.Interface); !isIface {
		d.Promoted = w.promoted(self)
	}
	d.IsError = types.Implements(self, w.errorType)
	d.PtrIsError = !d.IsError && types.Implements(types.NewPointer(self), w.errorType)
	d.Comparable = types.Comparable(self)
}

// selfType is the type a method receiver sees: for a generic type, its
// instantiation with its own type parameters. Method-set and implements
// queries are only specified for instantiated types.
func selfType(named *types.Named) types.Type {
	tps := named.TypeParams()
	if tps.Len() == 0 {
		return named
	}
	args := make([]types.Type, tps.Len())
	for i := range args {
		args[i] = tps.At(i)
	}
	inst, err := types.Instantiate(nil, named, args, false)
	if err != nil {
		// Unreachable without validation: instantiating a type with its
		// own parameters cannot fail.
		panic(err)
	}
	return inst
}

// methods lists the exported methods declared on named, sorted by name.
func (w *walker) methods(named *types.Named) []*Method {
	var out []*Method
	for i := 0; i < named.NumMethods(); i++ {
		fn := named.Method(i)
		if !fn.Exported() {
			continue
		}
		sig := fn.Signature()
		w.renameReceiverParams(sig, named.TypeParams())
		_, ptr := sig.Recv().Type().(*types.Pointer)
		out = append(out, &Method{Name: fn.Name(), Ptr: ptr, Sig: w.signature(sig)})
		w.rename = nil
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (w *walker) renameReceiverParams(sig *types.Signature, typeParams *types.TypeParamList) {
	recv := sig.RecvTypeParams()
	if recv.Len() == 0 {
		return
	}
	w.rename = make(map[*types.TypeParam]string, recv.Len())
	for i := 0; i < recv.Len(); i++ {
		w.rename[recv.At(i)] = typeParams.At(i).Obj().Name()
	}
}

// promoted lists the exported methods that self gets from embedded fields,
// sorted by name. Selections of depth one are declared methods; deeper ones
// are promoted. A method is marked ptr when only *self has it, which
// happens when it has a pointer receiver and is reached through embedded
// values only.
func (w *walker) promoted(self types.Type) []*Promoted {
	ptrSet := types.NewMethodSet(types.NewPointer(self))
	var valSet *types.MethodSet
	var out []*Promoted
	for i := 0; i < ptrSet.Len(); i++ {
		sel := ptrSet.At(i)
		path := sel.Index()
		fn := sel.Obj().(*types.Func)
		if len(path) == 1 || !fn.Exported() {
			continue
		}
		if valSet == nil {
			valSet = types.NewMethodSet(self)
		}
		sig := fn.Signature()
		out = append(out, &Promoted{
			Name: fn.Name(),
			Via:  embeddingPath(self, path[:len(path)-1]),
			Ptr:  valSet.Lookup(fn.Pkg(), fn.Name()) == nil,
			Sig:  w.signature(sig),
			From: w.typeRef(deref(sig.Recv().Type())),
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// embeddingPath turns a selection's field indices into embedded field names.
func embeddingPath(t types.Type, indices []int) []string {
	names := make([]string, len(indices))
	for i, idx := range indices {
		f := deref(t).Underlying().(*types.Struct).Field(idx)
		names[i] = f.Name()
		t = f.Type()
	}
	return names
}

// deref strips one pointer, also when it is spelled through an alias
// (type RefPtr = *Ref; an embedded RefPtr is a pointer field).
func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
