#include "project/project_bindings.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "base/errors.h"
#include "base/file_util.h"
#include "project/warm_stamp.h"

namespace lisbind::emit {
namespace fs = std::filesystem;
using nlohmann::json;

fs::path vendor_dir(const fs::path& project) { return project / kVendorDir; }

std::string local_typedef_prefix(const std::string& module) {
  return "replaced/" + module + "/local/";
}

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
  for (const auto& r : requests) {
    json entry = {{"pattern", r.pattern}, {"module", r.module}, {"version", r.version}};
    if (r.is_local()) entry["local"] = r.local;
    j["requests"].push_back(entry);
  }
  j["modules"] = json::object();
  for (const auto& [m, e] : modules) {
    json entry = {{"version", e.version}};
    if (!e.via.empty()) entry["via"] = e.via;
    if (e.is_local()) {
      entry["local"] = e.local;
      entry["source"] = e.source;
    }
    j["modules"][m] = entry;
  }
  j["files"] = files;
  if (has_build) j["build"] = {{"cgo", cgo}, {"tags", tags}};
  if (has_added) j["manifest_lines"] = added;
  return j;
}

std::set<std::string> BindingLock::owned_lines() const {
  if (has_added) return added;
  std::set<std::string> all;
  for (const auto& [m, e] : modules) all.insert(m);
  return all;
}

std::string BindingLock::build_summary() const {
  if (!has_build) return "build context not recorded";
  std::string out = std::string("cgo ") + (cgo ? "on" : "off") + ", tags ";
  if (tags.empty()) return out + "none";
  for (size_t i = 0; i < tags.size(); ++i) out += (i ? "," : "") + tags[i];
  return out;
}

namespace {

const char* const kRegenerate =
    "; regenerate it: delete lisbind/ and run `lisbind import MODULE@VERSION` for each module you "
    "bound";

UserError invalid_lock(const std::string& why) {
  return UserError("lisbind/lisbind.lock is invalid: " + why + kRegenerate);
}

bool only_chars(const std::string& s, const char* extra) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::strchr(extra, c) != nullptr;
  });
}

// A Go module path as a lock may hold it: path characters only, no flag, no `..` element.
void check_module_path(const std::string& m, const std::string& what) {
  if (!only_chars(m, "._~/+-") || m.front() == '-' || m.front() == '.' || m.front() == '/') {
    throw invalid_lock(what + " '" + m + "' is not a Go module path");
  }
  try {
    checked_relative_path(m, what);
  } catch (const UserError& e) {
    throw invalid_lock(e.what());
  }
}

void check_version(const std::string& v, const std::string& what) {
  if (!only_chars(v, ".+-") || v.front() != 'v')
    throw invalid_lock(what + " '" + v + "' is not a module version");
}

// A local module's directory as lisette.toml holds it: it may leave the project (`../shop`), since
// lisbind only reads Go sources there, but it is a plain path, never a flag or a line break.
void check_local_path(const std::string& p, const std::string& what) {
  bool plain = !p.empty() && p.front() != '-' && std::none_of(p.begin(), p.end(), [](char c) {
    return std::iscntrl(static_cast<unsigned char>(c)) || c == '"' || c == '\\';
  });
  if (!plain) throw invalid_lock(what + " '" + p + "' is not a directory path");
}

bool is_hex16(const std::string& h) {
  return h.size() == 16 && std::all_of(h.begin(), h.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
         });
}

