// `lisbind import` end to end: real `lis new` projects, real modules from the Go module proxy,
// the Lisette programs under testdata/e2e checked by the real `lis check`.
//
// Not covered here: `lis build`/`lis run`. lis 0.12.5 compiles every program against its Go
// runtime module github.com/ivov/lisette/prelude@v0.12.5, which the module proxy reachable on
// this project's machines refuses (403); see README.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "base/file_util.h"
#include "base/process.h"
#include "cli/e2e_test_support.h"

namespace lisbind {
namespace {
namespace fs = std::filesystem;

// The main job's two samples: client_go and prometheus.
const fs::path kSamples = fs::path(LISBIND_SOURCE_DIR) / "testdata" / "e2e" / "programs";

using e2e::lisbind;
using e2e::run;

// A fresh project made by lis itself, with `program` as src/main.lis.
fs::path new_project(const std::string& name, const std::string& program = {}) {
  fs::path parent = fs::temp_directory_path() / ("lisbind-e2e-" + std::to_string(::getpid()));
  fs::create_directories(parent);
  fs::remove_all(parent / name);
  auto r = run({"lis", "new", name}, parent);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  if (!program.empty()) {
    fs::copy_file(kSamples / ("sample_" + program) / "src" / "main.lis",
                  parent / name / "src" / "main.lis", fs::copy_options::overwrite_existing);
  }
  return parent / name;
}

fs::path cache_dir(const fs::path& project) {
  return project / "target/.lisette/typedefs/lis@v0.12.5/linux_amd64";
}

// Every typedef lis will read is byte-for-byte the one lisbind vendored (by the lock's hashes).
void expect_cache_matches_lock(const fs::path& project) {
  auto lock = nlohmann::json::parse(read_file(project / "lisbind" / "lisbind.lock"));
  ASSERT_GT(lock["files"].size(), 0u);
  for (const auto& [rel, hash] : lock["files"].items()) {
    std::string cached = read_file_if_exists(cache_dir(project) / rel);
    ASSERT_FALSE(cached.empty()) << "not in lis's cache: " << rel;
    EXPECT_EQ(fnv1a_hex(cached), hash.get<std::string>()) << rel;
    EXPECT_EQ(fnv1a_hex(read_file(project / "lisbind" / "typedefs" / rel)), hash.get<std::string>())
        << rel;
  }
}

void expect_lis_check_passes(const fs::path& project) {
  auto r = run({"lis", "check"}, project);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("All checks passed"), std::string::npos) << r.out << r.err;
}

void import_check_and_survive_lis(const std::string& program, const std::string& module,
                                  const std::vector<std::string>& manifest_lines) {
  fs::path project = new_project(program, program);
  auto r = lisbind({"import", module, "-q"}, project);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string manifest = read_file(project / "lisette.toml");
  for (const auto& line : manifest_lines)
    EXPECT_NE(manifest.find(line), std::string::npos) << manifest;

  expect_lis_check_passes(project);
  expect_cache_matches_lock(project);
  expect_lis_check_passes(project);  // a second check must not regenerate anything
  expect_cache_matches_lock(project);

  // The same pinned import again does no Go work: with Go missing from PATH it still succeeds.
  auto again = lisbind({"import", module}, project, {{"PATH", "/nonexistent"}});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("already bound at these versions"), std::string::npos) << again.out;
  expect_cache_matches_lock(project);

  fs::remove_all(project / "target");  // what `lis clean` would do: lis 0.12.5 has no such command
  auto s =
      lisbind({"sync", "-q"}, project, {{"GOPROXY", "off"}});  // offline, from the vendored copy
  ASSERT_EQ(s.exit_code, 0) << s.err;
  expect_cache_matches_lock(project);
  expect_lis_check_passes(project);
  auto st = lisbind({"status"}, project);
  EXPECT_EQ(st.exit_code, 0) << st.out;
  EXPECT_NE(st.out.find("in sync:"), std::string::npos) << st.out;
}

