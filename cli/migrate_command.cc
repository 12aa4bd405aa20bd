// `lisbind migrate check GO_PACKAGE LISETTE_PROJECT`: does the Go that lis emits for a Lisette
// rewrite keep the Go API the rest of the codebase was written against? (migrate/migrate_check.h)
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/runtime_script.h"
#include "lisbind/version.h"
#include "migrate/migrate_check.h"

namespace lisbind::cli {

CommandAction setup_migrate(CLI::App& sub) {
  struct Options {
    std::string go_package;
    std::string project;
    bool json = false;
    bool quiet = false;
    bool no_prove = false;
    std::string keep;
  };
  auto o = std::make_shared<Options>();
  sub.require_subcommand(1);
  CLI::App* check = sub.add_subcommand("check",
                                       "Compare a Go package's API with the Go that lis emits for "
                                       "its Lisette rewrite, then build and test "
                                       "the Go callers against the rewrite");
  check->add_option("go-package", o->go_package, "Directory of the Go package being replaced")
      ->required();
  check
      ->add_option("lisette-project", o->project,
                   "Directory of the Lisette project that replaces it")
      ->required();
  check->add_flag("--json", o->json, "Print the report as JSON");
  check->add_flag("-q,--quiet", o->quiet, "No progress lines on stderr");
  check->add_flag("--no-prove", o->no_prove,
                  "Only compare the APIs; do not build and test the module's callers");
  check->add_option("--keep", o->keep,
                    "Keep the scratch module (the Go module with the emitted package) here");
  check->footer(
      "Runs `lis emit` in the Lisette project, copies the Go module with the package's Go files "
      "replaced by\n"
      "the emitted ones (its tests stay), loads both APIs under the same import path and reports "
      "every\n"
      "change that breaks Go callers (removed or changed functions, methods, fields, interface "
      "method sets,\n"
      "a value receiver that became a pointer one), with both declarations and the Lisette "
      "declaration that\n"
      "lis lowers to the original Go shape. Then `go build`, `go vet` and `go test` run over the "
      "whole module\n"
      "against the emitted package. Exits 1 on any incompatibility or failing step.");
  return [o]() {
    migrate::MigrateOptions options;
    options.go_package = o->go_package;
    options.lisette_project = o->project;
    options.runtime_script = runtime_script();
    options.lis_version = kPinnedLisVersion;
    options.progress = !o->quiet && !o->json;
    options.prove = !o->no_prove;
    options.keep_dir = o->keep;
    SystemProcessRunner runner;
    migrate::MigrateReport report = migrate::run_migrate_check(runner, options);
    if (o->json) {
      std::cout << report.to_json().dump(1) << "\n";
    } else {
      std::cout << report.text();
    }
    return report.compatible() ? 0 : 1;
  };
}

}  // namespace lisbind::cli