void validate(const BindingLock& l) {
  if (!only_chars(l.lis_version, ".+-") || l.lis_version.find("..") != std::string::npos ||
      l.lis_version.front() == '.') {
    throw invalid_lock("lis version '" + l.lis_version + "' is not a version");
  }
  if (!only_chars(l.goos, "") || !only_chars(l.goarch, "")) {
    throw invalid_lock("target '" + l.goos + "_" + l.goarch + "' is not GOOS_GOARCH");
  }
  for (const auto& r : l.requests) {
    std::string pattern =
        r.pattern.ends_with("/...") ? r.pattern.substr(0, r.pattern.size() - 4) : r.pattern;
    check_module_path(pattern, "request");
    check_module_path(r.module, "request module");
    if (r.is_local()) {
      check_local_path(r.local, "request directory");
      if (!r.version.empty())
        throw invalid_lock("the local request " + r.pattern + " has a version");
    } else {
      check_version(r.version, "request version");
    }
  }
  for (const auto& [m, e] : l.modules) {
    check_module_path(m, "module");
    if (e.is_local()) {
      check_local_path(e.local, "directory of " + m);
      if (!e.version.empty()) throw invalid_lock("the local module " + m + " has a version");
      if (!is_hex16(e.source))
        throw invalid_lock("the source hash of " + m + " is not 16 hex digits");
    } else {
      check_version(e.version, "version of " + m);
    }
    for (const auto& v : e.via) check_module_path(v, "via of " + m);
  }
  for (const auto& [rel, hash] : l.files) {
    try {
      checked_relative_path(rel, "files entry");
    } catch (const UserError& e) {
      throw invalid_lock(e.what());
    }
    if (hash.size() != 16 || !only_chars(hash, ""))
      throw invalid_lock("the hash of " + rel + " is not 16 hex digits");
    // Each typedef sits where lis reads its module's packages: `<module>@<version>/...` for a
    // module from the proxy, `replaced/<module>/local/...` for a local one.
    bool placed =
        rel.ends_with(".d.lis") &&
        std::any_of(l.modules.begin(), l.modules.end(), [&](const auto& m) {
          return rel.starts_with(m.second.is_local() ? local_typedef_prefix(m.first)
                                                     : m.first + "@" + m.second.version + "/");
        });
    if (!placed)
      throw invalid_lock("the typedef " + rel + " is not below the directory of a locked module");
  }
  for (const auto& m : l.added) check_module_path(m, "manifest line");
}

}  // namespace

BindingLock BindingLock::from_json(const json& j) {
  if (!j.is_object() || !j.contains("lockfile") || j.at("lockfile") != 1) {
    throw UserError(std::string("lisbind/lisbind.lock has an unknown format") + kRegenerate);
  }
  BindingLock l;
  l.lisbind_version = j.at("lisbind");
  l.lis_version = j.at("lis");
  l.rules_id = j.value("rules", std::string{});
  l.go_version = j.at("go");
  std::string target = j.at("target");
  if (target.find('_') == std::string::npos)
    throw invalid_lock("target '" + target + "' is not GOOS_GOARCH");
  l.goos = target.substr(0, target.find('_'));
  l.goarch = target.substr(target.find('_') + 1);
  l.overrides_hash = j.value("overrides", std::string{});
  for (const auto& r : j.at("requests")) {
    l.requests.push_back({.pattern = r.at("pattern"),
                          .module = r.at("module"),
                          .version = r.at("version"),
                          .local = r.value("local", std::string{})});
  }
  for (const auto& [m, e] : j.at("modules").items()) {
    l.modules[m] = {.version = e.at("version"),
                    .via = e.value("via", std::vector<std::string>{}),
                    .local = e.value("local", std::string{}),
                    .source = e.value("source", std::string{})};
  }
  l.files = j.at("files").get<std::map<std::string, std::string>>();
  if (j.contains("build")) {
    l.has_build = true;
    l.cgo = j.at("build").at("cgo").get<bool>();
    l.tags = j.at("build").at("tags").get<std::vector<std::string>>();
  }
  if (j.contains("manifest_lines")) {
    l.has_added = true;
    l.added = j.at("manifest_lines").get<std::set<std::string>>();
  }
  validate(l);
  return l;
}

