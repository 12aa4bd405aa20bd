#include "importer/extraction.h"

#include <unistd.h>

#include <cstdlib>

#include "importer/errors.h"
#include "importer/file_util.h"
#include "importer/model_json.h"

namespace lisbind {
namespace fs = std::filesystem;

fs::path find_extract_helper() {
  if (const char* env = std::getenv("LISBIND_EXTRACT"); env && *env) return env;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  fs::path helper = self.parent_path() / "lisbind-extract";
  if (ec || !fs::exists(helper)) {
    throw UserError("the Go helper lisbind-extract is missing next to lisbind; rebuild with `cmake --build build`");
  }
  return helper;
}

model::ApiModel extract_api(const GoToolchain& go, const Workspace& workspace, const ExtractOptions& options) {
  fs::path out = lisbind_cache_dir() / "tmp" / ("model-" + std::to_string(::getpid()) + ".json");
  fs::create_directories(out.parent_path());

  ProcessRequest request;
  request.argv = {find_extract_helper().string(), "-o", out.string()};
  if (options.progress) request.argv.push_back("-progress");
  if (options.facts) request.argv.push_back("-facts");
  if (!options.tags.empty()) {
    std::string joined;
    for (const auto& t : options.tags) joined += (joined.empty() ? "" : ",") + t;
    request.argv.insert(request.argv.end(), {"-tags", joined});
  }
  request.argv.insert(request.argv.end(), workspace.patterns.begin(), workspace.patterns.end());
  request.cwd = workspace.dir;
  request.env_set = GoToolchain::hermetic_env();
  request.inherit_stderr = options.progress;
  ProcessResult r = go.runner().run(request);

  std::error_code ec;
  if (r.exit_code != 0) {
    fs::remove(out, ec);
    std::string message = r.err.empty() ? "exit code " + std::to_string(r.exit_code) : r.err;
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) message.pop_back();
    if (message.starts_with("extract: ")) message.erase(0, 9);
    throw UserError("loading the Go packages failed: " + message);
  }
  std::string json = read_file(out);
  fs::remove(out, ec);
  return model::parse_api_model(json);
}

}  // namespace lisbind
