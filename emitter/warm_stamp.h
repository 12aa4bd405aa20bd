// The string lis compares with `.warm-stamp` before it trusts the typedefs in its cache
// (docs/lis-facts.md §3.1). When the two differ, lis regenerates the typedefs of every imported
// package with its own bindgen and overwrites lisbind's files, so lisbind writes a matching stamp
// after every install and whenever the project's imports change (`lisbind sync`).
#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "importer/lisette_manifest.h"

namespace lisbind::emit {

// Every non-blank `import "go:..."` path in the project's `src/**/*.lis` (test files included,
// `target` directories skipped), as lis scans them.
std::set<std::string> scan_go_imports(const std::filesystem::path& project_dir);

// The declared module an import path belongs to (longest key equal to it or a `/` prefix).
std::string owning_module(const std::string& import_path, const LisetteManifest& manifest);

// ROOTS "\n--\n" DEPS "\n--\n" LOCAL. LOCAL (the local-module hash) is empty here: lisbind does
// not install `path =` modules yet.
std::string warm_stamp_text(const std::set<std::string>& imports, const LisetteManifest& manifest);

// target/.lisette/typedefs/lis@v<lis>/<goos>_<goarch>
std::filesystem::path typedef_cache_dir(const std::filesystem::path& project_dir, const std::string& lis_version,
                                        const std::string& goos, const std::string& goarch);

}  // namespace lisbind::emit
