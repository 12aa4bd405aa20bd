package main

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// One test per fixture package, asserting the facts the C++ side relies on.

func TestEmbedding(t *testing.T) {
	const pkg = fx + "embedding"
	pod := decl(t, "embedding", "Pod")
	meta := field(t, pod, "ObjectMeta")
	if !meta.Embedded || !meta.Exported || meta.Tag != `json:"metadata,omitempty"` {
		t.Errorf("Pod.ObjectMeta = %+v, want an exported embedded field with its tag", meta)
	}
	wantJSON(t, "Pod.ObjectMeta type", meta.Type, named(pkg, "ObjectMeta"))
	if spec := field(t, pod, "Spec"); spec.Embedded || spec.Doc != "Spec defines the behavior of a pod." {
		t.Errorf("Pod.Spec = %+v", spec)
	}

	// GetName has a pointer receiver on ObjectMeta, embedded by value: only
	// *Pod has it. GroupVersionKind has a value receiver: Pod has it.
	getName := promotedMethod(pod, "GetName")
	if getName == nil || !getName.Ptr || !slices.Equal(getName.Via, []string{"ObjectMeta"}) {
		t.Errorf("Pod promoted GetName = %+v, want ptr via [ObjectMeta]", getName)
	} else {
		wantJSON(t, "GetName from", getName.From, named(pkg, "ObjectMeta"))
		wantJSON(t, "GetName sig", getName.Sig, `{"results":[{"type":`+basic("string")+`}]}`)
	}
	gvk := promotedMethod(pod, "GroupVersionKind")
	if gvk == nil || gvk.Ptr || !slices.Equal(gvk.Via, []string{"TypeMeta"}) {
		t.Errorf("Pod promoted GroupVersionKind = %+v, want value via [TypeMeta]", gvk)
	}
	if promotedMethod(pod, "DeepCopyObject") != nil {
		t.Error("a declared method is listed as promoted")
	}
	if m := method(t, pod, "DeepCopyObject"); !m.Ptr {
		t.Error("Pod.DeepCopyObject should have a pointer receiver")
	}
	if pod.Comparable || pod.IsError || pod.PtrIsError {
		t.Errorf("Pod flags: comparable=%v is_error=%v ptr_is_error=%v", pod.Comparable, pod.IsError, pod.PtrIsError)
	}
	if !decl(t, "embedding", "PodSpec").Comparable {
		t.Error("PodSpec should be comparable")
	}
	if obj := decl(t, "embedding", "Object"); len(obj.Underlying.Methods) != 2 || obj.Promoted != nil {
		t.Errorf("Object interface = %s", js(t, obj))
	}
}

func TestMethodSets(t *testing.T) {
	cases := []struct {
		typ, method string
		via         []string
		ptr         bool
	}{
		{"ByValue", "Describe", []string{"Base"}, false},
		{"ByValue", "Reset", []string{"Base"}, true},
		{"ByPointer", "Describe", []string{"Base"}, false},
		{"ByPointer", "Reset", []string{"Base"}, false}, // *Base is embedded
		{"Middle", "Reset", []string{"Base"}, true},
		{"Outer", "Describe", []string{"Middle", "Base"}, false},
		{"Outer", "Reset", []string{"Middle", "Base"}, true},
	}
	for _, c := range cases {
		p := promotedMethod(decl(t, "methodsets", c.typ), c.method)
		if p == nil || p.Ptr != c.ptr || !slices.Equal(p.Via, c.via) {
			t.Errorf("%s promoted %s = %+v, want via %v ptr %v", c.typ, c.method, p, c.via, c.ptr)
		}
	}
	if both := decl(t, "methodsets", "Both"); len(both.Promoted) != 0 {
		t.Errorf("Both has an ambiguous Describe, yet promoted = %s", js(t, both.Promoted))
	}
	counter := decl(t, "methodsets", "Counter")
	if !method(t, counter, "Inc").Ptr || method(t, counter, "Value").Ptr {
		t.Errorf("Counter methods = %s", js(t, counter.Methods))
	}
	base := decl(t, "methodsets", "Base")
	if names := []string{base.Methods[0].Name, base.Methods[1].Name}; !slices.Equal(names, []string{"Describe", "Reset"}) {
		t.Errorf("Base methods not sorted: %v", names)
	}
}

