//! Declarations of a `.d.lis` typedef file, parsed by lis's own parser (`lisette-syntax`) and
//! printed in a normalised JSON form that scripts compare (scripts/compare-stdlib).
//!
//! Every type is a JSON object carrying its canonical one-line `text`, rendered here from the
//! parsed AST (never echoed from the source), and its structure:
//! `{"kind": "named", "name": "Map", "mut": false, "args": [..]}`, `{"kind": "tuple", "args": [..]}`,
//! `{"kind": "fn", "args": [..], "ret": type|null}`, `{"kind": "lit", "text": "3"}` (an `Array`
//! length), `{"kind": "unknown"}`. `Unit` and `()` are the same type and render as `()`.

use lisette_syntax::ast::{
    Annotation, Attribute, AttributeArg, Binding, ConstInitializer, Expression, Generic,
    ImportAlias, Literal, Pattern, StructFields, UnaryOperator, Visibility,
};
use serde_json::{json, Map, Value};

/// The declarations of one file. `path` is not set here (see [`parse_path`]).
pub fn parse_source(source: &str) -> Value {
    let result = lisette_syntax::build_ast_recovering(source, 0);
    let errors: Vec<Value> = result
        .errors
        .iter()
        .map(|e| {
            let offset = e.labels.first().map(|(s, _)| s.byte_offset as usize).unwrap_or(0);
            let line = source[..offset.min(source.len())].matches('\n').count() + 1;
            json!({"line": line, "message": e.message, "code": e.code})
        })
        .collect();
    let mut imports = Vec::new();
    let mut decls = Vec::new();
    for item in &result.ast {
        match item {
            Expression::PackageImport { name, alias, .. } => {
                let alias = match alias {
                    Some(ImportAlias::Named(a, _)) => Value::from(a.as_str()),
                    Some(ImportAlias::Blank(_)) => Value::from("_"),
                    None => Value::Null,
                };
                imports.push(json!({"path": name.as_str(), "alias": alias}));
            }
            _ => decls.extend(declarations(item)),
        }
    }
    json!({
        "package_name": header_value(source, "// Package:"),
        "skipped": skipped(source),
        "parse_errors": errors,
        "imports": imports,
        "decls": decls,
    })
}

/// [`parse_source`] of a file, with its `path`.
pub fn parse_path(path: &str) -> Value {
    let mut v = match std::fs::read(path) {
        Ok(bytes) => parse_source(&String::from_utf8_lossy(&bytes)),
        Err(e) => json!({"parse_errors": [{"line": 0, "message": e.to_string(), "code": "io"}],
                          "imports": [], "decls": [], "skipped": {}, "package_name": null}),
    };
    v["path"] = Value::from(path);
    v
}

/// `// Package: NAME` in the header (lis reads the binding name from there).
fn header_value(source: &str, prefix: &str) -> Value {
    for line in source.lines().take(10) {
        let line = line.trim_start();
        if let Some(rest) = line.strip_prefix(prefix) {
            if let Some(word) = rest.split_whitespace().next() {
                return Value::from(word);
            }
        }
    }
    Value::Null
}

/// lisbind's `// SKIPPED: Name - code` comments: name -> code.
fn skipped(source: &str) -> Value {
    let mut out = Map::new();
    for line in source.lines() {
        if let Some(rest) = line.strip_prefix("// SKIPPED: ") {
            let mut words = rest.split_whitespace();
            if let (Some(name), Some("-"), Some(code)) = (words.next(), words.next(), words.next()) {
                out.insert(name.to_string(), Value::from(code));
            }
        }
    }
    Value::Object(out)
}

// ------------------------------------------------------------------------------------------
// Types
// ------------------------------------------------------------------------------------------

fn is_unit(a: &Annotation) -> bool {
    matches!(a, Annotation::Constructor { name, params, .. } if name == "Unit" && params.is_empty())
}

/// A function's result: `null` when there is none (no `->`, `-> ()` or `-> Unit`).
fn result_type(a: &Annotation) -> Value {
    if matches!(a, Annotation::Unknown) || is_unit(a) {
        Value::Null
    } else {
        ty(a)
    }
}

