#include "verify/std_typedefs.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/errors.h"
#include "base/file_util.h"
#include "syntax/names.h"

namespace lisbind::verify {
namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream s(line);
  std::string field;
  while (std::getline(s, field, '\t')) out.push_back(field);
  return out;
}

}  // namespace

fs::path find_lis_stdlib(const std::string& lis_version, const fs::path& explicit_dir) {
  const std::string crate = "lisette-stdlib-" + lis_version;
  auto checked = [&](const fs::path& dir, const std::string& how) {
    if (!fs::exists(dir / "src" / "go_modules.tsv"))
      throw UserError(how + " " + dir.string() + " is not a " + crate +
                      " crate (no src/go_modules.tsv)");
    return dir;
  };
  if (!explicit_dir.empty()) return checked(explicit_dir, "--lis-stdlib");
  if (std::string dir = env("LISBIND_LIS_STDLIB"); !dir.empty())
    return checked(dir, "LISBIND_LIS_STDLIB");
  fs::path cargo_home = env("CARGO_HOME");
  if (cargo_home.empty()) cargo_home = fs::path(env("HOME")) / ".cargo";
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& index : fs::directory_iterator(cargo_home / "registry" / "src", ec)) {
    if (fs::exists(index.path() / crate / "src" / "go_modules.tsv"))
      found.push_back(index.path() / crate);
  }
  if (found.empty()) {
    throw UserError("cannot find lis's standard library typedefs (" + crate + " in " +
                    (cargo_home / "registry" / "src").string() +
                    "): run scripts/setup, which installs lis " + lis_version +
                    " with cargo, or give --lis-stdlib DIR (or LISBIND_LIS_STDLIB)");
  }
  std::sort(found.begin(), found.end());
  return found.front();
}

fs::path find_dlis_parse(const fs::path& exe_given) {
  if (std::string p = env("LISBIND_DLIS_PARSE"); !p.empty()) {
    if (!fs::exists(p)) throw UserError("LISBIND_DLIS_PARSE names " + p + ", which does not exist");
    return p;
  }
  std::error_code ec;
  fs::path exe = exe_given.empty() ? fs::read_symlink("/proc/self/exe", ec) : exe_given;
  if (!ec && !exe.empty()) {
    const fs::path rel = fs::path("tools") / "dlis-parse" / "target" / "release" / "dlis-parse";
    for (const fs::path& candidate :
         {exe.parent_path().parent_path() / rel, exe.parent_path() / rel}) {
      if (fs::exists(candidate)) return candidate;
    }
  }
  if (auto on_path = find_on_path("dlis-parse")) return *on_path;
  throw UserError(
      "cannot find tools/dlis-parse (it reads lis's typedefs with lis's own parser): run "
      "scripts/setup to build it, or set LISBIND_DLIS_PARSE");
}

StdTypedefIndex StdTypedefIndex::load(const fs::path& crate) {
  fs::path tsv = crate / "src" / "go_modules.tsv";
  if (!fs::exists(tsv))
    throw UserError(tsv.string() + " is missing: " + crate.string() +
                    " is not a lisette-stdlib crate");
  return parse(read_file(tsv), crate);
}

StdTypedefIndex StdTypedefIndex::parse(const std::string& tsv, const fs::path& crate) {
  StdTypedefIndex index;
  index.typedefs_ = crate / "typedefs";
  std::stringstream lines(tsv);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto f = split_tabs(line);
    if (f.size() == 3 && f[0] == "common") {
      index.common_[f[1]] = f[2];
    } else if (f.size() == 5 && f[0] == "overlay") {
      index.overlays_[{f[3], f[1], f[2]}] = f[4];
    } else if (f.size() >= 2 && f[0] == "targets" && f.size() % 2 == 0) {
      auto& targets = index.targets_[f[1]];
      for (size_t i = 2; i + 1 < f.size(); i += 2) targets.emplace_back(f[i], f[i + 1]);
    } else {
      throw UserError(crate.string() + "/src/go_modules.tsv:" + std::to_string(n) +
                      ": a line lisbind does not understand (a lis release with another index "
                      "format?)");
    }
  }
  return index;
}

std::optional<fs::path> StdTypedefIndex::file_for(const std::string& package,
                                                  const std::string& goos,
                                                  const std::string& goarch) const {
  if (auto t = targets_.find(package); t != targets_.end()) {
    if (std::find(t->second.begin(), t->second.end(), std::make_pair(goos, goarch)) ==
        t->second.end())
      return std::nullopt;
  }
  if (auto o = overlays_.find({package, goos, goarch}); o != overlays_.end())
    return typedefs_ / o->second;
  if (auto c = common_.find(package); c != common_.end()) return typedefs_ / c->second;
  return std::nullopt;
}

StdTypedefs read_std_typedefs(ProcessRunner& runner, const fs::path& dlis_parse,
                              const StdTypedefIndex& index,
                              const std::vector<std::string>& packages, const std::string& goos,
                              const std::string& goarch) {
  StdTypedefs out;
  std::vector<std::pair<std::string, fs::path>> files;
  for (const auto& p : packages) {
    if (auto f = index.file_for(p, goos, goarch)) {
      files.emplace_back(p, *f);
    } else {
      out.missing.push_back(p);
    }
  }
  if (files.empty()) return out;
  ProcessRequest r;
  r.argv = {dlis_parse.string()};
  for (const auto& [p, f] : files) r.argv.push_back(f.string());
  ProcessResult result = runner.run(r);
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(result.out);
  } catch (const nlohmann::json::exception&) {
    std::string err = result.err.substr(0, result.err.find('\n'));
    throw UserError(dlis_parse.string() + " failed (exit " + std::to_string(result.exit_code) +
                    ")" + (err.empty() ? "" : ": " + err) + "; rebuild it with scripts/setup");
  }
  if (!parsed.contains("files") || !parsed["files"].is_array() ||
      parsed["files"].size() != files.size())
    throw UserError(dlis_parse.string() + " printed JSON without one entry per file");
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& [package, file] = files[i];
    try {
      const nlohmann::json& f = parsed["files"][i];
      std::string binding = f.contains("package_name") && f["package_name"].is_string()
                                ? f["package_name"].get<std::string>()
                                : names::default_binding_name(package);
      out.typedefs[package] = {
          .package = package, .file = file, .read = lis::read_dlis_json(f, binding)};
    } catch (const UserError& e) {
      out.unreadable[package] = e.what();
    }
  }
  return out;
}

}  // namespace lisbind::verify