func TestGenerics(t *testing.T) {
	const pkg = fx + "generics"
	pair := decl(t, "generics", "Pair")
	wantJSON(t, "Pair tparams", pair.TParams,
		`[{"name":"K","constraint":{"k":"named","name":"comparable"}},{"name":"V","constraint":{"k":"interface"}}]`)
	// First's receiver is Pair[KK, VV]; its result is reported as the
	// type's own K.
	wantJSON(t, "Pair.First sig", method(t, pair, "First").Sig, `{"results":[{"type":{"k":"tparam","name":"K"}}]}`)
	if pair.Comparable {
		t.Error("Pair[K, V any] is not comparable for every V")
	}

	wantJSON(t, "Number", decl(t, "generics", "Number").Underlying,
		`{"k":"interface","union":[[{"tilde":true,"type":`+basic("int")+`},{"tilde":true,"type":`+basic("int64")+`},{"tilde":true,"type":`+basic("float64")+`}]],"comparable":true}`)
	sum := decl(t, "generics", "Sum")
	wantJSON(t, "Sum", sum.TParams, `[{"name":"T","constraint":`+named(pkg, "Number")+`}]`)
	if !sum.Sig.Variadic {
		t.Error("Sum is variadic")
	}
	wantJSON(t, "Map tparams", decl(t, "generics", "Map").TParams,
		`[{"name":"S","constraint":{"k":"interface","union":[[{"tilde":true,"type":{"k":"slice","elem":{"k":"tparam","name":"E"}}}]]}},`+
			`{"name":"E","constraint":{"k":"interface"}},{"name":"R","constraint":{"k":"interface"}}]`)

	tree := decl(t, "generics", "Tree")
	wantJSON(t, "Tree.Left", field(t, tree, "Left").Type,
		`{"k":"pointer","elem":{"k":"named","pkg":"`+pkg+`","name":"Tree","args":[{"k":"tparam","name":"T"}]}}`)
	if !method(t, tree, "Walk").Ptr {
		t.Error("Tree.Walk has a pointer receiver")
	}

	queue := decl(t, "generics", "TypedQueue")
	wantJSON(t, "TypedQueue.Get", ifaceMethod(t, queue, "Get").Sig,
		`{"results":[{"name":"item","type":{"k":"tparam","name":"T"}},{"name":"shutdown","type":`+basic("bool")+`}]}`)
	wantJSON(t, "NewQueue result", decl(t, "generics", "NewQueue").Sig.Results,
		`[{"type":{"k":"named","pkg":"`+pkg+`","name":"TypedQueue","args":[{"k":"tparam","name":"T"}]}}]`)
}

func TestGenericSet(t *testing.T) {
	const pkg = fx + "genericset"
	setT := `{"k":"named","pkg":"` + pkg + `","name":"Set","args":[{"k":"tparam","name":"T"}]}`
	set := decl(t, "genericset", "Set")
	wantJSON(t, "Set", []any{set.TParams, set.Underlying},
		`[[{"name":"T","constraint":{"k":"named","name":"comparable"}}],{"k":"map","key":{"k":"tparam","name":"T"},"elem":`+named(pkg, "Empty")+`}]`)
	if insert := method(t, set, "Insert"); insert.Ptr || !insert.Sig.Variadic || js(t, insert.Sig.Results) != `[{"type":`+setT+`}]` {
		t.Errorf("Set.Insert = %s", js(t, insert))
	}
	if !method(t, set, "Clear").Ptr || method(t, set, "Has").Ptr {
		t.Error("Set.Clear has a pointer receiver, Set.Has a value receiver")
	}

	to := decl(t, "genericset", "To")
	wantJSON(t, "To", []any{to.TParams, to.Sig},
		`[[{"name":"T","constraint":{"k":"interface"}}],{"params":[{"name":"v","type":{"k":"tparam","name":"T"}}],"results":[{"type":{"k":"pointer","elem":{"k":"tparam","name":"T"}}}]}]`)

	ordered := decl(t, "genericset", "Ordered").Underlying
	if len(ordered.Union) != 1 || len(ordered.Union[0]) != 3 || !ordered.Union[0][2].Tilde || ordered.Union[0][2].Type.Name != "string" {
		t.Errorf("Ordered = %s, want one union element of three ~terms", js(t, ordered))
	}
	namedC := decl(t, "genericset", "Named").Underlying
	wantJSON(t, "Named embeds", namedC.Embeds, `[{"k":"named","name":"comparable"},`+named("fmt", "Stringer")+`]`)
	if ifaceMethod(t, decl(t, "genericset", "Named"), "Name").Doc != "Name returns the name." || !namedC.Comparable {
		t.Errorf("Named = %s", js(t, namedC))
	}

	intSet := decl(t, "genericset", "IntSet")
	if !intSet.Alias {
		t.Error("IntSet is an alias")
	}
	wantJSON(t, "IntSet", intSet.Underlying, `{"k":"named","pkg":"`+pkg+`","name":"Set","args":[`+basic("int")+`]}`)
	list := decl(t, "genericset", "List")
	wantJSON(t, "List", []any{list.Alias, list.TParams, list.Underlying},
		`[true,[{"name":"T","constraint":{"k":"interface"}}],{"k":"slice","elem":{"k":"tparam","name":"T"}}]`)
	wantJSON(t, "SortedList result", decl(t, "genericset", "SortedList").Sig.Results,
		`[{"type":{"k":"alias","pkg":"`+pkg+`","name":"List","args":[{"k":"tparam","name":"T"}],"target":{"k":"slice","elem":{"k":"tparam","name":"T"}}}}]`)
	findDecl(t, findPkg(t, all(t), "fmt"), "Stringer")
}

