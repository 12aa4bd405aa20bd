// `lisbind binding-name PATH...`, left out of --help: the name lis binds an unaliased
// `import "go:PATH"` to (syntax/names.h default_binding_name), so that the scripts ask lisbind
// instead of keeping a copy of the rule.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "syntax/names.h"

namespace lisbind::cli {

CommandAction setup_binding_name(CLI::App& sub) {
  struct Options {
    std::vector<std::string> paths;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("paths", o->paths, "Go import paths")->required();
  sub.add_flag("--json", o->json, "Print one JSON object from each path to its name");
  return [o]() {
    if (o->json) {
      nlohmann::json names = nlohmann::json::object();
      for (const auto& path : o->paths) names[path] = names::default_binding_name(path);
      std::cout << names.dump() << "\n";
    } else {
      for (const auto& path : o->paths) std::cout << names::default_binding_name(path) << "\n";
    }
    return 0;
  };
}

}  // namespace lisbind::cli
