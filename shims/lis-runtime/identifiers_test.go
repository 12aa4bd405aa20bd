package lisette

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// emitterIdentifiers lists every name the lis 0.12.5 emitter can reference in
// this package. Fixed names come from the emitter's sources; the rest follow
// its naming rules, applied to every method prelude.d.lis declares:
//   - a prelude type's method called as a free function or with extra type
//     parameters: <Type><CamelMethod> (OptionMap, ResultWrapErr, …);
//   - a native type's method that is not inlined: <Prefix><CamelMethod>, with
//     prefixes String, Slice, EnumeratedSlice, Map, Channel, Sender, Receiver;
//   - a prelude enum variant: <Enum><Variant> (tag constants).
var emitterIdentifiers = []string{
	// types and fields
	"Option", "Result", "Partial", "PanicValue", "Tuple2", "Tuple3", "Tuple4", "Tuple5",
	"Range", "RangeInclusive", "RangeFrom", "RangeTo", "RangeToInclusive",
	// tags
	"OptionSome", "OptionNone", "ResultOk", "ResultErr", "PartialOk", "PartialErr", "PartialBoth",
	// constructors and adapters
	"MakeOptionSome", "MakeOptionNone", "MakeResultOk", "MakeResultErr",
	"MakePartialOk", "MakePartialErr", "MakePartialBoth",
	"MakeTuple2", "MakeTuple3", "MakeTuple4", "MakeTuple5",
	"OptionFromCommaOk", "OptionFromNilable", "OptionFromPointer", "ResultFromPair",
	"IsNilInterface", "AssertType", "SliceToAny", "RecoverBlock", "Debug",
	"SliceGet", "SliceCloneFunc", "MapClone", "MapCloneFunc",
	"RuneAt", "Substring", "SubstringFrom", "SubstringTo",
	// Option
	"OptionIsSome", "OptionIsNone", "OptionUnwrapOr", "OptionUnwrapOrElse", "OptionMap",
	"OptionMapOr", "OptionMapOrElse", "OptionAndThen", "OptionOrElse", "OptionFilter",
	"OptionTake", "OptionOkOr", "OptionOkOrElse", "OptionZip", "OptionFlatten",
	// Result (ResultOk / ResultErr are the tags)
	"ResultIsOk", "ResultIsErr", "ResultUnwrapOr", "ResultUnwrapOrElse", "ResultMap",
	"ResultMapErr", "ResultMapOr", "ResultMapOrElse", "ResultAndThen", "ResultOrElse",
	"ResultWrapErr",
	// Partial (PartialOk / PartialErr are the tags)
	"PartialIsOk", "PartialIsErr", "PartialIsBoth", "PartialUnwrapOr", "PartialUnwrapOrElse",
	"PartialMap", "PartialMapErr",
	// PanicValue
	"PanicValueMessage", "PanicValueAsError", "PanicValueStackTrace",
	// string
	"StringLength", "StringIsEmpty", "StringContains", "StringSplit", "StringStartsWith",
	"StringEndsWith", "StringByteAt", "StringRuneAt", "StringBytes", "StringRunes", "StringSubstring",
	// Slice
	"SliceNew", "SliceMake", "SliceLength", "SliceIsEmpty", "SliceCapacity", "SliceReserve",
	"SliceAppend", "SliceCopyFrom", "SliceFilter", "SliceMap", "SliceContains", "SliceEquals",
	"SliceFold", "SliceFind", "SliceAny", "SliceAll", "SliceEnumerate", "SliceClone", "SliceJoin",
	// EnumeratedSlice
	"EnumeratedSliceFilter", "EnumeratedSliceMap", "EnumeratedSliceFold", "EnumeratedSliceFind",
	"EnumeratedSliceClone",
	// Map
	"MapNew", "MapFrom", "MapLength", "MapIsEmpty", "MapGet", "MapDelete", "MapEquals",
	// Channel, Sender, Receiver
	"ChannelNew", "ChannelBuffered", "ChannelSend", "ChannelReceive", "ChannelSplit",
	"ChannelLength", "ChannelIsEmpty", "ChannelCapacity", "ChannelClose",
	"SenderSend", "SenderLength", "SenderIsEmpty", "SenderCapacity", "SenderClose",
	"ReceiverReceive", "ReceiverLength", "ReceiverIsEmpty", "ReceiverCapacity",
}

