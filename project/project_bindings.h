// Bindings vendored in a Lisette project and installed where lis reads them.
//
//   <project>/lisbind/lisbind.lock     what was bound: requests, module versions, tool versions,
//                                      and a content hash per typedef file (commit this)
//   <project>/lisbind/ledger.json      the per-symbol ledger (commit this)
//   <project>/lisbind/typedefs/...     <module>@<version>/<rel>/<last>.d.lis (commit this)
//   <project>/target/.lisette/typedefs/lis@v<lis>/<goos>_<goarch>/...   lis's cache (generated)
//
// An import changes lisette.toml and lisbind/ together by a small journal (commit_project): both
// are staged beside their final names, `lisbind.commit` is written, then both are renamed into
// place. A run interrupted before the journal exists is rolled back by the next lisbind, one
// interrupted after it is rolled forward (recover_project), so the pair is always the complete
// old or the complete new state. Everything read from a lock is validated before it is used as
// a path.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "mapping/generator.h"
#include "model/api_model.h"
#include "project/lisette_manifest.h"

namespace lisbind::emit {

struct BindRequest {
  std::string pattern;  // as given to go/packages: a package, or `module/...` (import paths, also
                        // for local ones)
  std::string module;   // the module it resolved to
  std::string version;  // the version it resolved to; empty for a local module
  // A local module (`lisbind import PATH`): its directory as lisette.toml's `path =` says it,
  // relative to the project. Empty for a module from the proxy.
  std::string local = {};
  bool is_local() const { return !local.empty(); }
  std::string spec() const { return pattern + "@" + version; }
};

struct LockedModule {
  std::string version;           // empty for a local module
  std::vector<std::string> via;  // empty for a module the user asked for
  std::string local = {};        // a local module: `path =` as written in lisette.toml
  // A local module: local_module_hash of its sources when they were bound (16 hex digits).
  std::string source = {};
  bool is_local() const { return !local.empty(); }
};

// Where a local module's typedefs live, in lisbind/typedefs/ and in lis's cache:
// `replaced/<module>/local/` (docs/lis-facts.md §2.3).
std::string local_typedef_prefix(const std::string& module);

struct BindingLock {
  std::string lisbind_version, lis_version, go_version, goos, goarch;
  std::string rules_id;        // of the mapping rules that made the typedefs ("" in older locks)
  std::string overrides_hash;  // of lisbind-overrides.toml when the bindings were made ("" if none)
  std::vector<BindRequest> requests;
  std::map<std::string, LockedModule> modules;
  std::map<std::string, std::string> files;  // path below typedefs/ -> fnv1a hash of the content
  // The build context the model was loaded under: cgo on or off, and the build tags.
  bool cgo = false;
  std::vector<std::string> tags;
  bool has_build = false;  // false in older locks
  // Modules whose lisette.toml line lisbind wrote (the others were there before, the user's):
  // only those are ever removed. Older locks lack it; then every locked module counts as added.
  std::set<std::string> added;
  bool has_added = false;

  // The modules whose manifest line lisbind owns.
  std::set<std::string> owned_lines() const;
  std::string build_summary() const;  // "cgo on, tags a,b"

  nlohmann::json to_json() const;
  static BindingLock from_json(const nlohmann::json& j);
};

// What a project vendors: the lock and exactly the typedefs it lists, plus the ledger.
struct Bindings {
  BindingLock lock;
  std::vector<TypedefFile> files;  // the third-party typedefs, one per entry of lock.files
  std::string ledger_json;         // lisbind/ledger.json as written
  std::string ledger_summary;      // what `import` prints about it
};

inline constexpr const char* kVendorDir = "lisbind";

std::filesystem::path vendor_dir(const std::filesystem::path& project);

// What lisbind must add to the manifest: every module that holds an emitted package. Modules of
// requested packages are direct; the others name the requested modules in `via`. The standard
// library's typedefs are left out: lis ships its own. The packages of a local request's module go
// to local_typedef_prefix(module) and its lock entry records `local` and `local_source`.
Bindings make_bindings(const model::ApiModel& api, Generated generated,
                       std::vector<BindRequest> requests, const GeneratorInfo& info,
                       const std::string& local_source = {});

// Adds `more` (bindings made from another load: a local module, or the remote modules) to `into`.
// A module both need must be the same module at the same version; a typedef both made keeps the
// longer text (the load where its package was requested sees all of it). Throws UserError on a
// conflict.
void merge_bindings(Bindings& into, Bindings more);

// `bindings` without what the local modules `modules` brought: their requests, their typedefs,
// and modules only they needed (with their typedefs and ledger entries).
Bindings without_local_modules(Bindings bindings, const std::set<std::string>& modules);

// The locked local modules whose Go sources (local_module_hash) differ from what was bound.
std::vector<std::string> stale_local_modules(const std::filesystem::path& project,
                                             const BindingLock& lock);

// Nothing when the project has no vendored bindings. Throws UserError for an unreadable lock or
// one whose entries fail validation (paths leaving their directory, versions or targets that
// are not names, patterns that look like flags), with how to regenerate it.
std::optional<BindingLock> read_lock(const std::filesystem::path& project);

// The lisette.toml text an import would write, computed without writing anything: entries for
// the locked modules, removal of the lines only an older lock added. Sets `lock.added`. A line
// the user wrote is never removed; when its version has to change, `notes` says so.
std::string plan_manifest(const std::filesystem::path& project, BindingLock& lock,
                          const BindingLock* previous, std::vector<std::string>& notes);

// Replaces lisette.toml and lisbind/ together (lisbind/ is deleted when `bindings` is null),
// through the journal described above. Throws UserError when it cannot; the project is then
// unchanged, or (when a rename failed half-way) left for recover_project to finish.
void commit_project(const std::filesystem::path& project, const Bindings* bindings,
                    const std::string& manifest_text);

// Finishes or undoes what an interrupted commit left; removes staging leftovers. Call it holding
// the project lock before reading the lock file.
void recover_project(const std::filesystem::path& project);

// A one-line description of what an interrupted run left behind, for `status`; empty if nothing.
std::string interrupted_state(const std::filesystem::path& project);

// Stages lisbind/ beside the old one and swaps it in.
void write_vendored(const std::filesystem::path& project, const Bindings& bindings);

// The same layout (lisbind.lock, ledger.json, typedefs/) read back from `dir`, for the bindings
// cache. Nothing when it is absent, unreadable, or any typedef differs from its hash in the lock.
std::optional<Bindings> read_bindings_dir(const std::filesystem::path& dir);

// Writes `bindings` to `dir` in that layout, replacing it as a whole.
void write_bindings_dir(const std::filesystem::path& dir, const Bindings& bindings);

// Sets an entry for every locked module and removes entries that only an older lock put there.
// Returns the manifest as written (atomically).
LisetteManifest update_manifest(const std::filesystem::path& project, const BindingLock& lock,
                                const BindingLock* previous);

// Copies the vendored typedefs into lis's cache (removing files an older lock installed) and
// writes the warm stamp for the project's current imports. Needs no network.
void install_into_cache(const std::filesystem::path& project, const BindingLock& lock,
                        const BindingLock* previous, const LisetteManifest& manifest);

struct DriftReport {
  std::vector<std::string> problems;  // one line each, saying what and what to run
  bool clean() const { return problems.empty(); }
};

DriftReport check_drift(const std::filesystem::path& project, const BindingLock& lock,
                        const LisetteManifest& manifest);

}  // namespace lisbind::emit
