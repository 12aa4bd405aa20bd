// `lisbind import | sync | status | remove`: bindings inside a Lisette project.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <set>
#include <sstream>

#include "base/errors.h"
#include "base/file_util.h"
#include "cli/commands.h"
#include "gotool/extraction.h"
#include "gotool/go_toolchain.h"
#include "gotool/package_spec.h"
#include "gotool/workspace.h"
#include "lisbind/rules_id.h"
#include "lisbind/version.h"
#include "mapping/generator.h"
#include "mapping/overrides.h"
#include "project/lisette_manifest.h"
#include "project/project_bindings.h"
#include "project/warm_stamp.h"

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
    if (ec)
      throw UserError("cannot create " + (project / "target").string() + ": " + ec.message() +
                      "; is the project writable?");
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw UserError("cannot create " + file.string() + ": is the project writable?");
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      throw UserError(
          "another lisbind is updating this project right now; run this again when it has "
          "finished");
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

std::string path_of(const std::string& spec_text) {
  return spec_text.substr(0, spec_text.find('@'));
}

// Previous requests stay, pinned at their locked versions, unless a new argument names them. A
// new argument inside a module moves that module's other requests to its version: one module
// cannot be at two versions at once.
std::vector<std::string> merged_specs(const std::vector<std::string>& args,
                                      const emit::BindingLock* previous) {
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
std::vector<PackageSpec> expand_modules(const GoToolchain& go, const Workspace& ws,
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

std::vector<emit::BindRequest> requests_from(const model::ApiModel& api,
                                             const std::vector<PackageSpec>& specs) {
  std::vector<emit::BindRequest> out;
  for (const auto& s : specs) {
    if (s.origin != SpecOrigin::Remote) continue;
    std::string probe =
        s.pattern.ends_with("/...") ? s.pattern.substr(0, s.pattern.size() - 4) : s.pattern;
    // The module of the pattern: from any loaded root package at or below it.
    for (const auto& p : api.packages) {
      if (p.root && p.module &&
          (p.path == probe || p.path.starts_with(probe + "/") ||
           probe.starts_with(p.module->path))) {
        out.push_back({s.pattern, p.module->path, p.module->version});
        break;
      }
    }
  }
  return out;
}

// A load that failed or bound nothing may come from a damaged work module (a truncated go.mod or
// go.sum): the next run resolves it afresh instead of trusting it.
void forget_work_module(const Workspace& ws) {
  if (!ws.immutable_sources) return;
  std::error_code ec;
  fs::remove_all(ws.dir, ec);
}

struct ImportRun {
  fs::path project;
  bool quiet = false;
};

// A local Go module named by `lisbind import PATH`: bound from its directory, declared in
// lisette.toml as `path =`, read by lis from replaced/<module>/local/.
struct LocalModule {
  fs::path root;       // the directory holding its go.mod
  std::string module;  // its module path
  std::string dir;     // `path =`: root relative to the project
  std::set<std::string>
      patterns;  // import-path patterns: example.com/shop/store, example.com/shop/...
};

const char* const kLocalSupport =
    "lisbind import PATH binds one Go module on disk per path (its packages may import each other "
    "and "
    "published modules), without replace directives";

std::string strip_go_mod_comment(std::string line) {
  if (auto c = line.find("//"); c != std::string::npos) line.resize(c);
  auto first = line.find_first_not_of(" \t\r");
  auto last = line.find_last_not_of(" \t\r");
  return first == std::string::npos ? std::string{} : line.substr(first, last - first + 1);
}

// The module path in go.mod, and whether it replaces anything.
std::string read_go_mod(const fs::path& go_mod, bool& has_replace) {
  std::istringstream lines(read_file(go_mod));
  std::string line, module;
  has_replace = false;
  while (std::getline(lines, line)) {
    line = strip_go_mod_comment(line);
    if (line.starts_with("replace ") || line.starts_with("replace\t") ||
        line.starts_with("replace("))
      has_replace = true;
    if (module.empty() && (line.starts_with("module ") || line.starts_with("module\t"))) {
      module = strip_go_mod_comment(line.substr(7));
      if (module.size() >= 2 && (module.front() == '"' || module.front() == '`'))
        module = module.substr(1, module.size() - 2);
    }
  }
  if (module.empty()) throw UserError(go_mod.string() + " has no module line; is it a Go module?");
  return module;
}

// `./shop/store`, `../shop/...`, `/abs/shop`: the module holding that directory and the pattern.
LocalModule resolve_local(const std::string& arg, const fs::path& project) {
  std::string text = arg;
  bool recursive = false;
  if (text == "..." || text.ends_with("/...")) {
    recursive = true;
    text = text.size() > 3 ? text.substr(0, text.size() - 4) : ".";
    if (text.empty()) text = "/";
  }
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(text), ec);
  if (ec || !fs::is_directory(dir))
    throw UserError("'" + arg +
                    "' is not a directory; `lisbind import PATH` takes a directory of a Go module "
                    "(or DIR/...)");
  fs::path root;
  for (fs::path d = dir;; d = d.parent_path()) {
    if (fs::is_regular_file(d / "go.mod")) {
      root = d;
      break;
    }
    if (d == d.parent_path()) break;
  }
  if (root.empty())
    throw UserError("no go.mod in " + dir.string() +
                    " or above: `lisbind import PATH` binds packages of a Go module on disk");
  bool has_replace = false;
  LocalModule m;
  m.root = root;
  m.module = read_go_mod(root / "go.mod", has_replace);
  if (has_replace) {
    throw UserError((root / "go.mod").string() +
                    " has replace directives, which Go ignores when lis builds the module as a "
                    "dependency of the project; " +
                    kLocalSupport);
  }
  if (m.module.substr(0, m.module.find('/')).find('.') == std::string::npos) {
    throw UserError(
        "the module path " + m.module + " of " + root.string() +
        " has no dot in its first element; lis reads "
        "such paths as the standard library, so a local module needs a path like example.com/" +
        m.module);
  }
  fs::path canonical_project = fs::weakly_canonical(project, ec);
  fs::path relative = fs::relative(root, canonical_project, ec);
  m.dir = ec || relative.empty() ? root.generic_string() : relative.generic_string();
  std::string rel = fs::relative(dir, root, ec).generic_string();
  std::string pattern = rel == "." || rel.empty() ? m.module : m.module + "/" + rel;
  m.patterns.insert(recursive ? pattern + "/..." : pattern);
  return m;
}

// A local request of the lock, found again on disk.
LocalModule local_from_lock(const emit::BindRequest& r, const fs::path& project) {
  LocalModule m;
  m.root = fs::weakly_canonical(project / r.local);
  m.module = r.module;
  m.dir = r.local;
  m.patterns.insert(r.pattern);
  bool has_replace = false;
  if (!fs::is_regular_file(m.root / "go.mod") ||
      read_go_mod(m.root / "go.mod", has_replace) != r.module) {
    throw UserError("the local module " + r.module + " is no longer in " + m.root.string() +
                    " (lisbind/lisbind.lock); "
                    "move it back, or `lisbind remove " +
                    r.pattern + "` and import it from where it is now");
  }
  if (has_replace)
    throw UserError((m.root / "go.mod").string() + " has replace directives now; " + kLocalSupport);
  return m;
}

void add_local(std::map<std::string, LocalModule>& locals, LocalModule m) {
  auto [it, fresh] = locals.try_emplace(m.module, m);
  if (fresh) return;
  if (it->second.root != m.root) {
    throw UserError(m.module + " is named in two directories, " + it->second.root.string() +
                    " and " + m.root.string() + "; bind one of them");
  }
  it->second.patterns.insert(m.patterns.begin(), m.patterns.end());
}

// True when every argument names a version the lock already holds for it, and the lock was made
// by this lisbind for this lis: the vendored copy is then exactly what a new run would produce.
std::string overrides_hash(const fs::path& project) {
  fs::path file = project / "lisbind-overrides.toml";
  return fs::exists(file) ? fnv1a_hex(read_file(file)) : std::string{};
}

bool already_bound(const std::vector<std::string>& args, const emit::BindingLock* previous,
                   const fs::path& project) {
  if (!previous || args.empty() || previous->rules_id != kMappingRulesId ||
      previous->lisbind_version != kLisbindVersion || previous->lis_version != kPinnedLisVersion ||
      previous->overrides_hash != overrides_hash(project)) {
    return false;
  }
  return std::all_of(args.begin(), args.end(), [&](const std::string& a) {
    auto at = a.find('@');
    if (at == std::string::npos) return false;  // "latest" can move: ask the proxy
    std::string path = a.substr(0, at), version = a.substr(at + 1);
    return std::any_of(
        previous->requests.begin(), previous->requests.end(), [&](const emit::BindRequest& r) {
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
    throw UserError(
        emit::vendor_dir(project).string() +
        " holds typedefs but no lisbind.lock; restore the lock (e.g. "
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

// The project's overrides, refused when they name symbols, parameters or renames the loaded API
// does not have (before anything is mapped or written).
emit::Overrides project_overrides_checked_against(const fs::path& project,
                                                  const model::ApiModel& api) {
  emit::Overrides overrides = project_overrides(project);
  if (auto problems = overrides.check_against(api); !problems.empty()) {
    throw UserError(
        (project / "lisbind-overrides.toml").string() + ": " + problems.front() +
        (problems.size() > 1 ? fmt::format(" (and {} more)", problems.size() - 1) : ""));
  }
  return overrides;
}

// Restores lisette.toml's entries from the lock (atomically, only if they differ) and lis's cache.
void reinstall(const fs::path& project, const emit::BindingLock& lock) {
  emit::BindingLock planned = lock;
  std::vector<std::string> notes;
  std::string text = emit::plan_manifest(project, planned, &lock, notes);
  LisetteManifest manifest = LisetteManifest::parse(text, (project / "lisette.toml").string());
  // Checked before the manifest is written: install_into_cache refuses edited typedefs.
  emit::install_into_cache(project, lock, nullptr, manifest);
  if (read_file_if_exists(project / "lisette.toml") != text)
    write_file_atomically(project / "lisette.toml", text);
  print_notes(notes);
}

// The typedefs, ledger and lock for this request. They depend on nothing but the model, the rules
// and the project's overrides: when all three were seen before, the model is neither read nor
// mapped again. `load_errors` tells whether some package failed to load (and so is missing).
emit::Bindings bindings_for(const GoToolchain& go, const Workspace& ws,
                            const std::vector<PackageSpec>& specs, const fs::path& project,
                            const Progress& progress, bool& load_errors) {
  const emit::GeneratorInfo info{kLisbindVersion, kPinnedLisVersion, kMappingRulesId};
  const ExtractOptions extract_options{progress.on(), {}, true};
  const std::string overrides_digest = overrides_hash(project);
  auto cached_dir = [&]() -> std::optional<fs::path> {
    auto key = model_cache_key(go, ws, extract_options);
    if (!key) return std::nullopt;
    return lisbind_cache_dir() / "bindings" /
           fnv1a_hex(*key + " " + kMappingRulesId + " " + overrides_digest);
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
    std::cerr << "lisbind: package " << e.package
              << " failed to load and is not bound: " << e.message << "\n";
  }
  load_errors = !api.errors.empty();
  if (load_errors) return {};
  progress.step(fmt::format("mapping {} packages", api.packages.size()));
  // The project's corrections, kept beside its bindings and applied on every regeneration.
  emit::Overrides overrides = project_overrides_checked_against(project, api);
  emit::Bindings made = emit::make_bindings(api, emit::generate_typedefs(api, info, &overrides),
                                            requests_from(api, specs), info);
  made.lock.overrides_hash = overrides_digest;
  // A model with load errors may reflect a passing fault; only complete results are reused, and
  // an empty one is an error, never cached. Keyed as after the load, which may have completed
  // go.mod.
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

// The bindings of one local module, loaded from its directory as `go` would build it there
// (./rel patterns, go.mod read-only, no go.work). Never cached: the sources can change.
emit::Bindings local_bindings(const GoToolchain& go, const LocalModule& local,
                              const fs::path& project, const Progress& progress,
                              bool& load_errors) {
  const emit::GeneratorInfo info{kLisbindVersion, kPinnedLisVersion, kMappingRulesId};
  const std::string source =
      emit::local_module_hash(local.root);  // before loading: an edit meanwhile shows as stale
  Workspace ws;
  ws.dir = local.root;
  ws.read_only_module = true;
  std::vector<emit::BindRequest> requests;
  for (const auto& pattern : local.patterns) {
    std::string below =
        pattern == local.module ? std::string{} : pattern.substr(local.module.size() + 1);
    ws.patterns.push_back(below.empty() ? "." : below == "..." ? "./..." : "./" + below);
    requests.push_back({pattern, local.module, "", local.dir});
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
  model::ApiModel api = extract_api(go, ws, {progress.on(), {}, true});
  for (const auto& e : api.errors) {
    std::cerr << "lisbind: package " << e.package
              << " failed to load and is not bound: " << e.message << "\n";
  }
  load_errors = !api.errors.empty();
  if (load_errors) return {};
  for (const auto& p : api.packages) {
    if (p.std || !p.module || p.module->path == local.module) continue;
    if (p.module->version.empty() || !p.module->replace_path.empty()) {
      throw UserError(local.module + " uses " + p.path + " from " + p.module->path +
                      ", which is not a published module "
                      "version (a go.work or replace makes it local); " +
                      kLocalSupport);
    }
  }
  emit::Overrides overrides = project_overrides_checked_against(project, api);
  emit::Bindings made = emit::make_bindings(api, emit::generate_typedefs(api, info, &overrides),
                                            requests, info, source);
  made.lock.overrides_hash = overrides_hash(project);
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

// The whole import, as named steps; `args` are new requests (empty for `remove`'s re-run).
// Everything that can fail (the overrides, the Go work, the manifest edit) happens before the
// first write to the project; the project is then changed by one commit.
// A directory on disk (`./x`, `../x`, `/x`, or an existing `x/y` that is no module path).
bool names_local_directory(const std::string& arg) {
  PackageSpec spec = parse_package_spec(arg);
  if (spec.origin == SpecOrigin::Local) return true;
  std::error_code ec;
  std::string dir = arg.ends_with("/...") ? arg.substr(0, arg.size() - 4) : arg;
  return spec.origin == SpecOrigin::Stdlib && fs::is_directory(dir, ec);
}

int run_import(const ImportRun& run, const std::vector<std::string>& args,
               const emit::BindingLock* previous) {
  const Progress progress(!run.quiet && ::isatty(STDERR_FILENO));
  // Local modules (from the arguments and the lock) load one by one in their own directories;
  // everything else loads together from the proxy, as before.
  std::vector<std::string> remote_args;
  std::map<std::string, LocalModule> locals;
  for (const auto& a : args) {
    if (names_local_directory(a)) {
      add_local(locals, resolve_local(a, run.project));
    } else {
      remote_args.push_back(a);
    }
  }
  std::optional<emit::BindingLock> remote_previous;
  if (previous) {
    remote_previous = *previous;
    std::erase_if(remote_previous->requests,
                  [](const emit::BindRequest& r) { return r.is_local(); });
    for (const auto& r : previous->requests) {
      if (r.is_local()) add_local(locals, local_from_lock(r, run.project));
    }
  }
  std::vector<PackageSpec> specs;
  for (const auto& text :
       merged_specs(remote_args, remote_previous ? &*remote_previous : nullptr)) {
    specs.push_back(parse_package_spec(text));
  }
  for (const auto& s : specs) {
    if (s.origin != SpecOrigin::Remote) {
      throw UserError(
          "'" + s.pattern +
          "' is not a module path; `lisbind import` binds modules from the Go module proxy "
          "and local Go modules named by a directory (./dir, ../dir/...)");
    }
    if (locals.contains(s.pattern) || locals.contains(path_of(s.pattern))) {
      throw UserError(s.pattern + " is also bound from a local directory; bind it one way");
    }
  }
  project_overrides(run.project);  // a malformed overrides file stops the import before any work
  if (remote_args.size() == args.size() && already_bound(args, previous, run.project) &&
      emit::stale_local_modules(run.project, *previous).empty()) {
    reinstall(run.project, *previous);
    if (!run.quiet)
      std::cout << "already bound at these versions; reinstalled from "
                << emit::vendor_dir(run.project).string() << "\n";
    return 0;
  }
  SystemProcessRunner runner;
  GoToolchain go(runner);
  const char* const kLoadFailed =
      "some packages failed to load (see above); lisette.toml and lisbind/ were left unchanged, "
      "and the earlier bindings are kept: fix the cause and run this again";

  emit::Bindings bindings;
  if (!specs.empty()) {
    progress.step("resolving module versions");
    Workspace ws = prepare_workspace(go, specs);
    specs = expand_modules(go, ws, specs);
    ws.patterns.clear();
    for (const auto& s : specs) ws.patterns.push_back(s.pattern);

    bool load_errors = false;
    bindings = bindings_for(go, ws, specs, run.project, progress, load_errors);
    if (load_errors) {
      forget_work_module(ws);
      throw UserError(kLoadFailed);
    }
    if (bindings.lock.files.empty()) {
      forget_work_module(ws);
      throw UserError(
          "nothing was bound: no package of " + ws.patterns.front() +
          " loaded under this build context (" +
          (bindings.lock.has_build ? bindings.lock.build_summary() : std::string("unknown")) +
          "); check CGO_ENABLED and GOFLAGS. lisette.toml and lisbind/ were left unchanged");
    }
    for (const auto& s : specs) {
      bool bound = std::any_of(bindings.lock.requests.begin(), bindings.lock.requests.end(),
                               [&](const emit::BindRequest& r) { return r.pattern == s.pattern; });
      if (!bound) {
        throw UserError("no package of " + s.pattern +
                        " was bound (build context: " + bindings.lock.build_summary() +
                        "); lisette.toml and lisbind/ were left unchanged");
      }
    }
  }
  for (const auto& [module, local] : locals) {
    bool load_errors = false;
    emit::Bindings made = local_bindings(go, local, run.project, progress, load_errors);
    if (load_errors) throw UserError(kLoadFailed);
    emit::merge_bindings(bindings, std::move(made));
  }
  emit::BindingLock& lock = bindings.lock;
  if (lock.files.empty())
    throw UserError("nothing was bound; lisette.toml and lisbind/ were left unchanged");
  std::vector<std::string> notes;
  const std::string manifest_text = emit::plan_manifest(run.project, lock, previous, notes);
  const LisetteManifest manifest =
      LisetteManifest::parse(manifest_text, (run.project / "lisette.toml").string());

  progress.step("writing vendored bindings to " + emit::vendor_dir(run.project).string() +
                " and lisette.toml");
  emit::commit_project(run.project, &bindings, manifest_text);
  print_notes(notes);
  progress.step("installing typedefs into lis's cache");
  emit::install_into_cache(run.project, lock, previous, manifest);

  if (!run.quiet) {
    std::cout << bindings.ledger_summary;
    std::cout << fmt::format("bound {} typedefs from {} modules into {} ({})\n", lock.files.size(),
                             lock.modules.size(), run.project.string(), lock.build_summary());
  }
  return 0;
}

// `sync` after the Go sources of local modules changed: those modules are loaded and mapped again
// (with go); every other binding comes from the vendored copy, offline.
int regenerate_local(const fs::path& project, const emit::BindingLock& lock,
                     const std::vector<std::string>& stale, bool quiet) {
  const Progress progress(!quiet && ::isatty(STDERR_FILENO));
  std::string names;
  for (const auto& m : stale) names += (names.empty() ? "" : ", ") + m;
  if (!quiet)
    std::cerr << "lisbind: the Go sources of " << names
              << " changed; regenerating their typedefs (this needs go)\n";
  auto vendored = emit::read_bindings_dir(emit::vendor_dir(project));
  if (!vendored) {
    throw UserError("the vendored bindings in " + emit::vendor_dir(project).string() +
                    " do not match lisbind.lock (see "
                    "`lisbind status`); restore them (e.g. `git checkout lisbind`) or run `lisbind "
                    "import` again");
  }
  project_overrides(project);
  std::map<std::string, LocalModule> locals;
  for (const auto& r : lock.requests) {
    if (r.is_local() && std::find(stale.begin(), stale.end(), r.module) != stale.end()) {
      add_local(locals, local_from_lock(r, project));
    }
  }
  emit::Bindings bindings =
      emit::without_local_modules(std::move(*vendored), {stale.begin(), stale.end()});
  SystemProcessRunner runner;
  GoToolchain go(runner);
  for (const auto& [module, local] : locals) {
    bool load_errors = false;
    emit::Bindings made = local_bindings(go, local, project, progress, load_errors);
    if (load_errors) {
      throw UserError("some packages of " + module +
                      " failed to load (see above); lisette.toml and lisbind/ were left "
                      "unchanged: fix the cause and run `lisbind sync` again");
    }
    emit::merge_bindings(bindings, std::move(made));
  }
  std::vector<std::string> notes;
  const std::string manifest_text = emit::plan_manifest(project, bindings.lock, &lock, notes);
  const LisetteManifest manifest =
      LisetteManifest::parse(manifest_text, (project / "lisette.toml").string());
  emit::commit_project(project, &bindings, manifest_text);
  print_notes(notes);
  emit::install_into_cache(project, bindings.lock, &lock, manifest);
  if (!quiet) {
    std::cout << fmt::format("regenerated the typedefs of {}; installed {} typedefs from {}\n",
                             names, bindings.lock.files.size(), emit::vendor_dir(project).string());
  }
  return 0;
}

struct ProjectOptions {
  std::string project;
  bool quiet = false;
};

void add_project_options(CLI::App& sub, ProjectOptions& o) {
  sub.add_option("-C,--project", o.project,
                 "The Lisette project (default: the one containing the current directory)");
  sub.add_flag("-q,--quiet", o.quiet, "Print nothing but errors");
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
    fs::path project = locate_project(o->project);
    ProjectLock lock(project);
    auto previous = read_project_lock(project);
    return run_import({project, o->quiet}, o->specs, previous ? &*previous : nullptr);
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
    fs::path project = locate_project(o->project);
    ProjectLock guard(project);
    auto lock = read_project_lock(project);
    if (!lock)
      throw UserError("no vendored bindings in " + emit::vendor_dir(project).string() +
                      "; run `lisbind import MODULE` first");
    if (auto stale = emit::stale_local_modules(project, *lock); !stale.empty()) {
      return regenerate_local(project, *lock, stale, o->quiet);
    }
    reinstall(project, *lock);
    if (!o->quiet)
      std::cout << fmt::format("installed {} typedefs from {}\n", lock->files.size(),
                               emit::vendor_dir(project).string());
    return 0;
  };
}

CommandAction setup_status(CLI::App& sub) {
  auto o = std::make_shared<ProjectOptions>();
  add_project_options(sub, *o);
  sub.footer(
      "Reports drift between lisette.toml, the vendored bindings and lis's cache; exits 1 when "
      "there is any.");
  return [o]() {
    fs::path project = locate_project(o->project);
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
    fs::path project = locate_project(o->project);
    ProjectLock guard(project);
    auto previous = read_project_lock(project);
    if (!previous) throw UserError("nothing to remove: this project has no lisbind bindings");
    // A directory names the local package (or module/...) that `lisbind import PATH` bound.
    const std::string name = names_local_directory(o->module)
                                 ? *resolve_local(o->module, project).patterns.begin()
                                 : o->module;
    emit::BindingLock rest = *previous;
    std::erase_if(rest.requests, [&](const emit::BindRequest& r) {
      return r.module == name || r.pattern == name || r.pattern == name + "/...";
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
    const LisetteManifest manifest =
        LisetteManifest::parse(text, (project / "lisette.toml").string());
    emit::commit_project(project, nullptr, text);
    emit::install_into_cache(project, rest, &*previous, manifest);
    if (!o->quiet) std::cout << "removed all lisbind bindings\n";
    return 0;
  };
}

}  // namespace lisbind::cli
