#include "emitter/generator.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "emitter/printer.h"
#include "importer/file_util.h"

namespace lisbind::emit {
namespace fs = std::filesystem;

namespace {
std::string last_element(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}
}  // namespace

fs::path typedef_relative_path(const model::Package& p) {
  std::string file = last_element(p.path) + ".d.lis";
  if (p.std || !p.module) return fs::path("std") / (p.path + ".d.lis");
  const auto& m = *p.module;
  fs::path root = m.version.empty() ? fs::path(m.path) : fs::path(m.path + "@" + m.version);
  if (p.path == m.path) return root / file;
  std::string rel = p.path.substr(m.path.size() + 1);
  return root / rel / file;
}

Generated generate_typedefs(const model::ApiModel& api, const GeneratorInfo& info, const Overrides* overrides) {
  std::set<std::string> failed;
  for (const auto& e : api.errors) failed.insert(e.package);
  Generated g;
  for (const auto& p : api.packages) {
    // No typedef may import an internal package (lis refuses it), so one reached only through
    // the closure would never be read; its types appear as stand-ins where they are used.
    if (p.command || failed.contains(p.path) || (p.internal && !p.root)) continue;
    MappedPackage mapped = map_package(api, p, info, {overrides, false});
    g.files.push_back({p.path, typedef_relative_path(p), lis::print_file(mapped.file)});
    g.ledger.append(mapped.ledger);
  }
  std::sort(g.files.begin(), g.files.end(), [](auto& a, auto& b) { return a.relative_path < b.relative_path; });
  return g;
}

size_t write_typedef_tree(const fs::path& out_dir, const Generated& generated) {
  for (const auto& f : generated.files) write_file_atomically(out_dir / f.relative_path, f.text);
  write_file_atomically(out_dir / "lisbind-ledger.json", generated.ledger.to_json().dump(1) + "\n");
  return generated.files.size();
}

}  // namespace lisbind::emit
