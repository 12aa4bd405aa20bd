// Runs the Go helper (shims/extract) once over a workspace and reads what it wrote.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gotool/go_toolchain.h"
#include "gotool/workspace.h"
#include "model/api_model.h"

namespace lisbind {

struct ExtractOptions {
  bool progress = false;          // let the helper's progress lines through to stderr
  std::vector<std::string> tags;  // extra build tags
  bool facts = false;  // read function bodies for evidence (slower; gen and import want it)
};

// $LISBIND_EXTRACT, else `lisbind-extract` beside the running lisbind binary.
std::filesystem::path find_extract_helper();

// What decides the helper's output for a workspace of immutable module versions: the helper build,
// the toolchain, the exact module versions (go.mod and go.sum of the work module), the request and
// the build environment. Equal keys mean byte-identical models. Nothing for a workspace whose
// sources can change (the user's own module).
std::optional<std::string> model_cache_key(const GoToolchain& go, const Workspace& workspace,
                                           const ExtractOptions& options);

// Reads the model from lisbind's cache when the key matches one made before, else runs the helper.
model::ApiModel extract_api(const GoToolchain& go, const Workspace& workspace,
                            const ExtractOptions& options);

}  // namespace lisbind
