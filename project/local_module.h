// A Go module on disk named by `lisbind import PATH`: bound from its own directory, declared in
// lisette.toml as `path =`, read by lis from replaced/<module>/local/.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "project/project_bindings.h"

namespace lisbind::emit {

struct LocalModule {
  std::filesystem::path root;  // the directory holding its go.mod
  std::string module;          // its module path
  std::string dir;             // `path =`: root relative to the project
  // Import-path patterns: example.com/shop/store, example.com/shop/...
  std::set<std::string> patterns;
};

// By module path: one directory per module.
using LocalModules = std::map<std::string, LocalModule>;

// What is supported, for the end of a refusal.
extern const char* const kLocalModuleSupport;

// A go.mod line without its `//` comment and surrounding blanks.
std::string strip_go_mod_comment(std::string line);

struct GoModFile {
  std::string module;        // the module path
  bool has_replace = false;  // any replace directive (a line or a block)
};

// Throws UserError when the file cannot be read or has no module line.
GoModFile read_go_mod(const std::filesystem::path& go_mod);

// A directory on disk (`./x`, `../x`, `/x`, or an existing `x/y` that is no module path).
bool names_local_directory(const std::string& arg);

// `./shop/store`, `../shop/...`, `/abs/shop` (relative to the current directory): the module
// holding that directory and the pattern. Throws UserError for what cannot be bound: no
// directory, no go.mod, replace directives, a module path without a dot in its first element.
LocalModule resolve_local_module(const std::string& arg, const std::filesystem::path& project);

// A local request of the lock, found again on disk. Throws UserError when the module moved or
// has replace directives now.
LocalModule local_module_from_lock(const BindRequest& request,
                                   const std::filesystem::path& project);

// Adds `module` to `locals`, merging its patterns into an entry for the same directory. Throws
// UserError when one module path is named in two directories.
void add_local_module(LocalModules& locals, LocalModule module);

}  // namespace lisbind::emit
