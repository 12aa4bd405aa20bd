#include "gotool/cache_layout.h"

#include <cstdlib>

namespace lisbind {
namespace fs = std::filesystem;

fs::path lisbind_cache_dir() {
  if (const char* dir = std::getenv("LISBIND_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return fs::path(xdg) / "lisbind";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".cache" / "lisbind";
  return fs::temp_directory_path() / "lisbind-cache";
}

fs::path work_module_cache_dir(const std::string& request_key) {
  return lisbind_cache_dir() / "work" / request_key;
}

fs::path model_cache_file(const std::string& model_key) {
  return lisbind_cache_dir() / "models" / (model_key + ".json");
}

fs::path model_scratch_dir() { return lisbind_cache_dir() / "tmp"; }

fs::path bindings_cache_dir(const std::string& bindings_key) {
  return lisbind_cache_dir() / "bindings" / bindings_key;
}

}  // namespace lisbind
