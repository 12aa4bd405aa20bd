package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
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
	end     time.Time // when the parse was done
}

// queueDocs has the pool parse po's files.
func queueDocs(p *pool, po *pkgOut) {
	po.docs = make([]fileDocs, len(po.pkg.GoFiles))
	for i, path := range po.pkg.GoFiles {
		p.submit(func() {
			po.docs[i] = parseDocs(path)
			po.docs[i].end = time.Now()
		})
	}
}

// attachAllDocs attaches the docs and positions the pool read to the
// declarations of every package, once the walk has emitted them all and
// the pool is done. It returns the parse errors, which do not stop the
// run (a file the compiler accepted but go/parser rejects only loses its
// docs), and when the last file was done.
func attachAllDocs(out []*pkgOut) (errs []LoadErr, end time.Time) {
	for _, po := range out {
		merged := make(map[string]docEntry)
		var pkgDocs []string
		for _, fd := range po.docs {
			if fd.end.After(end) {
				end = fd.end
			}
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
		po.docs = nil
		po.model.Doc = strings.Join(pkgDocs, "\n\n")
		attachDocs(po.model, merged)
	}
	return errs, end
}

const docsMode = parser.ParseComments | parser.SkipObjectResolution

// parseDocs collects the doc comments and positions of one file, parsing
// it without its function bodies and composite literals. Should that fail,
// the file is parsed as it is, so that the error reported is the one
// go/parser gives for the file. (An error inside a body goes unseen; the
// compiler accepted the file.)
func parseDocs(path string) fileDocs {
	fset := token.NewFileSet()
	var f *ast.File
	src, err := os.ReadFile(path)
	if err == nil {
		f, err = parser.ParseFile(fset, path, dropBodies(src), docsMode)
	}
	if err != nil {
		fset = token.NewFileSet()
		f, err = parser.ParseFile(fset, path, nil, docsMode)
	}
	return fileDocsOf(fset, f, err, path)
}

// fileDocsOf collects the doc comments and positions of a parsed file.
func fileDocsOf(fset *token.FileSet, f *ast.File, err error, path string) fileDocs {
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
			// Unexported functions and methods never reach the document,
			// nor do unexported variables and constants below; unexported
			// types, their fields and interface methods can.
			if !decl.Name.IsExported() {
				continue
			}
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
						if !name.IsExported() {
							continue
						}
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