func TestAliases(t *testing.T) {
	const pkg = fx + "aliases"
	meta := decl(t, "aliases", "Meta")
	if !meta.Alias || js(t, meta.Underlying) != named(fx+"embedding", "ObjectMeta") {
		t.Errorf("Meta = %s", js(t, meta))
	}
	reader := `{"k":"alias","pkg":"` + pkg + `","name":"Reader","target":` + named("io", "Reader") + `}`
	wantJSON(t, "Source", decl(t, "aliases", "Source").Underlying, reader)
	readAll := decl(t, "aliases", "ReadAll")
	wantJSON(t, "ReadAll param", readAll.Sig.Params,
		`[{"name":"r","type":{"k":"alias","pkg":"`+pkg+`","name":"Source","target":`+reader+`}}]`)
	wantJSON(t, "ReadAll results", readAll.Sig.Results,
		`[{"type":{"k":"alias","pkg":"`+pkg+`","name":"Bytes","target":{"k":"slice","elem":`+basic("byte")+`}}},{"type":{"k":"named","name":"error"}}]`)
	wantJSON(t, "Describe param", decl(t, "aliases", "Describe").Sig.Params[0].Type,
		`{"k":"pointer","elem":{"k":"alias","pkg":"`+pkg+`","name":"Meta","target":`+named(fx+"embedding", "ObjectMeta")+`}}`)

	// Embedded through aliases of pointer types, every method of
	// ObjectMeta is in Holder's value method set.
	getName := promotedMethod(decl(t, "aliases", "Holder"), "GetName")
	if getName == nil || getName.Ptr || !slices.Equal(getName.Via, []string{"RefPtr", "MetaRef"}) || js(t, getName.From) != named(fx+"embedding", "ObjectMeta") {
		t.Errorf("Holder promoted GetName = %s, want via [RefPtr MetaRef], not ptr", js(t, getName))
	}
	wantJSON(t, "Ref.MetaRef", field(t, decl(t, "aliases", "Ref"), "MetaRef"),
		`{"name":"MetaRef","type":{"k":"alias","pkg":"`+pkg+`","name":"MetaRef","target":{"k":"pointer","elem":{"k":"alias","pkg":"`+pkg+`","name":"Meta","target":`+named(fx+"embedding", "ObjectMeta")+`}}},"embedded":true,"exported":true}`)

	p := findPkg(t, all(t), pkg)
	if !slices.Equal(p.Imports, []string{fx + "embedding", "io"}) {
		t.Errorf("aliases imports = %v", p.Imports)
	}
	if io := findPkg(t, all(t), "io"); io.Root || !io.Std || io.Module != nil {
		t.Errorf("io = root %v std %v module %v; want a closure-only std package", io.Root, io.Std, io.Module)
	}
}

func TestFuncTypes(t *testing.T) {
	const pkg = fx + "functypes"
	hf := decl(t, "functypes", "HandlerFunc")
	wantJSON(t, "HandlerFunc", hf.Underlying,
		`{"k":"func","sig":{"params":[{"name":"w","type":`+named("io", "Writer")+`},{"name":"r","type":{"k":"pointer","elem":`+named(pkg, "Request")+`}}],"results":[{"type":{"k":"named","name":"error"}}]}}`)
	method(t, hf, "Serve")
	printf := decl(t, "functypes", "Printf").Sig
	wantJSON(t, "Printf", printf,
		`{"params":[{"name":"format","type":`+basic("string")+`},{"name":"args","type":{"k":"slice","elem":{"k":"interface"}}}],"results":[{"name":"n","type":`+basic("int")+`},{"name":"err","type":{"k":"named","name":"error"}}],"variadic":true}`)
	wantJSON(t, "OnEvent", decl(t, "functypes", "OnEvent").Sig,
		`{"params":[{"type":{"k":"func","sig":{"params":[{"type":`+basic("string")+`},{"type":`+basic("int")+`}],"results":[{"type":`+basic("bool")+`}]}}}]}`)
	wantJSON(t, "Counter", decl(t, "functypes", "Counter").Sig,
		`{"results":[{"type":{"k":"func","sig":{"results":[{"type":`+basic("int")+`}]}}}]}`)
}

