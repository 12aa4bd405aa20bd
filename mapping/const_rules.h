// Package-level values. A constant is written with a Lisette literal where one can write its
// value, with its type where lis would infer another, and without a value where no literal can
// (Go supplies it). A package variable is declared with the type its package initialises.
#pragma once

#include <string>

#include "mapping/binding_rule.h"
#include "mapping/type_mapper.h"
#include "model/api_model.h"
#include "syntax/lisette_model.h"

namespace lisbind::emit {

struct ConstMapping {
  lis::Const declaration{};
  Rule rule = Rule::ConstUntyped;
  std::string note{};  // why a valueless constant has no value
};

// Throws Unmappable when the constant's type has no Lisette form.
ConstMapping map_const(const TypeMapper& types, const model::Decl& decl);

// Throws Unmappable when the variable's type has no Lisette form.
lis::Var map_var(const TypeMapper& types, const model::Decl& decl);

// A Go constant's value as a Lisette literal. Throws Unmappable for values Lisette cannot write.
std::string const_literal(const model::ConstValue& value);

// The type code reads an untyped constant into: Go's default type, except uint64 for an integer
// beyond int64 (as `map_const` declares it); nullopt for a complex constant.
std::optional<lis::Type> untyped_const_type(const model::ConstValue& value);

// A Go string literal (as constant.Value.ExactString prints it) as a Lisette string literal.
std::string lisette_string_literal(const std::string& go_quoted);

}  // namespace lisbind::emit