void import_prometheus_package(const fs::path& project) {
  auto r =
      lisbind({"import", "github.com/prometheus/client_golang/prometheus@v1.25.0", "-q"}, project);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

TEST(ImportE2e, PrometheusRegistryProgram) {
  import_check_and_survive_lis("prometheus", "github.com/prometheus/client_golang@v1.25.0",
                               {"\"github.com/prometheus/client_golang\" = \"v1.25.0\"",
                                "\"github.com/prometheus/client_model\" = { version = \"v0.6.3\", "
                                "via = [\"github.com/prometheus/client_golang\"] }"});
}

TEST(ImportE2e, ClientGoTypedFakeAndKubeconfigProgram) {
  import_check_and_survive_lis(
      "client_go", "k8s.io/client-go@v0.37.2",
      {"\"k8s.io/client-go\" = \"v0.37.2\"",
       "\"k8s.io/api\" = { version = \"v0.37.2\", via = [\"k8s.io/client-go\"] }",
       "\"k8s.io/apimachinery\" = { version = \"v0.37.2\", via = [\"k8s.io/client-go\"] }"});
}

TEST(ImportE2e, StatusReportsDriftAndSyncRepairsIt) {
  fs::path project = new_project("drift", "prometheus");
  import_prometheus_package(project);
  // The project starts importing another bound package: the stamp no longer matches.
  std::ofstream(project / "src" / "extra.lis")
      << "import \"go:github.com/prometheus/client_golang/prometheus/testutil\"\n";
  auto st = lisbind({"status"}, project);
  EXPECT_EQ(st.exit_code, 1);
  EXPECT_NE(st.out.find("warm stamp does not match"), std::string::npos) << st.out;
  ASSERT_EQ(lisbind({"sync", "-q"}, project).exit_code, 0);
  EXPECT_EQ(lisbind({"status"}, project).exit_code, 0);
}

// Inside a project, `lisbind verify` judges what the lock imported and writes each symbol's
// verdict into the vendored ledger, which `status` still accepts as in sync.
TEST(ImportE2e, VerifyInAProjectWritesVerdictsIntoItsLedger) {
  fs::path project = new_project("verified", "prometheus");
  import_prometheus_package(project);
  auto v = lisbind({"verify", "-q"}, project);
  ASSERT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_NE(v.out.find("1 passed, 0 failed"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("ledger: "), std::string::npos) << v.out;
  auto ledger = nlohmann::json::parse(read_file(project / "lisbind" / "ledger.json"));
  const auto& entries = ledger["packages"]["github.com/prometheus/client_golang/prometheus"];
  ASSERT_GT(entries.size(), 100u);
  std::map<std::string, std::string> verdict;
  for (const auto& e : entries) verdict[e["symbol"]] = e.value("verification", "");
  EXPECT_EQ(verdict["NewRegistry"], "verified");
  EXPECT_EQ(verdict["Registry.Register"], "verified");
  EXPECT_EQ(verdict["MultiTRegistry.Gather"], "lis-limitation");
  for (const auto& [symbol, v] : verdict) EXPECT_FALSE(v.empty()) << symbol << " has no verdict";
  // Closure packages were not verified, so they carry no verdict.
  const auto& model = ledger["packages"]["github.com/prometheus/client_model/go"];
  ASSERT_FALSE(model.empty());
  EXPECT_FALSE(model[0].contains("verification"));
  EXPECT_EQ(ledger["verification"]["tally"]["failed"], 0);
  EXPECT_EQ(lisbind({"status"}, project).exit_code, 0);
}

TEST(ImportE2e, RemoveUndoesTheImport) {
  fs::path project = new_project("remove");
  std::string before = read_file(project / "lisette.toml");
  import_prometheus_package(project);
  auto r = lisbind({"remove", "github.com/prometheus/client_golang/prometheus", "-q"}, project);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(project / "lisbind"));
  EXPECT_FALSE(fs::exists(cache_dir(project) / "github.com/prometheus/client_golang@v1.25.0"));
  std::string after = read_file(project / "lisette.toml");
  EXPECT_EQ(after.find("prometheus"), std::string::npos) << after;
}

TEST(ImportE2e, NewVersionOfOnePackageMovesItsModule) {
  fs::path project = new_project("moves");
  ASSERT_EQ(lisbind({"import", "github.com/prometheus/client_golang/prometheus@v1.25.0",
                     "github.com/prometheus/client_golang/prometheus/testutil@v1.25.0", "-q"},
                    project)
                .exit_code,
            0);
  auto r =
      lisbind({"import", "github.com/prometheus/client_golang/prometheus@v1.24.1", "-q"}, project);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lock = nlohmann::json::parse(read_file(project / "lisbind" / "lisbind.lock"));
  ASSERT_EQ(lock["requests"].size(), 2u);
  for (const auto& req : lock["requests"]) EXPECT_EQ(req["version"], "v1.24.1") << req.dump();
  EXPECT_NE(read_file(project / "lisette.toml")
                .find("\"github.com/prometheus/client_golang\" = \"v1.24.1\""),
            std::string::npos);
}

// Every file below `dir`, by relative path, with its content.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file())
      files[fs::relative(e.path(), dir).generic_string()] = read_file(e.path());
  }
  return files;
}

