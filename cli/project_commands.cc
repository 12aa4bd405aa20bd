// `lisbind import | sync | status | remove`: bindings inside a Lisette project.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "emitter/generator.h"
#include "emitter/overrides.h"
#include "emitter/project_bindings.h"
#include "importer/errors.h"
#include "importer/extraction.h"
#include "importer/file_util.h"
#include "importer/go_toolchain.h"
#include "importer/lisette_manifest.h"
#include "importer/package_spec.h"
#include "importer/workspace.h"
#include "lisbind/rules_id.h"
#include "lisbind/version.h"

namespace lisbind::cli {
namespace fs = std::filesystem;

namespace {

fs::path locate_project(const std::string& given) {
  fs::path start = given.empty() ? fs::current_path() : fs::path(given);
  auto project = find_lisette_project(start);
  if (!project) {
    throw UserError("not a Lisette project: no lisette.toml in " + fs::absolute(start).string() +
                    " or above (create one with `lis new NAME`)");
  }
  return *project;
}

// One lisbind at a time per project: two imports racing on lisette.toml and the vendored
// directory would lose one of them.
class ProjectLock {
 public:
  explicit ProjectLock(const fs::path& project) {
    std::error_code ec;
    fs::create_directories(project / "target", ec);
    fs::path file = project / "target" / ".lisbind-lock";
    if (ec) throw UserError("cannot create " + (project / "target").string() + ": " + ec.message() + "; is the project writable?");
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw UserError("cannot create " + file.string() + ": is the project writable?");
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      throw UserError("another lisbind is updating this project right now; run this again when it has finished");
    }
  }
  ~ProjectLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
  ProjectLock(const ProjectLock&) = delete;
  ProjectLock& operator=(const ProjectLock&) = delete;

 private:
  int fd_ = -1;
};

class Progress {
 public:
  explicit Progress(bool on) : on_(on) {}
  void step(const std::string& what) const {
    if (on_) std::cerr << "lisbind: " << what << "\n";
  }
  bool on() const { return on_; }

 private:
  bool on_;
};

std::string path_of(const std::string& spec_text) { return spec_text.substr(0, spec_text.find('@')); }

// Previous requests stay, pinned at their locked versions, unless a new argument names them. A
// new argument inside a module moves that module's other requests to its version: one module
// cannot be at two versions at once.
std::vector<std::string> merged_specs(const std::vector<std::string>& args, const emit::BindingLock* previous) {
  std::vector<std::string> specs(args.begin(), args.end());
  if (!previous) return specs;
  for (const auto& r : previous->requests) {
    bool replaced = false;
    std::string version = r.version;
    for (const auto& a : args) {
      std::string p = path_of(a);
      if (p == r.pattern || p == r.module || p + "/..." == r.pattern) replaced = true;
      if (p == r.module || p.starts_with(r.module + "/")) {
        auto at = a.find('@');
        version = at == std::string::npos ? "latest" : a.substr(at + 1);
      }
    }
    if (!replaced) specs.push_back(r.pattern + "@" + version);
  }
  return specs;
}

// `k8s.io/client-go` names a module whose root holds no package: bind all of it.
std::vector<PackageSpec> expand_modules(const GoToolchain& go, const Workspace& ws, std::vector<PackageSpec> specs) {
  std::vector<std::string> args = {"list", "-m", "-e", "-f", "{{.Path}} {{if .Error}}-{{else}}{{.Version}}{{end}}"};
  std::vector<size_t> asked;
  for (size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].origin == SpecOrigin::Remote && !specs[i].pattern.ends_with("/...")) {
      args.push_back(specs[i].pattern);
      asked.push_back(i);
    }
  }
  if (asked.empty()) return specs;
  ProcessResult r = go.run(args, ws.dir);
  std::istringstream lines(r.out);
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

std::vector<emit::BindRequest> requests_from(const model::ApiModel& api, const std::vector<PackageSpec>& specs) {
  std::vector<emit::BindRequest> out;
  for (const auto& s : specs) {
    if (s.origin != SpecOrigin::Remote) continue;
    std::string probe = s.pattern.ends_with("/...") ? s.pattern.substr(0, s.pattern.size() - 4) : s.pattern;
    // The module of the pattern: from any loaded root package at or below it.
    for (const auto& p : api.packages) {
      if (p.root && p.module && (p.path == probe || p.path.starts_with(probe + "/") || probe.starts_with(p.module->path))) {
        out.push_back({s.pattern, p.module->path, p.module->version});
        break;
      }
    }
  }
  return out;
}

