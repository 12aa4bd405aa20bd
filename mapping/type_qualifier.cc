#include "mapping/type_qualifier.h"

namespace lisbind::emit {
namespace {

// Names no import binding or stand-in may take: the package's own declarations, the prelude
// types the file writes bare, and the package's own binding name.
std::set<std::string> reserved_names(const model::Package& package) {
  std::set<std::string> names;
  for (const auto& d : package.decls) names.insert(d.name);
  for (const char* p : {"Option", "Result", "Partial", "Slice", "Map", "Ref", "Array", "Unknown",
                        "Never", "VarArgs", "Channel", "Sender", "Receiver", "Comparable", "error",
                        "string", "int", "bool"}) {
    names.insert(p);
  }
  names.insert(names::default_binding_name(package.path));
  return names;
}

// lis resolves a bare non-generic name to the file's own declaration before the prelude, and
// has no spelling for the prelude's: a Go type named Unknown (apimachinery's runtime.Unknown)
// would turn every `any` of its package into that struct. Such a type is left out, and so is
// every declaration that names it.
// Only the prelude types this mapper writes bare matter.
bool shadows_plain_prelude_type(const std::string& name) {
  return name == "Unknown" || name == "Never" || name == "Comparable";
}

Unmappable shadowing_prelude(const std::string& name) {
  return Unmappable(
      Rule::ShadowsPreludeType,
      "a type named " + name + " would hide Lisette's own " + name + " in its package's typedef");
}

// lis resolves Option<T>, Result<T, E>... to the prelude whenever the arity matches.
bool shadows_prelude(const std::string& name, size_t arity) {
  static const std::map<std::string, size_t> prelude = {
      {"Option", 1}, {"Result", 2},          {"Partial", 2}, {"Ref", 1},
      {"Slice", 1},  {"EnumeratedSlice", 1}, {"Map", 2},     {"Channel", 1},
      {"Sender", 1}, {"Receiver", 1},        {"VarArgs", 1}, {"Array", 2}};
  auto it = prelude.find(name);
  // lis reads `Array` as the prelude's at any arity (`impl Array` fails with an arity error).
  return it != prelude.end() && (it->second == arity || name == "Array");
}

}  // namespace

TypeQualifier::TypeQualifier(const model::ApiModel& api, const model::Package& package)
    : api_(api),
      package_(package),
      namer_(reserved_names(package),
             [&api](const std::string& path) {
               const auto* p = api.find_package(path);
               return p ? p->name : std::string{};
             }),
      taken_locals_(reserved_names(package)) {
  // Registering the helper's import list up front, in sorted order, makes the aliases independent
  // of the order in which declarations happen to use them.
  for (const auto& path : package.imports) {
    if (path != package.path) namer_.add(path);
  }
}

std::string TypeQualifier::qualify(const std::string& path, const std::string& name, size_t arity) {
  if (name == "Self" || names::is_lisette_keyword(name)) {
    throw Unmappable(Rule::ReservedName, "the type " + name + " has a name Lisette reserves");
  }
  if (arity == 0 && shadows_plain_prelude_type(name)) throw shadowing_prelude(name);
  if (path != package_.path && is_internal(path)) return stand_in_for_internal(path, name);
  if (path == package_.path) return own_name(name, arity);
  namer_.add(path);
  used_imports_.insert(path);
  return namer_.binding(path) + "." + name;
}

std::string TypeQualifier::own_name(const std::string& name, size_t arity) const {
  // A Go generic type named like a prelude type, with its arity, is written through the
  // package's own binding.
  return shadows_prelude(name, arity) ? package_.name + "." + name : name;
}

std::vector<lis::Import> TypeQualifier::imports() const {
  std::vector<lis::Import> imports;
  for (const auto& path : used_imports_) {
    imports.push_back({.path = path, .alias = namer_.alias(path)});
  }
  return imports;
}

bool TypeQualifier::is_internal(const std::string& path) const {
  const auto* p = api_.find_package(path);
  return p ? p->internal
           : path.find("/internal/") != std::string::npos || path.ends_with("/internal");
}

std::string TypeQualifier::stand_in_for_internal(const std::string& path, const std::string& name) {
  std::string key = path + "." + name;
  if (auto it = stand_in_by_go_name_.find(key); it != stand_in_by_go_name_.end()) return it->second;
  const auto* p = api_.find_package(path);
  std::string local = (p ? p->name : names::default_binding_name(path)) + "_" + name;
  while (taken_locals_.contains(local)) local += "_";
  taken_locals_.insert(local);
  stand_in_by_go_name_[key] = local;
  stand_ins_.push_back({.path = path, .name = name, .local = local});
  return local;
}

std::optional<Unmappable> undeclarable_type(const model::Decl& decl) {
  // lis reserves the first kind (declaring one makes the whole file fail to parse); the second
  // would hide a prelude type from the whole file.
  if (decl.name == "Self" || names::is_lisette_keyword(decl.name)) {
    return Unmappable(Rule::ReservedName,
                      "a type named " + decl.name + " cannot be declared in Lisette");
  }
  if (decl.tparams.empty() && shadows_plain_prelude_type(decl.name))
    return shadowing_prelude(decl.name);
  return std::nullopt;
}

}  // namespace lisbind::emit