TEST(ImportE2e, AnotherProjectReusesTheBindingsWithoutReadingTheModel) {
  const std::string spec =
      "github.com/prometheus/client_golang@v1.25.0";  // all that the program imports
  fs::path first = new_project("reuse-first", "prometheus");
  fs::path cache = first.parent_path() / "reuse-cache";
  fs::remove_all(cache);
  fs::create_directories(cache);
  // A stand-in for the helper that records each start, then runs the real one.
  fs::path helper = cache / "helper.sh";
  std::ofstream(helper) << "#!/bin/sh\necho run >> " << (cache / "runs.log").string()
                        << "\nexec " LISBIND_BINARY_DIR "/lisbind-extract \"$@\"\n";
  fs::permissions(helper, fs::perms::owner_all);
  std::map<std::string, std::string> env = {{"LISBIND_CACHE_DIR", cache.string()},
                                            {"LISBIND_EXTRACT", helper.string()}};
  ASSERT_EQ(lisbind({"import", spec, "-q"}, first, env).exit_code, 0);
  EXPECT_EQ(read_file_if_exists(cache / "runs.log"), "run\n");

  // Without the cached model, only the cached bindings can spare a second helper run.
  fs::remove_all(cache / "models");
  fs::path second = new_project("reuse-second", "prometheus");
  auto r = lisbind({"import", spec, "-q"}, second, env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file_if_exists(cache / "runs.log"), "run\n");
  EXPECT_EQ(tree(first / "lisbind"), tree(second / "lisbind"));
  expect_cache_matches_lock(second);
  expect_lis_check_passes(second);

  // Other overrides make other bindings: nothing is reused.
  fs::path third = new_project("reuse-third", "prometheus");
  std::ofstream(third / "lisbind-overrides.toml") << "# corrections to come\n";
  ASSERT_EQ(lisbind({"import", spec, "-q"}, third, env).exit_code, 0);
  EXPECT_EQ(read_file_if_exists(cache / "runs.log"), "run\nrun\n");

  // A lock made under other mapping rules is not "already bound": the import does real work
  // (and so needs Go, which is missing from PATH here).
  auto lock = nlohmann::json::parse(read_file(second / "lisbind" / "lisbind.lock"));
  ASSERT_TRUE(lock.contains("rules"));
  lock["rules"] = "0000000000000000";
  std::ofstream(second / "lisbind" / "lisbind.lock") << lock.dump(1) << "\n";
  auto stale = lisbind({"import", spec}, second,
                       {{"PATH", "/nonexistent"}, {"LISBIND_CACHE_DIR", cache.string()}});
  EXPECT_NE(stale.exit_code, 0);
  EXPECT_EQ(stale.out.find("already bound"), std::string::npos) << stale.out;
  fs::remove_all(cache);
}

TEST(ImportE2e, NotALisetteProject) {
  fs::path dir =
      fs::temp_directory_path() / ("lisbind-e2e-noproject-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto r = lisbind({"import", "github.com/prometheus/client_golang@v1.25.0"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.err.starts_with("lisbind: not a Lisette project: no lisette.toml in ")) << r.err;
  fs::remove_all(dir);
}

// Bad input leaves lisette.toml byte-for-byte as it was and vendors nothing.
void expect_refused_and_untouched(const std::vector<std::string>& args, const std::string& message,
                                  std::map<std::string, std::string> env = {}) {
  fs::path project = new_project("refused");
  std::string before = read_file(project / "lisette.toml");
  auto r = lisbind(args, project, std::move(env));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(read_file(project / "lisette.toml"), before);
  EXPECT_FALSE(fs::exists(project / "lisbind"));
}

TEST(ImportE2e, UnknownModule) {
  expect_refused_and_untouched({"import", "example.com/lisbind-no-such/module"},
                               "lisbind: unknown module");
}

TEST(ImportE2e, MissingVersion) {
  expect_refused_and_untouched(
      {"import", "github.com/prometheus/client_golang@v9.9.9"},
      "version v9.9.9 of github.com/prometheus/client_golang does not exist");
}

TEST(ImportE2e, OfflineWithoutAVendoredCopy) {
  expect_refused_and_untouched({"import", "github.com/lisbind-test/never-downloaded@v1.0.0"},
                               "cannot reach the Go module proxy", {{"GOPROXY", "off"}});
}

TEST(ImportE2e, InterruptedImportLeavesNoPartialState) {
  fs::path project = new_project("interrupted");
  std::string before = read_file(project / "lisette.toml");
  // Killed without warning part-way (coreutils timeout sends SIGKILL after 0.5 s). An empty
  // lisbind cache keeps the import from finishing first by reusing earlier bindings.
  fs::path cache = project.parent_path() / "interrupted-cache";
  fs::remove_all(cache);
  run({"timeout", "-s", "KILL", "0.5", LISBIND_BINARY_DIR "/lisbind", "import",
       "k8s.io/client-go@v0.37.2"},
      project, {{"LISBIND_CACHE_DIR", cache.string()}});
  EXPECT_EQ(read_file(project / "lisette.toml"), before);
  for (const auto& e : fs::directory_iterator(project)) {
    EXPECT_FALSE(e.path().filename().string().starts_with("lisbind.")) << e.path();
  }
  // The next run completes normally.
  ASSERT_EQ(lisbind({"import", "github.com/prometheus/client_golang/prometheus@v1.25.0", "-q"},
                    project, {{"LISBIND_CACHE_DIR", cache.string()}})
                .exit_code,
            0);
  EXPECT_TRUE(fs::exists(project / "lisbind" / "lisbind.lock"));
  fs::remove_all(cache);
}

TEST(ImportE2e, ConcurrentImportIsRefusedCleanly) {
  fs::path project = new_project("concurrent");
  fs::create_directories(project / "target");
  int fd = ::open((project / "target" / ".lisbind-lock").c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);  // as a running lisbind holds it
  auto r = lisbind({"import", "github.com/prometheus/client_golang/prometheus@v1.25.0"}, project);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "lisbind: another lisbind is updating this project right now; run this again when it "
            "has finished\n");
  EXPECT_FALSE(fs::exists(project / "lisbind"));
  ::close(fd);
}

