#include "gotool/package_spec.h"

#include <gtest/gtest.h>

#include "base/errors.h"

namespace lisbind {
namespace {

TEST(PackageSpec, RemoteWithVersion) {
  auto s = parse_package_spec("k8s.io/client-go/kubernetes@v0.37.2");
  EXPECT_EQ(s.origin, SpecOrigin::Remote);
  EXPECT_EQ(s.pattern, "k8s.io/client-go/kubernetes");
  EXPECT_EQ(s.version, "v0.37.2");
  EXPECT_EQ(s.go_get_argument(), "k8s.io/client-go/kubernetes@v0.37.2");
}

TEST(PackageSpec, RemotePatternWithoutVersionAsksForLatestModule) {
  auto s = parse_package_spec("github.com/prometheus/client_golang/...");
  EXPECT_EQ(s.origin, SpecOrigin::Remote);
  EXPECT_EQ(s.version, "");
  EXPECT_EQ(s.go_get_argument(), "github.com/prometheus/client_golang@latest");
}

TEST(PackageSpec, StdlibAndLocal) {
  EXPECT_EQ(parse_package_spec("net/http").origin, SpecOrigin::Stdlib);
  EXPECT_EQ(parse_package_spec("std").origin, SpecOrigin::Stdlib);
  EXPECT_EQ(parse_package_spec("./...").origin, SpecOrigin::Local);
  EXPECT_EQ(parse_package_spec("../other/pkg").origin, SpecOrigin::Local);
}

TEST(PackageSpec, RejectsMeaninglessInput) {
  EXPECT_THROW(parse_package_spec(""), UserError);
  EXPECT_THROW(parse_package_spec("k8s.io/client-go@"), UserError);
  EXPECT_THROW(parse_package_spec("fmt@v1.0.0"), UserError);
  EXPECT_THROW(parse_package_spec("bad path/x"), UserError);
}

TEST(PackageSpec, NeverAFlag) {
  for (const char* text : {"-modfile=/tmp/x", "--help", "-x@v1.0.0", "-"})
    EXPECT_THROW(parse_package_spec(text), UserError) << text;
}

}  // namespace
}  // namespace lisbind
