package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// Export data carries no comments, and its positions are unreliable in
// large files (the importer's fake file set clamps lines past 65535 to 1,
// as in k8s.io/api's generated.pb.go), so docs and positions come from
// parsing the source files of the emitted packages only. Parsed
// declarations are matched to the type-checked ones by name: "Name" for
// package-level declarations, "Type.Member" for methods and interface
// methods, "Type.N" for the N'th struct field.

// docEntry is what the source says about one declaration.
type docEntry struct {
	doc     string
	pos     string // "file.go:LINE"; empty for struct fields and interface methods
	literal string // constants: the number literal as written, if any
}

// fileDocs is the result of parsing one file.
type fileDocs struct {
	pkgDoc  string
	entries map[string]docEntry
	err     error
}

// readDocs parses the files of every emitted package with a bounded pool of
// workers and attaches docs and positions to their declarations. It returns
// the parse errors, which do not stop the run: a file the compiler accepted
// but go/parser rejects only loses its docs.
func readDocs(out []*pkgOut) []LoadErr {
	type job struct {
		pkg  int
		file int
		path string
	}
	results := make([][]fileDocs, len(out))
	var jobs []job
	for i, po := range out {
		results[i] = make([]fileDocs, len(po.pkg.GoFiles))
		for j, path := range po.pkg.GoFiles {
			jobs = append(jobs, job{i, j, path})
		}
	}

	forEachParallel(len(jobs), func(k int) {
		j := jobs[k]
		results[j.pkg][j.file] = parseDocs(j.path)
	})

	var errs []LoadErr
	for i, po := range out {
		merged := make(map[string]docEntry)
		var pkgDocs []string
		for _, fd := range results[i] {
			if fd.err != nil {
				errs = append(errs, LoadErr{Package: po.model.Path, Message: fd.err.Error()})
			}
			if fd.pkgDoc != "" {
				pkgDocs = append(pkgDocs, fd.pkgDoc)
			}
			for k, e := range fd.entries {
				merged[k] = e
			}
		}
		po.model.Doc = strings.Join(pkgDocs, "\n\n")
		attachDocs(po.model, merged)
	}
	return errs
}

// parseDocs collects the doc comments and positions of one file.
func parseDocs(path string) fileDocs {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
	fd := fileDocs{entries: make(map[string]docEntry), err: err}
	if f == nil {
		return fd
	}
	fd.pkgDoc = text(f.Doc)
	base := filepath.Base(path)
	// add records, under key, the position of ident (when given) and the
	// first non-empty comment of docs.
	add := func(key string, ident *ast.Ident, docs ...*ast.CommentGroup) {
		var e docEntry
		if ident != nil {
			e.pos = base + ":" + strconv.Itoa(fset.Position(ident.Pos()).Line)
		}
		for _, cg := range docs {
			if e.doc = text(cg); e.doc != "" {
				break
			}
		}
		fd.entries[key] = e
	}
	for _, decl := range f.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			key := decl.Name.Name
			if decl.Recv != nil && len(decl.Recv.List) == 1 {
				key = receiverTypeName(decl.Recv.List[0].Type) + "." + key
			}
			add(key, decl.Name, decl.Doc)
		case *ast.GenDecl:
			// The group's comment documents a lone spec; a comment above a
			// parenthesized group of several specs is about the group.
			var groupDoc *ast.CommentGroup
			if len(decl.Specs) == 1 {
				groupDoc = decl.Doc
			}
			for _, spec := range decl.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					add(spec.Name.Name, spec.Name, spec.Doc, spec.Comment, groupDoc)
					addMembers(spec.Name.Name, spec.Type, add)
				case *ast.ValueSpec:
					for i, name := range spec.Names {
						add(name.Name, name, spec.Doc, spec.Comment, groupDoc)
						if decl.Tok == token.CONST && i < len(spec.Values) {
							e := fd.entries[name.Name]
							e.literal = numberLiteral(spec.Values[i])
							fd.entries[name.Name] = e
						}
					}
				}
			}
		}
	}
	return fd
}