// ---- issue #13: never lose bindings or manifest lines, never write outside, never crash ----

const std::string kProm = "github.com/prometheus/client_golang/prometheus@v1.25.0";
const std::string kPromTestutil = "github.com/prometheus/client_golang/prometheus/testutil@v1.25.0";

// A shared lisbind cache for the tests below, so the real Go work happens once.
fs::path shared_cache() {
  fs::path dir =
      fs::temp_directory_path() / ("lisbind-e2e-" + std::to_string(::getpid())) / "shared-cache";
  fs::create_directories(dir);
  return dir;
}

std::map<std::string, std::string> cache_env() {
  return {{"LISBIND_CACHE_DIR", shared_cache().string()}};
}

// lisette.toml and every file under lisbind/, by name: what "the state" of a project is.
std::map<std::string, std::string> project_state(const fs::path& project) {
  std::map<std::string, std::string> s;
  s["lisette.toml"] = read_file_if_exists(project / "lisette.toml");
  if (fs::exists(project / "lisbind")) {
    for (const auto& [rel, text] : tree(project / "lisbind")) s["lisbind/" + rel] = text;
  }
  return s;
}

// Every file under `dir` with its content and, for the directory itself, its entries: a snapshot
// to prove nothing was written there.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> s;
  if (!fs::exists(dir)) return {{"<directory deleted>", dir.string()}};
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    s[fs::relative(e.path(), dir).generic_string()] =
        e.is_regular_file() ? read_file(e.path()) : std::string("<dir>");
  }
  return s;
}