Bindings make_bindings(const model::ApiModel& api, Generated generated,
                       std::vector<BindRequest> requests, const GeneratorInfo& info,
                       const std::string& local_source) {
  Bindings b;
  BindingLock& lock = b.lock;
  lock.lisbind_version = info.lisbind_version;
  lock.lis_version = info.lis_version;
  lock.rules_id = info.rules_id;
  lock.go_version = api.go_version;
  lock.goos = api.build.goos;
  lock.goarch = api.build.goarch;
  lock.has_build = true;
  lock.cgo = api.build.cgo;
  lock.tags = api.build.tags;
  std::sort(requests.begin(), requests.end(),
            [](auto& a, auto& b) { return a.pattern < b.pattern; });
  lock.requests = std::move(requests);

  std::set<std::string> direct;
  std::map<std::string, std::string> local_dirs;  // local module -> `path =`
  for (const auto& r : lock.requests) {
    direct.insert(r.module);
    if (r.is_local()) local_dirs[r.module] = r.local;
  }
  std::vector<std::string> parents(direct.begin(), direct.end());
  for (auto& f : generated.files) {
    const model::Package* p = api.find_package(f.package);
    if (!p || p->std || !p->module) continue;
    const auto& m = *p->module;
    if (auto local = local_dirs.find(m.path); local != local_dirs.end()) {
      // lis reads a `path =` module's packages from replaced/<module>/local/<rel>/<last>.d.lis.
      std::string rel = p->path == m.path ? std::string{} : p->path.substr(m.path.size() + 1) + "/";
      f.relative_path = local_typedef_prefix(m.path) + rel + f.relative_path.filename().string();
      lock.modules[m.path] = {
          .version = "", .via = {}, .local = local->second, .source = local_source};
    } else {
      lock.modules[m.path] = {
          .version = m.version,
          .via = direct.contains(m.path) ? std::vector<std::string>{} : parents};
    }
    lock.files[f.relative_path.generic_string()] = fnv1a_hex(f.text);
    b.files.push_back(std::move(f));
  }
  b.ledger_json = generated.ledger.to_json().dump(1) + "\n";
  b.ledger_summary = generated.ledger.summary(false);
  return b;
}

namespace {

// The import path of the package a typedef in the tree is for: `<root>/<rel>/<last>.d.lis` is
// `<module>/<rel>`, `<root>/<last>.d.lis` is `<module>`.
std::string package_of_file(const std::string& rel, const std::string& root,
                            const std::string& module) {
  std::string below = rel.substr(root.size());
  auto slash = below.rfind('/');
  return slash == std::string::npos ? module : module + "/" + below.substr(0, slash);
}

// The typedef root of a locked module in the tree.
std::string module_root(const std::string& module, const LockedModule& e) {
  return e.is_local() ? local_typedef_prefix(module) : module + "@" + e.version + "/";
}

json parse_ledger(const std::string& text) {
  json j = text.empty() ? json::object() : json::parse(text, nullptr, false);
  if (!j.is_object()) j = json::object();
  if (!j.contains("packages") || !j["packages"].is_object()) j["packages"] = json::object();
  return j;
}

std::string write_ledger(json j) {
  int bound = 0, opaque = 0, skipped = 0;
  for (const auto& [package, entries] : j["packages"].items()) {
    for (const auto& e : entries) {
      std::string status = e.value("status", std::string{});
      (status == "skipped" ? skipped : status == "opaque" ? opaque : bound) += 1;
    }
  }
  j["ledger"] = 1;
  j["totals"] = {{"bound", bound}, {"opaque", opaque}, {"skipped", skipped}};
  return j.dump(1) + "\n";
}

}  // namespace

