// `lisbind gen PATTERN... --out DIR`: writes the typedef tree and the ledger, touching no project.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/gen_pipeline.h"
#include "lisbind/version.h"
#include "mapping/generator.h"

namespace lisbind::cli {

CommandAction setup_gen(CLI::App& sub) {
  struct Options {
    std::vector<std::string> specs;
    std::string out;
    bool quiet = false;
    bool verbose = false;
    std::vector<std::string> tags;
    std::string overrides;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("packages", o->specs,
                 "Package paths or patterns: fmt, std, k8s.io/client-go/kubernetes[@v0.37.2], "
                 "github.com/prometheus/client_golang/..., ./...")
      ->required();
  sub.add_option("-o,--out", o->out, "Directory for the typedef tree and lisbind-ledger.json")
      ->required();
  sub.add_flag("-q,--quiet", o->quiet, "Print nothing but errors");
  sub.add_flag("-v,--verbose", o->verbose, "Print the ledger summary per package");
  sub.add_option("--tags", o->tags, "Extra Go build tags")->delimiter(',');
  sub.add_option("--overrides", o->overrides, "A TOML file of corrections (see README: overrides)")
      ->check(CLI::ExistingFile);
  sub.footer(
      "Writes <module>@<version>/<rel>/<last>.d.lis for every requested package and every package "
      "their\n"
      "exported API references (the standard library under std/), plus lisbind-ledger.json: one "
      "entry per\n"
      "exported symbol (bound, opaque or skipped, with a reason code).");
  return [o]() {
    using clock = std::chrono::steady_clock;
    const bool progress = !o->quiet && ::isatty(STDERR_FILENO);
    SystemProcessRunner runner;
    GenOutput out = load_and_map(runner, {.specs = o->specs,
                                          .tags = o->tags,
                                          .overrides_file = o->overrides,
                                          .progress = progress,
                                          .keep_models = false});
    const model::ApiModel& api = out.api;
    const emit::Generated& generated = out.generated;
    auto t2 = clock::now();
    size_t written = emit::write_typedef_tree(o->out, generated);
    auto t3 = clock::now();
    for (const auto& e : api.errors) {
      std::cerr << "lisbind: package " << e.package
                << " failed to load and was not bound: " << e.message << "\n";
    }
    if (!o->quiet) {
      auto ms = [](auto a, auto b) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
      };
      std::cout << generated.ledger.summary(o->verbose);
      std::cout << fmt::format(
          "wrote {} typedef files to {} (load {} ms, map {} ms, write {} ms)\n", written, o->out,
          out.load_ms, out.map_ms, ms(t2, t3));
    }
    return api.errors.empty() ? 0 : 1;
  };
}

}  // namespace lisbind::cli