void copy_project(const fs::path& from, const fs::path& to) {
  fs::remove_all(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

// True when lis's cache holds exactly the locked typedefs and `stamp` (what status must report as
// "in sync").
bool cache_agrees(const fs::path& project, const std::string& stamp) {
  std::string lock_text = read_file_if_exists(project / "lisbind" / "lisbind.lock");
  if (lock_text.empty()) return false;
  auto lock = nlohmann::json::parse(lock_text);
  for (const auto& [rel, hash] : lock["files"].items()) {
    if (fnv1a_hex(read_file_if_exists(cache_dir(project) / rel)) != hash.get<std::string>())
      return false;
  }
  return read_file_if_exists(cache_dir(project) / ".warm-stamp") == stamp;
}

void expect_one_line_error(const ProcessResult& r, const std::string& context) {
  EXPECT_EQ(r.exit_code, 1) << context << "\n" << r.out << r.err;
  EXPECT_TRUE(r.err.starts_with("lisbind: ")) << context << "\n" << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << context << "\n" << r.err;
}

// A minimal project (no lis needed) with a vendored lock and one vendored typedef.
fs::path hostile_project(const std::string& name, const fs::path& parent) {
  fs::path project = parent / name;
  fs::remove_all(project);
  fs::create_directories(project / "src");
  std::ofstream(project / "lisette.toml")
      << "[project]\nname = \"hostile\"\nversion = \"0.1.0\"\n\n"
         "[dependencies.go]\n\"example.com/m\" = \"v1.0.0\"\n";
  std::ofstream(project / "src" / "main.lis") << "fn main() {}\n";
  write_file_atomically(project / "lisbind/typedefs/example.com/m@v1.0.0/m.d.lis",
                        "pub fn F() -> int\n");
  fs::create_directories(
      project / "target/.lisette/typedefs/lis@v0.12.5/linux_amd64");  // as after `lis check`
  return project;
}

nlohmann::json valid_lock() {
  return {
      {"lockfile", 1},
      {"lisbind", "0.1.0"},
      {"lis", "0.12.5"},
      {"go", "go1.26.0"},
      {"target", "linux_amd64"},
      {"requests",
       {{{"pattern", "example.com/m/..."}, {"module", "example.com/m"}, {"version", "v1.0.0"}}}},
      {"modules", {{"example.com/m", {{"version", "v1.0.0"}}}}},
      {"files", {{"example.com/m@v1.0.0/m.d.lis", fnv1a_hex("pub fn F() -> int\n")}}}};
}

// Fuzz-style: hostile and malformed locks, manifests and overrides files. Each is refused with one
// clear line (or, for a harmless mutation, accepted), nothing crashes, and a sentinel directory
// beside the project, which the hostile paths aim at, is never written. Needs no network.
TEST(ImportE2e, HostileLocksManifestsAndOverridesAreRefusedAndNothingOutsideIsWritten) {
  fs::path parent =
      fs::temp_directory_path() / ("lisbind-e2e-" + std::to_string(::getpid())) / "hostile";
  fs::remove_all(parent);
  fs::path sentinel = parent / "sentinel";
  write_file_atomically(sentinel / "keep.txt", "do not touch\n");
  const auto before = snapshot(sentinel);
  const std::string abs = sentinel.string();

  std::vector<std::pair<std::string, nlohmann::json>> locks;
  auto with = [&](const std::string& what, auto edit) {
    nlohmann::json j = valid_lock();
    edit(j);
    locks.emplace_back(what, j);
  };
  with("files ..", [&](auto& j) {
    j["files"] = {{"../../sentinel/x.d.lis", fnv1a_hex("pub fn F() -> int\n")}};
  });
  with("files deep ..", [&](auto& j) {
    j["files"] = {
        {"example.com/m@v1.0.0/../../../../../../sentinel/x", fnv1a_hex("pub fn F() -> int\n")}};
  });
  // From lis's cache (target/.lisette/typedefs/lis@v0.12.5/linux_amd64) six levels up is the
  // directory holding the project: `remove` would delete the sentinel's file.
  with("files .. to the sentinel", [&](auto& j) {
    j["files"] = {{"../../../../../../sentinel/keep.txt", fnv1a_hex("do not touch\n")}};
  });
  with("files absolute", [&](auto& j) { j["files"] = {{abs + "/x.d.lis", fnv1a_hex("x")}}; });
  with("lis ..", [&](auto& j) { j["lis"] = "../../../../../sentinel"; });
  with("lis absolute", [&](auto& j) { j["lis"] = abs; });
  with("target ..", [&](auto& j) { j["target"] = "../../../../sentinel_x"; });
  with("target /", [&](auto& j) { j["target"] = "linux_/" + abs; });
  with("pattern flag",
       [&](auto& j) { j["requests"][0]["pattern"] = "-modfile=" + abs + "/go.mod"; });
  with("version flag", [&](auto& j) { j["requests"][0]["version"] = "-x"; });
  with("module newline", [&](auto& j) {
    j["modules"] = {{"example.com/m\n[project]", {{"version", "v1.0.0"}}}};
  });
  with("module ..", [&](auto& j) { j["modules"] = {{"../sentinel", {{"version", "v1.0.0"}}}}; });
  with("wrong types", [&](auto& j) { j["files"] = 5; });
  with("not an object", [&](auto& j) { j = nlohmann::json::array({1, 2}); });
  with("unknown format", [&](auto& j) { j["lockfile"] = 2; });
  with("hash not hex", [&](auto& j) { j["files"]["example.com/m@v1.0.0/m.d.lis"] = "../../x"; });
  with("manifest line ..", [&](auto& j) { j["manifest_lines"] = {"../../etc"}; });

  std::vector<std::pair<std::string, std::string>> texts;
  for (const auto& [what, j] : locks) texts.emplace_back(what, j.dump(1));
  texts.emplace_back("truncated", valid_lock().dump(1).substr(0, 40));
  texts.emplace_back("empty", "");
  texts.emplace_back("binary", std::string("\x00\xff\xfe{", 4));
  std::mt19937 rng(13);  // deterministic byte mutations of a valid lock
  const std::string good = valid_lock().dump(1);
  for (int i = 0; i < 40; ++i) {
    std::string t = good;
    for (int k = 0; k < 3; ++k) t[rng() % t.size()] = "./\\\"{}[]0-:~\n\x01"[rng() % 16];
    texts.emplace_back("mutation " + std::to_string(i), t);
  }

  const std::vector<std::vector<std::string>> commands = {
      {"sync"}, {"status"}, {"remove", "example.com/m"}, {"import", "example.com/m@v1.0.0"}};
  for (const auto& [what, text] : texts) {
    fs::path project = hostile_project("p", parent);
    write_file_atomically(project / "lisbind" / "lisbind.lock", text);
    for (const auto& cmd : commands) {
      std::vector<std::string> args = cmd;
      args.push_back("-q");
      // No Go: every refusal must come before any Go work.
      auto r =
          lisbind(args, project,
                  {{"PATH", "/nonexistent"}, {"LISBIND_CACHE_DIR", (parent / "cache").string()}});
      std::string context = what + " / " + cmd[0];
      EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1)
          << context << " exit " << r.exit_code << "\n"
          << r.err;
      if (r.exit_code != 0 && cmd[0] != "status") expect_one_line_error(r, context);
      EXPECT_EQ(snapshot(sentinel), before) << context;
      EXPECT_FALSE(fs::exists(parent / "sentinel_x")) << context;
    }
  }
  // Named cases are refused with how to regenerate.
  for (const auto& [what, j] : locks) {
    fs::path project = hostile_project("p", parent);
    write_file_atomically(project / "lisbind" / "lisbind.lock", j.dump(1));
    auto r = lisbind({"sync"}, project, {{"PATH", "/nonexistent"}});
    expect_one_line_error(r, what);
    EXPECT_NE(r.err.find("regenerate"), std::string::npos) << what << ": " << r.err;
  }

  // Malformed manifests: one clear line, lisbind/ untouched.
  for (const std::string& manifest : std::vector<std::string>{
           "[project\n", "[project]\nversion = 1\n",
           "[project]\nname = \"x\"\n[dependencies]\ngo = 5\n",
           "[project]\nname = \"x\"\n[dependencies.go.\"example.com/m\"]\nversion = \"v1.0.0\"\n",
           std::string("\xff\xfe\x00", 3)}) {
    fs::path project = hostile_project("p", parent);
    write_file_atomically(project / "lisbind" / "lisbind.lock", valid_lock().dump(1));
    write_file_atomically(project / "lisette.toml", manifest);
    const auto state = project_state(project);
    for (const auto& cmd : commands) {
      auto r = lisbind(cmd, project, {{"PATH", "/nonexistent"}});
      EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << manifest << r.err;
      if (r.exit_code != 0 && cmd[0] != "status")
        expect_one_line_error(r, manifest + " / " + cmd[0]);
      EXPECT_EQ(project_state(project), state) << cmd[0] << ": " << manifest;
    }
    EXPECT_EQ(snapshot(sentinel), before);
  }

  // Malformed overrides files: `import` stops with one line before any work or write.
  for (const std::string overrides :
       {"[os\n", "[os]\n\"Getwd\" = { rename = \"with space\" }\n",
        "[os]\n\"Getwd\" = { rename = 5 }\n", "[os]\n\"Getwd\" = { rename = \"fn\" }\n",
        "[os]\n\"Getwd\" = { rename = \"../../x\" }\n", "[os]\n\"Copy\" = { mutates = [1] }\n",
        "os = 5\n", "[os]\n\"Getwd\" = { result = true }\n"}) {
    fs::path project = hostile_project("p", parent);
    write_file_atomically(project / "lisbind" / "lisbind.lock", valid_lock().dump(1));
    write_file_atomically(project / "lisbind-overrides.toml", overrides);
    const auto state = project_state(project);
    auto r = lisbind({"import", "example.com/m@v1.0.0"}, project, {{"PATH", "/nonexistent"}});
    expect_one_line_error(r, overrides);
    EXPECT_NE(r.err.find("lisbind-overrides.toml"), std::string::npos) << r.err;
    EXPECT_EQ(project_state(project), state) << overrides;
  }
  EXPECT_EQ(snapshot(sentinel), before);
}

TEST(ImportE2e, ArgumentsThatLookLikeFlagsNeverReachGo) {
  fs::path parent =
      fs::temp_directory_path() / ("lisbind-e2e-" + std::to_string(::getpid())) / "dash";
  fs::path project = hostile_project("p", parent);
  fs::remove_all(project / "lisbind");
  for (const std::string arg : {"-modfile=/tmp/x", "--help", "-x@v1.0.0"}) {
    auto r = lisbind({"import", "--", arg}, project, {{"PATH", "/nonexistent"}});
    expect_one_line_error(r, arg);
    EXPECT_NE(r.err.find("starts with '-'"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(project / "lisbind"));
}

TEST(ImportE2e, VendoredTypedefsWithoutALockAreNotDropped) {
  fs::path parent =
      fs::temp_directory_path() / ("lisbind-e2e-" + std::to_string(::getpid())) / "nolock";
  fs::path project = hostile_project("p", parent);
  const auto state = project_state(project);
  auto r = lisbind({"import", kProm}, project, {{"PATH", "/nonexistent"}});
  expect_one_line_error(r, "import");
  EXPECT_NE(r.err.find("no lisbind.lock"), std::string::npos) << r.err;
  EXPECT_EQ(project_state(project), state);
  auto st = lisbind({"status"}, project);
  EXPECT_EQ(st.exit_code, 1) << st.out;
  EXPECT_NE(st.out.find("no lisbind.lock"), std::string::npos) << st.out;
}

TEST(ImportE2e, FileSystemErrorsAreOneLineNotACrash) {
  fs::path parent =
      fs::temp_directory_path() / ("lisbind-e2e-" + std::to_string(::getpid())) / "fserr";
  fs::path project = hostile_project("p", parent);
  write_file_atomically(project / "lisbind" / "lisbind.lock", valid_lock().dump(1));
  fs::remove_all(project / "target");
  std::ofstream(project / "target") << "a file where lisbind wants a directory\n";
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"sync"}, {"import", kProm}, {"remove", "example.com/m"}}) {
    auto r = lisbind(cmd, project, {{"PATH", "/nonexistent"}});
    expect_one_line_error(r, cmd[0]);
  }
  // A cache directory that cannot be created: one line too.
  fs::remove(project / "target");
  auto r = lisbind({"import", kProm}, project,
                   {{"LISBIND_CACHE_DIR", (project / "lisette.toml" / "cache").string()}});
  expect_one_line_error(r, "unwritable cache");
}

