#include "gotool/go_toolchain.h"

#include <regex>

#include "base/errors.h"

namespace lisbind {

std::optional<GoVersion> parse_go_version(const std::string& text) {
  static const std::regex pattern(R"(^go(\d+)\.(\d+)(?:[.a-z].*)?$)");
  std::smatch m;
  std::string trimmed = text.substr(0, text.find_last_not_of(" \n\r\t") + 1);
  if (!std::regex_match(trimmed, m, pattern)) return std::nullopt;
  return GoVersion{std::stoi(m[1]), std::stoi(m[2]), trimmed};
}

std::map<std::string, std::string> GoToolchain::hermetic_env() {
  // -mod=mod lets `go` update the work module's go.sum itself; GOTOOLCHAIN=local forbids a
  // silent toolchain download; GOWORK=off ignores a go.work above the working directory.
  return {{"GOFLAGS", "-mod=mod"}, {"GOTOOLCHAIN", "local"}, {"GOWORK", "off"}};
}

GoToolchain::GoToolchain(ProcessRunner& runner) : runner_(runner) {
  if (!find_on_path("go")) {
    throw UserError("the Go toolchain was not found: install Go 1." +
                    std::to_string(kMinimumGoMinor) + " or newer and put `go` on PATH");
  }
  ProcessResult r = run({"env", "GOVERSION"}, {});
  auto v = r.exit_code == 0 ? parse_go_version(r.out) : std::nullopt;
  if (!v) throw UserError("`go env GOVERSION` failed: " + (r.err.empty() ? r.out : r.err));
  if (v->major < 1 || (v->major == 1 && v->minor < kMinimumGoMinor)) {
    throw UserError(v->text + " is too old: lisbind needs Go 1." + std::to_string(kMinimumGoMinor) +
                    " or newer on PATH");
  }
  version_ = *v;
}

ProcessResult GoToolchain::run(const std::vector<std::string>& args,
                               const std::filesystem::path& cwd,
                               const std::map<std::string, std::string>& extra_env) const {
  ProcessRequest request;
  request.argv = {"go"};
  request.argv.insert(request.argv.end(), args.begin(), args.end());
  request.cwd = cwd;
  request.env_set = hermetic_env();
  for (const auto& [k, v] : extra_env) request.env_set[k] = v;
  return runner_.run(request);
}

}  // namespace lisbind
