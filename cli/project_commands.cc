// `lisbind import | sync | status | remove`: bindings inside a Lisette project. The options are
// parsed here; the work is project/project_update.h's.
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "base/errors.h"
#include "cli/commands.h"
#include "lisbind/rules_id.h"
#include "lisbind/version.h"
#include "project/lisette_manifest.h"
#include "project/project_access.h"
#include "project/project_bindings.h"
#include "project/project_update.h"

namespace lisbind::cli {
namespace fs = std::filesystem;

namespace {

struct ProjectOptions {
  std::string project;
  bool quiet = false;
};

void add_project_options(CLI::App& sub, ProjectOptions& o) {
  sub.add_option("-C,--project", o.project,
                 "The Lisette project (default: the one containing the current directory)");
  sub.add_flag("-q,--quiet", o.quiet, "Print nothing but errors");
}

emit::ProjectUpdateOptions update_options(const fs::path& project, const ProjectOptions& o) {
  return {.project = project,
          .quiet = o.quiet,
          .progress = !o.quiet && ::isatty(STDERR_FILENO),
          .generator = {.lisbind_version = kLisbindVersion,
                        .lis_version = kPinnedLisVersion,
                        .rules_id = kMappingRulesId}};
}

}  // namespace

CommandAction setup_import(CLI::App& sub) {
  struct Options : ProjectOptions {
    std::vector<std::string> specs;
  };
  auto o = std::make_shared<Options>();
  sub.add_option(
         "modules", o->specs,
         "Modules or packages with an optional version: k8s.io/client-go, "
         "github.com/prometheus/client_golang/prometheus@v1.25.0; or a directory of a Go module on "
         "disk: ../shop/store, ../shop/...")
      ->required();
  add_project_options(sub, *o);
  sub.footer(
      "Binds the packages (a module means all of its packages) and every package their API "
      "reaches, adds\n"
      "[dependencies.go] entries to lisette.toml (transitive modules with `via`), vendors the "
      "typedefs,\n"
      "ledger and lisbind.lock in lisbind/ (commit it), and installs them where lis reads them "
      "with a\n"
      "matching warm stamp. Run `lisbind sync` after changing src/ imports. A directory binds a "
      "local Go\n"
      "module as `path =` (lis's replaced/<module>/local/ layout with .stamp files); after its Go "
      "sources\n"
      "change, `lisbind sync` regenerates it.");
  return [o]() {
    fs::path project = emit::locate_project(o->project);
    emit::ProjectUpdateLock guard(project);
    auto previous = emit::read_project_lock(project);
    return emit::import_into_project(update_options(project, *o), o->specs,
                                     previous ? &*previous : nullptr);
  };
}

CommandAction setup_sync(CLI::App& sub) {
  auto o = std::make_shared<ProjectOptions>();
  add_project_options(sub, *o);
  sub.footer(
      "Reinstalls the vendored bindings into lis's cache and refreshes the warm stamp, without the "
      "network:\n"
      "after a fresh clone, after deleting target/, after src/ imports change. Local modules "
      "(`lisbind import\n"
      "PATH`) whose Go sources changed are regenerated first, which needs go.");
  return [o]() {
    fs::path project = emit::locate_project(o->project);
    emit::ProjectUpdateLock guard(project);
    auto lock = emit::read_project_lock(project);
    if (!lock)
      throw UserError("no vendored bindings in " + emit::vendor_dir(project).string() +
                      "; run `lisbind import MODULE` first");
    return emit::sync_project(update_options(project, *o), *lock);
  };
}

CommandAction setup_status(CLI::App& sub) {
  auto o = std::make_shared<ProjectOptions>();
  add_project_options(sub, *o);
  sub.footer(
      "Reports drift between lisette.toml, the vendored bindings and lis's cache; exits 1 when "
      "there is any.");
  return [o]() {
    fs::path project = emit::locate_project(o->project);
    if (std::string interrupted = emit::interrupted_state(project); !interrupted.empty()) {
      std::cout << interrupted << "\n";
      return 1;
    }
    auto lock = emit::read_lock(project);
    if (!lock) {
      if (fs::exists(emit::vendor_dir(project) / "typedefs")) {
        std::cout << "lisbind/ holds typedefs but no lisbind.lock (restore it, e.g. `git checkout "
                     "lisbind/lisbind.lock`)\n";
        return 1;
      }
      std::cout << "no lisbind bindings in this project\n";
      return 0;
    }
    LisetteManifest manifest = LisetteManifest::load(project / "lisette.toml");
    emit::DriftReport report = emit::check_drift(project, *lock, manifest);
    for (const auto& p : report.problems) std::cout << p << "\n";
    if (report.clean()) {
      std::cout << fmt::format(
          "in sync: {} modules, {} typedefs (lisbind {}, lis {}, {}, {}_{}, {})\n",
          lock->modules.size(), lock->files.size(), lock->lisbind_version, lock->lis_version,
          lock->go_version, lock->goos, lock->goarch, lock->build_summary());
    }
    return report.clean() ? 0 : 1;
  };
}

CommandAction setup_remove(CLI::App& sub) {
  struct Options : ProjectOptions {
    std::string module;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("module", o->module, "A module or package given to `lisbind import` before")
      ->required();
  add_project_options(sub, *o);
  return [o]() {
    fs::path project = emit::locate_project(o->project);
    emit::ProjectUpdateLock guard(project);
    auto previous = emit::read_project_lock(project);
    if (!previous) throw UserError("nothing to remove: this project has no lisbind bindings");
    return emit::remove_from_project(update_options(project, *o), o->module, *previous);
  };
}

}  // namespace lisbind::cli
