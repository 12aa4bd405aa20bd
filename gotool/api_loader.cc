#include "gotool/api_loader.h"

#include "gotool/go_toolchain.h"
#include "gotool/package_spec.h"
#include "gotool/workspace.h"

namespace lisbind {

model::ApiModel load_api_model(ProcessRunner& runner, const LoadRequest& request) {
  GoToolchain go(runner);
  std::vector<PackageSpec> specs;
  for (const auto& text : request.specs) specs.push_back(parse_package_spec(text));
  Workspace workspace = prepare_workspace(go, specs);
  return extract_api(go, workspace, request.extract);
}

}  // namespace lisbind
