#include "verify/std_typedefs.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <nlohmann/json.hpp>

#include "base/errors.h"
#include "base/file_util.h"
#include "base/scoped_env.h"

namespace lisbind::verify {
namespace {
namespace fs = std::filesystem;

const fs::path kSource = LISBIND_SOURCE_DIR;

// A scratch directory removed with the scope (project/project_test_support.h's scratch() stays
// behind, and belongs to project's tests).
class TempDir {
 public:
  TempDir() {
    std::string t = (fs::temp_directory_path() / "lisbind-std-typedefs-XXXXXX").string();
    path_ = ::mkdtemp(t.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

const char* kIndex =
    "common\tos\tos.d.lis\n"
    "common\tstrconv\tstrconv.d.lis\n"
    "common\tlog/syslog\tlog/syslog.d.lis\n"
    "targets\tlog/syslog\tlinux\tamd64\tdarwin\tarm64\n"
    "overlay\tlinux\tamd64\tos\tos_linux_amd64.d.lis\n"
    "overlay\tlinux\tarm64\tos\tos_linux_amd64.d.lis\n";

TEST(StdTypedefIndex, OverlayFirstThenCommonAndOnlyOnListedTargets) {
  auto index = StdTypedefIndex::parse(kIndex, "/crate");
  EXPECT_EQ(index.file_for("os", "linux", "amd64"),
            fs::path("/crate/typedefs/os_linux_amd64.d.lis"));
  EXPECT_EQ(index.file_for("os", "linux", "arm64"),
            fs::path("/crate/typedefs/os_linux_amd64.d.lis"));
  EXPECT_EQ(index.file_for("os", "darwin", "arm64"), fs::path("/crate/typedefs/os.d.lis"));
  EXPECT_EQ(index.file_for("strconv", "windows", "amd64"),
            fs::path("/crate/typedefs/strconv.d.lis"));
  EXPECT_EQ(index.file_for("log/syslog", "linux", "amd64"),
            fs::path("/crate/typedefs/log/syslog.d.lis"));
  EXPECT_EQ(index.file_for("log/syslog", "windows", "amd64"), std::nullopt);
  EXPECT_EQ(index.file_for("internal/abi", "linux", "amd64"), std::nullopt);
  EXPECT_THROW(StdTypedefIndex::parse("common\tonly-two\n", "/crate"), UserError);
}

TEST(StdTypedefIndex, FindsTheCrateGivenOrInCargosRegistry) {
  TempDir home;
  ScopedEnv no_override("LISBIND_LIS_STDLIB", std::nullopt);
  ScopedEnv cargo("CARGO_HOME", home.path().string());
  try {
    find_lis_stdlib("0.12.5");
    FAIL() << "no crate, yet one was found";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("run scripts/setup"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("lisette-stdlib-0.12.5"), std::string::npos);
  }
  fs::path crate =
      home.path() / "registry" / "src" / "index.crates.io-abc" / "lisette-stdlib-0.12.5";
  fs::create_directories(crate / "src");
  write_file_atomically(crate / "src" / "go_modules.tsv", kIndex);
  EXPECT_EQ(find_lis_stdlib("0.12.5"), crate);
  EXPECT_THROW(find_lis_stdlib("0.13.0"), UserError);  // the pinned version only
  {
    ScopedEnv given("LISBIND_LIS_STDLIB", (home.path() / "elsewhere").string());
    EXPECT_THROW(find_lis_stdlib("0.12.5"), UserError);  // named, but not a crate
  }
  EXPECT_EQ(find_lis_stdlib("0.12.5", crate), crate);
  EXPECT_EQ(StdTypedefIndex::load(crate).file_for("os", "linux", "amd64"),
            crate / "typedefs" / "os_linux_amd64.d.lis");
}

TEST(StdTypedefIndex, FindsDlisParseBesideTheSourceTreeOrSaysWhatToDo) {
  TempDir tree;
  ScopedEnv no_override("LISBIND_DLIS_PARSE", std::nullopt);
  ScopedEnv path("PATH", tree.path().string());
  fs::path exe = tree.path() / "build" / "lisbind";
  try {
    find_dlis_parse(exe);
    FAIL() << "no dlis-parse, yet one was found";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("run scripts/setup"), std::string::npos) << e.what();
  }
  fs::path tool = tree.path() / "tools" / "dlis-parse" / "target" / "release" / "dlis-parse";
  fs::create_directories(tool.parent_path());
  write_file_atomically(tool, "");
  EXPECT_EQ(find_dlis_parse(exe), tool);
  ScopedEnv given("LISBIND_DLIS_PARSE", tool.string());
  EXPECT_EQ(find_dlis_parse(tree.path() / "nowhere" / "lisbind"), tool);
}

// Answers dlis-parse's command line with the checked-in sample, once per file named.
class FakeDlisParse : public ProcessRunner {
 public:
  ProcessResult run(const ProcessRequest& request) override {
    argv = request.argv;
    nlohmann::json sample = nlohmann::json::parse(read_file(kSource / "testdata/dlis/sample.json"));
    nlohmann::json files = nlohmann::json::array();
    for (size_t i = 1; i < request.argv.size(); ++i) {
      nlohmann::json f = sample;
      if (request.argv[i].ends_with("os.d.lis"))
        f["parse_errors"] = {{{"line", 7}, {"message", "Unexpected token"}, {"code", "x"}}};
      files.push_back(f);
    }
    return {0, nlohmann::json{{"files", files}}.dump(), ""};
  }
  std::vector<std::string> argv;
};

TEST(StdTypedefs, OneRunForAllPackagesWithMissingAndUnreadableOnesListed) {
  auto index = StdTypedefIndex::parse(kIndex, "/crate");
  FakeDlisParse runner;
  StdTypedefs t =
      read_std_typedefs(runner, "/bin/dlis-parse", index,
                        {"strconv", "os", "log/syslog", "internal/abi"}, "windows", "amd64");
  EXPECT_EQ(runner.argv,
            (std::vector<std::string>{"/bin/dlis-parse", "/crate/typedefs/strconv.d.lis",
                                      "/crate/typedefs/os.d.lis"}));
  ASSERT_TRUE(t.typedefs.contains("strconv"));
  EXPECT_EQ(t.typedefs["strconv"].file, fs::path("/crate/typedefs/strconv.d.lis"));
  EXPECT_FALSE(t.typedefs["strconv"].read.file.functions.empty());
  EXPECT_EQ(t.missing, (std::vector<std::string>{"log/syslog", "internal/abi"}));
  ASSERT_TRUE(t.unreadable.contains("os"));
  EXPECT_NE(t.unreadable["os"].find("line 7: Unexpected token"), std::string::npos);
}

TEST(StdTypedefs, ABrokenToolIsAUserError) {
  auto index = StdTypedefIndex::parse(kIndex, "/crate");
  class Broken : public ProcessRunner {
    ProcessResult run(const ProcessRequest&) override { return {101, "", "panicked at x\n"}; }
  } runner;
  EXPECT_THROW(read_std_typedefs(runner, "/bin/dlis-parse", index, {"strconv"}, "linux", "amd64"),
               UserError);
}

// The checked-in sample is what the built dlis-parse prints (skipped where it is not built).
TEST(StdTypedefs, SampleJsonIsWhatDlisParsePrints) {
  fs::path tool = kSource / "tools/dlis-parse/target/release/dlis-parse";
  if (!fs::exists(tool)) GTEST_SKIP() << "tools/dlis-parse is not built (scripts/setup)";
  SystemProcessRunner runner;
  ProcessRequest r;
  r.argv = {tool.string(), "sample.d.lis"};
  r.cwd = kSource / "testdata/dlis";
  ProcessResult out = runner.run(r);
  ASSERT_EQ(out.exit_code, 0) << out.err;
  nlohmann::json printed = nlohmann::json::parse(out.out)["files"][0];
  nlohmann::json sample = nlohmann::json::parse(read_file(kSource / "testdata/dlis/sample.json"));
  EXPECT_EQ(printed, sample) << "regenerate testdata/dlis/sample.json with dlis-parse";
}

// lis's real typedefs of the pinned lis (LIS_VERSION), where cargo left the crate: every file of
// the linux/amd64 target reads.
TEST(StdTypedefs, LisCrateReadsOnLinuxAmd64) {
  fs::path tool = kSource / "tools/dlis-parse/target/release/dlis-parse";
  fs::path crate;
  try {
    crate = find_lis_stdlib(LISBIND_LIS_VERSION);
  } catch (const UserError&) {
    GTEST_SKIP() << "no lisette-stdlib-" << LISBIND_LIS_VERSION << " crate";
  }
  if (!fs::exists(tool)) GTEST_SKIP() << "tools/dlis-parse is not built (scripts/setup)";
  auto index = StdTypedefIndex::load(crate);
  SystemProcessRunner runner;
  StdTypedefs t = read_std_typedefs(runner, tool, index, {"os", "strconv", "net/http", "errors"},
                                    "linux", "amd64");
  EXPECT_TRUE(t.missing.empty());
  EXPECT_TRUE(t.unreadable.empty());
  ASSERT_EQ(t.typedefs.size(), 4u);
  EXPECT_EQ(t.typedefs["os"].file.filename(), "os_linux_amd64.d.lis");
  EXPECT_GT(t.typedefs["net/http"].read.file.types.size(), 20u);
}

}  // namespace
}  // namespace lisbind::verify
