package main

// The JSON document described in docs/api-model.md. Field names and
// omission rules are the contract with the C++ importer: every field whose
// value would be empty carries omitempty unless the schema marks it
// "always". Pointers are used where a zero value is meaningful (an array of
// length 0) or where an empty object must still appear (a Signature).

// schemaVersion is bumped on an incompatible change of the document.
const schemaVersion = 1

// Document is the whole output of one run.
type Document struct {
	Schema    int        `json:"schema"`
	GoVersion string     `json:"go_version"`
	Build     Build      `json:"build"`
	Patterns  []string   `json:"patterns"`
	Packages  []*Package `json:"packages"`
	Errors    []LoadErr  `json:"errors,omitempty"`
}

// Build is the build context the packages were loaded in.
type Build struct {
	GOOS   string   `json:"goos"`
	GOARCH string   `json:"goarch"`
	Tags   []string `json:"tags,omitempty"`
	Cgo    bool     `json:"cgo,omitempty"`
}

// LoadErr is one load or type error of one package.
type LoadErr struct {
	Package string `json:"package"`
	Message string `json:"message"`
}

// Package is one emitted package.
type Package struct {
	Path     string   `json:"path"`
	Name     string   `json:"name"`
	Module   *Module  `json:"module,omitempty"`
	Std      bool     `json:"std,omitempty"`
	Internal bool     `json:"internal,omitempty"`
	Command  bool     `json:"command,omitempty"`
	Root     bool     `json:"root,omitempty"`
	Doc      string   `json:"doc,omitempty"`
	Files    []string `json:"files,omitempty"`
	Imports  []string `json:"imports,omitempty"`
	Decls    []*Decl  `json:"decls"`
}

// Module is the module that provides a package.
type Module struct {
	Path    string         `json:"path"`
	Version string         `json:"version,omitempty"`
	Main    bool           `json:"main,omitempty"`
	Dir     string         `json:"dir,omitempty"`
	Replace *ModuleReplace `json:"replace,omitempty"`
}

// ModuleReplace is the target of a replace directive.
type ModuleReplace struct {
	Path    string `json:"path"`
	Version string `json:"version,omitempty"`
}

// Decl is one package-level declaration.
type Decl struct {
	Kind       string      `json:"kind"`
	Name       string      `json:"name"`
	Exported   bool        `json:"exported"`
	Doc        string      `json:"doc,omitempty"`
	Deprecated string      `json:"deprecated,omitempty"`
	Pos        string      `json:"pos,omitempty"`
	Type       *TypeRef    `json:"type,omitempty"`
	Untyped    bool        `json:"untyped,omitempty"`
	Value      *Value      `json:"value,omitempty"`
	Sig        *Signature  `json:"sig,omitempty"`
	TParams    []TypeParam `json:"tparams,omitempty"`
	Alias      bool        `json:"alias,omitempty"`
	Underlying *TypeRef    `json:"underlying,omitempty"`
	Methods    []*Method   `json:"methods,omitempty"`
	Promoted   []*Promoted `json:"promoted,omitempty"`
	IsError    bool        `json:"is_error,omitempty"`
	PtrIsError bool        `json:"ptr_is_error,omitempty"`
	Comparable bool        `json:"comparable,omitempty"`
	Facts      *Facts      `json:"facts,omitempty"`
}

// Value is the exact value of a constant.
type Value struct {
	Kind  string `json:"kind"`
	Exact string `json:"exact"`
	Float string `json:"float,omitempty"`
	// Literal is the number literal as written in the source, when the value
	// is one (possibly negated); empty for computed values.
	Literal string `json:"literal,omitempty"`
}

// Method is a method declared on a named type.
type Method struct {
	Name       string     `json:"name"`
	Ptr        bool       `json:"ptr,omitempty"`
	Sig        *Signature `json:"sig"`
	Doc        string     `json:"doc,omitempty"`
	Deprecated string     `json:"deprecated,omitempty"`
	Pos        string     `json:"pos,omitempty"`
	Facts      *Facts     `json:"facts,omitempty"`
}

