// Runs the built `lisbind` the way a user does: real go, real modules from the module proxy.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/process.h"

namespace lisbind {
namespace {
namespace fs = std::filesystem;

ProcessResult lisbind(std::vector<std::string> args, fs::path cwd = {},
                      std::map<std::string, std::string> env = {}) {
  args.insert(args.begin(), LISBIND_BINARY_DIR "/lisbind");
  SystemProcessRunner runner;
  return runner.run({.argv = args, .cwd = cwd, .env_set = env, .inherit_stderr = false});
}

int count_lines(const std::string& s) {
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

fs::path scratch_dir(const std::string& name) {
  fs::path d =
      fs::temp_directory_path() / ("lisbind-cli-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

TEST(Cli, HelpExplainsEachCommand) {
  auto r = lisbind({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("dump"), std::string::npos);
  EXPECT_NE(r.out.find("gen"), std::string::npos);
  auto g = lisbind({"gen", "--help"});
  EXPECT_NE(g.out.find("lisbind-ledger.json"), std::string::npos);
}

// The scripts (scripts/lisbind_scripts/binding_names.py) ask this hidden command for the rule of
// syntax/names.cc instead of keeping a copy of it.
TEST(Cli, BindingNameIsHiddenAndPrintsOneNamePerPath) {
  EXPECT_EQ(lisbind({"--help"}).out.find("binding-name"), std::string::npos);
  auto r = lisbind(
      {"binding-name", "k8s.io/api/core/v1", "github.com/foo/bar/v5", "gopkg.in/yaml.v3", "fmt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "v1\nbar\nyaml.v3\nfmt\n");
  auto j = lisbind({"binding-name", "--json", "math/rand/v2", "example.com/m/v1"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(nlohmann::json::parse(j.out),
            (nlohmann::json{{"math/rand/v2", "rand"}, {"example.com/m/v1", "v1"}}));
  EXPECT_NE(lisbind({"binding-name"}).exit_code, 0);
}

TEST(Cli, DumpClientGoReportsTheClosure) {
  auto r = lisbind({"dump", "k8s.io/client-go/kubernetes@v0.37.2", "--json", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto model = nlohmann::json::parse(r.out);
  EXPECT_FALSE(model.contains("errors")) << model["errors"].dump();
  const nlohmann::json* core = nullptr;
  bool meta = false;
  for (const auto& p : model["packages"]) {
    if (p["path"] == "k8s.io/api/core/v1") core = &p;
    if (p["path"] == "k8s.io/apimachinery/pkg/apis/meta/v1") meta = true;
  }
  EXPECT_GT(model["packages"].size(), 150u);
  ASSERT_NE(core, nullptr);
  EXPECT_TRUE(meta);
  bool pod_embeds_object_meta = false;
  for (const auto& d : (*core)["decls"]) {
    if (d["name"] != "Pod") continue;
    for (const auto& f : d["underlying"]["fields"]) {
      if (f["name"] == "ObjectMeta" && f.value("embedded", false) &&
          f["type"]["pkg"] == "k8s.io/apimachinery/pkg/apis/meta/v1") {
        pod_embeds_object_meta = true;
      }
    }
  }
  EXPECT_TRUE(pod_embeds_object_meta);
}

TEST(Cli, UnknownModuleIsOneClearLine) {
  auto r = lisbind({"dump", "example.com/lisbind-no-such/module"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_TRUE(
      r.err.starts_with("lisbind: unknown module: the Go module proxy has no module providing "
                        "example.com/lisbind-no-such/module"))
      << r.err;
}

TEST(Cli, MissingVersionIsOneClearLine) {
  auto r = lisbind({"dump", "k8s.io/client-go/kubernetes@v9.9.9"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "lisbind: version v9.9.9 of k8s.io/client-go does not exist on the Go module proxy; "
            "list the published "
            "ones with `go list -m -versions k8s.io/client-go`\n");
}

TEST(Cli, OfflineWithoutTheModuleCachedIsOneClearLine) {
  // GOPROXY=off is Go's own offline switch; the module below is never fetched by the tests.
  auto r = lisbind({"dump", "github.com/lisbind-test/never-downloaded@v1.0.0"}, {},
                   {{"GOPROXY", "off"}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_TRUE(r.err.starts_with("lisbind: cannot reach the Go module proxy")) << r.err;
}

TEST(Cli, NoGoOnPathIsOneClearLine) {
  auto r = lisbind({"dump", "fmt"}, {}, {{"PATH", "/nonexistent"}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.err,
      "lisbind: the Go toolchain was not found: install Go 1.26 or newer and put `go` on PATH\n");
}

TEST(Cli, TypeErrorInOnePackageStillLoadsTheOthers) {
  fs::path m = scratch_dir("typeerror");
  write(m / "go.mod", "module example.com/broken\n\ngo 1.26\n");
  write(m / "good" / "good.go",
        "package good\n\n// Answer is fine.\nfunc Answer() int { return 42 }\n");
  write(m / "bad" / "bad.go", "package bad\n\nfunc Broken() int { return undefinedName }\n");
  auto r = lisbind({"dump", "./..."}, m);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("example.com/broken/good"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("lisbind: package example.com/broken/bad failed to load: "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("undefinedName"), std::string::npos) << r.err;

  fs::path out = scratch_dir("typeerror-out");
  auto g = lisbind({"gen", "./...", "-o", out.string(), "-q"}, m);
  EXPECT_EQ(g.exit_code, 1);
  EXPECT_TRUE(fs::exists(out / "example.com/broken/good/good.d.lis"));
  EXPECT_FALSE(fs::exists(out / "example.com/broken/bad/bad.d.lis"));
  fs::remove_all(m);
  fs::remove_all(out);
}

TEST(Cli, UnwritableOutputIsOneClearLineAndWritesNothing) {
  fs::path m = scratch_dir("unwritable");
  write(m / "go.mod", "module example.com/ok\n\ngo 1.26\n");
  write(m / "ok.go", "package ok\n\nfunc F() {}\n");
  write(m / "blocker", "a file where the output directory should go\n");
  auto r = lisbind({"gen", "./...", "-o", (m / "blocker" / "out").string()}, m);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_TRUE(r.err.starts_with("lisbind: cannot create directory")) << r.err;
  fs::remove_all(m);
}

TEST(Cli, GenWritesTreeAndLedger) {
  fs::path out = scratch_dir("gen");
  auto r = lisbind(
      {"gen", "github.com/prometheus/client_golang/prometheus@v1.25.0", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(
      fs::exists(out / "github.com/prometheus/client_golang@v1.25.0/prometheus/prometheus.d.lis"));
  EXPECT_TRUE(fs::exists(out / "std/time.d.lis"));  // the closure reaches the standard library
  auto ledger = nlohmann::json::parse(std::ifstream(out / "lisbind-ledger.json"));
  EXPECT_GT(ledger["totals"]["bound"].get<int>(), 1000);
  EXPECT_NE(r.out.find("% bound)"), std::string::npos) << r.out;
  fs::remove_all(out);
}

TEST(Cli, AnUnchangedRequestReusesTheCachedModel) {
  fs::path dir = scratch_dir("modelcache");
  // A stand-in for the helper that records each start, then runs the real one.
  write(dir / "helper.sh", "#!/bin/sh\necho run >> " + (dir / "runs.log").string() +
                               "\nexec " LISBIND_BINARY_DIR "/lisbind-extract \"$@\"\n");
  fs::permissions(dir / "helper.sh", fs::perms::owner_all);
  std::map<std::string, std::string> env = {{"LISBIND_EXTRACT", (dir / "helper.sh").string()},
                                            {"LISBIND_CACHE_DIR", (dir / "cache").string()}};
  auto first = lisbind({"gen", "errors", "-o", (dir / "out1").string(), "-q"}, {}, env);
  auto second = lisbind({"gen", "errors", "-o", (dir / "out2").string(), "-q"}, {}, env);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(read_text(dir / "runs.log"), "run\n");  // the second run read the cached model
  EXPECT_FALSE(read_text(dir / "out1/std/errors.d.lis").empty());
  EXPECT_EQ(read_text(dir / "out1/std/errors.d.lis"), read_text(dir / "out2/std/errors.d.lis"));
  fs::remove_all(dir);
}

TEST(Cli, ExplainShowsRuleAndEvidence) {
  auto os = lisbind({"explain", "os.NewFile"});
  ASSERT_EQ(os.exit_code, 0) << os.err;
  EXPECT_NE(os.out.find("  Go:       func NewFile(fd uintptr, name string) *os.File  // file.go:"),
            std::string::npos)
      << os.out;
  EXPECT_NE(os.out.find(
                "  Lisette:  pub fn NewFile(fd: uintptr, name: string) -> Option<mut Ref<File>>\n"),
            std::string::npos);
  EXPECT_NE(
      os.out.find(
          "result: Option<mut Ref<File>> \u2014 rule evidence-may-be-nil (returns nil at file.go:"),
      std::string::npos);

  auto http = lisbind({"explain", "net/http.Client.Do"});
  ASSERT_EQ(http.exit_code, 0) << http.err;
  EXPECT_NE(http.out.find(
                "  Go:       func (*Client) Do(req *net/http.Request) (*net/http.Response, error)"),
            std::string::npos)
      << http.out;
  EXPECT_NE(http.out.find("receiver: self: Ref<Client> \u2014 no evidence of writes: read-only"),
            std::string::npos);
  EXPECT_NE(
      http.out.find("result: Result<mut Ref<Response>, error> \u2014 rule result-value-error"),
      std::string::npos);

  auto pod = lisbind({"explain", "k8s.io/api/core/v1.PodSpec.SecurityContext@v0.37.2"});
  ASSERT_EQ(pod.exit_code, 0) << pod.err;
  EXPECT_NE(
      pod.out.find("  Go:       PodSpec.SecurityContext *k8s.io/api/core/v1.PodSecurityContext\n"),
      std::string::npos)
      << pod.out;
  EXPECT_NE(pod.out.find("  Lisette:  pub SecurityContext: Option<mut Ref<PodSecurityContext>>\n"),
            std::string::npos);
  EXPECT_NE(pod.out.find("a field's zero value is nil for this Go type, so it is an Option"),
            std::string::npos);

  auto bad = lisbind({"explain", "os"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("names no symbol"), std::string::npos);
}

TEST(Cli, ExplainAppliesAnOverridesFile) {
  fs::path dir = scratch_dir("overrides");
  write(dir / "o.toml", "[os]\n\"NewFile\" = { result = \"non-nil\" }\n");
  auto r = lisbind({"explain", "os.NewFile", "--overrides", (dir / "o.toml").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  Lisette:  pub fn NewFile(fd: uintptr, name: string) -> mut Ref<File>\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("rule evidence-non-nil (every return is non-nil)"), std::string::npos);
  EXPECT_NE(r.out.find("overrides file: applied"), std::string::npos);
  EXPECT_NE(r.out.find("ledger:   bound (evidence-non-nil+override)"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace lisbind

namespace lisbind {
namespace {

// `lisbind verify` with no pattern reads the project's lock, which a repository carries: a
// request that is not a plain package pattern never reaches `go`.
TEST(Cli, VerifyRefusesAMalformedLockRequest) {
  fs::path project =
      fs::temp_directory_path() / ("lisbind-cli-verify-" + std::to_string(::getpid()));
  fs::remove_all(project);
  fs::create_directories(project / "lisbind");
  std::ofstream(project / "lisette.toml") << "[project]\nname = \"p\"\nversion = \"0.1.0\"\n";
  // A lock as a repository could carry it: a request that would reach `go` as a flag.
  nlohmann::json lock = {
      {"lockfile", 1},
      {"lisbind", "0.1.0"},
      {"lis", "0.12.5"},
      {"go", "go1.26.8"},
      {"target", "linux_amd64"},
      {"requests",
       {{{"pattern", "-modfile=/etc/passwd"}, {"module", "example.com/m"}, {"version", "v1.0.0"}}}},
      {"modules", {{"example.com/m", {{"version", "v1.0.0"}}}}},
      {"files", nlohmann::json::object()}};
  std::ofstream(project / "lisbind" / "lisbind.lock") << lock.dump();
  auto r = lisbind({"verify", "-q"}, project);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("lisbind/lisbind.lock is invalid: request '-modfile=/etc/passwd' is not a "
                       "Go module path"),
            std::string::npos)
      << r.err;
  // A valid lock made by other mapping rules: its vendored ledger is not this run's to annotate.
  lock["requests"][0]["pattern"] = "example.com/m";
  lock["rules"] = "0000000000000000";
  std::ofstream(project / "lisbind" / "lisbind.lock") << lock.dump();
  r = lisbind({"verify", "-q"}, project);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("run `lisbind sync` to regenerate them, then verify"), std::string::npos)
      << r.err;
  std::ofstream(project / "lisbind" / "lisbind.lock") << "{not json";
  r = lisbind({"verify", "-q"}, project);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is not a lisbind lock file"), std::string::npos) << r.err;
  fs::remove_all(project);
}

}  // namespace
}  // namespace lisbind