void merge_bindings(Bindings& into, Bindings more) {
  BindingLock& a = into.lock;
  const BindingLock& b = more.lock;
  if (a.lisbind_version.empty()) {
    BindingLock header = b;
    header.requests.clear();
    header.modules.clear();
    header.files.clear();
    header.added.clear();
    a = header;
  }
  for (const auto& [module, e] : b.modules) {
    auto it = a.modules.find(module);
    if (it == a.modules.end()) {
      a.modules[module] = e;
      continue;
    }
    LockedModule& mine = it->second;
    if (mine.is_local() != e.is_local() || mine.version != e.version || mine.local != e.local) {
      auto where = [](const LockedModule& m) {
        return m.is_local() ? "the local directory " + m.local : m.version;
      };
      throw UserError(module + " is needed both at " + where(mine) + " and at " + where(e) +
                      " by the modules being bound; lis builds one version of a module: bind them "
                      "at matching versions");
    }
    if (mine.via.empty() || e.via.empty()) {
      mine.via.clear();  // direct for one load: direct
    } else {
      std::set<std::string> via(mine.via.begin(), mine.via.end());
      via.insert(e.via.begin(), e.via.end());
      mine.via.assign(via.begin(), via.end());
    }
  }
  for (auto& r : more.lock.requests) {
    bool known = std::any_of(a.requests.begin(), a.requests.end(),
                             [&](const BindRequest& x) { return x.pattern == r.pattern; });
    if (!known) a.requests.push_back(r);
  }
  std::sort(a.requests.begin(), a.requests.end(),
            [](auto& x, auto& y) { return x.pattern < y.pattern; });
  for (auto& f : more.files) {
    std::string rel = f.relative_path.generic_string();
    auto it = std::find_if(into.files.begin(), into.files.end(), [&](const TypedefFile& x) {
      return x.relative_path == f.relative_path;
    });
    if (it == into.files.end()) {
      a.files[rel] = fnv1a_hex(f.text);
      into.files.push_back(std::move(f));
    } else if (f.text.size() > it->text.size()) {
      a.files[rel] = fnv1a_hex(f.text);
      *it = std::move(f);
    }
  }
  std::sort(into.files.begin(), into.files.end(),
            [](auto& x, auto& y) { return x.relative_path < y.relative_path; });
  json ledger = parse_ledger(into.ledger_json);
  // Held in a variable: a range-for over a member of the temporary parse_ledger returns would
  // iterate a destroyed object.
  const json more_ledger = parse_ledger(more.ledger_json);
  for (const auto& [package, entries] : more_ledger["packages"].items()) {
    if (!ledger["packages"].contains(package)) ledger["packages"][package] = entries;
  }
  into.ledger_json = write_ledger(std::move(ledger));
  into.ledger_summary += more.ledger_summary;
}

Bindings without_local_modules(Bindings bindings, const std::set<std::string>& modules) {
  BindingLock& lock = bindings.lock;
  std::erase_if(lock.requests,
                [&](const BindRequest& r) { return r.is_local() && modules.contains(r.module); });
  std::set<std::string> dropped;
  for (auto& [module, e] : lock.modules) {
    if (e.is_local() && modules.contains(module)) {
      dropped.insert(module);
    } else if (!e.via.empty()) {
      // Needed only through the dropped modules: goes with them.
      std::erase_if(e.via, [&](const std::string& v) { return modules.contains(v); });
      if (e.via.empty()) dropped.insert(module);
    }
  }
  std::set<std::string> dropped_files, dropped_packages;
  for (const auto& module : dropped) {
    std::string root = module_root(module, lock.modules.at(module));
    for (const auto& [rel, hash] : lock.files) {
      if (!rel.starts_with(root)) continue;
      dropped_files.insert(rel);
      dropped_packages.insert(package_of_file(rel, root, module));
    }
    lock.modules.erase(module);
  }
  for (const auto& rel : dropped_files) lock.files.erase(rel);
  std::erase_if(bindings.files, [&](const TypedefFile& f) {
    return dropped_files.contains(f.relative_path.generic_string());
  });
  json ledger = parse_ledger(bindings.ledger_json);
  for (const auto& p : dropped_packages) ledger["packages"].erase(p);
  bindings.ledger_json = write_ledger(std::move(ledger));
  return bindings;
}

std::vector<std::string> stale_local_modules(const fs::path& project, const BindingLock& lock) {
  std::vector<std::string> stale;
  for (const auto& [module, e] : lock.modules) {
    if (e.is_local() && local_module_hash(project / e.local) != e.source) stale.push_back(module);
  }
  return stale;
}

std::optional<BindingLock> read_lock(const fs::path& project) {
  fs::path file = vendor_dir(project) / "lisbind.lock";
  if (!fs::exists(file)) return std::nullopt;
  try {
    return BindingLock::from_json(json::parse(read_file(file)));
  } catch (const json::exception& e) {
    std::string why = e.what();
    std::replace(why.begin(), why.end(), '\n', ' ');
    throw UserError("lisbind/lisbind.lock is not a lisbind lock file (" + why + ")" + kRegenerate);
  }
}