/// The JSON form of a type annotation, with its canonical text.
pub fn ty(a: &Annotation) -> Value {
    match a {
        Annotation::Constructor {
            name,
            params,
            writable,
            ..
        } => {
            let args: Vec<Value> = params.iter().map(ty).collect();
            let mut text = String::new();
            if *writable {
                text.push_str("mut ");
            }
            if name == "Unit" && params.is_empty() {
                text.push_str("()");
            } else {
                text.push_str(name);
                if !args.is_empty() {
                    text.push('<');
                    text.push_str(&join_text(&args));
                    text.push('>');
                }
            }
            json!({"kind": "named", "name": name.as_str(), "mut": writable, "args": args, "text": text})
        }
        Annotation::Function {
            params,
            return_type,
            ..
        } => {
            let args: Vec<Value> = params.iter().map(ty).collect();
            let ret = result_type(return_type);
            let mut text = format!("fn({})", join_text(&args));
            if let Some(r) = ret.get("text").and_then(Value::as_str) {
                text.push_str(" -> ");
                text.push_str(r);
            }
            json!({"kind": "fn", "mut": false, "args": args, "ret": ret, "text": text})
        }
        Annotation::Tuple { elements, .. } => {
            let args: Vec<Value> = elements.iter().map(ty).collect();
            let text = format!("({})", join_text(&args));
            json!({"kind": "tuple", "mut": false, "args": args, "text": text})
        }
        Annotation::Constant { value, text, .. } => {
            let text = text.clone().unwrap_or_else(|| value.to_string());
            json!({"kind": "lit", "mut": false, "args": [], "text": text})
        }
        Annotation::Unknown | Annotation::Opaque { .. } => {
            json!({"kind": "unknown", "mut": false, "args": [], "text": "?"})
        }
    }
}

fn text_of(v: &Value) -> &str {
    v.get("text").and_then(Value::as_str).unwrap_or("?")
}

fn join_text(vs: &[Value]) -> String {
    vs.iter().map(text_of).collect::<Vec<_>>().join(", ")
}

/// Parses a comma-separated list of types (e.g. the string of
/// `#[go(collapsed_type_params, "Slice<E>, E")]`) with lis's parser.
pub fn parse_type_list(text: &str) -> Option<Vec<Value>> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    let mut out = Vec::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let parsed = lisette_syntax::build_ast(&format!("type X__ = {part}\n"), 0);
        match parsed.ast.first() {
            Some(Expression::TypeAlias { annotation, .. }) if parsed.errors.is_empty() => {
                out.push(ty(annotation))
            }
            _ => return None,
        }
    }
    Some(out)
}

// ------------------------------------------------------------------------------------------
// Attributes, generics, parameters
// ------------------------------------------------------------------------------------------

fn quote(s: &str) -> String {
    format!("\"{s}\"")
}

/// `#[go(tag, `json:"a"`)]` -> `{"name": "go", "args": ["tag", "`json:\"a\"`"], "text": ...}`.
/// Arguments are written as in the source: flags bare, `!flag`, strings quoted, raw in backticks.
fn attribute(a: &Attribute) -> Value {
    let mut args = Vec::new();
    let mut types = Value::Null;
    let mut previous_flag: Option<&str> = None;
    for arg in &a.args {
        let text = match arg {
            AttributeArg::Flag(f) => {
                previous_flag = Some(f);
                f.clone()
            }
            AttributeArg::NegatedFlag(f) => format!("!{f}"),
            AttributeArg::String(s) => {
                if previous_flag == Some("collapsed_type_params") {
                    types = parse_type_list(s).map(Value::from).unwrap_or(Value::Null);
                }
                quote(s)
            }
            AttributeArg::Raw(s) => format!("`{s}`"),
        };
        args.push(text);
    }
    let text = if args.is_empty() {
        format!("#[{}]", a.name)
    } else {
        format!("#[{}({})]", a.name, args.join(", "))
    };
    let mut v = json!({"name": a.name, "args": args, "text": text});
    if !types.is_null() {
        v["types"] = types;
    }
    v
}

fn attributes(attrs: &[Attribute]) -> Value {
    Value::from(attrs.iter().map(attribute).collect::<Vec<_>>())
}

