// The importer's front door: package specs in, API model out, in three named steps.
#pragma once

#include <string>
#include <vector>

#include "base/process.h"
#include "gotool/extraction.h"
#include "model/api_model.h"

namespace lisbind {

struct LoadRequest {
  std::vector<std::string> specs;  // as the user typed them
  ExtractOptions extract;
};

// Throws UserError with the line to show. Packages that fail to type-check do not throw: they
// are listed in the model's `errors` and the others come through.
model::ApiModel load_api_model(ProcessRunner& runner, const LoadRequest& request);

}  // namespace lisbind
