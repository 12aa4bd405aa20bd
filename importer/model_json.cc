#include "importer/model_json.h"

#include <nlohmann/json.hpp>

#include "importer/errors.h"

namespace lisbind::model {
namespace {

using nlohmann::json;

// --- reading -----------------------------------------------------------------------------------

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string{} : it->get<std::string>();
}

bool flag(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::string> strings(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  return it->get<std::vector<std::string>>();
}

// Iterates an optional array member; absent and null both mean empty.
template <typename Fn>
void each(const json& j, const char* key, Fn&& fn) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  for (const auto& item : *it) fn(item);
}

TypePtr read_type(const json& j);
Signature read_signature(const json& j);

TypePtr read_optional_type(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : read_type(*it);
}

std::vector<Param> read_params(const json& j, const char* key) {
  std::vector<Param> params;
  each(j, key, [&](const json& p) { params.push_back({str(p, "name"), read_type(p.at("type"))}); });
  return params;
}

Signature read_signature(const json& j) {
  return {read_params(j, "params"), read_params(j, "results"), flag(j, "variadic")};
}

TypeKind parse_kind(const std::string& k) {
  static const std::pair<const char*, TypeKind> kinds[] = {
      {"basic", TypeKind::Basic},     {"named", TypeKind::Named},     {"alias", TypeKind::Alias},
      {"tparam", TypeKind::TypeParam}, {"pointer", TypeKind::Pointer}, {"slice", TypeKind::Slice},
      {"array", TypeKind::Array},     {"map", TypeKind::Map},         {"chan", TypeKind::Chan},
      {"func", TypeKind::Func},       {"struct", TypeKind::Struct},   {"interface", TypeKind::Interface}};
  for (const auto& [name, kind] : kinds) {
    if (k == name) return kind;
  }
  throw UserError("the Go helper's JSON has an unknown type kind '" + k + "'");
}

ChanDir parse_dir(const std::string& d) {
  if (d == "send") return ChanDir::Send;
  if (d == "recv") return ChanDir::Recv;
  return ChanDir::Both;
}

TypePtr read_type(const json& j) {
  auto t = std::make_shared<TypeRef>();
  t->kind = parse_kind(j.at("k").get<std::string>());
  t->name = str(j, "name");
  t->pkg = str(j, "pkg");
  each(j, "args", [&](const json& a) { t->args.push_back(read_type(a)); });
  t->target = read_optional_type(j, "target");
  t->elem = read_optional_type(j, "elem");
  t->key = read_optional_type(j, "key");
  if (auto it = j.find("len"); it != j.end()) t->length = it->get<std::int64_t>();
  t->dir = parse_dir(str(j, "dir"));
  if (auto it = j.find("sig"); it != j.end()) t->sig = std::make_shared<Signature>(read_signature(*it));
  each(j, "fields", [&](const json& f) {
    t->fields.push_back({str(f, "name"), read_type(f.at("type")), flag(f, "embedded"), flag(f, "exported"),
                         str(f, "tag"), str(f, "doc")});
  });
  each(j, "methods", [&](const json& m) {
    t->methods.push_back({str(m, "name"), read_signature(m.at("sig")), str(m, "doc")});
  });
  each(j, "embeds", [&](const json& e) { t->embeds.push_back(read_type(e)); });
  each(j, "union", [&](const json& element) {
    std::vector<UnionTerm> terms;
    for (const auto& term : element) terms.push_back({flag(term, "tilde"), read_type(term.at("type"))});
    t->unions.push_back(std::move(terms));
  });
  t->comparable = flag(j, "comparable");
  return t;
}

Facts read_facts(const json& j) {
  Facts f;
  auto it = j.find("facts");
  if (it == j.end() || it->is_null()) return f;
  f.present = true;
  each(*it, "results", [&](const json& r) {
    f.results.push_back({str(r, "nil"), str(r, "at"), str(r, "nil_with_nil_error"), str(r, "nil_with_nil_error_at")});
  });
  each(*it, "params", [&](const json& p) {
    f.params.push_back({str(p, "writes"), str(p, "writes_at"), str(p, "nil"), str(p, "nil_at")});
  });
  if (auto r = it->find("receiver"); r != it->end()) {
    f.receiver_writes = str(*r, "writes");
    f.receiver_writes_at = str(*r, "writes_at");
  }
  f.never_returns = flag(*it, "never_returns");
  f.never_returns_at = str(*it, "never_returns_at");
  return f;
}

std::vector<TypeParam> read_tparams(const json& j) {
  std::vector<TypeParam> tparams;
  each(j, "tparams", [&](const json& tp) { tparams.push_back({str(tp, "name"), read_type(tp.at("constraint"))}); });
  return tparams;
}

DeclKind parse_decl_kind(const std::string& k) {
  if (k == "const") return DeclKind::Const;
  if (k == "var") return DeclKind::Var;
  if (k == "func") return DeclKind::Func;
  if (k == "type") return DeclKind::Type;
  throw UserError("the Go helper's JSON has an unknown declaration kind '" + k + "'");
}

Decl read_decl(const json& j) {
  Decl d;
  d.kind = parse_decl_kind(j.at("kind").get<std::string>());
  d.name = j.at("name").get<std::string>();
  d.exported = flag(j, "exported");
  d.doc = str(j, "doc");
  d.deprecated = str(j, "deprecated");
  d.pos = str(j, "pos");
  d.type = read_optional_type(j, "type");
  d.untyped = flag(j, "untyped");
  if (auto it = j.find("value"); it != j.end()) {
    d.value = {str(*it, "kind"), str(*it, "exact"), str(*it, "float"), str(*it, "literal")};
  }
  if (auto it = j.find("sig"); it != j.end()) d.sig = read_signature(*it);
  d.facts = read_facts(j);
  d.tparams = read_tparams(j);
  d.alias = flag(j, "alias");
  d.underlying = read_optional_type(j, "underlying");
  each(j, "methods", [&](const json& m) {
    d.methods.push_back({str(m, "name"), flag(m, "ptr"), read_signature(m.at("sig")), str(m, "doc"),
                         str(m, "deprecated"), str(m, "pos"), read_facts(m)});
  });
  each(j, "promoted", [&](const json& p) {
    d.promoted.push_back({str(p, "name"), strings(p, "via"), flag(p, "ptr"), read_signature(p.at("sig")),
                          read_optional_type(p, "from")});
  });
  d.is_error = flag(j, "is_error");
  d.pointer_is_error = flag(j, "ptr_is_error");
  d.comparable = flag(j, "comparable");
  return d;
}

Package read_package(const json& j) {
  Package p;
  p.path = j.at("path").get<std::string>();
  p.name = j.at("name").get<std::string>();
  if (auto it = j.find("module"); it != j.end() && !it->is_null()) {
    Module m{str(*it, "path"), str(*it, "version"), str(*it, "dir"), flag(*it, "main"), {}, {}};
    if (auto r = it->find("replace"); r != it->end() && !r->is_null()) {
      m.replace_path = str(*r, "path");
      m.replace_version = str(*r, "version");
    }
    p.module = std::move(m);
  }
  p.std = flag(j, "std");
  p.internal = flag(j, "internal");
  p.command = flag(j, "command");
  p.root = flag(j, "root");
  p.doc = str(j, "doc");
  p.files = strings(j, "files");
  p.imports = strings(j, "imports");
  each(j, "decls", [&](const json& d) { p.decls.push_back(read_decl(d)); });
  return p;
}

// --- writing -----------------------------------------------------------------------------------
// Mirrors the helper: empty values are left out so that a round trip reproduces its document.

void put(json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}
void put(json& j, const char* key, bool value) {
  if (value) j[key] = true;
}
void put(json& j, const char* key, const std::vector<std::string>& value) {
  if (!value.empty()) j[key] = value;
}

json write_type(const TypePtr& t);

json write_signature(const Signature& s) {
  json j = json::object();
  auto params = [](const std::vector<Param>& list) {
    json a = json::array();
    for (const auto& p : list) {
      json pj = json::object();
      put(pj, "name", p.name);
      pj["type"] = write_type(p.type);
      a.push_back(std::move(pj));
    }
    return a;
  };
  if (!s.params.empty()) j["params"] = params(s.params);
  if (!s.results.empty()) j["results"] = params(s.results);
  put(j, "variadic", s.variadic);
  return j;
}

const char* kind_name(TypeKind k) {
  switch (k) {
    case TypeKind::Basic: return "basic";
    case TypeKind::Named: return "named";
    case TypeKind::Alias: return "alias";
    case TypeKind::TypeParam: return "tparam";
    case TypeKind::Pointer: return "pointer";
    case TypeKind::Slice: return "slice";
    case TypeKind::Array: return "array";
    case TypeKind::Map: return "map";
    case TypeKind::Chan: return "chan";
    case TypeKind::Func: return "func";
    case TypeKind::Struct: return "struct";
    case TypeKind::Interface: return "interface";
  }
  return "basic";
}

json write_type(const TypePtr& t) {
  json j = json::object();
  j["k"] = kind_name(t->kind);
  put(j, "name", t->name);
  put(j, "pkg", t->pkg);
  if (!t->args.empty()) {
    for (const auto& a : t->args) j["args"].push_back(write_type(a));
  }
  if (t->target) j["target"] = write_type(t->target);
  if (t->kind == TypeKind::Array) j["len"] = t->length;
  if (t->key) j["key"] = write_type(t->key);
  if (t->elem) j["elem"] = write_type(t->elem);
  if (t->kind == TypeKind::Chan) j["dir"] = t->dir == ChanDir::Send ? "send" : t->dir == ChanDir::Recv ? "recv" : "both";
  if (t->sig) j["sig"] = write_signature(*t->sig);
  for (const auto& f : t->fields) {
    json fj = json::object();
    put(fj, "name", f.name);
    fj["type"] = write_type(f.type);
    put(fj, "embedded", f.embedded);
    put(fj, "exported", f.exported);
    put(fj, "tag", f.tag);
    put(fj, "doc", f.doc);
    j["fields"].push_back(std::move(fj));
  }
  for (const auto& m : t->methods) {
    json mj = json::object();
    mj["name"] = m.name;
    mj["sig"] = write_signature(m.sig);
    put(mj, "doc", m.doc);
    j["methods"].push_back(std::move(mj));
  }
  for (const auto& e : t->embeds) j["embeds"].push_back(write_type(e));
  for (const auto& element : t->unions) {
    json ej = json::array();
    for (const auto& term : element) {
      json tj = json::object();
      put(tj, "tilde", term.tilde);
      tj["type"] = write_type(term.type);
      ej.push_back(std::move(tj));
    }
    j["union"].push_back(std::move(ej));
  }
  put(j, "comparable", t->comparable);
  return j;
}

void write_facts(json& j, const Facts& f) {
  if (!f.present) return;
  json out = json::object();
  for (const auto& r : f.results) {
    json rj = json::object();
    put(rj, "nil", r.nil);
    put(rj, "at", r.at);
    put(rj, "nil_with_nil_error", r.nil_with_nil_error);
    put(rj, "nil_with_nil_error_at", r.nil_with_nil_error_at);
    out["results"].push_back(std::move(rj));
  }
  for (const auto& p : f.params) {
    json pj = json::object();
    put(pj, "writes", p.writes);
    put(pj, "writes_at", p.writes_at);
    put(pj, "nil", p.nil);
    put(pj, "nil_at", p.nil_at);
    out["params"].push_back(std::move(pj));
  }
  if (!f.receiver_writes.empty()) {
    json rj = json::object();
    put(rj, "writes", f.receiver_writes);
    put(rj, "writes_at", f.receiver_writes_at);
    out["receiver"] = std::move(rj);
  }
  put(out, "never_returns", f.never_returns);
  put(out, "never_returns_at", f.never_returns_at);
  j["facts"] = std::move(out);
}

const char* decl_kind_name(DeclKind k) {
  switch (k) {
    case DeclKind::Const: return "const";
    case DeclKind::Var: return "var";
    case DeclKind::Func: return "func";
    case DeclKind::Type: return "type";
  }
  return "const";
}

json write_decl(const Decl& d) {
  json j = json::object();
  j["kind"] = decl_kind_name(d.kind);
  j["name"] = d.name;
  j["exported"] = d.exported;
  put(j, "doc", d.doc);
  put(j, "deprecated", d.deprecated);
  put(j, "pos", d.pos);
  if (d.type) j["type"] = write_type(d.type);
  put(j, "untyped", d.untyped);
  if (d.kind == DeclKind::Const) {
    json v = json::object();
    put(v, "kind", d.value.kind);
    put(v, "exact", d.value.exact);
    put(v, "float", d.value.float_text);
    put(v, "literal", d.value.literal);
    j["value"] = std::move(v);
  }
  if (d.kind == DeclKind::Func) j["sig"] = write_signature(d.sig);
  write_facts(j, d.facts);
  for (const auto& tp : d.tparams) j["tparams"].push_back({{"name", tp.name}, {"constraint", write_type(tp.constraint)}});
  put(j, "alias", d.alias);
  if (d.underlying) j["underlying"] = write_type(d.underlying);
  for (const auto& m : d.methods) {
    json mj = json::object();
    mj["name"] = m.name;
    put(mj, "ptr", m.pointer_receiver);
    mj["sig"] = write_signature(m.sig);
    put(mj, "doc", m.doc);
    put(mj, "deprecated", m.deprecated);
    put(mj, "pos", m.pos);
    write_facts(mj, m.facts);
    j["methods"].push_back(std::move(mj));
  }
  for (const auto& p : d.promoted) {
    json pj = json::object();
    pj["name"] = p.name;
    put(pj, "via", p.via);
    put(pj, "ptr", p.pointer_only);
    pj["sig"] = write_signature(p.sig);
    if (p.from) pj["from"] = write_type(p.from);
    j["promoted"].push_back(std::move(pj));
  }
  put(j, "is_error", d.is_error);
  put(j, "ptr_is_error", d.pointer_is_error);
  put(j, "comparable", d.comparable);
  return j;
}

json write_package(const Package& p) {
  json j = json::object();
  j["path"] = p.path;
  j["name"] = p.name;
  if (p.module) {
    json m = json::object();
    put(m, "path", p.module->path);
    put(m, "version", p.module->version);
    put(m, "main", p.module->main);
    put(m, "dir", p.module->dir);
    if (!p.module->replace_path.empty()) {
      json r = json::object();
      put(r, "path", p.module->replace_path);
      put(r, "version", p.module->replace_version);
      m["replace"] = std::move(r);
    }
    j["module"] = std::move(m);
  }
  put(j, "std", p.std);
  put(j, "internal", p.internal);
  put(j, "command", p.command);
  put(j, "root", p.root);
  put(j, "doc", p.doc);
  put(j, "files", p.files);
  put(j, "imports", p.imports);
  j["decls"] = json::array();
  for (const auto& d : p.decls) j["decls"].push_back(write_decl(d));
  return j;
}

}  // namespace

