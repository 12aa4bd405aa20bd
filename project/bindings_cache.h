// The bindings made before, reused across projects: the typedefs, ledger and lock that one model
// gives under one set of mapping rules and one project's overrides. Kept in lisbind's cache
// (gotool/cache_layout.h) in the vendored layout (read_bindings_dir, write_bindings_dir).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "project/project_bindings.h"

namespace lisbind::emit {

// Everything the bindings depend on: equal keys mean identical bindings.
struct BindingsCacheKey {
  std::string model_key;         // gotool's model_cache_key of the load
  std::string rules_id;          // kMappingRulesId of the lisbind that maps it
  std::string overrides_digest;  // project_overrides_digest of the project
};

// The directory of one entry in the cache.
std::filesystem::path bindings_cache_entry(const BindingsCacheKey& key);

// Nothing when no complete, intact entry exists for the key.
std::optional<Bindings> find_cached_bindings(const BindingsCacheKey& key);

// Replaces the entry for the key. Throws when it cannot be written.
void cache_bindings(const BindingsCacheKey& key, const Bindings& bindings);

}  // namespace lisbind::emit
