#include "project/project_update.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "base/errors.h"
#include "base/file_util.h"
#include "base/progress.h"
#include "gotool/go_toolchain.h"
#include "gotool/workspace.h"
#include "project/bindings_from_go.h"
#include "project/import_request.h"
#include "project/lisette_manifest.h"
#include "project/local_module.h"
#include "project/project_overrides.h"

namespace lisbind::emit {
namespace fs = std::filesystem;

namespace {

void print_notes(const std::vector<std::string>& notes) {
  for (const auto& n : notes) std::cerr << "lisbind: " << n << "\n";
}

// Restores lisette.toml's entries from the lock (atomically, only if they differ) and lis's cache.
void reinstall_vendored_bindings(const fs::path& project, const BindingLock& lock) {
  BindingLock planned = lock;
  std::vector<std::string> notes;
  std::string text = plan_manifest(project, planned, &lock, notes);
  LisetteManifest manifest = LisetteManifest::parse(text, (project / "lisette.toml").string());
  // Checked before the manifest is written: install_into_cache refuses edited typedefs.
  install_into_cache(project, lock, nullptr, manifest);
  if (read_file_if_exists(project / "lisette.toml") != text)
    write_file_atomically(project / "lisette.toml", text);
  print_notes(notes);
}

// `sync` after the Go sources of local modules changed: those modules are loaded and mapped again
// (with go); every other binding comes from the vendored copy, offline.
int regenerate_local_modules(const ProjectUpdateOptions& options, const BindingLock& lock,
                             const std::vector<std::string>& stale) {
  const fs::path& project = options.project;
  const Progress progress(options.progress);
  std::string names;
  for (const auto& m : stale) names += (names.empty() ? "" : ", ") + m;
  if (!options.quiet)
    std::cerr << "lisbind: the Go sources of " << names
              << " changed; regenerating their typedefs (this needs go)\n";
  auto vendored = read_bindings_dir(vendor_dir(project));
  if (!vendored) {
    throw UserError("the vendored bindings in " + vendor_dir(project).string() +
                    " do not match lisbind.lock (see "
                    "`lisbind status`); restore them (e.g. `git checkout lisbind`) or run `lisbind "
                    "import` again");
  }
  load_project_overrides(project);
  LocalModules locals;
  for (const auto& r : lock.requests) {
    if (r.is_local() && std::find(stale.begin(), stale.end(), r.module) != stale.end()) {
      add_local_module(locals, local_module_from_lock(r, project));
    }
  }
  Bindings bindings = without_local_modules(std::move(*vendored), {stale.begin(), stale.end()});
  SystemProcessRunner runner;
  GoToolchain go(runner);
  for (const auto& [module, local] : locals) {
    bool load_errors = false;
    Bindings made =
        make_local_bindings(go, local, project, options.generator, progress, load_errors);
    if (load_errors) {
      throw UserError("some packages of " + module +
                      " failed to load (see above); lisette.toml and lisbind/ were left "
                      "unchanged: fix the cause and run `lisbind sync` again");
    }
    merge_bindings(bindings, std::move(made));
  }
  std::vector<std::string> notes;
  const std::string manifest_text = plan_manifest(project, bindings.lock, &lock, notes);
  const LisetteManifest manifest =
      LisetteManifest::parse(manifest_text, (project / "lisette.toml").string());
  commit_project(project, &bindings, manifest_text);
  print_notes(notes);
  install_into_cache(project, bindings.lock, &lock, manifest);
  if (!options.quiet) {
    std::cout << fmt::format("regenerated the typedefs of {}; installed {} typedefs from {}\n",
                             names, bindings.lock.files.size(), vendor_dir(project).string());
  }
  return 0;
}

}  // namespace

int import_into_project(const ProjectUpdateOptions& options, const std::vector<std::string>& args,
                        const BindingLock* previous) {
  const fs::path& project = options.project;
  const Progress progress(options.progress);
  // Local modules (from the arguments and the lock) load one by one in their own directories;
  // everything else loads together from the proxy.
  std::vector<std::string> remote_args;
  LocalModules locals;
  for (const auto& a : args) {
    if (names_local_directory(a)) {
      add_local_module(locals, resolve_local_module(a, project));
    } else {
      remote_args.push_back(a);
    }
  }
  std::optional<BindingLock> remote_previous;
  if (previous) {
    remote_previous = *previous;
    std::erase_if(remote_previous->requests, [](const BindRequest& r) { return r.is_local(); });
    for (const auto& r : previous->requests) {
      if (r.is_local()) add_local_module(locals, local_module_from_lock(r, project));
    }
  }
  std::vector<PackageSpec> specs;
  for (const auto& text :
       merged_request_specs(remote_args, remote_previous ? &*remote_previous : nullptr)) {
    specs.push_back(parse_package_spec(text));
  }
  for (const auto& s : specs) {
    if (s.origin != SpecOrigin::Remote) {
      throw UserError(
          "'" + s.pattern +
          "' is not a module path; `lisbind import` binds modules from the Go module proxy "
          "and local Go modules named by a directory (./dir, ../dir/...)");
    }
    if (locals.contains(s.pattern) || locals.contains(spec_path(s.pattern))) {
      throw UserError(s.pattern + " is also bound from a local directory; bind it one way");
    }
  }
  load_project_overrides(project);  // a malformed overrides file stops the import before any work
  if (remote_args.size() == args.size() &&
      lock_already_binds(args, previous, options.generator, project_overrides_digest(project)) &&
      stale_local_modules(project, *previous).empty()) {
    reinstall_vendored_bindings(project, *previous);
    if (!options.quiet)
      std::cout << "already bound at these versions; reinstalled from "
                << vendor_dir(project).string() << "\n";
    return 0;
  }
  SystemProcessRunner runner;
  GoToolchain go(runner);
  const char* const kLoadFailed =
      "some packages failed to load (see above); lisette.toml and lisbind/ were left unchanged, "
      "and the earlier bindings are kept: fix the cause and run this again";

  Bindings bindings;
  if (!specs.empty()) {
    progress.step("resolving module versions");
    Workspace workspace = prepare_workspace(go, specs);
    specs = expand_module_roots(go, workspace, specs);
    workspace.patterns.clear();
    for (const auto& s : specs) workspace.patterns.push_back(s.pattern);

    bool load_errors = false;
    bindings = make_or_reuse_bindings(go, workspace, specs, project, options.generator, progress,
                                      load_errors);
    if (load_errors) {
      forget_work_module(workspace);
      throw UserError(kLoadFailed);
    }
    if (bindings.lock.files.empty()) {
      forget_work_module(workspace);
      throw UserError(
          "nothing was bound: no package of " + workspace.patterns.front() +
          " loaded under this build context (" +
          (bindings.lock.has_build ? bindings.lock.build_summary() : std::string("unknown")) +
          "); check CGO_ENABLED and GOFLAGS. lisette.toml and lisbind/ were left unchanged");
    }
    for (const auto& s : specs) {
      bool bound = std::any_of(bindings.lock.requests.begin(), bindings.lock.requests.end(),
                               [&](const BindRequest& r) { return r.pattern == s.pattern; });
      if (!bound) {
        throw UserError("no package of " + s.pattern +
                        " was bound (build context: " + bindings.lock.build_summary() +
                        "); lisette.toml and lisbind/ were left unchanged");
      }
    }
  }
  for (const auto& [module, local] : locals) {
    bool load_errors = false;
    Bindings made =
        make_local_bindings(go, local, project, options.generator, progress, load_errors);
    if (load_errors) throw UserError(kLoadFailed);
    merge_bindings(bindings, std::move(made));
  }
  BindingLock& lock = bindings.lock;
  if (lock.files.empty())
    throw UserError("nothing was bound; lisette.toml and lisbind/ were left unchanged");
  std::vector<std::string> notes;
  const std::string manifest_text = plan_manifest(project, lock, previous, notes);
  const LisetteManifest manifest =
      LisetteManifest::parse(manifest_text, (project / "lisette.toml").string());

  progress.step("writing vendored bindings to " + vendor_dir(project).string() +
                " and lisette.toml");
  commit_project(project, &bindings, manifest_text);
  print_notes(notes);
  progress.step("installing typedefs into lis's cache");
  install_into_cache(project, lock, previous, manifest);

  if (!options.quiet) {
    std::cout << bindings.ledger_summary;
    std::cout << fmt::format("bound {} typedefs from {} modules into {} ({})\n", lock.files.size(),
                             lock.modules.size(), project.string(), lock.build_summary());
  }
  return 0;
}

int sync_project(const ProjectUpdateOptions& options, const BindingLock& lock) {
  if (auto stale = stale_local_modules(options.project, lock); !stale.empty()) {
    return regenerate_local_modules(options, lock, stale);
  }
  reinstall_vendored_bindings(options.project, lock);
  if (!options.quiet)
    std::cout << fmt::format("installed {} typedefs from {}\n", lock.files.size(),
                             vendor_dir(options.project).string());
  return 0;
}

int remove_from_project(const ProjectUpdateOptions& options, const std::string& name,
                        const BindingLock& previous) {
  const fs::path& project = options.project;
  // A directory names the local package (or module/...) that `lisbind import PATH` bound.
  const std::string request =
      names_local_directory(name) ? *resolve_local_module(name, project).patterns.begin() : name;
  BindingLock rest = previous;
  std::erase_if(rest.requests, [&](const BindRequest& r) {
    return r.module == request || r.pattern == request || r.pattern == request + "/...";
  });
  if (rest.requests.size() == previous.requests.size()) {
    throw UserError(name + " was not imported with lisbind (see lisbind/lisbind.lock)");
  }
  if (!rest.requests.empty()) return import_into_project(options, {}, &rest);
  // Nothing left: undo everything the lock put in place (only the manifest lines it added).
  rest.modules.clear();
  rest.files.clear();
  std::vector<std::string> notes;
  const std::string text = plan_manifest(project, rest, &previous, notes);
  const LisetteManifest manifest =
      LisetteManifest::parse(text, (project / "lisette.toml").string());
  commit_project(project, nullptr, text);
  install_into_cache(project, rest, &previous, manifest);
  if (!options.quiet) std::cout << "removed all lisbind bindings\n";
  return 0;
}

}  // namespace lisbind::emit
