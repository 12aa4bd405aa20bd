// Naming rules for generated Lisette: which Go names must change, what a package binds as, and
// import aliases that never collide.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lisbind::names {

bool is_lisette_keyword(std::string_view name);

// A Go parameter name made safe: keywords get a `_` suffix, blank and missing names get `argN`.
std::string parameter_name(std::string_view go_name, size_t index);

// The name lis binds `import "go:PATH"` to when the typedef has no `// Package:` header: the last
// path element verbatim, or the one before a `/vN` (N >= 2) suffix.
std::string default_binding_name(std::string_view import_path);

// Gives each imported path a distinct binding name. The default name is kept where it is free;
// a clash gets an alias built from more path elements (`corev1`, `metav1`), so two `v1` packages
// or a third-party `log` next to the standard `log` can be used in one file.
class ImportNamer {
 public:
  // The Go package name of an import path (empty when unknown).
  using PackageNameLookup = std::function<std::string(const std::string& path)>;

  // `reserved`: names that the file itself declares or that the prelude owns; no import may bind
  // them.
  ImportNamer(std::set<std::string> reserved, PackageNameLookup package_name);

  // Call once per path, in a stable order (sorted), before asking for names.
  void add(const std::string& path);
  // The identifier to qualify with (alias or default name).
  const std::string& binding(const std::string& path) const;
  // Empty when the default binding name is used.
  std::string alias(const std::string& path) const;

 private:
  std::string natural_binding(const std::string& path) const;

  std::set<std::string> taken_;
  PackageNameLookup package_name_;
  std::map<std::string, std::string> binding_;
};

}  // namespace lisbind::names
