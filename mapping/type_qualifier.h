// How one package's typedef writes a reference to a Go named type: bare for its own types,
// through its own binding where the bare name would mean a prelude type, through an import's
// binding name, or as a local stand-in for a type of an internal package (lis refuses to import
// those, yet exported API hands out their values). It owns the names the file reserves, so import
// bindings and stand-ins never take a name a declaration or the prelude has.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "mapping/type_mapper.h"
#include "model/api_model.h"
#include "syntax/lisette_model.h"
#include "syntax/names.h"

namespace lisbind::emit {

// An unexported opaque type declared in the file for a type of an internal package.
struct StandIn {
  std::string path{};   // the internal package
  std::string name{};   // the Go type's name there
  std::string local{};  // the name the file declares
};

class TypeQualifier {
 public:
  TypeQualifier(const model::ApiModel& api, const model::Package& package);

  // The name to print for type `name` of package `path` with `arity` type arguments; registers
  // the import or the stand-in it needs. Throws Unmappable for a name Lisette reserves and for one
  // that would hide a prelude type.
  std::string qualify(const std::string& path, const std::string& name, size_t arity);

  // How the file names one of its own types, given its number of type parameters.
  std::string own_name(const std::string& name, size_t arity) const;

  // Every stand-in referenced so far, in the order of first reference. Declaring one can reference
  // more (its methods mention other internal types), so the list may grow while it is walked.
  const std::vector<StandIn>& stand_ins() const { return stand_ins_; }

  // The imports the qualified names use, by path.
  std::vector<lis::Import> imports() const;

 private:
  bool is_internal(const std::string& path) const;
  std::string stand_in_for_internal(const std::string& path, const std::string& name);

  const model::ApiModel& api_;
  const model::Package& package_;
  names::ImportNamer namer_;
  std::set<std::string> used_imports_;
  std::map<std::string, std::string> stand_in_by_go_name_;  // "path.Name" -> local name
  std::vector<StandIn> stand_ins_;
  std::set<std::string> taken_locals_;
};

// Why a Go type cannot be declared under its own name (Lisette reserves it, or it would hide a
// prelude type from the whole file), or nothing.
std::optional<Unmappable> undeclarable_type(const model::Decl& decl);

}  // namespace lisbind::emit
