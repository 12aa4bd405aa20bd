#include "project/lisette_manifest.h"

#include <gtest/gtest.h>

#include "base/errors.h"

namespace lisbind {
namespace {

const char* kManifest = R"(# My service.
[project]
name = "svc"   # the binary name
version = "0.1.0"

[dependencies.go]
# Pinned on purpose: see INC-42.
"github.com/google/uuid" = "v1.6.0"  # keep
"k8s.io/api" = { version = "v0.36.0", via = ["k8s.io/client-go"] }

[toolchain]
lis = "0.12.5"
)";

TEST(LisetteManifest, ReadsProjectAndDependencies) {
  auto m = LisetteManifest::parse(kManifest, "lisette.toml");
  EXPECT_EQ(m.project_name(), "svc");
  ASSERT_EQ(m.go_dependencies().size(), 2u);
  EXPECT_EQ(m.go_dependencies().at("github.com/google/uuid").version, "v1.6.0");
  EXPECT_EQ(m.go_dependencies().at("k8s.io/api").via, std::vector<std::string>{"k8s.io/client-go"});
}

TEST(LisetteManifest, EditsKeepCommentsOrderAndFormatting) {
  auto m = LisetteManifest::parse(kManifest, "lisette.toml");
  m.set_go_dependency({.module = "k8s.io/api",
                       .version = "v0.37.2",
                       .replacement = "",
                       .path = "",
                       .via = {"k8s.io/client-go"}});
  m.set_go_dependency({.module = "k8s.io/client-go",
                       .version = "v0.37.2",
                       .replacement = "",
                       .path = "",
                       .via = {}});
  m.set_go_dependency({.module = "github.com/google/uuid",
                       .version = "v1.6.1",
                       .replacement = "",
                       .path = "",
                       .via = {}});
  EXPECT_EQ(m.text(), R"(# My service.
[project]
name = "svc"   # the binary name
version = "0.1.0"

[dependencies.go]
# Pinned on purpose: see INC-42.
"github.com/google/uuid" = "v1.6.1"  # keep
"k8s.io/api" = { version = "v0.37.2", via = ["k8s.io/client-go"] }
"k8s.io/client-go" = "v0.37.2"

[toolchain]
lis = "0.12.5"
)");
  EXPECT_TRUE(m.remove_go_dependency("k8s.io/api"));
  EXPECT_FALSE(m.remove_go_dependency("k8s.io/api"));
  EXPECT_EQ(m.go_dependencies().count("k8s.io/api"), 0u);
  EXPECT_NE(m.text().find("# Pinned on purpose"), std::string::npos);
}

TEST(LisetteManifest, CreatesTheTableWhenMissing) {
  auto m = LisetteManifest::parse("[project]\nname = \"x\"\nversion = \"0.1.0\"\n", "lisette.toml");
  m.set_go_dependency({.module = "github.com/prometheus/client_golang",
                       .version = "v1.25.0",
                       .replacement = "",
                       .path = "",
                       .via = {}});
  EXPECT_EQ(m.text(),
            "[project]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies.go]\n"
            "\"github.com/prometheus/client_golang\" = \"v1.25.0\"\n");
}

TEST(LisetteManifest, RefusesWhatItCannotEditCleanly) {
  EXPECT_THROW(LisetteManifest::parse("[project\nname=", "lisette.toml"), UserError);
  EXPECT_THROW(LisetteManifest::parse("[other]\nx = 1\n", "lisette.toml"), UserError);
  auto m = LisetteManifest::parse(
      "[project]\nname = \"x\"\nversion = \"0\"\n[dependencies.go.\"k8s.io/api\"]\nversion = "
      "\"v1\"\n",
      "lisette.toml");
  EXPECT_THROW(
      m.set_go_dependency(
          {.module = "k8s.io/api", .version = "v2", .replacement = "", .path = "", .via = {}}),
      UserError);
}

}  // namespace
}  // namespace lisbind
