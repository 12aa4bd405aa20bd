// `lisbind migrate check GO_PACKAGE LISETTE_PROJECT` as named steps: emit the Lisette project's Go
// (`lis emit`), put it in place of the Go package in a scratch copy of its module, load both APIs
// with the Go helper under the same import path, compare them with Go's compatibility rules, and
// prove the verdict by building the module and running its tests against the emitted package.
#pragma once

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "base/process.h"
#include "migrate/api_diff.h"

namespace lisbind::migrate {

struct MigrateOptions {
  std::filesystem::path go_package;       // the Go package's directory
  std::filesystem::path lisette_project;  // the Lisette rewrite (a library project)
  std::filesystem::path
      runtime_script;  // scripts/with-lis-runtime, for emitted Go that uses lis's runtime
  std::string lis = "lis";
  std::string lis_version;  // the pinned lis, whose runtime version the emitted Go requires
  bool progress = false;
  bool prove = true;               // build and test the module against the emitted package
  std::filesystem::path keep_dir;  // keep the scratch module here (debugging); empty: remove it
};

struct ProofStep {
  std::string command;  // as run, in the scratch module
  bool passed = false;
  std::string output;  // the last lines of what it printed
};

struct MigrateReport {
  std::string import_path;
  std::string module_root;
  std::vector<Incompatibility> incompatibilities;
  std::vector<std::string>
      hints;  // per incompatibility: the Lisette to write, where lisbind can say
  std::vector<ProofStep> proof;
  bool uses_lis_runtime = false;  // the emitted Go imports lis's runtime module

  bool compatible() const;
  nlohmann::json to_json() const;
  std::string text() const;
};

// Throws UserError for what the user must fix first (no go.mod, lis emit failing, ...).
MigrateReport run_migrate_check(ProcessRunner& runner, const MigrateOptions& options);

}  // namespace lisbind::migrate
