#include "mapping/generator.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "base/file_util.h"
#include "syntax/printer.h"

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

Generated generate_typedefs(const model::ApiModel& api, const GeneratorInfo& info,
                            const Overrides* overrides, bool keep_models) {
  std::set<std::string> failed;
  for (const auto& e : api.errors) failed.insert(e.package);
  std::vector<const model::Package*> todo;
  for (const auto& p : api.packages) {
    // No typedef may import an internal package (lis refuses it), so one reached only through
    // the closure would never be read; its types appear as stand-ins where they are used.
    if (p.command || failed.contains(p.path) || (p.internal && !p.root)) continue;
    todo.push_back(&p);
  }

  // Packages map independently (each reads the shared model only), so workers take them in
  // turn; results land in package order, which keeps the output byte-identical run to run.
  const ImplementsIndex implements(api);
  std::vector<MappedPackage> mapped(todo.size());
  std::atomic<size_t> next{0};
  std::vector<std::exception_ptr> errors(todo.size());
  auto work = [&] {
    for (size_t i = next++; i < todo.size(); i = next++) {
      try {
        mapped[i] = map_package(
            api, *todo[i], info,
            {.overrides = overrides, .record_decisions = false, .implements = &implements});
      } catch (...) {
        errors[i] = std::current_exception();  // rethrown below, on the caller's thread
      }
    }
  };
  unsigned workers = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }

  Generated g;
  for (size_t i = 0; i < todo.size(); ++i) {
    g.files.push_back(
        {todo[i]->path, typedef_relative_path(*todo[i]), lis::print_file(mapped[i].file)});
    g.ledger.append(mapped[i].ledger);
    if (keep_models) g.models.emplace(todo[i]->path, std::move(mapped[i].file));
  }
  std::sort(g.files.begin(), g.files.end(),
            [](auto& a, auto& b) { return a.relative_path < b.relative_path; });
  return g;
}

size_t write_typedef_tree(const fs::path& out_dir, const Generated& generated) {
  for (const auto& f : generated.files) write_file_atomically(out_dir / f.relative_path, f.text);
  write_file_atomically(out_dir / "lisbind-ledger.json", generated.ledger.to_json().dump(1) + "\n");
  return generated.files.size();
}

}  // namespace lisbind::emit
