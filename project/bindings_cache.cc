#include "project/bindings_cache.h"

#include "base/file_util.h"
#include "gotool/cache_layout.h"

namespace lisbind::emit {

std::filesystem::path bindings_cache_entry(const BindingsCacheKey& key) {
  return bindings_cache_dir(
      fnv1a_hex(key.model_key + " " + key.rules_id + " " + key.overrides_digest));
}

std::optional<Bindings> find_cached_bindings(const BindingsCacheKey& key) {
  return read_bindings_dir(bindings_cache_entry(key));
}

void cache_bindings(const BindingsCacheKey& key, const Bindings& bindings) {
  write_bindings_dir(bindings_cache_entry(key), bindings);
}

}  // namespace lisbind::emit
