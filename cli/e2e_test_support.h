// Running real programs from the end-to-end tests: `go`, `lis` and the built `lisbind`, each in a
// directory of the test's choosing. Shared by the import tests (remote and local modules).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/process.h"

namespace lisbind::e2e {

inline ProcessResult run(std::vector<std::string> argv, const std::filesystem::path& cwd,
                         std::map<std::string, std::string> env = {}) {
  SystemProcessRunner runner;
  return runner.run(
      {.argv = std::move(argv), .cwd = cwd, .env_set = std::move(env), .inherit_stderr = false});
}

// The lisbind this build made (LISBIND_BINARY_DIR is set by the test target).
inline ProcessResult lisbind(std::vector<std::string> args, const std::filesystem::path& cwd,
                             std::map<std::string, std::string> env = {}) {
  args.insert(args.begin(), LISBIND_BINARY_DIR "/lisbind");
  return run(std::move(args), cwd, std::move(env));
}

}  // namespace lisbind::e2e