fn generics(gs: &[Generic]) -> (Value, String) {
    let mut list = Vec::new();
    let mut parts = Vec::new();
    for g in gs {
        let bounds: Vec<Value> = g.bounds().map(ty).collect();
        let mut text = g.name.to_string();
        if !bounds.is_empty() {
            text.push_str(": ");
            text.push_str(&bounds.iter().map(text_of).collect::<Vec<_>>().join(" + "));
        }
        parts.push(text);
        list.push(json!({"name": g.name.as_str(), "bounds": bounds}));
    }
    let text = if parts.is_empty() {
        String::new()
    } else {
        format!("<{}>", parts.join(", "))
    };
    (Value::from(list), text)
}

fn binding_name(b: &Binding) -> String {
    match &b.pattern {
        Pattern::Identifier { identifier, .. } => identifier.to_string(),
        Pattern::WildCard { .. } => "_".to_string(),
        _ => "?".to_string(),
    }
}

// ------------------------------------------------------------------------------------------
// Declarations
// ------------------------------------------------------------------------------------------

/// The declarations an item of the file makes (an `impl` block makes one per method).
fn declarations(item: &Expression) -> Vec<Value> {
    match item {
        Expression::Function { .. } => vec![function(item, "fn", None)],
        Expression::ImplBlock {
            annotation,
            receiver_name,
            methods,
            generics: gs,
            ..
        } => {
            let receiver = ty(annotation);
            let (impl_generics, impl_generics_text) = generics(gs);
            methods
                .iter()
                .map(|m| {
                    let mut d = function(m, "method", Some(receiver_name.as_str()));
                    d["receiver_type"] = receiver.clone();
                    d["impl_generics"] = impl_generics.clone();
                    d["impl_generics_text"] = Value::from(impl_generics_text.clone());
                    d
                })
                .collect()
        }
        Expression::Struct {
            attributes: attrs,
            name,
            generics: gs,
            fields,
            visibility,
            ..
        } => {
            let (g, gtext) = generics(gs);
            let mut d = json!({"name": name.as_str(), "attributes": attributes(attrs),
                               "generics": g, "generics_text": gtext, "public": public(visibility)});
            match fields {
                StructFields::Tuple(fs) => {
                    let elements: Vec<Value> = fs.iter().map(|f| ty(&f.annotation)).collect();
                    d["kind"] = Value::from("newtype");
                    d["text"] = Value::from(format!("struct {name}{gtext}({})", join_text(&elements)));
                    d["elements"] = Value::from(elements);
                }
                StructFields::Record(fs) => {
                    let fields: Vec<Value> = fs
                        .iter()
                        .map(|f| {
                            json!({"name": f.name.as_str(), "type": ty(&f.annotation),
                                   "public": public(&f.visibility), "embedded": f.is_embedded(),
                                   "attributes": attributes(f.attributes())})
                        })
                        .collect();
                    let lines: Vec<String> = fields
                        .iter()
                        .map(|f| {
                            let t = text_of(&f["type"]);
                            if f["embedded"] == true {
                                format!("embed {t}")
                            } else {
                                let p = if f["public"] == true { "pub " } else { "" };
                                format!("{p}{}: {t}", f["name"].as_str().unwrap_or("?"))
                            }
                        })
                        .collect();
                    d["kind"] = Value::from("struct");
                    d["text"] = Value::from(format!("struct {name}{gtext} {{ {} }}", lines.join(", ")));
                    d["fields"] = Value::from(fields);
                }
            }
            vec![d]
        }
        Expression::TypeAlias {
            attributes: attrs,
            name,
            generics: gs,
            annotation,
            visibility,
            ..
        } => {
            let (g, gtext) = generics(gs);
            let mut d = json!({"name": name.as_str(), "attributes": attributes(attrs),
                               "generics": g, "generics_text": gtext, "public": public(visibility)});
            if annotation.is_opaque() {
                d["kind"] = Value::from("opaque");
                d["text"] = Value::from(format!("type {name}{gtext}"));
            } else {
                let target = ty(annotation);
                d["kind"] = Value::from("alias");
                d["text"] = Value::from(format!("type {name}{gtext} = {}", text_of(&target)));
                d["target"] = target;
            }
            vec![d]
        }
        Expression::Interface {
            attributes: attrs,
            name,
            generics: gs,
            parents,
            method_signatures,
            visibility,
            ..
        } => {
            let (g, gtext) = generics(gs);
            let embeds: Vec<Value> = parents.iter().map(|p| ty(&p.annotation)).collect();
            let methods: Vec<Value> = method_signatures
                .iter()
                .map(|m| function(m, "interface_method", None))
                .collect();
            let members: Vec<String> = embeds
                .iter()
                .map(|e| format!("embed {}", text_of(e)))
                .chain(methods.iter().map(|m| text_of(m).to_string()))
                .collect();
            vec![json!({"kind": "interface", "name": name.as_str(), "attributes": attributes(attrs),
                        "generics": g, "generics_text": gtext, "public": public(visibility),
                        "embeds": embeds, "methods": methods,
                        "text": format!("interface {name}{gtext} {{ {} }}", members.join("; "))})]
        }
        Expression::Const {
            identifier,
            annotation,
            expression,
            visibility,
            ..
        } => {
            let t = annotation.as_ref().map(ty).unwrap_or(Value::Null);
            let value = match expression {
                ConstInitializer::Declaration => Value::Null,
                ConstInitializer::Value(e) => const_value(e),
            };
            let mut text = format!("const {identifier}");
            if !t.is_null() {
                text.push_str(&format!(": {}", text_of(&t)));
            }
            if !value.is_null() {
                text.push_str(&format!(" = {}", text_of(&value)));
            }
            vec![json!({"kind": "const", "name": identifier.as_str(), "attributes": [],
                        "public": public(visibility), "type": t, "value": value, "text": text})]
        }
        Expression::VariableDeclaration {
            attributes: attrs,
            name,
            annotation,
            visibility,
            ..
        } => {
            let t = ty(annotation);
            let text = format!("var {name}: {}", text_of(&t));
            vec![json!({"kind": "var", "name": name.as_str(), "attributes": attributes(attrs),
                        "public": public(visibility), "type": t, "text": text})]
        }
        Expression::Enum {
            attributes: attrs,
            name,
            generics: gs,
            variants,
            visibility,
            ..
        } => {
            let (g, gtext) = generics(gs);
            let names: Vec<&str> = variants.iter().map(|v| v.name.as_str()).collect();
            vec![json!({"kind": "enum", "name": name.as_str(), "attributes": attributes(attrs),
                        "generics": g, "generics_text": gtext, "public": public(visibility),
                        "variants": names,
                        "text": format!("enum {name}{gtext} {{ {} }}", names.join(", "))})]
        }
        _ => vec![json!({"kind": "other", "name": "", "text": "?"})],
    }
}

