// Shared by project/'s tests: an empty scratch directory and a lock as `import` would write it for
// one module, so that each test states only what it changes.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "project/project_bindings.h"

namespace lisbind::emit::project_test {

// <tmp>/lisbind-<suite>-<pid>/<name>, empty, canonical (macOS-style /tmp links resolved).
inline std::filesystem::path scratch(const std::string& suite, const std::string& name) {
  namespace fs = std::filesystem;
  fs::path dir =
      fs::temp_directory_path() / ("lisbind-" + suite + "-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return fs::canonical(dir);
}

// The lock of `import example.com/m/...@v1.2.3`, with no files yet.
inline BindingLock one_module_lock() {
  BindingLock lock;
  lock.lisbind_version = "0.1.0";
  lock.lis_version = "0.12.5";
  lock.rules_id = "0123456789abcdef";
  lock.go_version = "go1.26.8";
  lock.goos = "linux";
  lock.goarch = "amd64";
  lock.requests = {
      {.pattern = "example.com/m/...", .module = "example.com/m", .version = "v1.2.3"}};
  lock.modules["example.com/m"] = {.version = "v1.2.3", .via = {}};
  return lock;
}

}  // namespace lisbind::emit::project_test