// numberLiteral returns the source text of a constant's value when it is a
// number literal as written, possibly negated or parenthesised (0x0301,
// -1e-9), so that the binding can keep the author's form. Anything computed
// (iota, shifts, conversions) gives "".
func numberLiteral(expr ast.Expr) string {
	switch e := expr.(type) {
	case *ast.ParenExpr:
		return numberLiteral(e.X)
	case *ast.UnaryExpr:
		if inner := numberLiteral(e.X); inner != "" && (e.Op == token.SUB || e.Op == token.ADD) {
			if e.Op == token.SUB {
				return "-" + inner
			}
			return inner
		}
	case *ast.BasicLit:
		if e.Kind == token.INT || e.Kind == token.FLOAT {
			return e.Value
		}
	}
	return ""
}

// addMembers records the fields of a struct type and the methods of an
// interface type declared as typeName. Fields are keyed by their index, as
// several may be named _; explicit interface methods have unique names.
func addMembers(typeName string, expr ast.Expr, add func(string, *ast.Ident, ...*ast.CommentGroup)) {
	switch t := expr.(type) {
	case *ast.StructType:
		i := 0
		for _, field := range t.Fields.List {
			for range max(len(field.Names), 1) { // an embedded field has no names
				add(fieldKey(typeName, i), nil, field.Doc, field.Comment)
				i++
			}
		}
	case *ast.InterfaceType:
		for _, field := range t.Methods.List {
			// Embedded interfaces and union elements have no names.
			for _, name := range field.Names {
				add(typeName+"."+name.Name, nil, field.Doc, field.Comment)
			}
		}
	}
}

// fieldKey keys the i'th field of a struct type; a method name cannot start
// with a digit, so it never collides with a method's key.
func fieldKey(typeName string, i int) string {
	return typeName + "." + strconv.Itoa(i)
}

// receiverTypeName is the type name in a receiver such as *List[K, V].
func receiverTypeName(expr ast.Expr) string {
	for {
		switch e := expr.(type) {
		case *ast.Ident:
			return e.Name
		case *ast.StarExpr:
			expr = e.X
		case *ast.ParenExpr:
			expr = e.X
		case *ast.IndexExpr:
			expr = e.X
		case *ast.IndexListExpr:
			expr = e.X
		default:
			// Not a valid receiver; the compiler has rejected such a file.
			return ""
		}
	}
}

// text is a comment's text without markers or directives such as //go:build.
func text(cg *ast.CommentGroup) string {
	return strings.TrimRight(cg.Text(), "\n")
}

// attachDocs copies docs and positions onto a package's declarations.
func attachDocs(p *Package, entries map[string]docEntry) {
	for _, d := range p.Decls {
		e := entries[d.Name]
		d.Doc, d.Deprecated, d.Pos = e.doc, deprecation(e.doc), e.pos
		if d.Value != nil {
			d.Value.Literal = e.literal
		}
		for _, m := range d.Methods {
			e := entries[d.Name+"."+m.Name]
			m.Doc, m.Deprecated, m.Pos = e.doc, deprecation(e.doc), e.pos
		}
		if d.Underlying == nil {
			continue
		}
		for i, f := range d.Underlying.Fields {
			f.Doc = entries[fieldKey(d.Name, i)].doc
			f.Deprecated = deprecation(f.Doc)
		}
		for _, m := range d.Underlying.Methods {
			m.Doc = entries[d.Name+"."+m.Name].doc
			m.Deprecated = deprecation(m.Doc)
		}
	}
}

// deprecation returns the text of the doc's "Deprecated:" paragraph, with
// its lines joined by spaces. Like go vet and pkgsite, it only recognizes
// the marker at the start of a paragraph.
func deprecation(doc string) string {
	for _, para := range strings.Split(doc, "\n\n") {
		if rest, ok := strings.CutPrefix(para, "Deprecated:"); ok {
			return strings.Join(strings.Fields(rest), " ")
		}
	}
	return ""
}