// Promoted is a method reached through embedded fields.
type Promoted struct {
	Name string     `json:"name"`
	Via  []string   `json:"via"`
	Ptr  bool       `json:"ptr,omitempty"`
	Sig  *Signature `json:"sig"`
	From *TypeRef   `json:"from"`
}

// TypeRef is a use of a type; K selects which other fields are set.
type TypeRef struct {
	K          string         `json:"k"`
	Pkg        string         `json:"pkg,omitempty"`
	Name       string         `json:"name,omitempty"`
	Args       []*TypeRef     `json:"args,omitempty"`
	Target     *TypeRef       `json:"target,omitempty"`
	Len        *int64         `json:"len,omitempty"`
	Dir        string         `json:"dir,omitempty"`
	Key        *TypeRef       `json:"key,omitempty"`
	Elem       *TypeRef       `json:"elem,omitempty"`
	Sig        *Signature     `json:"sig,omitempty"`
	Fields     []*Field       `json:"fields,omitempty"`
	Methods    []*IfaceMethod `json:"methods,omitempty"`
	Embeds     []*TypeRef     `json:"embeds,omitempty"`
	Union      [][]Term       `json:"union,omitempty"`
	Comparable bool           `json:"comparable,omitempty"`
}

// Field is one field of a struct literal.
type Field struct {
	Name       string   `json:"name"`
	Type       *TypeRef `json:"type"`
	Embedded   bool     `json:"embedded,omitempty"`
	Exported   bool     `json:"exported,omitempty"`
	Tag        string   `json:"tag,omitempty"`
	Doc        string   `json:"doc,omitempty"`
	Deprecated string   `json:"deprecated,omitempty"`
}

// IfaceMethod is one explicitly declared method of an interface literal.
type IfaceMethod struct {
	Name       string     `json:"name"`
	Sig        *Signature `json:"sig"`
	Doc        string     `json:"doc,omitempty"`
	Deprecated string     `json:"deprecated,omitempty"`
}

// Term is one term of a union element.
type Term struct {
	Tilde bool     `json:"tilde,omitempty"`
	Type  *TypeRef `json:"type"`
}

// Signature is a function type without its receiver.
type Signature struct {
	Params   []Param `json:"params,omitempty"`
	Results  []Param `json:"results,omitempty"`
	Variadic bool    `json:"variadic,omitempty"`
}

// Param is one parameter or result.
type Param struct {
	Name string   `json:"name,omitempty"`
	Type *TypeRef `json:"type"`
}

// TypeParam is one type parameter with its constraint.
type TypeParam struct {
	Name       string   `json:"name"`
	Constraint *TypeRef `json:"constraint"`
}

// Facts is the evidence read from a function's body (docs/api-model.md,
// "Facts"): it is only computed with -facts, and only for functions and
// methods of root packages. A fact that is absent is unknown.
type Facts struct {
	Results        []ResultFacts `json:"results,omitempty"`
	Params         []ParamFacts  `json:"params,omitempty"`
	Receiver       *ReceiverFact `json:"receiver,omitempty"`
	NeverReturns   bool          `json:"never_returns,omitempty"`
	NeverReturnsAt string        `json:"never_returns_at,omitempty"`
}

// ResultFacts is what is known about one result slot; it is empty for a
// slot whose type cannot be nil.
type ResultFacts struct {
	Nil               string `json:"nil,omitempty"`
	At                string `json:"at,omitempty"`
	NilWithNilError   string `json:"nil_with_nil_error,omitempty"`
	NilWithNilErrorAt string `json:"nil_with_nil_error_at,omitempty"`
}

// ParamFacts is what is known about one parameter; writes applies to
// pointer, slice and map parameters, nil to pointer parameters.
type ParamFacts struct {
	Writes   string `json:"writes,omitempty"`
	WritesAt string `json:"writes_at,omitempty"`
	Nil      string `json:"nil,omitempty"`
	NilAt    string `json:"nil_at,omitempty"`
}

// ReceiverFact says whether a method writes through its receiver.
type ReceiverFact struct {
	Writes   string `json:"writes,omitempty"`
	WritesAt string `json:"writes_at,omitempty"`
}