fn public(v: &Visibility) -> bool {
    v.is_public()
}

/// A function, method or interface method. `self` is `{"type": null}` for a bare `self`.
fn function(item: &Expression, kind: &str, receiver: Option<&str>) -> Value {
    let Expression::Function {
        attributes: attrs,
        name,
        generics: gs,
        params,
        return_annotation,
        visibility,
        ..
    } = item
    else {
        return json!({"kind": "other", "name": "", "text": "?"});
    };
    let (g, gtext) = generics(gs);
    let mut receiver_param = Value::Null;
    let mut ps = Vec::new();
    for (i, p) in params.iter().enumerate() {
        let pname = binding_name(p);
        let t = p.annotation.as_ref().map(ty).unwrap_or(Value::Null);
        if i == 0 && pname == "self" {
            receiver_param = json!({"type": t});
            continue;
        }
        ps.push(json!({"name": pname, "type": t, "mut": p.is_mutable()}));
    }
    let result = result_type(return_annotation);
    let mut parts = Vec::new();
    if let Some(t) = receiver_param.get("type") {
        parts.push(match t.get("text") {
            Some(tt) => format!("self: {}", tt.as_str().unwrap_or("?")),
            None => "self".to_string(),
        });
    }
    for p in &ps {
        parts.push(format!("{}: {}", p["name"].as_str().unwrap_or("?"), text_of(&p["type"])));
    }
    let mut text = format!("fn {name}{gtext}({})", parts.join(", "));
    if !result.is_null() {
        text.push_str(&format!(" -> {}", text_of(&result)));
    }
    let full_name = match receiver {
        Some(r) => format!("{r}.{name}"),
        None => name.to_string(),
    };
    json!({"kind": kind, "name": full_name, "method": name.as_str(),
           "attributes": attributes(attrs), "generics": g, "generics_text": gtext,
           "public": public(visibility), "self": receiver_param, "params": ps,
           "result": result, "text": text})
}

