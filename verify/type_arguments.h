// Type arguments that satisfy a generic declaration's Go constraints, so that a probe can use the
// declaration at one instantiation: lis infers the instantiation from the probe's expected type
// (`take(pkg.Sum)` where `fn(VarArgs<int>) -> int` is expected emits `pkg.Sum[int]`), and Go then
// checks the binding at that instantiation, constraints included.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/api_model.h"
#include "syntax/lisette_type.h"

namespace lisbind::verify {

struct TypeArguments {
  std::map<std::string, lis::Type> by_param;  // every type parameter, when `unsupported` is empty
  std::string unsupported;                    // why no argument could be chosen for one of them
};

// A named type of the model that implements a constraint's methods.
struct ImplementingType {
  std::string package, name;
  bool pointer = false;   // only *T has the methods
  bool writable = false;  // some of them write through the receiver: `mut Ref<T>`
};

// Finds, for a constraint with methods, the first exported non-generic named type (by package
// path, then name; packages outside the standard library first) among `bound` packages whose
// method set has every method with Go's identical signature. Method sets are computed once.
class ImplementerSearch {
 public:
  ImplementerSearch(const model::ApiModel& api, const std::set<std::string>& bound);
  ~ImplementerSearch();
  // nullopt when the constraint's methods mention a type parameter, embed a type set or an
  // interface the model lacks, or no bound type has them all.
  std::optional<ImplementingType> find(const model::TypeRef& constraint);

 private:
  struct Candidates;
  bool promoted_method_writes(const model::PromotedMethod& method) const;
  const model::ApiModel& api_;
  const std::set<std::string>& bound_;
  std::unique_ptr<Candidates> candidates_;  // built on first use
};

// How a probe names a type of another package: the binding it imports it as.
using BindingOf = std::function<std::string(const std::string& package)>;

// One argument per type parameter: `int` for `any` and `comparable`; the first term of a type set
// (`~int | ~float64` -> int; `~[]E` -> Slice<E's argument>; `~map[K]V` likewise); for a
// constraint with methods, a type `implementers` finds, as `[mut] Ref<pkg.T>` or `pkg.T` named
// through `binding_of` (without `implementers`, such a constraint is unsupported).
TypeArguments choose_type_arguments(const model::ApiModel& api,
                                    const std::vector<model::TypeParam>& params,
                                    ImplementerSearch* implementers = nullptr,
                                    const BindingOf& binding_of = {});

// `type` with every TypeParam node named in `arguments` replaced by its argument.
lis::Type substitute(const lis::Type& type, const std::map<std::string, lis::Type>& arguments);

}  // namespace lisbind::verify