namespace {

constexpr const char* kSummaryFile = "ledger-summary.txt";

// Only ever called on a staging directory, which replace_directory then moves into place whole.
void write_layout(const fs::path& dir, const Bindings& b, bool with_summary) {
  for (const auto& f : b.files) {
    write_file(
        dir / "typedefs" / checked_relative_path(f.relative_path.generic_string(), "a typedef"),
        f.text);
  }
  write_file(dir / "ledger.json", b.ledger_json);
  if (with_summary) write_file(dir / kSummaryFile, b.ledger_summary);
  write_file(dir / "lisbind.lock", b.lock.to_json().dump(1) + "\n");
}

// Builds `final_dir` beside itself under a per-process name and swaps it in by renames, so an
// interrupted run leaves the old directory or the new one, never a mix. What runs killed earlier
// left is dealt with first: a backup whose directory is missing (killed between the two renames)
// is restored, other leftovers are removed.
void replace_directory(const fs::path& final_dir,
                       const std::function<void(const fs::path&)>& fill) {
  const std::string base = final_dir.filename().string();
  const fs::path parent = final_dir.parent_path();
  fs::path staging = parent / (base + ".new-" + std::to_string(::getpid()));
  fs::path old = parent / (base + ".old-" + std::to_string(::getpid()));
  std::error_code ec;
  fs::create_directories(parent, ec);
  std::vector<fs::path> leftovers;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(base + ".old-") && !fs::exists(final_dir)) {
      fault_point("restore " + entry.path().string());
      fs::rename(entry.path(), final_dir, ec);
      if (!ec) continue;
    }
    if (name.starts_with(base + ".new-") || name.starts_with(base + ".old-"))
      leftovers.push_back(entry.path());
  }
  for (const auto& p : leftovers) fs::remove_all(p, ec);
  fill(staging);
  fault_point("rename " + final_dir.string() + " aside");
  if (fs::exists(final_dir)) fs::rename(final_dir, old);
  fault_point("rename staging into " + final_dir.string());
  fs::rename(staging, final_dir);
  fault_point("remove " + old.string());
  fs::remove_all(old, ec);
}

}  // namespace

void write_vendored(const fs::path& project, const Bindings& bindings) {
  replace_directory(vendor_dir(project),
                    [&](const fs::path& dir) { write_layout(dir, bindings, false); });
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
    b.files.push_back({.package = "", .relative_path = fs::path(rel), .text = std::move(text)});
  }
  b.ledger_json = read_file_if_exists(dir / "ledger.json");
  b.ledger_summary = read_file_if_exists(dir / kSummaryFile);
  if (b.ledger_json.empty() || !json::accept(b.ledger_json)) return std::nullopt;
  return b;
}

std::string plan_manifest(const fs::path& project, BindingLock& lock, const BindingLock* previous,
                          std::vector<std::string>& notes) {
  LisetteManifest manifest = LisetteManifest::load(project / "lisette.toml");
  const std::set<std::string> owned = previous ? previous->owned_lines() : std::set<std::string>{};
  if (previous) {
    for (const auto& [module, entry] : previous->modules) {
      if (!lock.modules.contains(module) && owned.contains(module) &&
          !manifest.remove_go_dependency(module) && manifest.go_dependencies().contains(module)) {
        throw UserError((project / "lisette.toml").string() + " declares " + module +
                        " as a [dependencies.go.\"...\"] "
                        "table; write it as one line so lisbind can remove it");
      }
    }
  }
  std::set<std::string> added;
  for (const auto& [module, entry] : lock.modules) {
    const auto& existing = manifest.go_dependencies();
    auto it = existing.find(module);
    if (entry.is_local()) {
      // `lisbind import PATH`: the module is read from that directory. A line the user wrote for
      // it is changed only when it says something else, and then they are told.
      if (it != existing.end() && it->second.path == entry.local) {
        if (owned.contains(module)) added.insert(module);
        continue;
      }
      if (it != existing.end() && !owned.contains(module)) {
        notes.push_back("changed your line for " + module + " in lisette.toml to path = \"" +
                        entry.local + "\" (it is bound from that directory)");
      } else {
        added.insert(module);
      }
      manifest.set_go_dependency(
          {.module = module, .version = "", .replacement = "", .path = entry.local, .via = {}});
      continue;
    }
    // A replacement or local path the user declared is theirs to keep.
    if (it != existing.end() && (!it->second.replacement.empty() || it->second.is_local()))
      continue;
    if (it != existing.end() && !owned.contains(module)) {
      // The user's own line: left as written unless the bindings need another version.
      if (it->second.version != entry.version) {
        notes.push_back("changed your pin of " + module + " in lisette.toml from " +
                        it->second.version + " to " + entry.version +
                        " (the bound modules need it)");
        GoDependency dep = it->second;
        dep.version = entry.version;
        manifest.set_go_dependency(dep);
      }
      continue;
    }
    manifest.set_go_dependency({.module = module,
                                .version = entry.version,
                                .replacement = "",
                                .path = "",
                                .via = entry.via});
    added.insert(module);
  }
  lock.added = std::move(added);
  lock.has_added = true;
  return manifest.text();
}

