#include "gotool/workspace.h"

#include <gtest/gtest.h>

namespace lisbind {
namespace {

// The stderr texts below are what `go get` printed on this project's machines for each case.
const std::vector<PackageSpec> kClientGo = {
    parse_package_spec("k8s.io/client-go/kubernetes@v9.9.9")};

TEST(GoGetFailure, MissingVersion) {
  std::string err =
      "go: k8s.io/client-go@v9.9.9: reading "
      "https://proxy.golang.org/k8s.io/client-go/@v/v9.9.9.info: 403 Forbidden\n"
      "\tserver response: This module version is not available.\n";
  EXPECT_EQ(explain_go_get_failure(err, kClientGo),
            "version v9.9.9 of k8s.io/client-go does not exist on the Go module proxy; list the "
            "published ones with "
            "`go list -m -versions k8s.io/client-go`");
}

TEST(GoGetFailure, UnknownModule) {
  std::vector<PackageSpec> specs = {parse_package_spec("example.com/nonexistent/mod")};
  std::string err =
      "go: module example.com/nonexistent/mod: reading "
      "https://proxy.golang.org/example.com/nonexistent/mod/@v/list: "
      "400 Bad Request\n";
  EXPECT_TRUE(explain_go_get_failure(err, specs)
                  .starts_with("unknown module: the Go module proxy has no module providing "
                               "example.com/nonexistent/mod"));
  std::string err2 =
      "go: github.com/google/nonexistentxyz@latest: module github.com/google/nonexistentxyz: "
      "reading "
      "https://proxy.golang.org/github.com/google/nonexistentxyz/@v/list: 403 Forbidden\n";
  EXPECT_TRUE(explain_go_get_failure(err2, specs).starts_with("unknown module:"));
}

TEST(GoGetFailure, PackageNotInModule) {
  std::string err =
      "go: module k8s.io/client-go@upgrade found (v0.37.2), but does not contain package "
      "k8s.io/client-go/kubernetes/nopkg\n";
  EXPECT_EQ(explain_go_get_failure(err, kClientGo),
            "no such package: module k8s.io/client-go@upgrade found (v0.37.2), but does not "
            "contain package "
            "k8s.io/client-go/kubernetes/nopkg; check the package path");
}

TEST(GoGetFailure, ProgressLinesAreNotTheError) {
  std::string err =
      "go: downloading github.com/prometheus/client_golang v1.24.1\n"
      "go: for module github.com/prometheus/client_golang, "
      "github.com/prometheus/client_golang/prometheus@v1.24.1 "
      "conflicts with github.com/prometheus/client_golang/prometheus/testutil@v1.25.0\n";
  EXPECT_EQ(explain_go_get_failure(err, kClientGo),
            "`go get` failed: go: for module github.com/prometheus/client_golang, "
            "github.com/prometheus/client_golang/prometheus@v1.24.1 conflicts with "
            "github.com/prometheus/client_golang/prometheus/testutil@v1.25.0");
}

TEST(GoGetFailure, Offline) {
  std::string err =
      "go: k8s.io/client-go@v0.37.2: Get "
      "\"https://proxy.golang.org/k8s.io/client-go/@v/v0.37.2.info\": dial tcp: "
      "lookup proxy.golang.org: no such host\n";
  EXPECT_TRUE(
      explain_go_get_failure(err, kClientGo).starts_with("cannot reach the Go module proxy"));
}

}  // namespace
}  // namespace lisbind
