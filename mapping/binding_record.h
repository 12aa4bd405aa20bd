// Per symbol, what the mapper decided and why: the rule, the evidence, each parameter's Lisette
// type with the reason for its mutability and nilability, the result's shape. The ledger entry,
// the declaration in the printed file and `lisbind explain` are all read from this record.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mapping/binding_rule.h"
#include "mapping/result_rules.h"
#include "syntax/lisette_model.h"
#include "syntax/lisette_type.h"

namespace lisbind::emit {

// Why a parameter is (or is not) `mut`.
enum class ParamMutability {
  ByValue,     // not a pointer, slice or map: passed by value
  Written,     // the body writes through it (or the overrides file says so): mut
  OnlyRead,    // the body only reads it: read-only
  NoEvidence,  // no evidence of writes: read-only, so any reference can be passed
};

struct ParamBinding {
  std::string name{};  // Lisette name
  lis::Type type{};
  ParamMutability mutability = ParamMutability::ByValue;
  std::string writes_at{};    // Written: where
  bool nil_accepted = false;  // the body accepts nil: Option
  std::string nil_at{};
};

struct ReceiverBinding {
  lis::Receiver declared{};  // as the method declares it
  std::string writes_at{};   // MutRef: where the body writes through it
};

// The interface whose method shape a method keeps (Rule::InterfaceMethodShape).
struct ShapeSource {
  std::string interface_package{};
  std::string interface_name{};
};

struct FunctionBinding {
  std::optional<ReceiverBinding> receiver{};  // methods
  std::vector<ParamBinding> params{};
  ResultMapping result{};
  bool override_applied = false;
  std::optional<ShapeSource> shape_source{};
};

struct Binding {
  std::string symbol{};  // `Name`, `Type.Method`, `Type.Field`
  LedgerCode code{Rule::NoResult};
  std::string evidence{};                     // the fact behind the rule, as `result.evidence`
  std::string lisette{};                      // the Lisette declaration without its doc comment
  std::optional<FunctionBinding> function{};  // functions and methods
  std::optional<lis::Type> field_type{};      // struct fields
};

// One line per decision, as `lisbind explain` prints them.
std::vector<std::string> decision_lines(const Binding& binding);

}  // namespace lisbind::emit
