#include "project/bindings_from_go.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <set>
#include <sstream>

#include "base/errors.h"
#include "gotool/extraction.h"
#include "mapping/generator.h"
#include "project/bindings_cache.h"
#include "project/import_request.h"
#include "project/project_overrides.h"
#include "project/warm_stamp.h"

namespace lisbind::emit {
namespace fs = std::filesystem;

namespace {

// The model with a line on stderr for each package that failed to load.
model::ApiModel load_reporting_errors(const GoToolchain& go, const Workspace& workspace,
                                      const ExtractOptions& options, bool& load_errors) {
  model::ApiModel api = extract_api(go, workspace, options);
  for (const auto& e : api.errors) {
    std::cerr << "lisbind: package " << e.package
              << " failed to load and is not bound: " << e.message << "\n";
  }
  load_errors = !api.errors.empty();
  return api;
}

}  // namespace

std::vector<PackageSpec> expand_module_roots(const GoToolchain& go, const Workspace& workspace,
                                             std::vector<PackageSpec> specs) {
  std::vector<std::string> args = {"list", "-m", "-e", "-f",
                                   "{{.Path}} {{if .Error}}-{{else}}{{.Version}}{{end}}"};
  std::vector<size_t> asked;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].origin == SpecOrigin::Remote && !specs[i].pattern.ends_with("/...")) {
      args.push_back(specs[i].pattern);
      asked.push_back(i);
    }
  }
  if (asked.empty()) return specs;
  ProcessResult listed = go.run(args, workspace.dir);
  std::istringstream lines(listed.out);
  std::string path, version;
  std::set<std::string> modules;
  while (lines >> path >> version) {
    if (version != "-") modules.insert(path);
  }
  for (size_t i : asked) {
    if (modules.contains(specs[i].pattern)) specs[i].pattern += "/...";
  }
  return specs;
}

void forget_work_module(const Workspace& workspace) {
  if (!workspace.immutable_sources) return;
  std::error_code ec;
  fs::remove_all(workspace.dir, ec);
}

Bindings make_or_reuse_bindings(const GoToolchain& go, const Workspace& workspace,
                                const std::vector<PackageSpec>& specs, const fs::path& project,
                                const GeneratorInfo& generator, const Progress& progress,
                                bool& load_errors) {
  const ExtractOptions extract_options{.progress = progress.on(), .tags = {}, .facts = true};
  const std::string overrides_digest = project_overrides_digest(project);
  auto cache_key = [&]() -> std::optional<BindingsCacheKey> {
    auto model_key = model_cache_key(go, workspace, extract_options);
    if (!model_key) return std::nullopt;
    return BindingsCacheKey{.model_key = *model_key,
                            .rules_id = generator.rules_id,
                            .overrides_digest = overrides_digest};
  };
  if (auto key = cache_key()) {
    if (auto cached = find_cached_bindings(*key)) {
      progress.step("reusing the bindings made before from these exact module versions");
      return std::move(*cached);
    }
  }
  progress.step("loading Go packages (the first run compiles them for export data)");
  model::ApiModel api = load_reporting_errors(go, workspace, extract_options, load_errors);
  if (load_errors) return {};
  progress.step(fmt::format("mapping {} packages", api.packages.size()));
  // The project's corrections, kept beside its bindings and applied on every regeneration.
  Overrides overrides = load_project_overrides_checked_against(project, api);
  Bindings made = make_bindings(api, generate_typedefs(api, generator, &overrides),
                                bind_requests_from(api, specs), generator);
  made.lock.overrides_hash = overrides_digest;
  // A model with load errors may reflect a passing fault; only complete results are reused, and
  // an empty one is an error, never cached. Keyed as after the load, which may have completed
  // go.mod.
  if (made.lock.files.empty()) return made;
  if (auto key = cache_key()) {
    try {
      cache_bindings(*key, made);
    } catch (const std::exception& e) {
      std::cerr << "lisbind: not caching the bindings (" << e.what() << ")\n";
    }
  }
  return made;
}

LocalModuleLoad load_local_module(const GoToolchain& go, const LocalModule& local,
                                  const Progress& progress, bool& load_errors) {
  LocalModuleLoad out;
  // Before loading: an edit meanwhile shows as stale.
  out.source = local_module_hash(local.root);
  Workspace workspace;
  workspace.dir = local.root;
  workspace.read_only_module = true;
  for (const auto& pattern : local.patterns) {
    std::string below =
        pattern == local.module ? std::string{} : pattern.substr(local.module.size() + 1);
    workspace.patterns.push_back(below.empty() ? "." : below == "..." ? "./..." : "./" + below);
    out.requests.push_back(
        {.pattern = pattern, .module = local.module, .version = "", .local = local.dir});
  }
  for (fs::path d = local.root; d != d.parent_path(); d = d.parent_path()) {
    if (fs::exists(d.parent_path() / "go.work")) {
      std::cerr
          << "lisbind: ignoring " << (d.parent_path() / "go.work").string() << ": lis builds "
          << local.module
          << " with the project's own go.mod, so lisbind loads it without the workspace too\n";
      break;
    }
  }
  progress.step("loading local Go packages of " + local.module + " in " + local.root.string());
  out.api = load_reporting_errors(
      go, workspace, {.progress = progress.on(), .tags = {}, .facts = true}, load_errors);
  if (load_errors) return out;
  for (const auto& p : out.api.packages) {
    if (p.std || !p.module || p.module->path == local.module) continue;
    if (p.module->version.empty() || !p.module->replace_path.empty()) {
      throw UserError(local.module + " uses " + p.path + " from " + p.module->path +
                      ", which is not a published module "
                      "version (a go.work or replace makes it local); " +
                      kLocalModuleSupport);
    }
  }
  return out;
}

Bindings make_local_bindings(const GoToolchain& go, const LocalModule& local,
                             const fs::path& project, const GeneratorInfo& generator,
                             const Progress& progress, bool& load_errors) {
  LocalModuleLoad load = load_local_module(go, local, progress, load_errors);
  if (load_errors) return {};
  const model::ApiModel& api = load.api;
  Overrides overrides = load_project_overrides_checked_against(project, api);
  Bindings made = make_bindings(api, generate_typedefs(api, generator, &overrides), load.requests,
                                generator, load.source);
  made.lock.overrides_hash = project_overrides_digest(project);
  for (const auto& pattern : local.patterns) {
    std::string base = pattern.ends_with("/...") ? pattern.substr(0, pattern.size() - 4) : pattern;
    bool bound =
        std::any_of(api.packages.begin(), api.packages.end(), [&](const model::Package& p) {
          return p.root && !p.command &&
                 (p.path == base || (pattern.ends_with("/...") && p.path.starts_with(base + "/")));
        });
    if (!bound) {
      throw UserError("no package of " + pattern + " (in " + local.root.string() +
                      ") was bound (build context: " + made.lock.build_summary() +
                      "); lisette.toml and lisbind/ were left unchanged");
    }
  }
  return made;
}

}  // namespace lisbind::emit