func TestChannels(t *testing.T) {
	const pkg = fx + "channels"
	wantJSON(t, "ResultChan", ifaceMethod(t, decl(t, "channels", "Watcher"), "ResultChan").Sig,
		`{"results":[{"type":{"k":"chan","dir":"recv","elem":`+named(pkg, "Event")+`}}]}`)
	wantJSON(t, "Describe", ifaceMethod(t, decl(t, "channels", "Collector"), "Describe").Sig,
		`{"params":[{"name":"ch","type":{"k":"chan","dir":"send","elem":{"k":"pointer","elem":`+named(pkg, "Desc")+`}}}]}`)
	recvInt := `{"k":"chan","dir":"recv","elem":` + basic("int") + `}`
	wantJSON(t, "Merge", decl(t, "channels", "Merge").Sig,
		`{"params":[{"name":"inputs","type":{"k":"slice","elem":`+recvInt+`}}],"results":[{"type":`+recvInt+`}],"variadic":true}`)
	wantJSON(t, "Pipe", decl(t, "channels", "Pipe").Sig.Results[0].Type, `{"k":"chan","dir":"both","elem":`+recvInt+`}`)
	wantJSON(t, "Requests", decl(t, "channels", "Requests").Underlying,
		`{"k":"chan","dir":"both","elem":{"k":"chan","dir":"send","elem":`+basic("string")+`}}`)
}

func TestMaps(t *testing.T) {
	const pkg = fx + "maps"
	cfg := decl(t, "maps", "Config")
	for name, want := range map[string]string{
		"Contexts": `{"k":"map","key":` + basic("string") + `,"elem":{"k":"pointer","elem":` + named(pkg, "Context") + `}}`,
		"Data":     `{"k":"map","key":` + basic("string") + `,"elem":{"k":"slice","elem":` + basic("byte") + `}}`,
		"Nested":   `{"k":"map","key":` + basic("string") + `,"elem":{"k":"map","key":` + basic("string") + `,"elem":` + basic("int") + `}}`,
		"Grid":     `{"k":"map","key":{"k":"array","len":2,"elem":` + basic("int") + `},"elem":` + basic("bool") + `}`,
		"Points":   `{"k":"map","key":` + named(pkg, "Point") + `,"elem":` + basic("string") + `}`,
	} {
		wantJSON(t, "Config."+name, field(t, cfg, name).Type, want)
	}
	sliceMap := `{"k":"map","key":` + basic("string") + `,"elem":{"k":"slice","elem":` + basic("string") + `}}`
	wantJSON(t, "Merge", decl(t, "maps", "Merge").Sig,
		`{"params":[{"name":"dst","type":`+sliceMap+`},{"name":"src","type":`+sliceMap+`}]}`)
}

func TestConsts(t *testing.T) {
	const pkg = fx + "consts"
	valueType := named(pkg, "ValueType")
	for i, name := range []string{"CounterValue", "GaugeValue", "UntypedValue"} {
		d := decl(t, "consts", name)
		wantJSON(t, name, []any{d.Kind, d.Type, d.Untyped, d.Value}, `["const",`+valueType+`,false,{"kind":"int","exact":"`+strconv.Itoa(i+1)+`"}]`)
	}
	if d := decl(t, "consts", "Unknown"); d.Value.Exact != `"Unknown"` || js(t, d.Type) != named(pkg, "PodPhase") {
		t.Errorf("Unknown = %s", js(t, d))
	}
	cases := []struct{ name, typ, value string }{
		{"MaxUint64", basic("int"), `{"kind":"int","exact":"18446744073709551615"}`},
		{"Huge", basic("int"), `{"kind":"int","exact":"1267650600228229401496703205376"}`},
		{"Third", basic("float64"), `{"kind":"float","exact":"1/3","float":"0.3333333333333333"}`},
		{"Enabled", basic("bool"), `{"kind":"bool","exact":"true"}`},
		{"Separator", basic("rune"), `{"kind":"int","exact":"47"}`},
		{"Imaginary", basic("complex128"), `{"kind":"complex","exact":"(0 + 2i)"}`},
	}
	for _, c := range cases {
		d := decl(t, "consts", c.name)
		if !d.Untyped {
			t.Errorf("%s should be untyped", c.name)
		}
		wantJSON(t, c.name, []any{d.Type, d.Value}, "["+c.typ+","+c.value+"]")
	}
	if pi := decl(t, "consts", "Pi").Value; pi.Kind != "float" || pi.Float != "3.141592653589793" || !strings.Contains(pi.Exact, "/") {
		t.Errorf("Pi = %+v", pi)
	}
	for name, want := range map[string]string{
		"Greeting": "tab\there\n\"quoted\" caf\u00e9 \x00",
		"RawPath":  `C:\Program Files\go`,
	} {
		v := decl(t, "consts", name).Value
		if s, err := strconv.Unquote(v.Exact); err != nil || s != want || v.Kind != "string" {
			t.Errorf("%s exact %s unquotes to %q (%v), want %q", name, v.Exact, s, err, want)
		}
	}
	typed := []struct{ name, typ, value string }{
		{"Ratio", basic("float32"), `{"kind":"float","exact":"13421773/134217728","float":"0.10000000149011612","literal":"0.1"}`},
		{"Mask", basic("byte"), `{"kind":"int","exact":"255","literal":"0xff"}`},
		{"Timeout", named("time", "Duration"), `{"kind":"int","exact":"5000000000"}`},
		{"MinInt64", basic("int64"), `{"kind":"int","exact":"-9223372036854775808"}`},
	}
	for _, c := range typed {
		d := decl(t, "consts", c.name)
		wantJSON(t, c.name, []any{d.Untyped, d.Type, d.Value}, "[false,"+c.typ+","+c.value+"]")
	}
	if lookupDecl(findPkg(t, all(t), pkg), "_") != nil {
		t.Error("the blank constant was emitted")
	}
}

