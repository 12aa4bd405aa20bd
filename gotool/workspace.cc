#include "gotool/workspace.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "base/errors.h"
#include "base/file_util.h"
#include "gotool/cache_layout.h"

namespace lisbind {
namespace fs = std::filesystem;

namespace {

std::string first_line_mentioning(const std::string& text, const std::string& needle) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find(needle) != std::string::npos) return line;
  }
  return {};
}

// The first line that says something: go prints progress ("go: downloading ...") before errors.
std::string first_nonblank_line(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    bool progress = false;
    for (const char* p : {"go: downloading ", "go: finding ", "go: extracting ", "go: added ",
                          "go: upgraded ", "go: downgraded "}) {
      progress |= line.starts_with(p);
    }
    if (!progress) return line;
  }
  return "(no output)";
}

bool contains_any(const std::string& text, std::initializer_list<const char*> needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](const char* n) { return text.find(n) != std::string::npos; });
}

fs::path find_module_root(fs::path dir) {
  dir = fs::absolute(dir);
  for (auto d = dir; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / "go.mod")) return d;
    if (d == d.parent_path()) break;
  }
  return {};
}

// `go get pkg@v` reports the package path when the version is missing; the user needs the module
// path to list versions. On that error path only, find the longest prefix that is a module.
std::string name_modules_in(std::string go_stderr, const GoToolchain& go, const fs::path& dir) {
  static const std::regex missing(R"(go: ([^\s:@]+)@([^\s:]+): reading \S+/@v/[^/\s]+\.info)");
  std::smatch m;
  if (!std::regex_search(go_stderr, m, missing)) return go_stderr;
  std::string path = m[1];
  for (std::string prefix = path; std::count(prefix.begin(), prefix.end(), '/') >= 1;
       prefix = prefix.substr(0, prefix.rfind('/'))) {
    ProcessResult r = go.run({"list", "-m", "-versions", prefix}, dir);
    if (r.exit_code == 0) {
      if (prefix == path) break;
      auto at = go_stderr.find(path + "@");
      go_stderr.replace(at, path.size(), prefix);
      break;
    }
  }
  return go_stderr;
}

}  // namespace

std::string explain_go_get_failure(const std::string& go_stderr,
                                   const std::vector<PackageSpec>& specs) {
  std::string line = first_nonblank_line(go_stderr);
  if (contains_any(go_stderr, {"dial tcp", "no such host", "connection refused",
                               "network is unreachable", "i/o timeout", "TLS handshake timeout",
                               "GOPROXY=off", "module lookup disabled"})) {
    return "cannot reach the Go module proxy and the module is not in the module cache; connect to "
           "the network "
           "or bind a module version you have downloaded before (" +
           line + ")";
  }
  if (auto l = first_line_mentioning(go_stderr, "does not contain package"); !l.empty()) {
    return "no such package: " +
           l.substr(l.find("module") == std::string::npos ? 0 : l.find("module")) +
           "; check the package path";
  }
  // The proxy answers a missing version on its .info/.mod/.zip URL and a missing module on
  // /@v/list.
  static const std::regex missing_version(
      R"(([^\s:@]+)@([^\s:]+): (?:reading \S+/@v/[^/\s]+\.(?:info|mod|zip)|invalid version|unknown revision))");
  std::smatch m;
  if (std::regex_search(go_stderr, m, missing_version) && m[2] != "latest" && m[2] != "upgrade") {
    return "version " + m[2].str() + " of " + m[1].str() +
           " does not exist on the Go module proxy; list the published ones with `go list -m "
           "-versions " +
           m[1].str() + "`";
  }
  if (contains_any(go_stderr,
                   {"/@v/list", "unrecognized import path", "cannot find module providing package",
                    "no matching versions", "malformed module path", "repository not found"})) {
    std::string asked;
    for (const auto& s : specs) asked += (asked.empty() ? "" : ", ") + s.pattern;
    return "unknown module: the Go module proxy has no module providing " + asked + " (" + line +
           ")";
  }
  return "`go get` failed: " + line;
}

namespace {
// `m@v1.2.3` or a pseudo-version: an immutable version the module cache may already hold. Branch
// names and queries (`@master`, `@latest`, `@<v2`) need the proxy.
bool names_exact_version(const std::string& argument) {
  auto at = argument.rfind('@');
  if (at == std::string::npos || at + 2 >= argument.size()) return false;
  return argument[at + 1] == 'v' && std::isdigit(static_cast<unsigned char>(argument[at + 2])) &&
         std::count(argument.begin() + static_cast<long>(at), argument.end(), '.') >= 2;
}
}  // namespace

