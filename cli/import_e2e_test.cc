// `lisbind import` end to end: real `lis new` projects, real modules from the Go module proxy,
// the Lisette programs under testdata/e2e checked by the real `lis check`.
//
// Not covered here: `lis build`/`lis run`. lis 0.12.5 compiles every program against its Go
// runtime module github.com/ivov/lisette/prelude@v0.12.5, which the module proxy reachable on
// this project's machines refuses (403); see README.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "importer/file_util.h"
#include "importer/process.h"

namespace lisbind {
namespace {
namespace fs = std::filesystem;

// The main job's two samples: client_go and prometheus.
const fs::path kSamples = fs::path(LISBIND_SOURCE_DIR) / "testdata" / "e2e" / "programs";

ProcessResult run(std::vector<std::string> argv, const fs::path& cwd, std::map<std::string, std::string> env = {}) {
  SystemProcessRunner runner;
  return runner.run({std::move(argv), cwd, std::move(env), false});
}

ProcessResult lisbind(std::vector<std::string> args, const fs::path& cwd, std::map<std::string, std::string> env = {}) {
  args.insert(args.begin(), LISBIND_BINARY_DIR "/lisbind");
  return run(std::move(args), cwd, std::move(env));
}

// A fresh project made by lis itself, with `program` as src/main.lis.
fs::path new_project(const std::string& name, const std::string& program = {}) {
  fs::path parent = fs::temp_directory_path() / ("lisbind-e2e-" + std::to_string(::getpid()));
  fs::create_directories(parent);
  fs::remove_all(parent / name);
  auto r = run({"lis", "new", name}, parent);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  if (!program.empty()) {
    fs::copy_file(kSamples / ("sample_" + program) / "src" / "main.lis", parent / name / "src" / "main.lis",
                  fs::copy_options::overwrite_existing);
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
    EXPECT_EQ(fnv1a_hex(read_file(project / "lisbind" / "typedefs" / rel)), hash.get<std::string>()) << rel;
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
  for (const auto& line : manifest_lines) EXPECT_NE(manifest.find(line), std::string::npos) << manifest;

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
  auto s = lisbind({"sync", "-q"}, project, {{"GOPROXY", "off"}});  // offline, from the vendored copy
  ASSERT_EQ(s.exit_code, 0) << s.err;
  expect_cache_matches_lock(project);
  expect_lis_check_passes(project);
  auto st = lisbind({"status"}, project);
  EXPECT_EQ(st.exit_code, 0) << st.out;
  EXPECT_NE(st.out.find("in sync:"), std::string::npos) << st.out;
}

TEST(ImportE2e, PrometheusRegistryProgram) {
  import_check_and_survive_lis(
      "prometheus", "github.com/prometheus/client_golang@v1.25.0",
      {"\"github.com/prometheus/client_golang\" = \"v1.25.0\"",
       "\"github.com/prometheus/client_model\" = { version = \"v0.6.3\", via = [\"github.com/prometheus/client_golang\"] }"});
}

TEST(ImportE2e, ClientGoTypedFakeAndKubeconfigProgram) {
  import_check_and_survive_lis("client_go", "k8s.io/client-go@v0.37.2",
                               {"\"k8s.io/client-go\" = \"v0.37.2\"",
                                "\"k8s.io/api\" = { version = \"v0.37.2\", via = [\"k8s.io/client-go\"] }",
                                "\"k8s.io/apimachinery\" = { version = \"v0.37.2\", via = [\"k8s.io/client-go\"] }"});
}

TEST(ImportE2e, StatusReportsDriftAndSyncRepairsIt) {
  fs::path project = new_project("drift", "prometheus");
  ASSERT_EQ(lisbind({"import", "github.com/prometheus/client_golang/prometheus@v1.25.0", "-q"}, project).exit_code, 0);
  // The project starts importing another bound package: the stamp no longer matches.
  std::ofstream(project / "src" / "extra.lis") << "import \"go:github.com/prometheus/client_golang/prometheus/testutil\"\n";
  auto st = lisbind({"status"}, project);
  EXPECT_EQ(st.exit_code, 1);
  EXPECT_NE(st.out.find("warm stamp does not match"), std::string::npos) << st.out;
  ASSERT_EQ(lisbind({"sync", "-q"}, project).exit_code, 0);
  EXPECT_EQ(lisbind({"status"}, project).exit_code, 0);
}

TEST(ImportE2e, RemoveUndoesTheImport) {
  fs::path project = new_project("remove");
  std::string before = read_file(project / "lisette.toml");
  ASSERT_EQ(lisbind({"import", "github.com/prometheus/client_golang/prometheus@v1.25.0", "-q"}, project).exit_code, 0);
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
  auto r = lisbind({"import", "github.com/prometheus/client_golang/prometheus@v1.24.1", "-q"}, project);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto lock = nlohmann::json::parse(read_file(project / "lisbind" / "lisbind.lock"));
  ASSERT_EQ(lock["requests"].size(), 2u);
  for (const auto& req : lock["requests"]) EXPECT_EQ(req["version"], "v1.24.1") << req.dump();
  EXPECT_NE(read_file(project / "lisette.toml").find("\"github.com/prometheus/client_golang\" = \"v1.24.1\""),
            std::string::npos);
}

// Every file below `dir`, by relative path, with its content.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = read_file(e.path());
  }
  return files;
}

TEST(ImportE2e, AnotherProjectReusesTheBindingsWithoutReadingTheModel) {
  const std::string spec = "github.com/prometheus/client_golang@v1.25.0";  // all that the program imports
  fs::path first = new_project("reuse-first", "prometheus");
  fs::path cache = first.parent_path() / "reuse-cache";
  fs::remove_all(cache);
  fs::create_directories(cache);
  // A stand-in for the helper that records each start, then runs the real one.
  fs::path helper = cache / "helper.sh";
  std::ofstream(helper) << "#!/bin/sh\necho run >> " << (cache / "runs.log").string()
                        << "\nexec " LISBIND_BINARY_DIR "/lisbind-extract \"$@\"\n";
  fs::permissions(helper, fs::perms::owner_all);
  std::map<std::string, std::string> env = {{"LISBIND_CACHE_DIR", cache.string()}, {"LISBIND_EXTRACT", helper.string()}};
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
  auto stale = lisbind({"import", spec}, second, {{"PATH", "/nonexistent"}, {"LISBIND_CACHE_DIR", cache.string()}});
  EXPECT_NE(stale.exit_code, 0);
  EXPECT_EQ(stale.out.find("already bound"), std::string::npos) << stale.out;
  fs::remove_all(cache);
}

TEST(ImportE2e, NotALisetteProject) {
  fs::path dir = fs::temp_directory_path() / ("lisbind-e2e-noproject-" + std::to_string(::getpid()));
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
  expect_refused_and_untouched({"import", "example.com/lisbind-no-such/module"}, "lisbind: unknown module");
}

TEST(ImportE2e, MissingVersion) {
  expect_refused_and_untouched({"import", "github.com/prometheus/client_golang@v9.9.9"},
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
  run({"timeout", "-s", "KILL", "0.5", LISBIND_BINARY_DIR "/lisbind", "import", "k8s.io/client-go@v0.37.2"}, project,
      {{"LISBIND_CACHE_DIR", cache.string()}});
  EXPECT_EQ(read_file(project / "lisette.toml"), before);
  for (const auto& e : fs::directory_iterator(project)) {
    EXPECT_FALSE(e.path().filename().string().starts_with("lisbind.")) << e.path();
  }
  // The next run completes normally.
  ASSERT_EQ(lisbind({"import", "github.com/prometheus/client_golang/prometheus@v1.25.0", "-q"}, project,
                    {{"LISBIND_CACHE_DIR", cache.string()}})
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
  EXPECT_EQ(r.err, "lisbind: another lisbind is updating this project right now; run this again when it has finished\n");
  EXPECT_FALSE(fs::exists(project / "lisbind"));
  ::close(fd);
}

}  // namespace
}  // namespace lisbind