func TestBuildTags(t *testing.T) {
	doc := all(t)
	p := findPkg(t, doc, fx+"buildtags")
	raw := field(t, findDecl(t, p, "FieldsV1"), "Raw")
	linux := doc.Build.GOOS == "linux"
	if want := map[bool]string{true: `{"k":"slice","elem":` + basic("byte") + `}`, false: basic("string")}[linux]; js(t, raw.Type) != want {
		t.Errorf("GOOS=%s: FieldsV1.Raw = %s, want %s", doc.Build.GOOS, js(t, raw.Type), want)
	}
	if slices.Contains(p.Files, "fields_linux_tag.go") != linux || slices.Contains(p.Files, "fields_other_tag.go") == linux {
		t.Errorf("GOOS=%s: files %v", doc.Build.GOOS, p.Files)
	}
	windows := doc.Build.GOOS == "windows"
	if slices.Contains(p.Files, "sep_windows.go") != windows {
		t.Errorf("GOOS=%s: files %v", doc.Build.GOOS, p.Files)
	}
	if sep := findDecl(t, p, "Separator").Value.Exact; sep != map[bool]string{true: "92", false: "47"}[windows] {
		t.Errorf("GOOS=%s: Separator = %s", doc.Build.GOOS, sep)
	}
	if lookupDecl(p, "Extra") != nil || slices.Contains(p.Files, "extra_tag.go") {
		t.Error("Extra is declared without the extra tag")
	}

	tagged := extractFixtures(t, []string{"extra"}, fx+"buildtags")
	if !slices.Equal(tagged.Build.Tags, []string{"extra"}) {
		t.Errorf("build tags = %v", tagged.Build.Tags)
	}
	if d := findDecl(t, findPkg(t, tagged, fx+"buildtags"), "Extra"); d.Value.Exact != "true" {
		t.Errorf("Extra = %s", js(t, d))
	}
}

func TestInternalLeak(t *testing.T) {
	const impl = fx + "internalleak/internal/impl"
	// Loaded on its own, internalleak pulls its internal package into the
	// closure: it is emitted whole, but it is not a root.
	doc := extractFixtures(t, nil, fx+"internalleak")
	root := findPkg(t, doc, fx+"internalleak")
	if !root.Root || root.Internal || !slices.Equal(root.Imports, []string{impl}) {
		t.Errorf("internalleak = root %v internal %v imports %v", root.Root, root.Internal, root.Imports)
	}
	wantJSON(t, "Engine()", findDecl(t, root, "Engine").Sig.Results, `[{"type":{"k":"pointer","elem":`+named(impl, "Engine")+`}}]`)
	p := findPkg(t, doc, impl)
	if p.Root || !p.Internal || p.Name != "impl" {
		t.Errorf("impl = root %v internal %v name %s", p.Root, p.Internal, p.Name)
	}
	for _, name := range []string{"Engine", "Stats", "Default"} {
		if d := findDecl(t, p, name); !d.Exported {
			t.Errorf("impl.%s should be exported", name)
		}
	}
	method(t, findDecl(t, p, "Engine"), "Start")
	if findPkg(t, all(t), impl).Root != true {
		t.Error("./... matches the internal package itself")
	}
}

func TestUnexported(t *testing.T) {
	const pkg = fx + "unexported"
	client := decl(t, "unexported", "client")
	if client.Exported || client.Kind != "type" {
		t.Errorf("client = %s", js(t, client))
	}
	if len(client.Methods) != 2 || !method(t, client, "Get").Ptr || method(t, client, "Base").Ptr {
		t.Errorf("client methods = %s; want Base (value) and Get (pointer), not retry", js(t, client.Methods))
	}
	if f := field(t, client, "timeout"); f.Exported || js(t, f.Type) != named("time", "Duration") {
		t.Errorf("client.timeout = %s", js(t, f))
	}
	wantJSON(t, "NewClient result", decl(t, "unexported", "NewClient").Sig.Results, `[{"type":{"k":"pointer","elem":`+named(pkg, "client")+`}}]`)
}

