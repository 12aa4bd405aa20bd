#include "project/warm_stamp.h"

#include <algorithm>
#include <cstdint>
#include <regex>
#include <sstream>
#include <string_view>
#include <vector>

#include "base/file_util.h"

namespace lisbind::emit {
namespace fs = std::filesystem;

std::set<std::string> scan_go_imports(const fs::path& project_dir) {
  static const std::regex import_line(
      R"re(^\s*import\s+(?:([A-Za-z_][A-Za-z0-9_]*)\s+)?"go:([^"]+)")re");
  std::set<std::string> imports;
  fs::path src = project_dir / "src";
  if (!fs::exists(src)) return imports;
  for (auto it = fs::recursive_directory_iterator(src); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_directory() && it->path().filename() == "target") {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || it->path().extension() != ".lis") continue;
    std::istringstream text(read_file_if_exists(it->path()));
    std::string line;
    std::smatch m;
    while (std::getline(text, line)) {
      if (!std::regex_search(line, m, import_line) || m[1] == "_")
        continue;  // blank imports are never loaded
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

std::string warm_stamp_text(const std::set<std::string>& imports, const LisetteManifest& manifest,
                            const std::string& local_stamp) {
  std::string roots;
  for (const auto& path : imports) {  // std::set: sorted bytewise, de-duplicated
    auto first = path.substr(0, path.find('/'));
    if (first.find('.') == std::string::npos || owning_module(path, manifest).empty()) continue;
    roots += (roots.empty() ? "" : "\n") + path;
  }
  std::string deps;
  for (const auto& [module, dep] : manifest.go_dependencies()) {
    std::string value = dep.is_local()             ? "local:" + dep.path
                        : !dep.replacement.empty() ? dep.replacement
                                                   : dep.version;
    deps += (deps.empty() ? "" : "\n") + module + " " + value;
  }
  return roots + "\n--\n" + deps + "\n--\n" + local_stamp;
}

namespace {

// lis's `Fnv`: every write mixes its bytes, then one 0xff terminator.
class StampHash {
 public:
  void write(std::string_view bytes) {
    for (unsigned char b : bytes) mix(b);
    mix(0xff);
  }
  std::string hex() const {
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 0; i < 16; ++i)
      out[static_cast<size_t>(i)] = digits[(state_ >> (60 - 4 * i)) & 0xf];
    return out;
  }

 private:
  void mix(unsigned char b) {
    state_ ^= b;
    state_ *= 0x100000001b3ULL;
  }
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

// Relative paths as path components, compared component by component (Rust's PathBuf order:
// `a/b.go` before `a.go`).
using Components = std::vector<std::string>;

void collect_go_files(const fs::path& dir, const Components& relative,
                      std::vector<Components>& out) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(".")) continue;
    Components child = relative;
    child.push_back(name);
    std::error_code type_ec;
    if (fs::is_directory(entry.path(), type_ec)) {  // follows symbolic links, like lis's is_dir
      if (fs::exists(entry.path() / "go.mod", type_ec))
        continue;  // a nested module is another module
      collect_go_files(entry.path(), child, out);
    } else if (name.ends_with(".go") && !name.ends_with("_test.go") &&
               fs::is_regular_file(entry.path(), type_ec)) {
      out.push_back(std::move(child));
    }
  }
}

void hash_local_module(StampHash& hash, const fs::path& module_dir) {
  std::error_code ec;
  if (!fs::is_regular_file(module_dir / "go.mod", ec)) {
    hash.write("missing go.mod");
    return;
  }
  hash.write("go.mod");
  hash.write(read_file_if_exists(module_dir / "go.mod"));
  std::vector<Components> files;
  collect_go_files(module_dir, {}, files);
  std::sort(files.begin(), files.end());
  for (const auto& components : files) {
    std::string relative;
    fs::path full = module_dir;
    for (const auto& c : components) {
      relative += (relative.empty() ? "" : "/") + c;
      full /= c;
    }
    hash.write(relative);
    if (std::error_code read_ec; fs::is_regular_file(full, read_ec))
      hash.write(read_file_if_exists(full));
  }
}

}  // namespace

std::string local_source_stamp(const LisetteManifest& manifest, const fs::path& project_dir) {
  const auto& deps = manifest.go_dependencies();
  if (std::none_of(deps.begin(), deps.end(), [](const auto& d) { return d.second.is_local(); }))
    return {};
  StampHash hash;
  for (const auto& [module, dep] : deps) {  // std::map: bytewise key order, as lis's BTreeMap
    hash.write(module);
    if (dep.is_local()) {
      hash.write(dep.path);
      hash_local_module(hash, project_dir / dep.path);
    } else if (!dep.replacement.empty()) {
      // lis splits `path@version` at the last '@' and writes both halves.
      auto at = dep.replacement.rfind('@');
      hash.write(at == std::string::npos ? dep.replacement : dep.replacement.substr(0, at));
      hash.write(at == std::string::npos ? std::string{} : dep.replacement.substr(at + 1));
    } else {
      hash.write(dep.version);
    }
  }
  return hash.hex();
}

std::string local_module_hash(const fs::path& module_dir) {
  StampHash hash;
  hash_local_module(hash, module_dir);
  return hash.hex();
}

fs::path local_stamp_sidecar(const fs::path& typedef_path) {
  std::string name = typedef_path.filename().string();
  std::string stem = name.ends_with(".d.lis") ? name.substr(0, name.size() - 6) : name;
  return typedef_path.parent_path() / (stem + ".stamp");
}

fs::path typedef_cache_dir(const fs::path& project_dir, const std::string& lis_version,
                           const std::string& goos, const std::string& goarch) {
  return project_dir / "target" / ".lisette" / "typedefs" / ("lis@v" + lis_version) /
         (goos + "_" + goarch);
}

}  // namespace lisbind::emit
