// A Go type declaration as a Lisette one, chosen from its underlying type: a struct (visible
// fields, embedded ones, `#[go(hidden_fields)]` where some are hidden), a newtype, an alias, a
// function type, an interface (the methods of embedded interfaces listed, unexported ones sealing
// it), a constraint, or an opaque type where the representation has no Lisette form or the type is
// not exported. Its methods are mapped apart, as an impl (function_rules.h).
#pragma once

#include <string>

#include "mapping/binding_record.h"
#include "mapping/ledger.h"
#include "mapping/type_mapper.h"
#include "mapping/type_qualifier.h"
#include "model/api_model.h"
#include "syntax/lisette_model.h"

namespace lisbind::emit {

struct TypeMapping {
  lis::TypeDecl declaration{};
  BindStatus status = BindStatus::Bound;
  LedgerCode code{Rule::UnexportedType};
  std::string note{};  // what the Lisette form lost
};

// `package_path`: the package declaring it. A representation with no Lisette form makes the type
// opaque rather than failing; a name with none is undeclarable_type's to reject first. Throws
// Unmappable only where a type parameter's constraint cannot be named.
TypeMapping map_type_decl(const TypeMapper& types, const model::ApiModel& api,
                          const std::string& package_path, const model::Decl& decl);

// `lisbind explain`'s record of one visible field of struct `type_name`.
Binding field_binding(const std::string& type_name, const lis::Field& field);

// The declaration standing in for an internal package's type: opaque, unexported, with the Go
// type's type parameters (`go_decl`, nullptr where the model does not have it).
lis::TypeDecl stand_in_decl(const TypeMapper& types, const StandIn& stand_in,
                            const model::Decl* go_decl);

}  // namespace lisbind::emit
