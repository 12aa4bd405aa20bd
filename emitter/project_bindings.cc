#include "emitter/project_bindings.h"

#include <unistd.h>

#include <algorithm>
#include <functional>
#include <set>

#include <nlohmann/json.hpp>

#include "emitter/warm_stamp.h"
#include "importer/errors.h"
#include "importer/file_util.h"

namespace lisbind::emit {
namespace fs = std::filesystem;
using nlohmann::json;

fs::path vendor_dir(const fs::path& project) { return project / kVendorDir; }

json BindingLock::to_json() const {
  json j = json::object();
  j["lockfile"] = 1;
  j["lisbind"] = lisbind_version;
  j["lis"] = lis_version;
  if (!rules_id.empty()) j["rules"] = rules_id;
  j["go"] = go_version;
  j["target"] = goos + "_" + goarch;
  if (!overrides_hash.empty()) j["overrides"] = overrides_hash;
  j["requests"] = json::array();
  for (const auto& r : requests) j["requests"].push_back({{"pattern", r.pattern}, {"module", r.module}, {"version", r.version}});
  j["modules"] = json::object();
  for (const auto& [m, e] : modules) {
    json entry = {{"version", e.version}};
    if (!e.via.empty()) entry["via"] = e.via;
    j["modules"][m] = entry;
  }
  j["files"] = files;
  return j;
}

BindingLock BindingLock::from_json(const json& j) {
  if (j.value("lockfile", 0) != 1) throw UserError("lisbind/lisbind.lock has an unknown format; regenerate with `lisbind import`");
  BindingLock l;
  l.lisbind_version = j.at("lisbind");
  l.lis_version = j.at("lis");
  l.rules_id = j.value("rules", std::string{});
  l.go_version = j.at("go");
  std::string target = j.at("target");
  l.goos = target.substr(0, target.find('_'));
  l.goarch = target.substr(target.find('_') + 1);
  l.overrides_hash = j.value("overrides", std::string{});
  for (const auto& r : j.at("requests")) l.requests.push_back({r.at("pattern"), r.at("module"), r.at("version")});
  for (const auto& [m, e] : j.at("modules").items()) {
    l.modules[m] = {e.at("version"), e.value("via", std::vector<std::string>{})};
  }
  l.files = j.at("files").get<std::map<std::string, std::string>>();
  return l;
}

Bindings make_bindings(const model::ApiModel& api, Generated generated, std::vector<BindRequest> requests,
                       const GeneratorInfo& info) {
  Bindings b;
  BindingLock& lock = b.lock;
  lock.lisbind_version = info.lisbind_version;
  lock.lis_version = info.lis_version;
  lock.rules_id = info.rules_id;
  lock.go_version = api.go_version;
  lock.goos = api.build.goos;
  lock.goarch = api.build.goarch;
  std::sort(requests.begin(), requests.end(), [](auto& a, auto& b) { return a.pattern < b.pattern; });
  lock.requests = std::move(requests);

  std::set<std::string> direct;
  for (const auto& r : lock.requests) direct.insert(r.module);
  std::vector<std::string> parents(direct.begin(), direct.end());
  for (auto& f : generated.files) {
    const model::Package* p = api.find_package(f.package);
    if (!p || p->std || !p->module) continue;
    const auto& m = *p->module;
    lock.modules[m.path] = {m.version, direct.contains(m.path) ? std::vector<std::string>{} : parents};
    lock.files[f.relative_path.generic_string()] = fnv1a_hex(f.text);
    b.files.push_back(std::move(f));
  }
  b.ledger_json = generated.ledger.to_json().dump(1) + "\n";
  b.ledger_summary = generated.ledger.summary(false);
  return b;
}

std::optional<BindingLock> read_lock(const fs::path& project) {
  fs::path file = vendor_dir(project) / "lisbind.lock";
  if (!fs::exists(file)) return std::nullopt;
  try {
    return BindingLock::from_json(json::parse(read_file(file)));
  } catch (const json::exception& e) {
    throw UserError(file.string() + " is not a lisbind lock file (" + e.what() + "); regenerate with `lisbind import`");
  }
}

namespace {

constexpr const char* kSummaryFile = "ledger-summary.txt";

// Only ever called on a staging directory, which replace_directory then moves into place whole.
void write_layout(const fs::path& dir, const Bindings& b, bool with_summary) {
  for (const auto& f : b.files) write_file(dir / "typedefs" / f.relative_path, f.text);
  write_file(dir / "ledger.json", b.ledger_json);
  if (with_summary) write_file(dir / kSummaryFile, b.ledger_summary);
  write_file(dir / "lisbind.lock", b.lock.to_json().dump(1) + "\n");
}

// Builds `final_dir` beside itself under a per-process name and swaps it in by renames, so an
// interrupted run leaves the old directory or the new one, never a mix. Leftovers of runs killed
// mid-write are removed first; nothing reads them.
void replace_directory(const fs::path& final_dir, const std::function<void(const fs::path&)>& fill) {
  const std::string base = final_dir.filename().string();
  const fs::path parent = final_dir.parent_path();
  fs::path staging = parent / (base + ".new-" + std::to_string(::getpid()));
  fs::path old = parent / (base + ".old-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::create_directories(parent, ec);
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(base + ".new-") || name.starts_with(base + ".old-")) fs::remove_all(entry.path(), ec);
  }
  fill(staging);
  if (fs::exists(final_dir)) fs::rename(final_dir, old);
  fs::rename(staging, final_dir);
  fs::remove_all(old, ec);
}

}  // namespace