LisetteManifest update_manifest(const fs::path& project, const BindingLock& lock,
                                const BindingLock* previous) {
  BindingLock planned = lock;
  std::vector<std::string> notes;
  std::string text = plan_manifest(project, planned, previous, notes);
  if (read_file_if_exists(project / "lisette.toml") != text)
    write_file_atomically(project / "lisette.toml", text);
  return LisetteManifest::parse(text, (project / "lisette.toml").string());
}

namespace {

constexpr const char* kJournal = "lisbind.commit";
constexpr const char* kManifestNew = "lisette.toml.lisbind-new";

fs::path staging_dir(const fs::path& project) {
  return project / (std::string(kVendorDir) + ".new");
}
fs::path backup_dir(const fs::path& project) {
  return project / (std::string(kVendorDir) + ".old");
}

void step_rename(const fs::path& from, const fs::path& to) {
  fault_point("rename " + from.string() + " -> " + to.string());
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec)
    throw UserError("cannot rename " + from.string() + " to " + to.string() + ": " + ec.message());
}

void step_remove_all(const fs::path& p) {
  if (!fs::exists(fs::symlink_status(p))) return;
  fault_point("remove " + p.string());
  std::error_code ec;
  fs::remove_all(p, ec);
}

// The journal exists: both new versions are complete; put them in place.
void roll_forward(const fs::path& project) {
  const fs::path final_dir = vendor_dir(project), staging = staging_dir(project),
                 old = backup_dir(project);
  const std::string journal = read_file_if_exists(project / kJournal);
  if (fs::exists(project / kManifestNew))
    step_rename(project / kManifestNew, project / "lisette.toml");
  if (journal.find("vendor=delete") != std::string::npos) {
    if (fs::exists(final_dir)) {
      step_remove_all(old);
      step_rename(final_dir, old);
    }
  } else if (fs::exists(staging)) {
    if (fs::exists(final_dir)) {
      step_remove_all(old);
      step_rename(final_dir, old);
    }
    step_rename(staging, final_dir);
  }
  fault_point("remove journal");
  fs::remove(project / kJournal);
  step_remove_all(old);
}

// No journal: whatever was staged never became the new state; the old one stays.
void roll_back(const fs::path& project) {
  const fs::path final_dir = vendor_dir(project);
  std::error_code ec;
  step_remove_all(staging_dir(project));
  step_remove_all(project / kManifestNew);
  std::vector<fs::path> backups, leftovers;
  for (const auto& entry : fs::directory_iterator(project, ec)) {
    std::string name = entry.path().filename().string();
    if (name == std::string(kVendorDir) + ".old" ||
        name.starts_with(std::string(kVendorDir) + ".old-")) {
      backups.push_back(entry.path());
    } else if (name.starts_with(std::string(kVendorDir) + ".new-") ||
               name.starts_with("lisette.toml.tmp-") ||
               name.starts_with(std::string(kJournal) + ".tmp-")) {
      leftovers.push_back(entry.path());
    }
  }
  for (const auto& b : backups) {
    // Killed between moving lisbind/ aside and moving the new one in: the backup is the old state.
    if (!fs::exists(final_dir)) {
      step_rename(b, final_dir);
    } else {
      leftovers.push_back(b);
    }
  }
  for (const auto& l : leftovers) step_remove_all(l);
}

}  // namespace

void recover_project(const fs::path& project) {
  if (fs::exists(project / kJournal)) {
    roll_forward(project);
  } else {
    roll_back(project);
  }
}

