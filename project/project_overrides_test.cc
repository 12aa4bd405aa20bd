#include "project/project_overrides.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "base/errors.h"
#include "base/file_util.h"

namespace lisbind::emit {
namespace {
namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() /
                 ("lisbind-project-overrides-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

model::ApiModel os_with_getwd() {
  model::Decl getwd;
  getwd.kind = model::DeclKind::Func;
  getwd.name = "Getwd";
  model::Package os;
  os.path = "os";
  os.name = "os";
  os.decls = {getwd};
  model::ApiModel api;
  api.packages.push_back(os);
  return api;
}

TEST(ProjectOverrides, AProjectWithoutTheFileHasNoneAndNoDigest) {
  fs::path project = scratch("none");
  EXPECT_EQ(project_overrides_digest(project), "");
  EXPECT_EQ(load_project_overrides(project).find("os", "Getwd"), nullptr);
}

TEST(ProjectOverrides, TheDigestFollowsTheFile) {
  fs::path project = scratch("digest");
  write_file(project / "lisbind-overrides.toml", "[os]\n\"Getwd\" = { skip = true }\n");
  const std::string first = project_overrides_digest(project);
  EXPECT_EQ(first, fnv1a_hex("[os]\n\"Getwd\" = { skip = true }\n"));
  write_file(project / "lisbind-overrides.toml", "[os]\n\"Getwd\" = { partial = true }\n");
  EXPECT_NE(project_overrides_digest(project), first);
  EXPECT_TRUE(load_project_overrides(project).find("os", "Getwd")->partial);
}

TEST(ProjectOverrides, AMalformedFileStopsBeforeAnyWork) {
  fs::path project = scratch("malformed");
  write_file(project / "lisbind-overrides.toml", "[os\n");
  EXPECT_THROW(load_project_overrides(project), UserError);
}

TEST(ProjectOverrides, NamesTheFirstProblemWithTheLoadedApiAndCountsTheRest) {
  fs::path project = scratch("checked");
  write_file(project / "lisbind-overrides.toml",
             "[os]\n\"Nope\" = { skip = true }\n\"Gone\" = { skip = true }\n");
  try {
    load_project_overrides_checked_against(project, os_with_getwd());
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()), (project / "lisbind-overrides.toml").string() +
                                         ": os.Gone: package os declares no Gone (and 1 more)");
  }
  write_file(project / "lisbind-overrides.toml", "[os]\n\"Getwd\" = { skip = true }\n");
  EXPECT_TRUE(
      load_project_overrides_checked_against(project, os_with_getwd()).find("os", "Getwd")->skip);
}

}  // namespace
}  // namespace lisbind::emit
