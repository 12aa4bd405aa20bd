// Go type parameters as Lisette generics: each constraint becomes the bounds Lisette can state.
// `comparable` is Comparable, a named constraint is named (lis accepts a `#[go(constraint)]` type
// as a bound without checking its set), and an inline type set has no bound at all.
#pragma once

#include <string>
#include <vector>

#include "mapping/type_mapper.h"
#include "model/api_model.h"
#include "syntax/lisette_model.h"

namespace lisbind::emit {

struct GenericsMapping {
  std::vector<lis::Generic> generics{};
  std::string note{};  // what a constraint lost, for the ledger
};

// Throws Unmappable when a named constraint has no Lisette form.
GenericsMapping map_type_params(const TypeMapper& types,
                                const std::vector<model::TypeParam>& tparams);

// A generic function as Lisette can call it (Rule::CollapsedTypeParams). Go's `[S ~[]E, E any]`
// needs no S in Lisette: S is the slice type itself, and writing it so lets lis infer every type
// argument from the arguments (`func Keys[M ~map[K]V, K comparable, V any](m M) []K` as
// `Keys<M, K, V>(m: M)` leaves V uninferable, and lis refuses the function as a value). lis then
// rebuilds Go's type arguments from the recipe: Go's type parameters in order, as Lisette types.
struct CollapsedSignature {
  model::Signature sig{};                   // with each collapsed parameter replaced by its type
  std::vector<model::TypeParam> tparams{};  // the parameters left
  std::string recipe{};                     // `Slice<E>, E`; empty when nothing was collapsed
  std::string note{};                       // for the ledger: `collapsed-type-params: S = Slice<E>`
};

// Collapses each type parameter whose constraint is exactly one slice or map type (tilde or not)
// that does not refer to the parameter itself, when no other constraint names it.
CollapsedSignature collapse_core_type_params(const TypeMapper& types, const model::Signature& sig,
                                             const std::vector<model::TypeParam>& tparams);

}  // namespace lisbind::emit
