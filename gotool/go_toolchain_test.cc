#include "gotool/go_toolchain.h"

#include <gtest/gtest.h>

#include "base/errors.h"

namespace lisbind {
namespace {

TEST(GoVersion, Parses) {
  auto v = parse_go_version("go1.26.8\n");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->major, 1);
  EXPECT_EQ(v->minor, 26);
  EXPECT_EQ(v->text, "go1.26.8");
  EXPECT_EQ(parse_go_version("go1.27rc1")->minor, 27);
  EXPECT_EQ(parse_go_version("go1.25")->minor, 25);
  EXPECT_FALSE(parse_go_version("devel +abc"));
  EXPECT_FALSE(parse_go_version(""));
}

// Stands in for `go` so the version check can be tested against toolchains this machine lacks.
class ScriptedGo : public ProcessRunner {
 public:
  explicit ScriptedGo(std::string version) : version_(std::move(version)) {}
  ProcessResult run(const ProcessRequest& request) override {
    last_env = request.env_set;
    return {.exit_code = 0, .out = version_ + "\n", .err = ""};
  }
  std::map<std::string, std::string> last_env;

 private:
  std::string version_;
};

TEST(GoToolchain, RejectsOldGoWithAClearLine) {
  ScriptedGo old_go("go1.24.3");
  try {
    GoToolchain go(old_go);
    FAIL() << "an old Go was accepted";
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()), "go1.24.3 is too old: lisbind needs Go 1.26 or newer on PATH");
  }
}

TEST(GoToolchain, RunsGoHermetically) {
  ScriptedGo current("go1.26.8");
  GoToolchain go(current);
  EXPECT_EQ(go.version().minor, 26);
  EXPECT_EQ(current.last_env.at("GOTOOLCHAIN"), "local");
  EXPECT_EQ(current.last_env.at("GOWORK"), "off");
  EXPECT_EQ(current.last_env.at("GOFLAGS"), "-mod=mod");
}

TEST(GoToolchain, RealGoOnThisMachineIsAccepted) {
  SystemProcessRunner runner;
  GoToolchain go(runner);
  EXPECT_GE(go.version().minor, kMinimumGoMinor);
}

}  // namespace
}  // namespace lisbind
