// The `go` command as lisbind uses it: found on PATH, new enough for the export data the helper
// reads, and always run with the same hermetic settings so results do not depend on the user's
// shell (a go.work file, GOFLAGS, or an automatic toolchain download).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/process.h"

namespace lisbind {

// The helper's golang.org/x/tools reads export data of the Go release it was built for and the
// one before; older toolchains write formats it cannot read.
inline constexpr int kMinimumGoMinor = 26;

struct GoVersion {
  int major = 0;
  int minor = 0;
  std::string text;  // as `go env GOVERSION` prints it, e.g. go1.26.8
};

// Parses "go1.26.8", "go1.26rc1" or "go1.26"; nothing when the text is not a Go version.
std::optional<GoVersion> parse_go_version(const std::string& text);

class GoToolchain {
 public:
  // Throws UserError when `go` is missing or too old.
  explicit GoToolchain(ProcessRunner& runner);

  const GoVersion& version() const { return version_; }
  // The environment every `go` and helper run gets on top of the user's.
  static std::map<std::string, std::string> hermetic_env();

  // `extra_env` goes on top of the hermetic environment, for one run only.
  ProcessResult run(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                    const std::map<std::string, std::string>& extra_env = {}) const;
  ProcessRunner& runner() const { return runner_; }

 private:
  ProcessRunner& runner_;
  GoVersion version_;
};

}  // namespace lisbind