void write_vendored(const fs::path& project, const Bindings& bindings) {
  replace_directory(vendor_dir(project), [&](const fs::path& dir) { write_layout(dir, bindings, false); });
}

void write_bindings_dir(const fs::path& dir, const Bindings& bindings) {
  replace_directory(dir, [&](const fs::path& staging) { write_layout(staging, bindings, true); });
}

std::optional<Bindings> read_bindings_dir(const fs::path& dir) {
  std::string lock_text = read_file_if_exists(dir / "lisbind.lock");
  if (lock_text.empty()) return std::nullopt;
  Bindings b;
  try {
    b.lock = BindingLock::from_json(json::parse(lock_text));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  for (const auto& [rel, hash] : b.lock.files) {
    std::string text = read_file_if_exists(dir / "typedefs" / rel);
    if (fnv1a_hex(text) != hash) return std::nullopt;
    b.files.push_back({"", fs::path(rel), std::move(text)});
  }
  b.ledger_json = read_file_if_exists(dir / "ledger.json");
  b.ledger_summary = read_file_if_exists(dir / kSummaryFile);
  if (b.ledger_json.empty()) return std::nullopt;
  return b;
}

LisetteManifest update_manifest(const fs::path& project, const BindingLock& lock, const BindingLock* previous) {
  LisetteManifest manifest = LisetteManifest::load(project / "lisette.toml");
  if (previous) {
    for (const auto& [module, entry] : previous->modules) {
      if (!lock.modules.contains(module)) manifest.remove_go_dependency(module);
    }
  }
  for (const auto& [module, entry] : lock.modules) {
    const auto& existing = manifest.go_dependencies();
    auto it = existing.find(module);
    // A replacement or local path the user declared is theirs to keep.
    if (it != existing.end() && (!it->second.replacement.empty() || it->second.is_local())) continue;
    manifest.set_go_dependency({module, entry.version, "", "", entry.via});
  }
  write_file_atomically(project / "lisette.toml", manifest.text());
  return manifest;
}

namespace {
fs::path cache_dir_for(const fs::path& project, const BindingLock& lock) {
  return typedef_cache_dir(project, lock.lis_version, lock.goos, lock.goarch);
}
}  // namespace

void install_into_cache(const fs::path& project, const BindingLock& lock, const BindingLock* previous,
                        const LisetteManifest& manifest) {
  fs::path cache = cache_dir_for(project, lock);
  std::error_code ec;
  if (previous) {
    for (const auto& [rel, hash] : previous->files) {
      if (lock.files.contains(rel)) continue;
      fs::remove(cache / rel, ec);
      // Directories the removed file leaves empty go too, up to the cache root.
      for (fs::path dir = (cache / rel).parent_path(); dir != cache && fs::is_empty(dir, ec); dir = dir.parent_path()) {
        fs::remove(dir, ec);
      }
    }
  }
  for (const auto& [rel, hash] : lock.files) {
    fs::path source = vendor_dir(project) / "typedefs" / rel;
    if (!fs::exists(source)) {
      throw UserError("the vendored typedef " + source.string() + " is missing; run `lisbind import` to regenerate");
    }
    // A file already in place is left alone: re-importing pinned versions then renames nothing.
    std::string text = read_file(source);
    if (read_file_if_exists(cache / rel) != text) write_file_atomically(cache / rel, text);
  }
  std::string stamp = warm_stamp_text(scan_go_imports(project), manifest);
  if (read_file_if_exists(cache / ".warm-stamp") != stamp) write_file_atomically(cache / ".warm-stamp", stamp);
}

DriftReport check_drift(const fs::path& project, const BindingLock& lock, const LisetteManifest& manifest) {
  DriftReport r;
  const auto& deps = manifest.go_dependencies();
  for (const auto& [module, entry] : lock.modules) {
    auto it = deps.find(module);
    if (it == deps.end()) {
      r.problems.push_back("lisette.toml lacks " + module + " " + entry.version + " (run `lisbind sync`)");
    } else if (it->second.replacement.empty() && !it->second.is_local() && it->second.version != entry.version) {
      r.problems.push_back("lisette.toml has " + module + " " + it->second.version + " but the bindings are for " +
                           entry.version + " (run `lisbind import " + module + "@" + it->second.version + "`)");
    }
  }
  fs::path cache = cache_dir_for(project, lock);
  for (const auto& [rel, hash] : lock.files) {
    fs::path vendored = vendor_dir(project) / "typedefs" / rel;
    std::string text = read_file_if_exists(vendored);
    if (text.empty() && !fs::exists(vendored)) {
      r.problems.push_back("vendored typedef missing: " + vendored.string() + " (run `lisbind import`)");
      continue;
    }
    if (fnv1a_hex(text) != hash) r.problems.push_back("vendored typedef edited since lisbind wrote it: " + vendored.string());
    if (read_file_if_exists(cache / rel) != text) {
      r.problems.push_back("lis's cache differs from the vendored typedef " + rel + " (run `lisbind sync`)");
    }
  }
  std::string stamp = read_file_if_exists(cache / ".warm-stamp");
  if (stamp != warm_stamp_text(scan_go_imports(project), manifest)) {
    r.problems.push_back("the warm stamp does not match src/ imports and lisette.toml, so lis would regenerate the "
                         "typedefs with its own bindgen (run `lisbind sync`)");
  }
  return r;
}

}  // namespace lisbind::emit
