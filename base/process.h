// Runs a child process and captures what it prints. Every call to `go` and to the extraction
// helper goes through here, so tests can substitute a fake runner without spawning anything.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lisbind {

struct ProcessRequest {
  std::vector<std::string> argv;               // argv[0] is looked up on PATH
  std::filesystem::path cwd;                   // empty: inherit
  std::map<std::string, std::string> env_set;  // added to (or overriding) the inherited environment
  bool inherit_stderr = false;                 // let progress lines reach the user's terminal
};

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when the child was killed by a signal
  std::string out;
  std::string err;
};

class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  // Throws ProcessError when the program cannot be started at all.
  virtual ProcessResult run(const ProcessRequest& request) = 0;
};

class SystemProcessRunner final : public ProcessRunner {
 public:
  ProcessResult run(const ProcessRequest& request) override;
};

// Returns the absolute path of `program` found on PATH, or nothing.
std::optional<std::filesystem::path> find_on_path(const std::string& program);

}  // namespace lisbind