// ------------------------------------------------------------------------------------------
// Constant values
// ------------------------------------------------------------------------------------------

/// A constant's value: its canonical `text` (literals as written, so `0x10` stays `0x10`) and,
/// for literals, what it is worth: `int` (decimal string), `float`, `imag`, `bool`, `string`
/// (`bytes_hex`: the bytes it holds), `char` (`codepoint`), else kind `expr`.
fn const_value(e: &Expression) -> Value {
    match e {
        Expression::Paren { expression, .. } => {
            let mut inner = const_value(expression);
            inner["text"] = Value::from(format!("({})", text_of(&inner)));
            inner
        }
        Expression::Unary {
            operator: UnaryOperator::Negative,
            expression,
            ..
        } => {
            let mut inner = const_value(expression);
            inner["text"] = Value::from(format!("-{}", text_of(&inner)));
            match inner["kind"].as_str() {
                Some("int") => {
                    let s = inner["value"].as_str().unwrap_or("0").to_string();
                    inner["value"] = Value::from(match s.strip_prefix('-') {
                        Some(pos) => pos.to_string(),
                        None if s == "0" => s,
                        None => format!("-{s}"),
                    });
                }
                Some("float") | Some("imag") => {
                    inner["value"] = json!(-inner["value"].as_f64().unwrap_or(0.0));
                }
                _ => inner = json!({"kind": "expr", "text": text_of(&inner).to_string()}),
            }
            inner
        }
        Expression::Literal { literal, .. } => match literal {
            Literal::Integer { value, text } => {
                let t = text.clone().unwrap_or_else(|| value.to_string());
                json!({"kind": "int", "value": value.to_string(), "text": t})
            }
            Literal::Float { value, text } => {
                let t = text.clone().unwrap_or_else(|| value.to_string());
                json!({"kind": "float", "value": value, "text": t})
            }
            Literal::Imaginary(v) => json!({"kind": "imag", "value": v, "text": format!("{v}i")}),
            Literal::Boolean(b) => json!({"kind": "bool", "value": b, "text": b.to_string()}),
            Literal::String { value, raw } => {
                let bytes = lisette_syntax::lex::string_bytes(value, *raw);
                let hex = bytes.map(|b| b.iter().map(|x| format!("{x:02x}")).collect::<String>());
                let text = if *raw { format!("r\"{value}\"") } else { quote(value) };
                json!({"kind": "string", "bytes_hex": hex, "text": text})
            }
            Literal::Char(c) => json!({"kind": "char",
                "codepoint": lisette_syntax::lex::rune_codepoint(c), "text": format!("'{c}'")}),
            _ => json!({"kind": "expr", "text": expr_text(e)}),
        },
        _ => json!({"kind": "expr", "text": expr_text(e)}),
    }
}

/// Canonical text of a constant expression that is not a plain literal.
fn expr_text(e: &Expression) -> String {
    match e {
        Expression::Literal { .. } | Expression::Paren { .. } => {
            text_of(&const_value(e)).to_string()
        }
        Expression::Unary {
            operator,
            expression,
            ..
        } => {
            let op = match operator {
                UnaryOperator::Negative => "-",
                UnaryOperator::Not => "!",
                UnaryOperator::BitwiseNot => "^",
                UnaryOperator::Deref => "*",
            };
            format!("{op}{}", expr_text(expression))
        }
        Expression::Binary {
            operator,
            left,
            right,
            ..
        } => format!("{} {operator} {}", expr_text(left), expr_text(right)),
        Expression::Identifier { value, .. } => value.to_string(),
        Expression::DotAccess {
            expression, member, ..
        } => format!("{}.{member}", expr_text(expression)),
        _ => "<expr>".to_string(),
    }
}
