#include "project/import_request.h"

#include <algorithm>

namespace lisbind::emit {

std::string spec_path(const std::string& spec_text) {
  return spec_text.substr(0, spec_text.find('@'));
}

std::vector<std::string> merged_request_specs(const std::vector<std::string>& args,
                                              const BindingLock* previous) {
  std::vector<std::string> specs(args.begin(), args.end());
  if (!previous) return specs;
  for (const auto& request : previous->requests) {
    bool replaced = false;
    std::string version = request.version;
    for (const auto& arg : args) {
      std::string path = spec_path(arg);
      if (path == request.pattern || path == request.module || path + "/..." == request.pattern)
        replaced = true;
      if (path == request.module || path.starts_with(request.module + "/")) {
        auto at = arg.find('@');
        version = at == std::string::npos ? "latest" : arg.substr(at + 1);
      }
    }
    if (!replaced) specs.push_back(request.pattern + "@" + version);
  }
  return specs;
}

bool lock_already_binds(const std::vector<std::string>& args, const BindingLock* previous,
                        const GeneratorInfo& generator, const std::string& overrides_digest) {
  if (!previous || args.empty() || previous->rules_id != generator.rules_id ||
      previous->lisbind_version != generator.lisbind_version ||
      previous->lis_version != generator.lis_version ||
      previous->overrides_hash != overrides_digest) {
    return false;
  }
  return std::all_of(args.begin(), args.end(), [&](const std::string& arg) {
    auto at = arg.find('@');
    if (at == std::string::npos) return false;  // "latest" can move: ask the proxy
    std::string path = arg.substr(0, at), version = arg.substr(at + 1);
    return std::any_of(
        previous->requests.begin(), previous->requests.end(), [&](const BindRequest& request) {
          bool same =
              path == request.pattern || path == request.module || path + "/..." == request.pattern;
          return same && version == request.version;
        });
  });
}

std::vector<BindRequest> bind_requests_from(const model::ApiModel& api,
                                            const std::vector<PackageSpec>& specs) {
  std::vector<BindRequest> out;
  for (const auto& spec : specs) {
    if (spec.origin != SpecOrigin::Remote) continue;
    std::string probe = spec.pattern.ends_with("/...")
                            ? spec.pattern.substr(0, spec.pattern.size() - 4)
                            : spec.pattern;
    // The module of the pattern: from any loaded root package at or below it.
    for (const auto& p : api.packages) {
      if (p.root && p.module &&
          (p.path == probe || p.path.starts_with(probe + "/") || probe == p.module->path ||
           probe.starts_with(p.module->path + "/"))) {
        out.push_back(
            {.pattern = spec.pattern, .module = p.module->path, .version = p.module->version});
        break;
      }
    }
  }
  return out;
}

}  // namespace lisbind::emit
