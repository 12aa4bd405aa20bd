// How a Go function's results become one Lisette result type: the (T, error), comma-ok, io-style
// partial-result and error-constructor conventions. Shared by functions, methods, interface
// methods and function types, so that all four read the same way.
#pragma once

#include <string>

#include "mapping/type_mapper.h"

namespace lisbind::emit {

// What a Go function's results become, by shape. Shared by functions, methods and function types;
// exposed so that the decision can be explained.
enum class ResultShape {
  None,     // no result
  Never,    // the function does not return
  Plain,    // one value
  Option,   // Option<T>: nil, -1 or a held error means absent
  Result,   // Result<T, error> (T may be unit or a tuple)
  Partial,  // Partial<T, error>
  CommaOk,  // Option<T> that Go returns as (T, bool)
  Tuple,    // several values
};

struct ResultMapping {
  ResultShape shape = ResultShape::None;
  lis::Type type = lis::unit();  // the whole Lisette result; unit for None
  Rule rule = Rule::NoResult;
  bool comma_ok = false;  // needs #[go(comma_ok)]
  // The body fact (or override) behind the rule, e.g. "returns nil at f.go:12".
  std::string evidence{};

  bool has_result() const { return shape != ResultShape::None; }
  // Result<(), error>: a lone error reporting failure.
  bool is_unit_result() const {
    return shape == ResultShape::Result && type.args[0].is(lis::TypeKind::Unit);
  }
};

// What a project's overrides file says about one function, applied on top of the evidence.
struct ResultOverride {
  bool partial = false;       // (n, error) where both matter
  bool flag_bool = false;     // (T, bool) is a flag, not presence
  bool direct_error = false;  // a lone error is a value, not a failure
};

// Where a signature stands, for the conventions that depend on it. Built with designated
// initialisers; what is left out is a plain function.
struct SignatureContext {
  std::string function_name{};  // Go name, for name-based conventions
  bool is_method = false;
  bool is_callback = false;    // a function type inside another signature
  std::string receiver_pkg{};  // methods: the receiver's named type, for fluent builders
  std::string receiver_name{};
  bool sentinel_minus_one = false;      // the doc says an int result of -1 means "not found"
  const model::Facts* facts = nullptr;  // body evidence, overrides applied
  ResultOverride override{};
};

ResultMapping map_results(const TypeMapper& types, const model::Signature& sig,
                          const SignatureContext& context);

// Conventions that decide by name; exposed for tests and `lisbind explain`.
bool is_io_partial_function(const std::string& name);
bool is_error_constructor(const std::string& name);
bool is_error_accessor(const std::string& name);
bool is_constructor_name(const std::string& name);

}  // namespace lisbind::emit
