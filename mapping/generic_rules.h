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

}  // namespace lisbind::emit
