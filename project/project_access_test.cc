#include "project/project_access.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "base/errors.h"
#include "base/file_util.h"
#include "project/project_test_support.h"

namespace lisbind::emit {
namespace {
namespace fs = std::filesystem;

fs::path scratch(const std::string& name) { return project_test::scratch("project-access", name); }

TEST(ProjectAccess, FindsTheProjectAboveADirectoryOrSaysHowToMakeOne) {
  fs::path project = scratch("found");
  write_file(project / "lisette.toml", "[project]\nname = \"app\"\n");
  fs::create_directories(project / "src" / "deep");
  EXPECT_EQ(fs::canonical(locate_project((project / "src" / "deep").string())),
            fs::canonical(project));
  try {
    locate_project(scratch("none").string());
    FAIL();
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("create one with `lis new NAME`"), std::string::npos);
  }
}

TEST(ProjectAccess, OneLisbindAtATimeUpdatesAProject) {
  fs::path project = scratch("locked");
  {
    ProjectUpdateLock first(project);
    try {
      ProjectUpdateLock second(project);
      FAIL();
    } catch (const UserError& e) {
      EXPECT_NE(std::string(e.what()).find("another lisbind is updating this project"),
                std::string::npos);
    }
  }
  ProjectUpdateLock again(project);  // released with the first
}

TEST(ProjectAccess, AProjectWithoutBindingsHasNoLockButTypedefsWithoutOneAreRefused) {
  fs::path project = scratch("lockless");
  EXPECT_FALSE(read_project_lock(project));
  write_file(project / "lisbind" / "typedefs" / "example.com" / "m@v1.0.0" / "m.d.lis", "\n");
  try {
    read_project_lock(project);
    FAIL();
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("holds typedefs but no lisbind.lock"), std::string::npos);
  }
}

}  // namespace
}  // namespace lisbind::emit
