// How a Go function's results become one Lisette result type: the (T, error), comma-ok, io-style
// partial-result and error-constructor conventions. Shared by functions, methods, interface
// methods and function types, so that all four read the same way.
#pragma once

#include <string>

#include "emitter/type_mapper.h"

namespace lisbind::emit {

// A result slot's Lisette type for a Go function's results; shared by functions, methods and
// function types. Exposed so that the decision can be explained.
struct ResultMapping {
  std::string text;       // empty: no result
  std::string rule;       // stable name of the rule that decided, e.g. "result-error", "comma-ok"
  bool comma_ok = false;  // needs #[go(comma_ok)]
};

struct SignatureContext {
  std::string function_name;  // Go name, for name-based conventions
  bool is_method = false;
  bool is_callback = false;   // a function type inside another signature
  std::string receiver_pkg;   // methods: the receiver's named type, for fluent builders
  std::string receiver_name;
  bool sentinel_minus_one = false;  // the doc says an int result of -1 means "not found"
};

ResultMapping map_results(const TypeMapper& types, const model::Signature& sig, const SignatureContext& context);


// Conventions that decide by name; exposed for tests and `lisbind explain`.
bool is_io_partial_function(const std::string& name);
bool is_error_constructor(const std::string& name);
bool is_error_accessor(const std::string& name);
bool is_constructor_name(const std::string& name);

}  // namespace lisbind::emit
