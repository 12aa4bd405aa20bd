// `lisbind dump PATTERN... [--json]`: loads packages and their closure and shows the model.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "gotool/api_loader.h"
#include "model/model_json.h"
#include "model/model_summary.h"

namespace lisbind::cli {

CommandAction setup_dump(CLI::App& sub) {
  struct Options {
    std::vector<std::string> specs;
    bool json = false;
    bool quiet = false;
    std::vector<std::string> tags;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("packages", o->specs,
                 "Package paths or patterns: fmt, std, k8s.io/client-go/kubernetes[@v0.37.2], "
                 "github.com/prometheus/client_golang/..., ./...")
      ->required();
  sub.add_flag("--json", o->json, "Print the whole API model as JSON instead of a summary");
  sub.add_flag("-q,--quiet", o->quiet, "No progress lines");
  sub.add_option("--tags", o->tags, "Extra Go build tags")->delimiter(',');
  return [o]() {
    SystemProcessRunner runner;
    LoadRequest request{
        .specs = o->specs,
        .extract = {.progress = !o->quiet && ::isatty(STDERR_FILENO), .tags = o->tags}};
    model::ApiModel api = load_api_model(runner, request);
    if (o->json) {
      std::cout << model::to_json(api).dump() << "\n";
    } else {
      std::cout << model::format_summary(api);
    }
    for (const auto& e : api.errors)
      std::cerr << "lisbind: package " << e.package << " failed to load: " << e.message << "\n";
    // A package that fails to type-check is an error the user must see, even though the rest
    // loaded.
    return api.errors.empty() ? 0 : 1;
  };
}

}  // namespace lisbind::cli