func TestErrors(t *testing.T) {
	flags := func(name string) [3]bool {
		d := decl(t, "errors", name)
		return [3]bool{d.IsError, d.PtrIsError, d.Comparable}
	}
	for name, want := range map[string][3]bool{
		"NotFoundError": {true, false, true},
		"StatusError":   {false, true, true},
		"WrappedError":  {false, true, true},
		"Code":          {true, false, true},
		"APIStatus":     {true, false, true},
	} {
		if got := flags(name); got != want {
			t.Errorf("%s is_error, ptr_is_error, comparable = %v, want %v", name, got, want)
		}
	}
	for _, name := range []string{"ErrClosed", "ErrNotReady"} {
		if d := decl(t, "errors", name); d.Kind != "var" || js(t, d.Type) != `{"k":"named","name":"error"}` {
			t.Errorf("%s = %s", name, js(t, d))
		}
	}
	wantJSON(t, "Unwrap", method(t, decl(t, "errors", "WrappedError"), "Unwrap").Sig, `{"results":[{"type":{"k":"named","name":"error"}}]}`)
	wantJSON(t, "APIStatus embeds", decl(t, "errors", "APIStatus").Underlying.Embeds, `[{"k":"named","name":"error"}]`)
}

func TestOptions(t *testing.T) {
	const pkg = fx + "options"
	opts := decl(t, "options", "options")
	if opts.Exported || len(opts.Underlying.Fields) != 2 {
		t.Errorf("options = %s", js(t, opts))
	}
	wantJSON(t, "Option", decl(t, "options", "Option").Underlying,
		`{"k":"func","sig":{"params":[{"type":{"k":"pointer","elem":`+named(pkg, "options")+`}}]}}`)
	sealed := decl(t, "options", "SharedOption")
	if m := ifaceMethod(t, sealed, "apply"); js(t, m.Sig) != `{"params":[{"type":{"k":"pointer","elem":`+named(pkg, "options")+`}}]}` {
		t.Errorf("SharedOption.apply = %s", js(t, m))
	}
	if newFn := decl(t, "options", "New"); !newFn.Sig.Variadic || js(t, newFn.Sig.Params[1].Type) != `{"k":"slice","elem":`+named(pkg, "Option")+`}` {
		t.Errorf("New = %s", js(t, newFn))
	}
	// namespaceOption only appears in a function body.
	if lookupDecl(findPkg(t, all(t), pkg), "namespaceOption") != nil {
		t.Error("namespaceOption is not referenced by any declaration")
	}
}

func TestInterfaces(t *testing.T) {
	const pkg = fx + "interfaces"
	wantJSON(t, "CoreV1", ifaceMethod(t, decl(t, "interfaces", "Interface"), "CoreV1").Sig,
		`{"results":[{"type":`+named(pkg, "CoreV1Interface")+`}]}`)
	core := decl(t, "interfaces", "CoreV1Interface").Underlying
	wantJSON(t, "CoreV1Interface", []any{core.Embeds, core.Methods[0].Name}, `[[`+named(pkg, "PodsGetter")+`],"RESTClient"]`)
	wantJSON(t, "Pods", ifaceMethod(t, decl(t, "interfaces", "PodsGetter"), "Pods").Sig,
		`{"params":[{"name":"namespace","type":`+basic("string")+`}],"results":[{"type":`+named(pkg, "PodInterface")+`}]}`)
	wantJSON(t, "List", ifaceMethod(t, decl(t, "interfaces", "PodInterface"), "List").Sig,
		`{"params":[{"name":"ctx","type":`+named("context", "Context")+`},{"name":"opts","type":`+named(pkg, "ListOptions")+`}],`+
			`"results":[{"type":{"k":"pointer","elem":`+named(pkg, "PodList")+`}},{"type":{"k":"named","name":"error"}}]}`)
	findDecl(t, findPkg(t, all(t), "context"), "Context")
	// The unexported implementation is the type of an unexported field of
	// Clientset, so it is emitted, with its exported methods.
	impl := decl(t, "interfaces", "coreV1Client")
	if impl.Exported || len(impl.Methods) != 2 {
		t.Errorf("coreV1Client = %s", js(t, impl))
	}
}

