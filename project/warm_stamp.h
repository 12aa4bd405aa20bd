// The string lis compares with `.warm-stamp` before it trusts the typedefs in its cache
// (docs/lis-facts.md §3.1). When the two differ, lis regenerates the typedefs of every imported
// package with its own bindgen and overwrites lisbind's files, so lisbind writes a matching stamp
// after every install and whenever the project's imports change (`lisbind sync`).
#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "project/lisette_manifest.h"

namespace lisbind::emit {

// Every non-blank `import "go:..."` path in the project's `src/**/*.lis` (test files included,
// `target` directories skipped), as lis scans them.
std::set<std::string> scan_go_imports(const std::filesystem::path& project_dir);

// The declared module an import path belongs to (longest key equal to it or a `/` prefix).
std::string owning_module(const std::string& import_path, const LisetteManifest& manifest);

// ROOTS "\n--\n" DEPS "\n--\n" LOCAL, where LOCAL is `local_stamp` (local_source_stamp of the
// project: empty when no `path =` module is declared).
std::string warm_stamp_text(const std::set<std::string>& imports, const LisetteManifest& manifest,
                            const std::string& local_stamp = {});

// The value lis gates every local (`path =`) typedef with and puts in the warm stamp's LOCAL
// section (docs/lis-facts.md §3.3, lisette-deps `local_source.rs`): FNV-1a 64 over every
// [dependencies.go] entry in key order — the key, then the version, the replacement's path and
// version, or the local path as written followed by the local module's tree (local_module_hash's
// writes) — each write ending in a 0xff byte. 16 lowercase hex digits; empty when the manifest
// declares no local module.
std::string local_source_stamp(const LisetteManifest& manifest,
                               const std::filesystem::path& project_dir);

// One local module's own part of that hash, alone (a fresh FNV-1a): `go.mod` and its bytes, then
// each non-test `.go` file below `module_dir` (no dot entries, no nested modules) in path component
// order, its `/`-separated relative path and its bytes. Changes exactly when lis would see the
// module's sources change; lisbind records it per local module in its lock.
std::string local_module_hash(const std::filesystem::path& module_dir);

// `X.d.lis` -> `X.stamp`, the sidecar lis reads beside a local typedef.
std::filesystem::path local_stamp_sidecar(const std::filesystem::path& typedef_path);

// target/.lisette/typedefs/lis@v<lis>/<goos>_<goarch>
std::filesystem::path typedef_cache_dir(const std::filesystem::path& project_dir,
                                        const std::string& lis_version, const std::string& goos,
                                        const std::string& goarch);

}  // namespace lisbind::emit
