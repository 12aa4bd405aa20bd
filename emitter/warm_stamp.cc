#include "emitter/warm_stamp.h"

#include <regex>
#include <sstream>

#include "importer/file_util.h"

namespace lisbind::emit {
namespace fs = std::filesystem;

std::set<std::string> scan_go_imports(const fs::path& project_dir) {
  static const std::regex import_line(R"re(^\s*import\s+(?:([A-Za-z_][A-Za-z0-9_]*)\s+)?"go:([^"]+)")re");
  std::set<std::string> imports;
  fs::path src = project_dir / "src";
  if (!fs::exists(src)) return imports;
  for (auto it = fs::recursive_directory_iterator(src); it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_directory() && it->path().filename() == "target") {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || it->path().extension() != ".lis") continue;
    std::istringstream text(read_file_if_exists(it->path()));
    std::string line;
    std::smatch m;
    while (std::getline(text, line)) {
      if (!std::regex_search(line, m, import_line) || m[1] == "_") continue;  // blank imports are never loaded
      imports.insert(m[2]);
    }
  }
  return imports;
}

std::string owning_module(const std::string& import_path, const LisetteManifest& manifest) {
  std::string best;
  for (const auto& [module, dep] : manifest.go_dependencies()) {
    bool owns = import_path == module || import_path.starts_with(module + "/");
    if (owns && module.size() > best.size()) best = module;
  }
  return best;
}

std::string warm_stamp_text(const std::set<std::string>& imports, const LisetteManifest& manifest) {
  std::string roots;
  for (const auto& path : imports) {  // std::set: sorted bytewise, de-duplicated
    auto first = path.substr(0, path.find('/'));
    if (first.find('.') == std::string::npos || owning_module(path, manifest).empty()) continue;
    roots += (roots.empty() ? "" : "\n") + path;
  }
  std::string deps;
  for (const auto& [module, dep] : manifest.go_dependencies()) {
    std::string value = dep.is_local() ? "local:" + dep.path : !dep.replacement.empty() ? dep.replacement : dep.version;
    deps += (deps.empty() ? "" : "\n") + module + " " + value;
  }
  return roots + "\n--\n" + deps + "\n--\n";
}

fs::path typedef_cache_dir(const fs::path& project_dir, const std::string& lis_version, const std::string& goos,
                           const std::string& goarch) {
  return project_dir / "target" / ".lisette" / "typedefs" / ("lis@v" + lis_version) / (goos + "_" + goarch);
}

}  // namespace lisbind::emit