Workspace prepare_workspace(const GoToolchain& go, const std::vector<PackageSpec>& specs) {
  if (specs.empty())
    throw UserError("no packages were named; give at least one package path or pattern");
  const bool any_local = std::any_of(specs.begin(), specs.end(),
                                     [](auto& s) { return s.origin == SpecOrigin::Local; });
  const bool any_remote = std::any_of(specs.begin(), specs.end(),
                                      [](auto& s) { return s.origin == SpecOrigin::Remote; });

  Workspace ws;
  for (const auto& s : specs) ws.patterns.push_back(s.pattern);

  if (any_local) {
    if (any_remote) {
      throw UserError(
          "local patterns (./...) and remote module paths cannot be mixed in one run; bind them "
          "separately");
    }
    ws.dir = find_module_root(fs::current_path());
    if (ws.dir.empty())
      throw UserError("local patterns need a Go module: no go.mod in " +
                      fs::current_path().string() + " or above");
    return ws;
  }

  // One work module per distinct request keeps unrelated requests from raising each other's
  // versions.
  std::vector<std::string> arguments;
  for (const auto& s : specs) {
    if (s.origin == SpecOrigin::Remote) arguments.push_back(s.go_get_argument());
  }
  std::sort(arguments.begin(), arguments.end());
  std::string request_key;
  for (const auto& a : arguments) request_key += a + "\n";
  ws.immutable_sources = true;
  ws.dir = work_module_cache_dir(arguments.empty() ? std::string("std") : fnv1a_hex(request_key));
  std::error_code ec;
  fs::create_directories(ws.dir, ec);
  if (ec)
    throw UserError("cannot create " + ws.dir.string() + ": " + ec.message() +
                    " (set LISBIND_CACHE_DIR to a writable directory)");
  // A work module damaged by an interrupted write is started again (go.mod is lisbind's own).
  if (std::string mod = read_file_if_exists(ws.dir / "go.mod");
      !mod.empty() && !mod.starts_with("module lisbind.work\n\ngo 1.")) {
    fs::remove_all(ws.dir, ec);
    fs::create_directories(ws.dir, ec);
  }
  if (!fs::exists(ws.dir / "go.mod")) {
    write_file_atomically(ws.dir / "go.mod", "module lisbind.work\n\ngo 1." +
                                                 std::to_string(go.version().minor) + "\n");
  }
  if (arguments.empty()) return ws;

  // With every version pinned and already resolved once, nothing can have changed: skip the proxy.
  const bool all_pinned = std::none_of(arguments.begin(), arguments.end(),
                                       [](auto& a) { return a.ends_with("@latest"); });
  const fs::path resolved_marker = ws.dir / "lisbind-resolved";
  if (all_pinned && read_file_if_exists(resolved_marker) == request_key) return ws;

  std::vector<std::string> args = {"get"};
  args.insert(args.end(), arguments.begin(), arguments.end());
  // Exact versions already in the module cache resolve without the proxy (0.2 s instead of 3-4 s
  // of round trips for client-go); anything missing makes the offline run fail, and then the
  // normal run fetches it. Checksums are still verified against go.sum and the cached sumdb.
  ProcessResult r;
  if (std::all_of(arguments.begin(), arguments.end(), names_exact_version)) {
    r = go.run(args, ws.dir, {{"GOPROXY", "off"}});
  }
  if (r.exit_code != 0) r = go.run(args, ws.dir);
  if (r.exit_code != 0 &&
      (r.err.find("go.mod:") != std::string::npos || r.err.find("go.sum:") != std::string::npos)) {
    // The work module itself is damaged (a truncated go.mod or go.sum): start it again once.
    fs::remove_all(ws.dir, ec);
    fs::create_directories(ws.dir, ec);
    write_file_atomically(ws.dir / "go.mod", "module lisbind.work\n\ngo 1." +
                                                 std::to_string(go.version().minor) + "\n");
    r = go.run(args, ws.dir);
  }
  if (r.exit_code != 0)
    throw UserError(explain_go_get_failure(name_modules_in(r.err, go, ws.dir), specs));
  write_file_atomically(resolved_marker, request_key);
  return ws;
}

}  // namespace lisbind
