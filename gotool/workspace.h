// The Go module the helper runs in. For remote packages lisbind keeps a work module in its cache
// whose go.mod requires what was asked for, so `go get` applies minimal version selection to the
// whole request at once and later runs reuse the module and build caches. Local patterns run in
// the user's own module.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "gotool/go_toolchain.h"
#include "gotool/package_spec.h"

namespace lisbind {

struct Workspace {
  std::filesystem::path dir;          // where go/packages runs
  std::vector<std::string> patterns;  // what go/packages is given
  // Everything it loads comes from immutable module versions or the toolchain (not a module on
  // disk that the user edits), so its model can be cached.
  bool immutable_sources = false;
  // The user's own module (`lisbind import PATH`): go may not rewrite its go.mod or go.sum.
  bool read_only_module = false;
};

// Turns `go get`'s stderr into the one line a user needs. `specs` are the ones that were asked for.
std::string explain_go_get_failure(const std::string& go_stderr,
                                   const std::vector<PackageSpec>& specs);

// Resolves module versions (downloading what is missing) and returns where to load from.
// Throws UserError with a clear line for unknown modules, missing versions and network failures.
Workspace prepare_workspace(const GoToolchain& go, const std::vector<PackageSpec>& specs);

}  // namespace lisbind