func TestResults(t *testing.T) {
	const pkg = fx + "results"
	wantJSON(t, "Lookup", decl(t, "results", "Lookup").Sig.Results,
		`[{"name":"value","type":`+basic("string")+`},{"name":"ok","type":`+basic("bool")+`}]`)
	wantJSON(t, "Parse", decl(t, "results", "Parse").Sig.Results, `[{"type":`+basic("int")+`},{"type":{"k":"named","name":"error"}}]`)
	wantJSON(t, "NestedInt64", decl(t, "results", "NestedInt64").Sig.Results,
		`[{"type":`+basic("int64")+`},{"type":`+basic("bool")+`},{"type":{"k":"named","name":"error"}}]`)
	wantJSON(t, "Query", ifaceMethod(t, decl(t, "results", "API"), "Query").Sig.Results,
		`[{"type":`+named(pkg, "Value")+`},{"type":`+named(pkg, "Warnings")+`},{"type":{"k":"named","name":"error"}}]`)
	wantJSON(t, "Queue.Get", method(t, decl(t, "results", "Queue"), "Get").Sig.Results,
		`[{"name":"item","type":{"k":"tparam","name":"T"}},{"name":"shutdown","type":`+basic("bool")+`}]`)
	wantJSON(t, "Cache.Get", method(t, decl(t, "results", "Cache"), "Get").Sig.Results,
		`[{"type":{"k":"interface"}},{"type":`+basic("bool")+`}]`)
	wantJSON(t, "ReactionFunc", decl(t, "results", "ReactionFunc").Underlying.Sig.Results,
		`[{"name":"handled","type":`+basic("bool")+`},{"name":"ret","type":{"k":"interface"}},{"name":"err","type":{"k":"named","name":"error"}}]`)
}

func TestNamedMap(t *testing.T) {
	const pkg = fx + "namedmap"
	rl := decl(t, "namedmap", "ResourceList")
	wantJSON(t, "ResourceList", rl.Underlying, `{"k":"map","key":`+named(pkg, "ResourceName")+`,"elem":`+named(pkg, "Quantity")+`}`)
	if !method(t, rl, "Cpu").Ptr || method(t, rl, "Names").Ptr {
		t.Errorf("ResourceList methods = %s", js(t, rl.Methods))
	}
	wantJSON(t, "Secret.Data", field(t, decl(t, "namedmap", "Secret"), "Data").Type,
		`{"k":"map","key":`+basic("string")+`,"elem":{"k":"slice","elem":`+basic("byte")+`}}`)
	wantJSON(t, "Config.Clusters", field(t, decl(t, "namedmap", "Config"), "Clusters").Type,
		`{"k":"map","key":`+basic("string")+`,"elem":{"k":"pointer","elem":`+named(pkg, "Cluster")+`}}`)
	if d := decl(t, "namedmap", "ResourceCPU"); d.Value.Exact != `"cpu"` || js(t, d.Type) != named(pkg, "ResourceName") {
		t.Errorf("ResourceCPU = %s", js(t, d))
	}
}

func TestTimeEmbed(t *testing.T) {
	const pkg = fx + "timeembed"
	tm := decl(t, "timeembed", "Time")
	equal := method(t, tm, "Equal")
	wantJSON(t, "Equal", []any{equal.Ptr, equal.Sig},
		`[true,{"params":[{"name":"u","type":{"k":"pointer","elem":`+named(pkg, "Time")+`}}],"results":[{"type":`+basic("bool")+`}]}]`)
	for _, shadowed := range []string{"Equal", "Before", "IsZero", "MarshalJSON", "UnmarshalJSON"} {
		if promotedMethod(tm, shadowed) != nil {
			t.Errorf("%s is declared on Time and must not be promoted", shadowed)
		}
	}
	format := promotedMethod(tm, "Format")
	if format == nil || format.Ptr || !slices.Equal(format.Via, []string{"Time"}) || js(t, format.From) != named("time", "Time") {
		t.Errorf("Format = %s", js(t, format))
	}
	if text := promotedMethod(tm, "UnmarshalText"); text == nil || !text.Ptr {
		t.Errorf("UnmarshalText = %s, want ptr", js(t, text))
	}
	if !tm.Comparable {
		t.Error("Time is comparable")
	}
	if p := findPkg(t, all(t), "time"); p.Root || lookupDecl(p, "Duration") == nil {
		t.Error("time joins the closure with all its exported declarations")
	}
}

func TestFake(t *testing.T) {
	cs := decl(t, "fake", "Clientset")
	invokes := promotedMethod(cs, "Invokes")
	if invokes == nil || !invokes.Ptr || !slices.Equal(invokes.Via, []string{"Fake"}) || js(t, invokes.From) != named(fx+"fake", "Fake") {
		t.Errorf("Clientset promoted Invokes = %s, want ptr via [Fake]", js(t, invokes))
	}
	// Discovery embeds *Fake: the pointer methods are in its value set.
	if p := promotedMethod(decl(t, "fake", "Discovery"), "Invokes"); p == nil || p.Ptr {
		t.Errorf("Discovery promoted Invokes = %s, want not ptr", js(t, p))
	}
	if f := field(t, cs, "Fake"); !f.Embedded || f.Type.K != "named" {
		t.Errorf("Clientset.Fake = %s", js(t, f))
	}
}

