// The changes `lisbind import`, `sync` and `remove` make to a Lisette project, as named steps.
// Everything that can fail (the overrides, the Go work, the manifest edit) happens before the
// first write to the project; the project is then changed by one commit (commit_project). Each
// runs holding the ProjectUpdateLock and prints what it did unless quiet; it returns the exit
// code.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "mapping/package_mapper.h"
#include "project/project_bindings.h"

namespace lisbind::emit {

struct ProjectUpdateOptions {
  std::filesystem::path project;
  bool quiet = false;       // print nothing but errors
  bool progress = false;    // progress lines on stderr
  GeneratorInfo generator;  // this lisbind: recorded in the lock, compared with an older one
};

// Binds `args` (new requests: module or package paths with an optional version, or directories of
// local Go modules) together with the requests of `previous` (the project's lock, if any).
int import_into_project(const ProjectUpdateOptions& options, const std::vector<std::string>& args,
                        const BindingLock* previous);

// Reinstalls the vendored bindings into lis's cache and refreshes the warm stamp, without the
// network; local modules whose Go sources changed are regenerated first (which needs go).
int sync_project(const ProjectUpdateOptions& options, const BindingLock& lock);

// Drops the requests `name` (a module, a package, or a directory `lisbind import PATH` bound)
// from the project; the last one undoes everything the lock put in place.
int remove_from_project(const ProjectUpdateOptions& options, const std::string& name,
                        const BindingLock& previous);

}  // namespace lisbind::emit
