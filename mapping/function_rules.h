// Functions, methods and interface methods as Lisette functions: parameters (param_rules.h) and
// results (result_rules.h) under the body's evidence and the project's override, the rename an
// override asks for, and the attributes lis needs to call them (comma-ok, the -1 sentinel,
// results callers may drop). A method that implements an interface takes the interface method's
// shape; its receiver follows its own body (receiver_rules.h).
#pragma once

#include <string>

#include "mapping/binding_record.h"
#include "mapping/method_sets.h"
#include "mapping/overrides.h"
#include "mapping/result_rules.h"
#include "mapping/type_mapper.h"
#include "model/api_model.h"
#include "syntax/lisette_model.h"

namespace lisbind::emit {

// What lisbind knows of a function beyond its signature.
struct FunctionEvidence {
  std::string doc{};                    // its doc comment: copied, and read for the -1 sentinel
  const model::Facts* facts = nullptr;  // from its body; none for interface methods
  const Override* override = nullptr;   // the project's correction, applied on top
};

struct MappedFunction {
  lis::Function declaration{};
  FunctionBinding binding{};   // the decisions behind it, for the ledger and `lisbind explain`
  Rule rule = Rule::NoResult;  // the rule the ledger records
};

// Throws Unmappable: a name Lisette reserves, a skip in the overrides file, a type with no
// Lisette form.
MappedFunction map_function(const TypeMapper& types, const model::Signature& sig,
                            const SignatureContext& context, const FunctionEvidence& evidence = {});

// The named type a method belongs to.
struct MethodOwner {
  std::string go_package{};  // where the Go type lives (an internal package for a stand-in)
  std::string type_name{};   // as the file declares it
  lis::Type self_type{};     // as its receivers name it
};

// `implemented`: the interface method it implements, whose shape it then keeps
// (Rule::InterfaceMethodShape), or nullptr. Throws Unmappable as map_function does.
MappedFunction map_method(const TypeMapper& types, const MethodOwner& owner,
                          const model::Method& method, const ImplementedMethod* implemented,
                          const Override* override);

}  // namespace lisbind::emit