ApiModel api_model_from_json(const json& document) {
  try {
    ApiModel model;
    model.schema = document.at("schema").get<int>();
    if (model.schema != kSchemaVersion) {
      throw UserError("the Go helper wrote schema " + std::to_string(model.schema) + " but lisbind reads schema " +
                      std::to_string(kSchemaVersion) + "; rebuild lisbind so both halves match");
    }
    model.go_version = str(document, "go_version");
    const auto& build = document.at("build");
    model.build = {str(build, "goos"), str(build, "goarch"), strings(build, "tags"), flag(build, "cgo")};
    model.patterns = strings(document, "patterns");
    each(document, "packages", [&](const json& p) { model.packages.push_back(read_package(p)); });
    each(document, "errors", [&](const json& e) { model.errors.push_back({str(e, "package"), str(e, "message")}); });
    return model;
  } catch (const json::exception& e) {
    throw UserError(std::string("the Go helper's JSON does not fit the model: ") + e.what());
  }
}

ApiModel parse_api_model(std::string_view json_text) {
  json document;
  try {
    document = json::parse(json_text);
  } catch (const json::exception& e) {
    throw UserError(std::string("the Go helper wrote invalid JSON: ") + e.what());
  }
  return api_model_from_json(document);
}

json to_json(const ApiModel& model) {
  json j = json::object();
  j["schema"] = model.schema;
  j["go_version"] = model.go_version;
  json build = json::object();
  build["goos"] = model.build.goos;
  build["goarch"] = model.build.goarch;
  put(build, "tags", model.build.tags);
  put(build, "cgo", model.build.cgo);
  j["build"] = std::move(build);
  j["patterns"] = model.patterns;
  j["packages"] = json::array();
  for (const auto& p : model.packages) j["packages"].push_back(write_package(p));
  for (const auto& e : model.errors) j["errors"].push_back({{"package", e.package}, {"message", e.message}});
  return j;
}

}  // namespace lisbind::model