// Imports kProm into a fresh project; the reference "old state" of the tests below.
fs::path imported_project(const std::string& name) {
  fs::path project = new_project(name);
  auto r = lisbind({"import", kProm, "-q"}, project, cache_env());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return project;
}

TEST(ImportE2e, UserPinnedLinesAreNeverSilentlyRepinnedOrRemoved) {
  fs::path project = new_project("pinned");
  // The user's own line, with a comment, at another version than the import needs.
  std::string manifest = read_file(project / "lisette.toml");
  manifest +=
      "\n[dependencies.go]\n\"github.com/prometheus/client_model\" = \"v0.6.0\"  # ours, keep\n";
  write_file_atomically(project / "lisette.toml", manifest);
  auto r = lisbind({"import", kProm, "-q"}, project, cache_env());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("changed your pin of github.com/prometheus/client_model in lisette.toml "
                       "from v0.6.0 to v0.6.3"),
            std::string::npos)
      << r.err;
  std::string after = read_file(project / "lisette.toml");
  EXPECT_NE(after.find("# ours, keep"), std::string::npos) << after;
  ASSERT_EQ(lisbind({"remove", "github.com/prometheus/client_golang/prometheus", "-q"}, project,
                    cache_env())
                .exit_code,
            0);
  after = read_file(project / "lisette.toml");
  EXPECT_NE(after.find("\"github.com/prometheus/client_model\" = \"v0.6.3\"  # ours, keep"),
            std::string::npos)
      << after;  // the user's line stays
  EXPECT_NE(after.find("# ours, keep"), std::string::npos) << after;
  EXPECT_EQ(after.find("client_golang\" ="), std::string::npos) << after;  // lisbind's own lines go
  EXPECT_EQ(after.find("protobuf"), std::string::npos) << after;
}

