// Go's compatibility rules between two versions of one package's exported API, as the Go helper
// extracted them: what a caller compiled against the old package may no longer compile against
// the new one. `lisbind migrate check` compares a Go package with the Go that lis emits for its
// Lisette rewrite; both are loaded under the same import path, so named types compare directly.
#pragma once

#include <string>
#include <vector>

#include "model/api_model.h"

namespace lisbind::migrate {

enum class ChangeKind {
  PackageName,        // callers refer to the package by name
  Removed,            // an exported name is gone
  KindChanged,        // a function became a variable, a struct an interface...
  TypeChanged,        // a constant's or variable's type, a named type's underlying type
  ParametersChanged,  // a function or method takes other parameters
  ResultsChanged,     // a function or method returns another shape
  FieldRemoved,       // an exported struct field is gone
  FieldTypeChanged,
  MethodRemoved,       // from a named type: callers and interface satisfaction break
  ReceiverNarrowed,    // a value-receiver method now needs a pointer: T no longer has it
  InterfaceChanged,    // an interface's method set differs: implementers or callers break
  NoPackageVariables,  // Lisette has no package-level variables
};
const char* change_code(ChangeKind kind);

struct Incompatibility {
  ChangeKind kind = ChangeKind::Removed;
  std::string symbol;    // `Name` or `Type.Member`
  std::string old_decl;  // Go, as the original declares it
  std::string new_decl;  // Go, as lis emits it; empty when gone
  std::string detail;    // one sentence: why callers break
};

// Additions are compatible and not reported. The models resolve embedded interfaces.
std::vector<Incompatibility> compare_apis(const model::ApiModel& original_api,
                                          const model::Package& original,
                                          const model::ApiModel& emitted_api,
                                          const model::Package& emitted);

}  // namespace lisbind::migrate
