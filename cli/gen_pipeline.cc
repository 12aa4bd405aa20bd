#include "cli/gen_pipeline.h"

#include <chrono>

#include "gotool/api_loader.h"
#include "lisbind/rules_id.h"
#include "lisbind/version.h"
#include "mapping/overrides.h"

namespace lisbind::cli {

GenOutput load_and_map(ProcessRunner& runner, const GenRequest& request) {
  using clock = std::chrono::steady_clock;
  auto ms = [](auto a, auto b) {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count());
  };
  GenOutput out;
  auto t0 = clock::now();
  out.api = load_api_model(
      runner, {.specs = request.specs,
               .extract = {.progress = request.progress, .tags = request.tags, .facts = true}});
  auto t1 = clock::now();
  emit::Overrides overrides = request.overrides_file.empty()
                                  ? emit::Overrides{}
                                  : emit::Overrides::load(request.overrides_file);
  out.generated = emit::generate_typedefs(out.api,
                                          {.lisbind_version = kLisbindVersion,
                                           .lis_version = kPinnedLisVersion,
                                           .rules_id = kMappingRulesId},
                                          &overrides, request.keep_models);
  out.load_ms = ms(t0, t1);
  out.map_ms = ms(t1, clock::now());
  return out;
}

}  // namespace lisbind::cli
