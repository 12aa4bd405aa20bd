package main

import (
	"go/token"
	"go/types"
)

// typeRef encodes a use of t. Named types and aliases are encoded by
// reference (package path, name, type arguments) and never expanded, which
// keeps recursive types finite; every reference is reported to the walker so
// that the declaring package or unexported type joins the closure.
func (w *walker) typeRef(t types.Type) *TypeRef {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			return &TypeRef{K: "basic", Name: "unsafe.Pointer"}
		}
		// Name() keeps byte and rune when the type checker saw the alias.
		return &TypeRef{K: "basic", Name: t.Name()}
	case *types.Alias:
		obj := t.Obj()
		if obj.Pkg() == nil {
			// The universe's only alias is any; the schema spells it as
			// the empty interface it stands for.
			return w.typeRef(t.Rhs())
		}
		w.refer(obj)
		return &TypeRef{K: "alias", Pkg: obj.Pkg().Path(), Name: obj.Name(),
			Args: w.typeList(t.TypeArgs()), Target: w.typeRef(t.Rhs())}
	case *types.Named:
		obj := t.Obj()
		ref := &TypeRef{K: "named", Name: obj.Name(), Args: w.typeList(t.TypeArgs())}
		if obj.Pkg() != nil {
			ref.Pkg = obj.Pkg().Path()
			w.refer(obj)
		}
		return ref
	case *types.TypeParam:
		return &TypeRef{K: "tparam", Name: w.tparamName(t)}
	case *types.Pointer:
		return &TypeRef{K: "pointer", Elem: w.typeRef(t.Elem())}
	case *types.Slice:
		return &TypeRef{K: "slice", Elem: w.typeRef(t.Elem())}
	case *types.Array:
		n := t.Len()
		return &TypeRef{K: "array", Len: &n, Elem: w.typeRef(t.Elem())}
	case *types.Map:
		return &TypeRef{K: "map", Key: w.typeRef(t.Key()), Elem: w.typeRef(t.Elem())}
	case *types.Chan:
		return &TypeRef{K: "chan", Dir: chanDir(t.Dir()), Elem: w.typeRef(t.Elem())}
	case *types.Signature:
		return &TypeRef{K: "func", Sig: w.signature(t)}
	case *types.Struct:
		return w.structRef(t)
	case *types.Interface:
		return w.interfaceRef(t)
	}
	// Tuples and unions only occur inside signatures and interfaces, which
	// are handled above; anything else would be a go/types extension this
	// helper does not know yet, and is better reported than guessed.
	panic("extract: unexpected type " + t.String())
}

func chanDir(d types.ChanDir) string {
	switch d {
	case types.SendOnly:
		return "send"
	case types.RecvOnly:
		return "recv"
	}
	return "both"
}

func (w *walker) typeList(list *types.TypeList) []*TypeRef {
	if list.Len() == 0 {
		return nil
	}
	out := make([]*TypeRef, list.Len())
	for i := range out {
		out[i] = w.typeRef(list.At(i))
	}
	return out
}

// tparamName names a type parameter. Inside a method the receiver declares
// its own type parameters, which may be spelled differently from the type
// declaration's (func (p Pair[KK, VV]) ...); they are renamed to the type's
// names so that a method and its type agree.
func (w *walker) tparamName(tp *types.TypeParam) string {
	if name, ok := w.rename[tp]; ok {
		return name
	}
	return tp.Obj().Name()
}

func (w *walker) structRef(s *types.Struct) *TypeRef {
	ref := &TypeRef{K: "struct"}
	for i := 0; i < s.NumFields(); i++ {
		f := s.Field(i)
		ref.Fields = append(ref.Fields, &Field{
			Name:     f.Name(),
			Type:     w.typeRef(f.Type()),
			Embedded: f.Embedded(),
			Exported: f.Exported(),
			Tag:      s.Tag(i),
		})
	}
	return ref
}

func (w *walker) interfaceRef(it *types.Interface) *TypeRef {
	ref := &TypeRef{K: "interface", Comparable: it.IsComparable()}
	for i := 0; i < it.NumExplicitMethods(); i++ {
		m := it.ExplicitMethod(i)
		ref.Methods = append(ref.Methods, &IfaceMethod{Name: m.Name(), Sig: w.signature(m.Signature())})
	}
	for i := 0; i < it.NumEmbeddeds(); i++ {
		e := it.EmbeddedType(i)
		u, ok := e.(*types.Union)
		if !ok {
			ref.Embeds = append(ref.Embeds, w.typeRef(e))
			continue
		}
		terms := make([]Term, u.Len())
		for j := range terms {
			terms[j] = Term{Tilde: u.Term(j).Tilde(), Type: w.typeRef(u.Term(j).Type())}
		}
		ref.Union = append(ref.Union, terms)
	}
	return ref
}

// signature encodes a function type; the receiver, if any, is not part of it.
func (w *walker) signature(sig *types.Signature) *Signature {
	return &Signature{
		Params:   w.params(sig.Params()),
		Results:  w.params(sig.Results()),
		Variadic: sig.Variadic(),
	}
}

func (w *walker) params(tuple *types.Tuple) []Param {
	if tuple.Len() == 0 {
		return nil
	}
	out := make([]Param, tuple.Len())
	for i := range out {
		v := tuple.At(i)
		out[i].Type = w.typeRef(v.Type())
		// Export data names some unnamed parameters and results with
		// compiler-internal names such as "#rv1"; those are no names.
		if v.Name() != "_" && token.IsIdentifier(v.Name()) {
			out[i].Name = v.Name()
		}
	}
	return out
}

func (w *walker) typeParams(list *types.TypeParamList) []TypeParam {
	if list.Len() == 0 {
		return nil
	}
	out := make([]TypeParam, list.Len())
	for i := range out {
		tp := list.At(i)
		out[i] = TypeParam{Name: w.tparamName(tp), Constraint: w.typeRef(tp.Constraint())}
	}
	return out
}
