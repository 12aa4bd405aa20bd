// All packages of a model to typedef files and one ledger; writing them out is a separate step so
// that `gen` and `import` share the mapping and differ only in where files go.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "mapping/ledger.h"
#include "mapping/package_mapper.h"
#include "model/api_model.h"

namespace lisbind::emit {

struct TypedefFile {
  std::string package;                  // Go import path
  std::filesystem::path relative_path;  // inside the typedef tree
  std::string text;
};

struct Generated {
  std::vector<TypedefFile> files;  // sorted by relative path
  Ledger ledger;
  // The mapped model of each file's package, by import path; filled only when asked for
  // (`lisbind verify` builds its probes from it).
  std::map<std::string, lis::File> models;
};

// Where a package's typedef lives in a tree: `<module>@<version>/<rel>/<last>.d.lis`, the module
// root package as `<module>@<version>/<last>.d.lis`, the standard library as `std/<path>.d.lis`.
std::filesystem::path typedef_relative_path(const model::Package& package);

// Commands (package main), packages that failed to load and internal packages reached only
// through the closure are left out; every other package in the model gets a file.
Generated generate_typedefs(const model::ApiModel& api, const GeneratorInfo& info,
                            const Overrides* overrides = nullptr, bool keep_models = false);

// Writes each file atomically under `out_dir`, plus `lisbind-ledger.json`. Returns files written.
size_t write_typedef_tree(const std::filesystem::path& out_dir, const Generated& generated);

}  // namespace lisbind::emit
