// A method's receiver. A value receiver is `self`; a pointer receiver is `self: Ref<T>`, or
// `self: mut Ref<T>` where the body writes through it, since such a method needs a writable
// reference to call on.
#pragma once

#include <string>
#include <vector>

#include "mapping/binding_record.h"
#include "model/api_model.h"
#include "syntax/lisette_type.h"

namespace lisbind::emit {

// `self_type`: the receiver's type as the file names it (see self_type below).
ReceiverBinding map_receiver(const model::Method& method, lis::Type self_type);

// The type a method's receiver names: the declaring type's name in the file, with its type
// parameters as arguments (`Pod`, `Set<T>`).
lis::Type self_type(const std::string& own_name, const std::vector<model::TypeParam>& tparams);

}  // namespace lisbind::emit
