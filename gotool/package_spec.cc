#include "gotool/package_spec.h"

#include "base/errors.h"

namespace lisbind {

PackageSpec parse_package_spec(const std::string& text) {
  if (text.empty()) throw UserError("an empty package pattern was given");
  // Never a flag for `go get` or the helper, even when given after `--`.
  if (text.starts_with("-"))
    throw UserError("'" + text + "' is not a Go package path or pattern (it starts with '-')");
  PackageSpec spec;
  if (text.starts_with(".") || text.starts_with("/")) {
    spec.origin = SpecOrigin::Local;
    spec.pattern = text;
    return spec;
  }
  auto at = text.find('@');
  spec.pattern = text.substr(0, at);
  if (at != std::string::npos) {
    spec.version = text.substr(at + 1);
    if (spec.version.empty()) throw UserError("'" + text + "' has an empty version after '@'");
  }
  if (spec.pattern.empty() || spec.pattern.find_first_of(" \t\"'\\") != std::string::npos) {
    throw UserError("'" + text + "' is not a Go package path or pattern");
  }
  auto first = spec.pattern.substr(0, spec.pattern.find('/'));
  spec.origin = first.find('.') == std::string::npos ? SpecOrigin::Stdlib : SpecOrigin::Remote;
  if (spec.origin == SpecOrigin::Stdlib && !spec.version.empty()) {
    throw UserError(
        "'" + text +
        "' names a standard library package: its version is the Go toolchain's, drop '@" +
        spec.version + "'");
  }
  return spec;
}

std::string PackageSpec::go_get_argument() const {
  std::string path = pattern;
  if (path.ends_with("/...")) path.resize(path.size() - 4);
  return path + "@" + (version.empty() ? "latest" : version);
}

}  // namespace lisbind
