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
  ResultMapping() = default;
  ResultMapping(std::string text, std::string rule, bool comma_ok = false, std::string evidence = {})
      : text(std::move(text)), rule(std::move(rule)), comma_ok(comma_ok), evidence(std::move(evidence)) {}

  std::string text;       // empty: no result
  std::string rule;       // stable name of the rule that decided, e.g. "result-error", "comma-ok"
  bool comma_ok = false;  // needs #[go(comma_ok)]
  std::string evidence;   // the body fact (or override) behind the rule, e.g. "returns nil at f.go:12"
};

// What a project's overrides file says about one function, applied on top of the evidence.
struct ResultOverride {
  bool partial = false;       // (n, error) where both matter
  bool flag_bool = false;     // (T, bool) is a flag, not presence
  bool direct_error = false;  // a lone error is a value, not a failure
};

struct SignatureContext {
  SignatureContext(std::string function_name, bool is_method, bool is_callback, std::string receiver_pkg = {},
                   std::string receiver_name = {}, bool sentinel_minus_one = false)
      : function_name(std::move(function_name)), is_method(is_method), is_callback(is_callback),
        receiver_pkg(std::move(receiver_pkg)), receiver_name(std::move(receiver_name)),
        sentinel_minus_one(sentinel_minus_one) {}

  std::string function_name;  // Go name, for name-based conventions
  bool is_method = false;
  bool is_callback = false;   // a function type inside another signature
  std::string receiver_pkg;   // methods: the receiver's named type, for fluent builders
  std::string receiver_name;
  bool sentinel_minus_one = false;  // the doc says an int result of -1 means "not found"
  const model::Facts* facts = nullptr;  // body evidence, overrides applied
  ResultOverride override;
};

ResultMapping map_results(const TypeMapper& types, const model::Signature& sig, const SignatureContext& context);


// Conventions that decide by name; exposed for tests and `lisbind explain`.
bool is_io_partial_function(const std::string& name);
bool is_error_constructor(const std::string& name);
bool is_error_accessor(const std::string& name);
bool is_constructor_name(const std::string& name);

}  // namespace lisbind::emit