TEST(ImportE2e, SyncRefusesAnEditedVendoredTypedefAsStatusReportsIt) {
  fs::path project = imported_project("edited");
  auto lock = nlohmann::json::parse(read_file(project / "lisbind" / "lisbind.lock"));
  std::string rel = lock["files"].begin().key();
  std::ofstream(project / "lisbind" / "typedefs" / rel, std::ios::app)
      << "pub fn Injected() -> int\n";
  fs::remove_all(project / "target");
  auto st = lisbind({"status"}, project);
  EXPECT_EQ(st.exit_code, 1);
  EXPECT_NE(st.out.find("edited since lisbind wrote it"), std::string::npos) << st.out;
  auto s = lisbind({"sync"}, project);
  expect_one_line_error(s, "sync");
  EXPECT_NE(s.err.find("was edited since lisbind wrote it"), std::string::npos) << s.err;
  EXPECT_FALSE(fs::exists(cache_dir(project) / rel));
}

// A helper that loads for real, then reports one package as failed (as offline or with a broken
// C compiler): the project keeps its earlier bindings, the run fails, nothing is cached.
TEST(ImportE2e, ALoadFailureKeepsTheEarlierBindingsAndExitsNonZero) {
  fs::path project = imported_project("loadfail");
  const auto state = project_state(project);
  fs::path cache = project.parent_path() / "loadfail-cache";
  fs::remove_all(cache);
  fs::create_directories(cache);
  fs::path helper = cache / "helper.sh";
  std::ofstream(helper)
      << "#!/bin/sh\n" LISBIND_BINARY_DIR "/lisbind-extract \"$@\" || exit $?\n"
      << "while [ \"$1\" != -o ]; do shift; done\n"
      << "python3 - \"$2\" <<'EOF'\nimport json,sys\nm=json.load(open(sys.argv[1]))\n"
      << "m.setdefault('errors',[]).append({'package':'github.com/prometheus/client_golang/"
         "prometheus','message':'gcc: not found'})\n"
      << "m['packages']=[p for p in m['packages'] if "
         "p['path']!='github.com/prometheus/client_golang/prometheus']\n"
      << "json.dump(m,open(sys.argv[1],'w'))\nEOF\n";
  fs::permissions(helper, fs::perms::owner_all);
  auto r = lisbind({"import", kPromTestutil, "-q"}, project,
                   {{"LISBIND_CACHE_DIR", cache.string()}, {"LISBIND_EXTRACT", helper.string()}});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("gcc: not found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("left unchanged"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("bound 0"), std::string::npos) << r.out;
  EXPECT_EQ(project_state(project), state);
  EXPECT_EQ(lisbind({"status"}, project).exit_code, 0);
  EXPECT_FALSE(fs::exists(cache / "bindings"));
  if (fs::exists(cache / "models")) {
    EXPECT_TRUE(fs::is_empty(cache / "models"));
  }
  fs::remove_all(cache);
}

// Kills lisbind (LISBIND_FAULT_AT_STEP) at every file-system step of an import that changes the
// project. After each kill: lisette.toml and lisbind/ are the complete old or new state, or a
// commit is pending and `status` says so; `status` reports "in sync" only when it is; and running
// the import again ends in exactly the new state.
TEST(ImportE2e, AKillAtEveryFileSystemStepLeavesTheOldOrTheNewState) {
  fs::path base = imported_project("fault-base");
  const auto old_state = project_state(base);
  const std::string old_stamp = read_file(cache_dir(base) / ".warm-stamp");
  fs::path reference = base.parent_path() / "fault-reference";
  copy_project(base, reference);
  auto r = lisbind({"import", kPromTestutil, "-q"}, reference, cache_env());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto new_state = project_state(reference);
  const std::string new_stamp = read_file(cache_dir(reference) / ".warm-stamp");
  ASSERT_NE(old_state, new_state);

  fs::path project = base.parent_path() / "fault-run";
  int completed_at = 0;
  for (int step = 1; step < 2000 && !completed_at; ++step) {
    copy_project(base, project);
    auto env = cache_env();
    env["LISBIND_FAULT_AT_STEP"] = std::to_string(step);
    auto k = lisbind({"import", kPromTestutil, "-q"}, project, env);
    if (k.exit_code == 0) {
      completed_at = step;
    } else {
      ASSERT_EQ(k.exit_code, 86) << "step " << step << ": " << k.err;
    }
    const auto state = project_state(project);
    const bool pending = fs::exists(project / "lisbind.commit");
    const bool is_old = state == old_state, is_new = state == new_state;
    EXPECT_TRUE(is_old || is_new || pending)
        << "step " << step << ": neither the old nor the new state";
    auto st = lisbind({"status"}, project);
    const bool truly_in_sync = !pending && ((is_old && cache_agrees(project, old_stamp)) ||
                                            (is_new && cache_agrees(project, new_stamp)));
    EXPECT_EQ(st.exit_code == 0, truly_in_sync) << "step " << step << ": status says\n" << st.out;
    if (pending) {
      EXPECT_NE(st.out.find("interrupted"), std::string::npos) << st.out;
    }
    // A re-run recovers.
    auto again = lisbind({"import", kPromTestutil, "-q"}, project, cache_env());
    ASSERT_EQ(again.exit_code, 0) << "step " << step << ": " << again.err;
    EXPECT_EQ(project_state(project), new_state) << "step " << step;
    EXPECT_EQ(lisbind({"status"}, project).exit_code, 0) << "step " << step;
    for (const auto& e : fs::directory_iterator(project)) {
      std::string name = e.path().filename().string();
      EXPECT_TRUE(name == "lisbind" || !name.starts_with("lisbind."))
          << "step " << step << ": left " << name;
      EXPECT_FALSE(name.starts_with("lisette.toml.")) << "step " << step << ": left " << name;
    }
  }
  EXPECT_GT(completed_at, 10) << "the import should take more than ten file-system steps";
  std::cerr << "fault injection: " << completed_at - 1 << " steps, each killed and recovered\n";
}

}  // namespace
}  // namespace lisbind