// A load that failed or bound nothing may come from a damaged work module (a truncated go.mod or go.sum):
// the next run resolves it afresh instead of trusting it.
void forget_work_module(const Workspace& ws) {
  if (!ws.immutable_sources) return;
  std::error_code ec;
  fs::remove_all(ws.dir, ec);
}

struct ImportRun {
  fs::path project;
  bool quiet = false;
};

// True when every argument names a version the lock already holds for it, and the lock was made
// by this lisbind for this lis: the vendored copy is then exactly what a new run would produce.
std::string overrides_hash(const fs::path& project) {
  fs::path file = project / "lisbind-overrides.toml";
  return fs::exists(file) ? fnv1a_hex(read_file(file)) : std::string{};
}

bool already_bound(const std::vector<std::string>& args, const emit::BindingLock* previous, const fs::path& project) {
  if (!previous || args.empty() || previous->rules_id != kMappingRulesId || previous->lisbind_version != kLisbindVersion ||
      previous->lis_version != kPinnedLisVersion || previous->overrides_hash != overrides_hash(project)) {
    return false;
  }
  return std::all_of(args.begin(), args.end(), [&](const std::string& a) {
    auto at = a.find('@');
    if (at == std::string::npos) return false;  // "latest" can move: ask the proxy
    std::string path = a.substr(0, at), version = a.substr(at + 1);
    return std::any_of(previous->requests.begin(), previous->requests.end(), [&](const emit::BindRequest& r) {
      bool same = path == r.pattern || path == r.module || path + "/..." == r.pattern;
      return same && version == r.version;
    });
  });
}

// The project's lock after finishing or undoing an interrupted run. Vendored typedefs without a
// lock are refused: an import would otherwise replace them with only what it binds now.
std::optional<emit::BindingLock> read_project_lock(const fs::path& project) {
  emit::recover_project(project);
  auto lock = emit::read_lock(project);
  if (!lock && fs::exists(emit::vendor_dir(project) / "typedefs")) {
    throw UserError(emit::vendor_dir(project).string() + " holds typedefs but no lisbind.lock; restore the lock (e.g. "
                    "`git checkout lisbind/lisbind.lock`) or delete lisbind/ and import every module again");
  }
  return lock;
}

void print_notes(const std::vector<std::string>& notes) {
  for (const auto& n : notes) std::cerr << "lisbind: " << n << "\n";
}

// The project's overrides, checked before anything else happens.
emit::Overrides project_overrides(const fs::path& project) {
  fs::path file = project / "lisbind-overrides.toml";
  return fs::exists(file) ? emit::Overrides::load(file) : emit::Overrides{};
}

// Restores lisette.toml's entries from the lock (atomically, only if they differ) and lis's cache.
void reinstall(const fs::path& project, const emit::BindingLock& lock) {
  emit::BindingLock planned = lock;
  std::vector<std::string> notes;
  std::string text = emit::plan_manifest(project, planned, &lock, notes);
  LisetteManifest manifest = LisetteManifest::parse(text, (project / "lisette.toml").string());
  // Checked before the manifest is written: install_into_cache refuses edited typedefs.
  emit::install_into_cache(project, lock, nullptr, manifest);
  if (read_file_if_exists(project / "lisette.toml") != text) write_file_atomically(project / "lisette.toml", text);
  print_notes(notes);
}

// The typedefs, ledger and lock for this request. They depend on nothing but the model, the rules
// and the project's overrides: when all three were seen before, the model is neither read nor
// mapped again. `load_errors` tells whether some package failed to load (and so is missing).
emit::Bindings bindings_for(const GoToolchain& go, const Workspace& ws, const std::vector<PackageSpec>& specs,
                            const fs::path& project, const Progress& progress, bool& load_errors) {
  const emit::GeneratorInfo info{kLisbindVersion, kPinnedLisVersion, kMappingRulesId};
  const ExtractOptions extract_options{progress.on(), {}, true};
  const std::string overrides_digest = overrides_hash(project);
  auto cached_dir = [&]() -> std::optional<fs::path> {
    auto key = model_cache_key(go, ws, extract_options);
    if (!key) return std::nullopt;
    return lisbind_cache_dir() / "bindings" / fnv1a_hex(*key + " " + kMappingRulesId + " " + overrides_digest);
  };
  if (auto dir = cached_dir()) {
    if (auto cached = emit::read_bindings_dir(*dir)) {
      progress.step("reusing the bindings made before from these exact module versions");
      return std::move(*cached);
    }
  }
  progress.step("loading Go packages (the first run compiles them for export data)");
  model::ApiModel api = extract_api(go, ws, extract_options);
  for (const auto& e : api.errors) {
    std::cerr << "lisbind: package " << e.package << " failed to load and is not bound: " << e.message << "\n";
  }
  load_errors = !api.errors.empty();
  if (load_errors) return {};
  progress.step(fmt::format("mapping {} packages", api.packages.size()));
  // The project's corrections, kept beside its bindings and applied on every regeneration.
  emit::Overrides overrides = project_overrides(project);
  if (auto problems = overrides.check_against(api); !problems.empty()) {
    throw UserError((project / "lisbind-overrides.toml").string() + ": " + problems.front() +
                    (problems.size() > 1 ? fmt::format(" (and {} more)", problems.size() - 1) : ""));
  }
  emit::Bindings made = emit::make_bindings(api, emit::generate_typedefs(api, info, &overrides), requests_from(api, specs), info);
  made.lock.overrides_hash = overrides_digest;
  // A model with load errors may reflect a passing fault; only complete results are reused, and
  // an empty one is an error, never cached. Keyed as after the load, which may have completed go.mod.
  if (made.lock.files.empty()) return made;
  if (auto dir = cached_dir()) {
    try {
      emit::write_bindings_dir(*dir, made);
    } catch (const std::exception& e) {
      std::cerr << "lisbind: not caching the bindings (" << e.what() << ")\n";
    }
  }
  return made;
}

