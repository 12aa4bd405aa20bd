#include "gotool/extraction.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "base/errors.h"
#include "base/file_util.h"
#include "gotool/cache_layout.h"
#include "model/model_json.h"

namespace lisbind {
namespace fs = std::filesystem;

fs::path find_extract_helper() {
  if (const char* env = std::getenv("LISBIND_EXTRACT"); env && *env) return env;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  fs::path helper = self.parent_path() / "lisbind-extract";
  if (ec || !fs::exists(helper)) {
    throw UserError(
        "the Go helper lisbind-extract is missing next to lisbind; rebuild with `cmake --build "
        "build`");
  }
  return helper;
}

namespace {

std::string key_for(const GoToolchain& go, const Workspace& ws, const ExtractOptions& o,
                    const fs::path& helper) {
  std::error_code ec;
  std::string key =
      "helper " + helper.string() + " " + std::to_string(fs::file_size(helper, ec)) + " " +
      std::to_string(fs::last_write_time(helper, ec).time_since_epoch().count()) + "\n";
  key += "go " + go.version().text + "\n";
  // go.mod decides the build list; go.sum only grows checksums of those immutable versions (the
  // first load adds the dependencies' lines), so it would make the second run miss.
  key += read_file_if_exists(ws.dir / "go.mod") + "\n";
  for (const auto& p : ws.patterns) key += "pattern " + p + "\n";
  for (const auto& t : o.tags) key += "tag " + t + "\n";
  key += o.facts ? "facts\n" : "no-facts\n";
  for (const char* var :
       {"GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT", "GOAMD64", "GOARM64"}) {
    const char* v = std::getenv(var);
    key += std::string(var) + "=" + (v ? v : "") + "\n";
  }
  return fnv1a_hex(key);
}

}  // namespace

std::optional<std::string> model_cache_key(const GoToolchain& go, const Workspace& workspace,
                                           const ExtractOptions& options) {
  if (!workspace.immutable_sources) return std::nullopt;
  return key_for(go, workspace, options, find_extract_helper());
}

model::ApiModel extract_api(const GoToolchain& go, const Workspace& workspace,
                            const ExtractOptions& options) {
  fs::path out = model_scratch_dir() / ("model-" + std::to_string(::getpid()) + ".json");
  std::error_code ec;
  fs::create_directories(out.parent_path(), ec);
  if (ec)
    throw UserError("cannot create " + out.parent_path().string() + ": " + ec.message() +
                    " (set LISBIND_CACHE_DIR to a writable directory)");
  // Models of runs that were killed: their process is gone (no /proc entry), nothing reads them.
  for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with("model-") || !name.ends_with(".json")) continue;
    std::string pid = name.substr(6, name.size() - 11);
    if (!pid.empty() && pid.find_first_not_of("0123456789") == std::string::npos &&
        !fs::exists("/proc/" + pid)) {
      fs::remove(entry.path(), ec);
    }
  }
  fs::path helper = find_extract_helper();
  fs::path cached;
  if (workspace.immutable_sources) {
    cached = model_cache_file(key_for(go, workspace, options, helper));
    std::string json = read_file_if_exists(cached);
    if (!json.empty()) {
      // A damaged entry (a truncated write, a full disk) is a miss, and is replaced below.
      try {
        return model::parse_api_model(json);
      } catch (const std::exception&) {
        fs::remove(cached, ec);
      }
    }
  }

  ProcessRequest request;
  request.argv = {helper.string(), "-o", out.string()};
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
  if (workspace.read_only_module) request.env_set["GOFLAGS"] = "-mod=readonly";
  // The helper and its `go` children end when lisbind ends, even by SIGKILL (shims/extract).
  request.env_set["LISBIND_EXTRACT_END_WITH_PARENT"] = "1";
  request.inherit_stderr = options.progress;
  ProcessResult r = go.runner().run(request);

  if (r.exit_code != 0) {
    fs::remove(out, ec);
    std::string message = r.err.empty() ? "exit code " + std::to_string(r.exit_code) : r.err;
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r'))
      message.pop_back();
    if (message.starts_with("extract: ")) message.erase(0, 9);
    throw UserError("loading the Go packages failed: " + message);
  }
  std::string json = read_file(out);
  model::ApiModel model = model::parse_api_model(json);
  // Only a model without load errors is kept: an error may be a passing fault (disk, network).
  // The key is taken again because the load itself may have completed go.mod.
  const bool any_root = std::any_of(model.packages.begin(), model.packages.end(),
                                    [](const model::Package& p) { return p.root; });
  if (!cached.empty() && model.errors.empty() && any_root) {
    cached = model_cache_file(key_for(go, workspace, options, helper));
    fs::create_directories(cached.parent_path(), ec);
    fs::rename(out, cached, ec);
  }
  fs::remove(out, ec);
  return model;
}

}  // namespace lisbind
