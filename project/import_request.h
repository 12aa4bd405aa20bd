// What one `lisbind import` asks for: the new arguments together with the requests the lock
// already holds, whether the lock already answers them, and the lock's requests once loaded.
#pragma once

#include <string>
#include <vector>

#include "gotool/package_spec.h"
#include "mapping/package_mapper.h"
#include "model/api_model.h"
#include "project/project_bindings.h"

namespace lisbind::emit {

// `path@version` -> `path`.
std::string spec_path(const std::string& spec_text);

// The arguments, then the previous requests pinned at their locked versions unless an argument
// names them. An argument inside a module moves that module's other requests to its version: one
// module cannot be at two versions at once.
std::vector<std::string> merged_request_specs(const std::vector<std::string>& args,
                                              const BindingLock* previous);

// True when every argument names a version the lock already holds for it, and the lock was made
// by this lisbind (`generator`) for this lis under these overrides: the vendored copy is then
// exactly what a new run would produce.
bool lock_already_binds(const std::vector<std::string>& args, const BindingLock* previous,
                        const GeneratorInfo& generator, const std::string& overrides_digest);

// One request per remote spec, with the module and version it resolved to in `api` (a spec no
// loaded root package answers is left out).
std::vector<BindRequest> bind_requests_from(const model::ApiModel& api,
                                            const std::vector<PackageSpec>& specs);

}  // namespace lisbind::emit
