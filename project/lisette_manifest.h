// A Lisette project's lisette.toml: read with toml++, edited line by line so that the user's
// comments, key order and formatting survive. Only `[dependencies.go]` entries are ever changed,
// and every edit is re-parsed before it is written.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lisbind {

struct GoDependency {
  std::string module;
  std::string version;      // `"v1"` or `{ version = "v1" }`
  std::string replacement;  // `{ replacement = "path@ver" }`
  std::string path;         // `{ path = "../dir" }`
  std::vector<std::string> via;
  bool is_local() const { return !path.empty(); }
};

class LisetteManifest {
 public:
  // Throws UserError when the text is not valid TOML or has no [project] name.
  static LisetteManifest parse(std::string text, const std::string& origin);
  static LisetteManifest load(const std::filesystem::path& file);

  const std::string& text() const { return text_; }
  const std::string& project_name() const { return project_name_; }
  // Sorted by module path (bytewise), as lis orders them.
  const std::map<std::string, GoDependency>& go_dependencies() const { return deps_; }

  // Adds or replaces the entry for dep.module. An existing entry keeps its line's position and
  // trailing comment; a new one goes after the table's last entry (the table is created if
  // missing). Throws UserError if the entry is written in a form this editor does not change
  // (a [dependencies.go."module"] sub-table).
  void set_go_dependency(const GoDependency& dep);
  // Removes the entry; returns false when there was none.
  bool remove_go_dependency(const std::string& module);

 private:
  LisetteManifest() = default;
  void reparse();

  std::string text_;
  std::string origin_;
  std::string project_name_;
  std::map<std::string, GoDependency> deps_;
};

// Walks up from `start` to the directory holding lisette.toml; nothing if there is none.
std::optional<std::filesystem::path> find_lisette_project(const std::filesystem::path& start);

// The line `"module" = ...` for a dependency, in the form lis itself writes.
std::string dependency_line(const GoDependency& dep);

}  // namespace lisbind
