// What a user names on the command line: `fmt`, `std`, `k8s.io/client-go/kubernetes@v0.37.2`,
// `github.com/prometheus/client_golang/...`, `./...`.
#pragma once

#include <string>
#include <vector>

namespace lisbind {

enum class SpecOrigin {
  Stdlib,  // first path element has no dot: shipped with the Go toolchain
  Local,   // a directory pattern of a module on disk
  Remote,  // fetched through the Go module proxy
};

struct PackageSpec {
  std::string pattern;  // what go/packages is given: the text without "@version"
  std::string version;  // empty: latest (remote) or whatever is on disk (local, stdlib)
  SpecOrigin origin = SpecOrigin::Remote;

  // The argument `go get` takes for it: the path without "/..." (go get resolves the module that
  // holds a package, or the module itself when the path is a module root), plus "@version".
  std::string go_get_argument() const;
};

// Throws UserError for text that cannot name a Go package.
PackageSpec parse_package_spec(const std::string& text);

}  // namespace lisbind