// The whole import, as named steps; `args` are new requests (empty for `remove`'s re-run).
// Everything that can fail (the overrides, the Go work, the manifest edit) happens before the
// first write to the project; the project is then changed by one commit.
int run_import(const ImportRun& run, const std::vector<std::string>& args, const emit::BindingLock* previous) {
  const Progress progress(!run.quiet && ::isatty(STDERR_FILENO));
  std::vector<PackageSpec> specs;
  for (const auto& text : merged_specs(args, previous)) specs.push_back(parse_package_spec(text));
  for (const auto& s : specs) {
    if (s.origin != SpecOrigin::Remote) {
      throw UserError("'" + s.pattern + "' is not a module path; `lisbind import` binds modules from the Go module proxy");
    }
  }
  project_overrides(run.project);  // a malformed overrides file stops the import before any work
  if (already_bound(args, previous, run.project)) {
    reinstall(run.project, *previous);
    if (!run.quiet) std::cout << "already bound at these versions; reinstalled from " << emit::vendor_dir(run.project).string() << "\n";
    return 0;
  }
  SystemProcessRunner runner;
  GoToolchain go(runner);

  progress.step("resolving module versions");
  Workspace ws = prepare_workspace(go, specs);
  specs = expand_modules(go, ws, specs);
  ws.patterns.clear();
  for (const auto& s : specs) ws.patterns.push_back(s.pattern);

  bool load_errors = false;
  emit::Bindings bindings = bindings_for(go, ws, specs, run.project, progress, load_errors);
  if (load_errors) {
    forget_work_module(ws);
    throw UserError("some packages failed to load (see above); lisette.toml and lisbind/ were left unchanged, "
                    "and the earlier bindings are kept: fix the cause and run this again");
  }
  emit::BindingLock& lock = bindings.lock;
  if (lock.files.empty()) {
    forget_work_module(ws);
    throw UserError("nothing was bound: no package of " + ws.patterns.front() + " loaded under this build context (" +
                    (lock.has_build ? lock.build_summary() : std::string("unknown")) +
                    "); check CGO_ENABLED and GOFLAGS. lisette.toml and lisbind/ were left unchanged");
  }
  for (const auto& s : specs) {
    bool bound = std::any_of(lock.requests.begin(), lock.requests.end(), [&](const emit::BindRequest& r) { return r.pattern == s.pattern; });
    if (!bound) {
      throw UserError("no package of " + s.pattern + " was bound (build context: " + lock.build_summary() +
                      "); lisette.toml and lisbind/ were left unchanged");
    }
  }
  std::vector<std::string> notes;
  const std::string manifest_text = emit::plan_manifest(run.project, lock, previous, notes);
  const LisetteManifest manifest = LisetteManifest::parse(manifest_text, (run.project / "lisette.toml").string());

  progress.step("writing vendored bindings to " + emit::vendor_dir(run.project).string() + " and lisette.toml");
  emit::commit_project(run.project, &bindings, manifest_text);
  print_notes(notes);
  progress.step("installing typedefs into lis's cache");
  emit::install_into_cache(run.project, lock, previous, manifest);

  if (!run.quiet) {
    std::cout << bindings.ledger_summary;
    std::cout << fmt::format("bound {} typedefs from {} modules into {} ({})\n", lock.files.size(), lock.modules.size(),
                             run.project.string(), lock.build_summary());
  }
  return 0;
}

struct ProjectOptions {
  std::string project;
  bool quiet = false;
};

