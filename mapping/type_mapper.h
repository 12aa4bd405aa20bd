// Go type expressions to Lisette types (lis::Type trees). Where a Go value may be nil, and whether
// the caller may write through it, depends on where the type stands, so every call names its
// Position.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "mapping/binding_rule.h"
#include "model/api_model.h"
#include "syntax/lisette_type.h"
#include "syntax/names.h"

namespace lisbind::emit {

// A Go construct that has no Lisette form; `code` is the reason the ledger records.
class Unmappable : public std::runtime_error {
 public:
  Unmappable(Rule code, const std::string& message) : std::runtime_error(message), code(code) {}
  Rule code;
};

enum class Position {
  Param,         // an argument the caller passes: read-only views, nil not offered
  WrittenParam,  // an argument the body writes through (evidence): the caller must pass `mut`
  Result,        // a value returned to the caller that may be nil: Option for pointers
  NonNilResult,  // the success value of a (T, error) result, or a constructor's result
  Field,         // a struct field or package variable: nil-able things are Option
  Element,       // inside a slice, map, array or channel: exactly Go's type, never Option
  Callback,      // a parameter of a function type: Go hands it to Lisette code
  Underlying,    // the representation of a newtype
  TypeArg,       // a type argument of an instantiation
  Constraint,    // a type parameter bound
};

// What a Go named type is underneath, for the decisions that depend on it.
enum class UnderlyingKind {
  Unknown,
  Struct,
  Interface,
  Func,
  Map,
  Slice,
  Pointer,
  Chan,
  Basic,
  Other
};

class TypeMapper {
 public:
  // `qualify` turns (package path, type name, type-argument count) into the name to print,
  // registering the import.
  using Qualifier =
      std::function<std::string(const std::string& pkg, const std::string& name, size_t arity)>;

  TypeMapper(const model::ApiModel& api, std::string current_package, Qualifier qualify);

  // Throws Unmappable.
  lis::Type map(const model::TypePtr& type, Position position) const;
  lis::Type map(const model::TypeRef& type, Position position) const;

  UnderlyingKind underlying_kind(const std::string& pkg, const std::string& name) const;
  const model::ApiModel& api() const { return api_; }
  // Interfaces and function types, named or not: Option in fields.
  bool is_nilable_interface_or_func(const model::TypeRef& type) const;
  // lis's own notion (docs/lis-facts.md §5.1): pointers, functions, maps, channels and
  // interfaces, after peeling aliases and named types; slices are not. It decides how lis
  // calls a function returning Option<T>, so comma-ok results depend on it.
  bool is_nilable(const model::TypeRef& type) const;

  // `*I` for an interface I (error included).
  bool points_to_interface(const model::TypeRef& pointee) const;

  lis::Type map_signature_as_fn_type(const model::Signature& sig) const;

  // A declared type (an alias included) by name, as this file names it: `pkg.Name`.
  lis::Type declared_type(const std::string& pkg, const std::string& name) const;

 private:
  // `go_layout`: the Lisette type must have exactly Go's representation at every depth, because
  // lis passes it through without converting (channel elements, a newtype's underlying type).
  // `under_read_only`: an enclosing Slice, Map or Ref is read-only, so nothing below may be
  // writable. A generic type's arguments are otherwise always writable: Lisette type arguments
  // must match exactly, and Go's `TypedHandler[*Pod]` is one type wherever it stands.
  lis::Type map_in(const model::TypeRef& type, Position position, bool writable,
                   bool go_layout = false, bool under_read_only = false) const;
  void reject_interface_for_comparable(const model::TypeRef& type) const;
  lis::Type named(const model::TypeRef& type, bool under_read_only) const;
  std::vector<lis::Type> args(const std::vector<model::TypePtr>& args, bool under_read_only) const;

  const model::ApiModel& api_;
  std::string current_;
  Qualifier qualify_;
  mutable std::map<std::string, UnderlyingKind> kind_cache_;
};

}  // namespace lisbind::emit