func TestDeprecated(t *testing.T) {
	old := decl(t, "deprecated", "OldClient")
	if old.Deprecated != "Use NewClient, which supports the v2 API." || !strings.HasPrefix(old.Doc, "OldClient talks to the v1 API.\n\nDeprecated:") {
		t.Errorf("OldClient doc %q deprecated %q", old.Doc, old.Deprecated)
	}
	client := decl(t, "deprecated", "Client")
	if d := method(t, client, "Do").Deprecated; d != "Use DoContext." {
		t.Errorf("Client.Do deprecated = %q", d)
	}
	if d := method(t, client, "DoContext").Deprecated; d != "" {
		t.Errorf("Client.DoContext deprecated = %q", d)
	}
	if d := field(t, client, "Insecure").Deprecated; d != "Configure TLS instead." {
		t.Errorf("Client.Insecure deprecated = %q", d)
	}
	if d := decl(t, "deprecated", "LegacyPort").Deprecated; d != "The port is chosen by the server." {
		t.Errorf("LegacyPort deprecated = %q (only its paragraph)", d)
	}
	if d := decl(t, "deprecated", "Config").Deprecated; d != "Use Client fields." {
		t.Errorf("Config deprecated = %q", d)
	}
	if d := decl(t, "deprecated", "NewClient"); d.Deprecated != "" || d.Doc != "NewClient returns a client." {
		t.Errorf("NewClient = %q / %q", d.Doc, d.Deprecated)
	}
}

func TestPackageNames(t *testing.T) {
	doc := all(t)
	if p := findPkg(t, doc, fx+"versioned/v2"); p.Name != "versioned" || lookupDecl(p, "Client") == nil {
		t.Errorf("versioned/v2 name = %q", p.Name)
	}
	if p := findPkg(t, doc, fx+"go-yaml"); p.Name != "yaml" {
		t.Errorf("go-yaml name = %q", p.Name)
	}
	if p := findPkg(t, doc, fx+"cmd/fixturetool"); !p.Command || p.Name != "main" || len(p.Decls) != 0 {
		t.Errorf("fixturetool = command %v name %q decls %d", p.Command, p.Name, len(p.Decls))
	}
}

func TestBasics(t *testing.T) {
	wantJSON(t, "Checksum", decl(t, "basics", "Checksum").Sig,
		`{"params":[{"name":"data","type":{"k":"slice","elem":`+basic("byte")+`}}],"results":[{"type":{"k":"array","len":16,"elem":`+basic("byte")+`}}]}`)
	wantJSON(t, "Runes", decl(t, "basics", "Runes").Sig.Results, `[{"type":{"k":"slice","elem":`+basic("rune")+`}}]`)
	// Spelled uint8 and int32 in the source, so reported as such.
	wantJSON(t, "RawBytes", decl(t, "basics", "RawBytes").Sig,
		`{"params":[{"name":"p","type":{"k":"slice","elem":`+basic("uint8")+`}}],"results":[{"type":`+basic("int32")+`}]}`)
	wantJSON(t, "Addr", decl(t, "basics", "Addr").Sig,
		`{"params":[{"name":"p","type":`+basic("unsafe.Pointer")+`}],"results":[{"type":`+basic("uintptr")+`}]}`)
	header := decl(t, "basics", "Header")
	// A zero-length array keeps its "len".
	if blank := field(t, header, "_"); js(t, blank.Type) != `{"k":"array","len":0,"elem":{"k":"func","sig":{}}}` || blank.Doc != "makes Header not comparable" {
		t.Errorf("Header._ = %s", js(t, blank))
	}
	if header.Comparable {
		t.Error("Header holds a [0]func() and is not comparable")
	}
	wantJSON(t, "Visitor", decl(t, "basics", "Visitor").Underlying,
		`{"k":"func","sig":{"params":[{"name":"l","type":{"k":"pointer","elem":`+named(fx+"basics", "List")+`}}],"results":[{"type":`+named(fx+"basics", "Visitor")+`}]}}`)
	wantJSON(t, "Matrix", decl(t, "basics", "Matrix").Underlying,
		`{"k":"array","len":3,"elem":{"k":"array","len":3,"elem":`+basic("float64")+`}}`)
	wantJSON(t, "Point", decl(t, "basics", "Point").Underlying, basic("complex128"))
}
