// Hand-made Go API models for the rule tests: type expressions, parameters and declarations
// written as C++ values, and a TypeMapper over package example.com/p, which declares a struct T
// with one field and an empty interface I.
#pragma once

#include <cctype>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "mapping/type_mapper.h"
#include "model/api_model.h"

namespace lisbind::emit::rule_test {

inline const std::string kPackage = "example.com/p";

inline model::TypePtr basic(const std::string& name) {
  auto t = std::make_shared<model::TypeRef>();
  t->kind = model::TypeKind::Basic;
  t->name = name;
  return t;
}

inline model::TypePtr named(const std::string& pkg, const std::string& name,
                            std::vector<model::TypePtr> args = {}) {
  auto t = std::make_shared<model::TypeRef>();
  t->kind = model::TypeKind::Named;
  t->pkg = pkg;
  t->name = name;
  t->args = std::move(args);
  return t;
}

// T and I of example.com/p.
inline model::TypePtr local(const std::string& name) { return named(kPackage, name); }

inline model::TypePtr error_type() { return named("", "error"); }

inline model::TypePtr pointer(model::TypePtr elem) {
  auto t = std::make_shared<model::TypeRef>();
  t->kind = model::TypeKind::Pointer;
  t->elem = std::move(elem);
  return t;
}

inline model::TypePtr slice(model::TypePtr elem) {
  auto t = std::make_shared<model::TypeRef>();
  t->kind = model::TypeKind::Slice;
  t->elem = std::move(elem);
  return t;
}

inline model::TypePtr interface_type(std::vector<model::InterfaceMethod> methods = {},
                                     std::vector<model::TypePtr> embeds = {}) {
  auto t = std::make_shared<model::TypeRef>();
  t->kind = model::TypeKind::Interface;
  t->methods = std::move(methods);
  t->embeds = std::move(embeds);
  return t;
}

inline model::TypePtr struct_type(std::vector<model::Field> fields) {
  auto t = std::make_shared<model::TypeRef>();
  t->kind = model::TypeKind::Struct;
  t->fields = std::move(fields);
  return t;
}

inline model::Field field(const std::string& name, model::TypePtr type) {
  model::Field f;
  f.name = name;
  f.type = std::move(type);
  f.exported = !name.empty() && std::isupper(static_cast<unsigned char>(name[0]));
  return f;
}

inline model::Field embedded(model::TypePtr type) {
  model::Field f = field("", std::move(type));
  f.embedded = true;
  return f;
}

inline model::Param param(const std::string& name, model::TypePtr type) {
  return {.name = name, .type = std::move(type)};
}

inline model::Signature signature(std::vector<model::Param> params,
                                  std::vector<model::TypePtr> results = {}) {
  model::Signature sig;
  sig.params = std::move(params);
  for (auto& r : results) sig.results.push_back({.name = "", .type = std::move(r)});
  return sig;
}

inline model::Decl type_decl(const std::string& name, model::TypePtr underlying) {
  model::Decl d;
  d.kind = model::DeclKind::Type;
  d.name = name;
  d.exported = std::isupper(static_cast<unsigned char>(name[0]));
  d.underlying = std::move(underlying);
  return d;
}

// Package example.com/p with struct T { A int }, interface I and `decls`.
inline model::ApiModel api_with(std::vector<model::Decl> decls = {}) {
  model::Package p;
  p.path = kPackage;
  p.name = "p";
  p.decls.push_back(type_decl("T", struct_type({field("A", basic("int"))})));
  p.decls.push_back(type_decl("I", interface_type()));
  for (auto& d : decls) p.decls.push_back(std::move(d));
  model::ApiModel api;
  api.packages.push_back(std::move(p));
  return api;
}

// Names every named type bare, as a typedef names its own package's types.
inline TypeMapper bare_names(const model::ApiModel& api) {
  return TypeMapper(api, kPackage,
                    [](const std::string&, const std::string& name, size_t) { return name; });
}

}  // namespace lisbind::emit::rule_test
