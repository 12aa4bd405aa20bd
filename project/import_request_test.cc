#include "project/import_request.h"

#include <gtest/gtest.h>

namespace lisbind::emit {
namespace {

using Specs = std::vector<std::string>;

BindingLock lock_with(std::vector<BindRequest> requests) {
  BindingLock lock;
  lock.lisbind_version = "0.1.0";
  lock.lis_version = "0.12.5";
  lock.rules_id = "rules";
  lock.overrides_hash = "";
  lock.requests = std::move(requests);
  return lock;
}

const GeneratorInfo kGenerator{
    .lisbind_version = "0.1.0", .lis_version = "0.12.5", .rules_id = "rules"};

TEST(ImportRequest, PreviousRequestsStayAtTheirLockedVersions) {
  BindingLock lock =
      lock_with({{.pattern = "example.com/a/...", .module = "example.com/a", .version = "v1.0.0"},
                 {.pattern = "example.com/b/x", .module = "example.com/b", .version = "v0.3.0"}});
  EXPECT_EQ(merged_request_specs({"example.com/c@v2.0.0"}, &lock),
            (Specs{"example.com/c@v2.0.0", "example.com/a/...@v1.0.0", "example.com/b/x@v0.3.0"}));
  EXPECT_EQ(merged_request_specs({"example.com/c"}, nullptr), Specs{"example.com/c"});
}

TEST(ImportRequest, AnArgumentReplacesTheRequestItNames) {
  BindingLock lock =
      lock_with({{.pattern = "example.com/a/...", .module = "example.com/a", .version = "v1.0.0"}});
  EXPECT_EQ(merged_request_specs({"example.com/a@v1.1.0"}, &lock), Specs{"example.com/a@v1.1.0"});
}

TEST(ImportRequest, AnArgumentInsideAModuleMovesItsOtherRequests) {
  BindingLock lock =
      lock_with({{.pattern = "example.com/b/x", .module = "example.com/b", .version = "v0.3.0"}});
  EXPECT_EQ(merged_request_specs({"example.com/b/y@v0.4.0"}, &lock),
            (Specs{"example.com/b/y@v0.4.0", "example.com/b/x@v0.4.0"}));
  EXPECT_EQ(merged_request_specs({"example.com/b/y"}, &lock),
            (Specs{"example.com/b/y", "example.com/b/x@latest"}));
}

TEST(ImportRequest, TheLockAnswersOnlyExactVersionsFromThisLisbindAndOverrides) {
  BindingLock lock =
      lock_with({{.pattern = "example.com/a/...", .module = "example.com/a", .version = "v1.0.0"}});
  EXPECT_TRUE(lock_already_binds({"example.com/a@v1.0.0"}, &lock, kGenerator, ""));
  EXPECT_TRUE(lock_already_binds({"example.com/a/...@v1.0.0"}, &lock, kGenerator, ""));
  EXPECT_FALSE(lock_already_binds({"example.com/a"}, &lock, kGenerator, ""));  // latest can move
  EXPECT_FALSE(lock_already_binds({"example.com/a@v1.0.1"}, &lock, kGenerator, ""));
  EXPECT_FALSE(lock_already_binds({"example.com/a@v1.0.0"}, &lock, kGenerator, "edited"));
  EXPECT_FALSE(lock_already_binds({}, &lock, kGenerator, ""));
  EXPECT_FALSE(lock_already_binds({"example.com/a@v1.0.0"}, nullptr, kGenerator, ""));
  GeneratorInfo newer_rules = kGenerator;
  newer_rules.rules_id = "newer";
  EXPECT_FALSE(lock_already_binds({"example.com/a@v1.0.0"}, &lock, newer_rules, ""));
}

TEST(ImportRequest, RequestsTakeTheModuleOfALoadedRootPackage) {
  model::ApiModel api;
  model::Package dep;
  dep.path = "example.com/dep/z";
  dep.module.emplace();
  dep.module->path = "example.com/dep";
  dep.module->version = "v0.9.0";
  model::Package root;
  root.path = "example.com/a/sub";
  root.root = true;
  root.module.emplace();
  root.module->path = "example.com/a";
  root.module->version = "v1.0.0";
  api.packages = {dep, root};
  std::vector<BindRequest> requests = bind_requests_from(
      api, {{.pattern = "example.com/a/...", .version = "", .origin = SpecOrigin::Remote},
            {.pattern = "example.com/dep/z", .version = "", .origin = SpecOrigin::Remote},
            {.pattern = "./local", .version = "", .origin = SpecOrigin::Local}});
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].pattern, "example.com/a/...");
  EXPECT_EQ(requests[0].module, "example.com/a");
  EXPECT_EQ(requests[0].version, "v1.0.0");
}

TEST(ImportRequest, AModulePathIsAPrefixOnlyAtASlash) {
  // example.com/a and example.com/ab imported together: ab's pattern belongs to ab alone.
  model::ApiModel api;
  auto root = [](const std::string& path, const std::string& module, const std::string& version) {
    model::Package p;
    p.path = path;
    p.root = true;
    p.module.emplace();
    p.module->path = module;
    p.module->version = version;
    return p;
  };
  api.packages = {root("example.com/a", "example.com/a", "v1.0.0"),
                  root("example.com/ab/x", "example.com/ab", "v2.0.0")};
  std::vector<BindRequest> requests = bind_requests_from(
      api, {{.pattern = "example.com/ab/...", .version = "", .origin = SpecOrigin::Remote}});
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].module, "example.com/ab");
  EXPECT_EQ(requests[0].version, "v2.0.0");
}

}  // namespace
}  // namespace lisbind::emit
