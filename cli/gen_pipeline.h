// The load-and-map path shared by `lisbind gen` and `lisbind verify`: package specs in, the API
// model and its typedefs (and, for verify, the mapped Lisette model of each package) out.
#pragma once

#include <string>
#include <vector>

#include "base/process.h"
#include "mapping/generator.h"
#include "model/api_model.h"

namespace lisbind::cli {

struct GenRequest {
  std::vector<std::string> specs;
  std::vector<std::string> tags;
  std::string overrides_file;  // empty: none
  bool progress = false;
  bool keep_models = false;
};

struct GenOutput {
  model::ApiModel api;
  emit::Generated generated;
  long load_ms = 0, map_ms = 0;
};

GenOutput load_and_map(ProcessRunner& runner, const GenRequest& request);

}  // namespace lisbind::cli
