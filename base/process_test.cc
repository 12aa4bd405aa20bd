#include "base/process.h"

#include <gtest/gtest.h>

#include "base/errors.h"

namespace lisbind {
namespace {

TEST(Process, CapturesBothStreamsAndExitCode) {
  SystemProcessRunner runner;
  auto r = runner.run({.argv = {"sh", "-c", "echo out; echo err >&2; exit 3"},
                       .cwd = {},
                       .env_set = {},
                       .inherit_stderr = false});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
}

TEST(Process, LargeOutputOnBothStreamsDoesNotDeadlock) {
  SystemProcessRunner runner;
  auto r =
      runner.run({.argv = {"sh", "-c", "head -c 300000 /dev/zero; head -c 300000 /dev/zero >&2"},
                  .cwd = {},
                  .env_set = {},
                  .inherit_stderr = false});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.size(), 300000u);
  EXPECT_EQ(r.err.size(), 300000u);
}

TEST(Process, WorkingDirectoryAndEnvironment) {
  SystemProcessRunner runner;
  auto r = runner.run({.argv = {"sh", "-c", "pwd; echo $LISBIND_PROBE"},
                       .cwd = "/tmp",
                       .env_set = {{"LISBIND_PROBE", "yes"}},
                       .inherit_stderr = false});
  EXPECT_EQ(r.out, "/tmp\nyes\n");
}

TEST(Process, MissingProgramIsAUserError) {
  SystemProcessRunner runner;
  EXPECT_THROW(
      runner.run(
          {.argv = {"lisbind-no-such-program"}, .cwd = {}, .env_set = {}, .inherit_stderr = false}),
      UserError);
}

}  // namespace
}  // namespace lisbind
