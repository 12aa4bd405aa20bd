//! Snippets of .d.lis -> the JSON dlis-parse prints for them.
use dlis_parse::{parse_source, parse_type_list};
use serde_json::{json, Value};

fn decls(source: &str) -> Vec<Value> {
    let file = parse_source(source);
    assert_eq!(file["parse_errors"], json!([]), "{source}");
    file["decls"].as_array().unwrap().clone()
}

fn texts(source: &str) -> Vec<String> {
    decls(source).iter().map(|d| d["text"].as_str().unwrap().to_string()).collect()
}

#[test]
fn types_are_rendered_from_the_ast_whatever_the_layout() {
    let tidy = "pub fn F(a: mut Ref<x.URL>, f: fn(int, string) -> bool) -> Result<(), error>\n";
    let messy = "pub fn F(\n  a :mut   Ref< x.URL >,\n  f: fn(int,string)->bool,\n) -> Result<Unit, error>\n";
    assert_eq!(texts(tidy), texts(messy));
    assert_eq!(
        texts(tidy),
        ["fn F(a: mut Ref<x.URL>, f: fn(int, string) -> bool) -> Result<(), error>"]
    );
    let d = &decls(tidy)[0];
    assert_eq!(d["params"][0]["type"]["args"][0]["name"], "x.URL");
    assert_eq!(d["params"][0]["type"]["mut"], true);
    assert_eq!(d["params"][1]["type"]["kind"], "fn");
    assert_eq!(d["result"]["args"][0]["text"], "()");
}

#[test]
fn unit_results_are_no_result() {
    for src in ["fn F()\n", "fn F() -> ()\n", "fn F() -> Unit\n"] {
        assert_eq!(decls(src)[0]["result"], Value::Null, "{src}");
    }
    assert_eq!(texts("pub var V: fn(int) -> ()\n"), ["var V: fn(int)"]);
}

#[test]
fn functions_keep_generics_bounds_and_attributes() {
    let d = &decls("#[go(comma_ok)]\npub fn Get<K: Comparable, V>(m: Map<K, V>, k: K) -> Option<V>\n")[0];
    assert_eq!(d["kind"], "fn");
    assert_eq!(d["generics_text"], "<K: Comparable, V>");
    assert_eq!(d["generics"][0], json!({"name": "K", "bounds": [
        {"kind": "named", "name": "Comparable", "mut": false, "args": [], "text": "Comparable"}]}));
    assert_eq!(d["attributes"], json!([{"name": "go", "args": ["comma_ok"], "text": "#[go(comma_ok)]"}]));
}

#[test]
fn methods_are_named_after_their_receiver_type() {
    let ds = decls("impl S {\n  fn Get(self: mut Ref<S>) -> Partial<int, error>\n  fn V(self)\n}\n");
    assert_eq!(ds[0]["kind"], "method");
    assert_eq!(ds[0]["name"], "S.Get");
    assert_eq!(ds[0]["self"]["type"]["text"], "mut Ref<S>");
    assert_eq!(ds[1]["name"], "S.V");
    assert_eq!(ds[1]["self"], json!({"type": null}));
    assert_eq!(ds[0]["receiver_type"]["text"], "S");
}

#[test]
fn structs_newtypes_and_type_declarations() {
    let src = "pub struct S {\n  #[go(tag, `json:\"a\"`)]\n  pub A: int,\n  embed io.Reader,\n  b: Slice<Array<int, 3>>,\n}\n\
               pub struct N(int)\npub type O\npub type A = Map<string, int>\n";
    let ds = decls(src);
    let kinds: Vec<&str> = ds.iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["struct", "newtype", "opaque", "alias"]);
    assert_eq!(ds[0]["fields"][0]["attributes"][0]["args"], json!(["tag", "`json:\"a\"`"]));
    assert_eq!(ds[0]["fields"][1]["embedded"], true);
    assert_eq!(ds[0]["fields"][2]["public"], false);
    assert_eq!(ds[0]["text"], "struct S { pub A: int, embed io.Reader, b: Slice<Array<int, 3>> }");
    assert_eq!(ds[1]["elements"][0]["text"], "int");
    assert_eq!(ds[2]["text"], "type O");
    assert_eq!(ds[3]["target"]["text"], "Map<string, int>");
}

#[test]
fn interfaces_list_embeds_and_methods() {
    let d = &decls("pub interface I<T> {\n  embed io.Writer\n  fn M(self, x: T) -> Result<(), error>\n}\n")[0];
    assert_eq!(d["kind"], "interface");
    assert_eq!(d["embeds"][0]["text"], "io.Writer");
    assert_eq!(d["methods"][0]["name"], "M");
    assert_eq!(d["methods"][0]["kind"], "interface_method");
    assert_eq!(d["text"], "interface I<T> { embed io.Writer; fn M(self, x: T) -> Result<(), error> }");
}

#[test]
fn constant_values_say_what_they_are_worth() {
    let ds = decls("pub const C: int = -0x10\npub const D = \"a\\x00b\"\npub const E = 1.5e3\npub const F = 'x'\npub const G\n");
    assert_eq!(ds[0]["value"], json!({"kind": "int", "value": "-16", "text": "-0x10"}));
    assert_eq!(ds[0]["text"], "const C: int = -0x10");
    assert_eq!(ds[1]["value"]["bytes_hex"], "610062");
    assert_eq!(ds[2]["value"]["value"], 1500.0);
    assert_eq!(ds[3]["value"]["codepoint"], 120);
    assert_eq!(ds[4]["value"], Value::Null);
}

#[test]
fn header_imports_and_skipped_comments() {
    let f = parse_source("// Package: yaml\nimport \"go:io\"\nimport x \"go:net/url\"\n// SKIPPED: Foo - generic-method\npub fn G()\n");
    assert_eq!(f["package_name"], "yaml");
    assert_eq!(f["imports"], json!([{"path": "go:io", "alias": null}, {"path": "go:net/url", "alias": "x"}]));
    assert_eq!(f["skipped"], json!({"Foo": "generic-method"}));
}

#[test]
fn collapsed_type_params_carry_their_types() {
    let d = &decls("#[go(collapsed_type_params, \"Map<K, V>, K, V\")]\npub fn Keys<K: Comparable, V>(m: Map<K, V>) -> Slice<K>\n")[0];
    let types: Vec<&str> = d["attributes"][0]["types"].as_array().unwrap().iter().map(|t| t["text"].as_str().unwrap()).collect();
    assert_eq!(types, ["Map<K, V>", "K", "V"]);
    assert!(parse_type_list("Slice<").is_none());
}

#[test]
fn parse_errors_are_reported_with_their_line() {
    let f = parse_source("pub fn F(\n");
    assert!(!f["parse_errors"].as_array().unwrap().is_empty());
}