std::string interrupted_state(const fs::path& project) {
  if (fs::exists(project / kJournal)) {
    return "an interrupted lisbind run left a half-applied update (" +
           (project / kJournal).string() + "); run `lisbind sync` to finish it";
  }
  if (!fs::exists(vendor_dir(project))) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(project, ec)) {
      if (entry.path().filename().string().starts_with(std::string(kVendorDir) + ".old")) {
        return "an interrupted lisbind run left lisbind/ moved aside to " + entry.path().string() +
               "; run `lisbind sync` to restore it";
      }
    }
  }
  return {};
}

void commit_project(const fs::path& project, const Bindings* bindings,
                    const std::string& manifest_text) {
  recover_project(project);
  const fs::path staging = staging_dir(project);
  try {
    if (bindings) write_layout(staging, *bindings, false);
    write_file(project / kManifestNew, manifest_text);
  } catch (...) {
    roll_back(project);
    throw;
  }
  // The commit point: from here on, the next lisbind completes the update instead of undoing it.
  write_file_atomically(project / kJournal, bindings ? "vendor=replace\n" : "vendor=delete\n");
  try {
    roll_forward(project);
  } catch (const UserError& e) {
    // Nothing renamed yet (lisette.toml goes first): undo, the project is unchanged.
    if (fs::exists(project / kManifestNew)) {
      std::error_code ec;
      fs::remove(project / kJournal, ec);
      roll_back(project);
      throw;
    }
    throw UserError(
        std::string(e.what()) +
        "; lisette.toml is updated but lisbind/ is not: fix that and run `lisbind sync`");
  }
}

namespace {
fs::path cache_dir_for(const fs::path& project, const BindingLock& lock) {
  return typedef_cache_dir(project, lock.lis_version, lock.goos, lock.goarch);
}
}  // namespace

void install_into_cache(const fs::path& project, const BindingLock& lock,
                        const BindingLock* previous, const LisetteManifest& manifest) {
  fs::path cache = cache_dir_for(project, lock);
  const fs::path typedefs = vendor_dir(project) / "typedefs";
  // Everything is checked before the first write: a vendored file edited by hand (which `status`
  // reports) is refused, not installed.
  std::vector<std::pair<fs::path, std::string>> installs;
  for (const auto& [rel, hash] : lock.files) {
    fs::path source = path_under(typedefs, rel, "lisbind/lisbind.lock");
    fs::path target = path_under(cache, rel, "lisbind/lisbind.lock");
    if (!fs::exists(source)) {
      throw UserError("the vendored typedef " + source.string() +
                      " is missing; restore lisbind/ (e.g. `git checkout "
                      "lisbind`) or run `lisbind import` to regenerate");
    }
    std::string text = read_file(source);
    if (fnv1a_hex(text) != hash) {
      throw UserError("the vendored typedef " + source.string() +
                      " was edited since lisbind wrote it; restore it "
                      "(e.g. `git checkout lisbind`) or run `lisbind import` to regenerate, or put "
                      "the correction in "
                      "lisbind-overrides.toml");
    }
    installs.emplace_back(target, std::move(text));
  }
  std::vector<fs::path> removals;
  if (previous) {
    for (const auto& [rel, hash] : previous->files) {
      if (lock.files.contains(rel)) continue;
      removals.push_back(path_under(cache, rel, "lisbind/lisbind.lock"));
      if (rel.starts_with("replaced/")) removals.push_back(local_stamp_sidecar(removals.back()));
    }
  }
  std::error_code ec;
  for (const auto& file : removals) {
    fault_point("remove " + file.string());
    fs::remove(file, ec);
    // Directories the removed file leaves empty go too, up to the cache root.
    for (fs::path dir = file.parent_path(); dir != cache && fs::is_empty(dir, ec);
         dir = dir.parent_path()) {
      fs::remove(dir, ec);
    }
  }
  // The value lis gates local typedefs with: each gets it as its `.stamp` sidecar, or lis would
  // delete lisbind's file on the next load (docs/lis-facts.md §3.3).
  const std::string local_stamp = local_source_stamp(manifest, project);
  for (const auto& [target, text] : installs) {
    // A file already in place is left alone: re-importing pinned versions then renames nothing.
    if (read_file_if_exists(target) != text) write_file_atomically(target, text);
  }
  for (const auto& [rel, hash] : lock.files) {
    if (!rel.starts_with("replaced/") || local_stamp.empty()) continue;
    fs::path sidecar = local_stamp_sidecar(path_under(cache, rel, "lisbind/lisbind.lock"));
    if (read_file_if_exists(sidecar) != local_stamp) write_file_atomically(sidecar, local_stamp);
  }
  std::string stamp = warm_stamp_text(scan_go_imports(project), manifest, local_stamp);
  if (read_file_if_exists(cache / ".warm-stamp") != stamp)
    write_file_atomically(cache / ".warm-stamp", stamp);
}

