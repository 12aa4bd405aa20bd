// Runs the Go helper (shims/extract) once over a workspace and reads what it wrote.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "importer/api_model.h"
#include "importer/go_toolchain.h"
#include "importer/workspace.h"

namespace lisbind {

struct ExtractOptions {
  bool progress = false;          // let the helper's progress lines through to stderr
  std::vector<std::string> tags;  // extra build tags
  bool facts = false;             // read function bodies for evidence (slower; gen and import want it)
};

// $LISBIND_EXTRACT, else `lisbind-extract` beside the running lisbind binary.
std::filesystem::path find_extract_helper();

model::ApiModel extract_api(const GoToolchain& go, const Workspace& workspace, const ExtractOptions& options);

}  // namespace lisbind