// emitterMethods lists the Go methods the emitter calls on prelude values
// (methods without type parameters of their own), plus struct fields.
var emitterMethods = map[string][]string{
	"Option":     {"IsSome", "IsNone", "UnwrapOr", "UnwrapOrElse", "OrElse", "Filter", "Take"},
	"Result":     {"IsOk", "IsErr", "Ok", "Err", "UnwrapOr", "UnwrapOrElse"},
	"Partial":    {"IsOk", "IsErr", "IsBoth", "Ok", "Err", "UnwrapOr", "UnwrapOrElse"},
	"PanicValue": {"Message", "AsError", "StackTrace"},
}

var emitterFields = map[string][]string{
	"Option":           {"Tag", "SomeVal"},
	"Result":           {"Tag", "OkVal", "ErrVal"},
	"Partial":          {"Tag", "OkVal", "ErrVal"},
	"Tuple5":           {"First", "Second", "Third", "Fourth", "Fifth"},
	"Range":            {"Start", "End"},
	"RangeInclusive":   {"Start", "End"},
	"RangeFrom":        {"Start"},
	"RangeTo":          {"End"},
	"RangeToInclusive": {"End"},
}

type declarations struct {
	names   map[string]bool
	methods map[string]bool // "Type.Method"
	fields  map[string]bool // "Type.Field"
	funcs   []string        // exported functions and "Type.Method" methods
}

func parsePackage(t *testing.T, dir string) declarations {
	t.Helper()
	d := declarations{names: map[string]bool{}, methods: map[string]bool{}, fields: map[string]bool{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv == nil {
					d.names[decl.Name.Name] = true
					if decl.Name.IsExported() {
						d.funcs = append(d.funcs, decl.Name.Name)
					}
					continue
				}
				recv := decl.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				switch r := recv.(type) {
				case *ast.IndexExpr:
					recv = r.X
				case *ast.IndexListExpr:
					recv = r.X
				}
				name := recv.(*ast.Ident).Name + "." + decl.Name.Name
				d.methods[name] = true
				if decl.Name.IsExported() {
					d.funcs = append(d.funcs, name)
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						d.names[spec.Name.Name] = true
						if st, ok := spec.Type.(*ast.StructType); ok {
							for _, f := range st.Fields.List {
								for _, n := range f.Names {
									d.fields[spec.Name.Name+"."+n.Name] = true
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range spec.Names {
							d.names[n.Name] = true
						}
					}
				}
			}
		}
	}
	return d
}

func TestEveryEmitterIdentifierIsDeclared(t *testing.T) {
	d := parsePackage(t, ".")
	for _, name := range emitterIdentifiers {
		if !d.names[name] {
			t.Errorf("missing package-level identifier %s", name)
		}
	}
	for typ, methods := range emitterMethods {
		for _, m := range methods {
			if !d.methods[typ+"."+m] {
				t.Errorf("missing method %s.%s", typ, m)
			}
		}
	}
	for typ, fields := range emitterFields {
		for _, f := range fields {
			if !d.fields[typ+"."+f] {
				t.Errorf("missing field %s.%s", typ, f)
			}
		}
	}
	tk := parsePackage(t, "testkit")
	for _, name := range []string{"New", "Recover", "Fail", "ErrOperand", "Operand", "TestContext"} {
		if !tk.names[name] {
			t.Errorf("missing testkit.%s", name)
		}
	}
	for _, m := range []string{"FailAssert", "Log", "Run", "Parallel", "Skip", "Recover"} {
		if !tk.methods["TestContext."+m] {
			t.Errorf("missing testkit.TestContext.%s", m)
		}
	}
}

// TestEveryExportedFunctionIsTested checks that each exported function and
// method of the package (and of testkit) is called from some _test.go file.
func TestEveryExportedFunctionIsTested(t *testing.T) {
	for _, dir := range []string{".", "testkit"} {
		d := parsePackage(t, dir)
		var tests strings.Builder
		paths, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
		for _, path := range paths {
			if filepath.Base(path) == "identifiers_test.go" {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tests.Write(src)
		}
		body := tests.String()
		for _, fn := range d.funcs {
			name := fn[strings.LastIndexByte(fn, '.')+1:]
			if !unicode.IsUpper(rune(name[0])) {
				continue
			}
			if !strings.Contains(body, name+"(") && !strings.Contains(body, name+"[") &&
				!strings.Contains(body, "."+name+",") {
				t.Errorf("%s: exported %s is not exercised by any test", dir, fn)
			}
		}
	}
}
