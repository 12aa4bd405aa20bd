// The bindings of an import made from Go: remote modules loaded together in lisbind's work module
// (and reused from the bindings cache when nothing that decides them changed), local modules
// loaded one by one in their own directories. Load errors are printed to stderr.
#pragma once

#include <filesystem>
#include <vector>

#include "base/progress.h"
#include "gotool/go_toolchain.h"
#include "gotool/package_spec.h"
#include "gotool/workspace.h"
#include "mapping/package_mapper.h"
#include "project/local_module.h"
#include "project/project_bindings.h"

namespace lisbind::emit {

// `k8s.io/client-go` names a module whose root holds no package: such specs become `module/...`,
// to bind all of it.
std::vector<PackageSpec> expand_module_roots(const GoToolchain& go, const Workspace& workspace,
                                             std::vector<PackageSpec> specs);

// A load that failed or bound nothing may come from a damaged work module (a truncated go.mod or
// go.sum): the next run resolves it afresh instead of trusting it.
void forget_work_module(const Workspace& workspace);

// The typedefs, ledger and lock for the remote `specs` loaded in `workspace`. They depend on
// nothing but the model, the rules and the project's overrides: when all three were seen before,
// the model is neither read nor mapped again. `load_errors` tells whether some package failed to
// load (and so is missing); the result is then empty.
Bindings make_or_reuse_bindings(const GoToolchain& go, const Workspace& workspace,
                                const std::vector<PackageSpec>& specs,
                                const std::filesystem::path& project,
                                const GeneratorInfo& generator, const Progress& progress,
                                bool& load_errors);

// One local module loaded from its directory as `go` would build it there (./rel patterns, go.mod
// read-only, no go.work): the model, the requests for its patterns, and local_module_hash of its
// sources, taken before the load. Throws UserError when it uses a module that is not a published
// version; with `load_errors` set, `api` is incomplete.
struct LocalModuleLoad {
  model::ApiModel api{};
  std::vector<BindRequest> requests{};
  std::string source{};
};
LocalModuleLoad load_local_module(const GoToolchain& go, const LocalModule& local,
                                  const Progress& progress, bool& load_errors);

// The bindings of one local module, loaded from its directory as `go` would build it there
// (./rel patterns, go.mod read-only, no go.work). Never cached: the sources can change. Throws
// UserError when it uses a module that is not a published version, or a pattern binds nothing.
Bindings make_local_bindings(const GoToolchain& go, const LocalModule& local,
                             const std::filesystem::path& project, const GeneratorInfo& generator,
                             const Progress& progress, bool& load_errors);

}  // namespace lisbind::emit