DriftReport check_drift(const fs::path& project, const BindingLock& lock,
                        const LisetteManifest& manifest) {
  DriftReport r;
  const auto& deps = manifest.go_dependencies();
  const std::vector<std::string> stale = stale_local_modules(project, lock);
  for (const auto& module : stale) {
    r.problems.push_back(
        "the local module " + module + " (" + lock.modules.at(module).local +
        ") changed since it was bound: its typedefs are stale (run `lisbind sync`, which "
        "regenerates them with go)");
  }
  for (const auto& [module, entry] : lock.modules) {
    auto it = deps.find(module);
    if (entry.is_local()) {
      if (it == deps.end() || it->second.path != entry.local) {
        r.problems.push_back("lisette.toml lacks " + module + " = { path = \"" + entry.local +
                             "\" } (run `lisbind sync`)");
      }
      continue;
    }
    if (it == deps.end()) {
      r.problems.push_back("lisette.toml lacks " + module + " " + entry.version +
                           " (run `lisbind sync`)");
    } else if (it->second.replacement.empty() && !it->second.is_local() &&
               it->second.version != entry.version) {
      r.problems.push_back("lisette.toml has " + module + " " + it->second.version +
                           " but the bindings are for " + entry.version + " (run `lisbind import " +
                           module + "@" + it->second.version + "`)");
    }
  }
  fs::path cache = cache_dir_for(project, lock);
  const std::string local_stamp = local_source_stamp(manifest, project);
  for (const auto& [rel, hash] : lock.files) {
    // Changed local sources change every `.stamp` and the warm stamp's LOCAL too: one line above
    // says it.
    if (stale.empty() && rel.starts_with("replaced/") &&
        read_file_if_exists(local_stamp_sidecar(path_under(cache, rel, "lisbind/lisbind.lock"))) !=
            local_stamp) {
      r.problems.push_back("the .stamp beside " + rel +
                           " in lis's cache does not match the local sources and "
                           "lisette.toml, so lis would delete the typedef (run `lisbind sync`)");
    }
    fs::path vendored = path_under(vendor_dir(project) / "typedefs", rel, "lisbind/lisbind.lock");
    std::string text = read_file_if_exists(vendored);
    if (text.empty() && !fs::exists(vendored)) {
      r.problems.push_back("vendored typedef missing: " + vendored.string() +
                           " (run `lisbind import`)");
      continue;
    }
    if (fnv1a_hex(text) != hash)
      r.problems.push_back("vendored typedef edited since lisbind wrote it: " + vendored.string());
    if (read_file_if_exists(path_under(cache, rel, "lisbind/lisbind.lock")) != text) {
      r.problems.push_back("lis's cache differs from the vendored typedef " + rel +
                           " (run `lisbind sync`)");
    }
  }
  std::string stamp = read_file_if_exists(cache / ".warm-stamp");
  const std::string expected = warm_stamp_text(scan_go_imports(project), manifest, local_stamp);
  auto without_local = [](const std::string& s) { return s.substr(0, s.rfind("\n--\n")); };
  if (stamp != expected && (stale.empty() || without_local(stamp) != without_local(expected))) {
    r.problems.push_back(
        "the warm stamp does not match src/ imports and lisette.toml, so lis would regenerate the "
        "typedefs with its own bindgen (run `lisbind sync`)");
  }
  return r;
}

}  // namespace lisbind::emit
