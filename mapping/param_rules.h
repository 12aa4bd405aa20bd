// A Go function's parameters as Lisette parameters. A pointer, slice or map parameter is `mut`
// only where the body writes through it (a caller can then pass only a writable reference); one
// the body only reads, or with no evidence, is read-only, which every caller can satisfy. A
// pointer the body accepts nil for is an Option; a variadic slice is VarArgs; names become ones
// Lisette accepts.
#pragma once

#include <vector>

#include "mapping/binding_record.h"
#include "mapping/type_mapper.h"
#include "model/api_model.h"

namespace lisbind::emit {

// `facts`: the body's evidence with any override applied, or nullptr where there is none.
// Throws Unmappable when a parameter's type has no Lisette form.
std::vector<ParamBinding> map_params(const TypeMapper& types, const model::Signature& sig,
                                     const model::Facts* facts);

}  // namespace lisbind::emit