void add_project_options(CLI::App& sub, ProjectOptions& o) {
  sub.add_option("-C,--project", o.project, "The Lisette project (default: the one containing the current directory)");
  sub.add_flag("-q,--quiet", o.quiet, "Print nothing but errors");
}

}  // namespace

CommandAction setup_import(CLI::App& sub) {
  struct Options : ProjectOptions {
    std::vector<std::string> specs;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("modules", o->specs,
                 "Modules or packages with an optional version: k8s.io/client-go, "
                 "github.com/prometheus/client_golang/prometheus@v1.25.0")
      ->required();
  add_project_options(sub, *o);
  sub.footer(
      "Binds the packages (a module means all of its packages) and every package their API reaches, adds\n"
      "[dependencies.go] entries to lisette.toml (transitive modules with `via`), vendors the typedefs,\n"
      "ledger and lisbind.lock in lisbind/ (commit it), and installs them where lis reads them with a\n"
      "matching warm stamp. Run `lisbind sync` after changing src/ imports.");
  return [o]() {
    fs::path project = locate_project(o->project);
    ProjectLock lock(project);
    auto previous = read_project_lock(project);
    return run_import({project, o->quiet}, o->specs, previous ? &*previous : nullptr);
  };
}

CommandAction setup_sync(CLI::App& sub) {
  auto o = std::make_shared<ProjectOptions>();
  add_project_options(sub, *o);
  sub.footer("Reinstalls the vendored bindings into lis's cache and refreshes the warm stamp, without the network:\n"
             "after a fresh clone, after deleting target/, after src/ imports change.");
  return [o]() {
    fs::path project = locate_project(o->project);
    ProjectLock guard(project);
    auto lock = read_project_lock(project);
    if (!lock) throw UserError("no vendored bindings in " + emit::vendor_dir(project).string() + "; run `lisbind import MODULE` first");
    reinstall(project, *lock);
    if (!o->quiet) std::cout << fmt::format("installed {} typedefs from {}\n", lock->files.size(), emit::vendor_dir(project).string());
    return 0;
  };
}

CommandAction setup_status(CLI::App& sub) {
  auto o = std::make_shared<ProjectOptions>();
  add_project_options(sub, *o);
  sub.footer("Reports drift between lisette.toml, the vendored bindings and lis's cache; exits 1 when there is any.");
  return [o]() {
    fs::path project = locate_project(o->project);
    if (std::string interrupted = emit::interrupted_state(project); !interrupted.empty()) {
      std::cout << interrupted << "\n";
      return 1;
    }
    auto lock = emit::read_lock(project);
    if (!lock) {
      if (fs::exists(emit::vendor_dir(project) / "typedefs")) {
        std::cout << "lisbind/ holds typedefs but no lisbind.lock (restore it, e.g. `git checkout lisbind/lisbind.lock`)\n";
        return 1;
      }
      std::cout << "no lisbind bindings in this project\n";
      return 0;
    }
    LisetteManifest manifest = LisetteManifest::load(project / "lisette.toml");
    emit::DriftReport report = emit::check_drift(project, *lock, manifest);
    for (const auto& p : report.problems) std::cout << p << "\n";
    if (report.clean()) {
      std::cout << fmt::format("in sync: {} modules, {} typedefs (lisbind {}, lis {}, {}, {}_{}, {})\n",
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
  sub.add_option("module", o->module, "A module or package given to `lisbind import` before")->required();
  add_project_options(sub, *o);
  return [o]() {
    fs::path project = locate_project(o->project);
    ProjectLock guard(project);
    auto previous = read_project_lock(project);
    if (!previous) throw UserError("nothing to remove: this project has no lisbind bindings");
    emit::BindingLock rest = *previous;
    std::erase_if(rest.requests, [&](const emit::BindRequest& r) {
      return r.module == o->module || r.pattern == o->module || r.pattern == o->module + "/...";
    });
    if (rest.requests.size() == previous->requests.size()) {
      throw UserError(o->module + " was not imported with lisbind (see lisbind/lisbind.lock)");
    }
    if (!rest.requests.empty()) return run_import({project, o->quiet}, {}, &rest);
    // Nothing left: undo everything the lock put in place (only the manifest lines it added).
    rest.modules.clear();
    rest.files.clear();
    std::vector<std::string> notes;
    const std::string text = emit::plan_manifest(project, rest, &*previous, notes);
    const LisetteManifest manifest = LisetteManifest::parse(text, (project / "lisette.toml").string());
    emit::commit_project(project, nullptr, text);
    emit::install_into_cache(project, rest, &*previous, manifest);
    if (!o->quiet) std::cout << "removed all lisbind bindings\n";
    return 0;
  };
}

}  // namespace lisbind::cli
