#include "project/project_overrides.h"

#include <fmt/format.h>

#include "base/errors.h"
#include "base/file_util.h"

namespace lisbind::emit {
namespace fs = std::filesystem;

fs::path project_overrides_file(const fs::path& project) {
  return project / "lisbind-overrides.toml";
}

std::string project_overrides_digest(const fs::path& project) {
  fs::path file = project_overrides_file(project);
  return fs::exists(file) ? fnv1a_hex(read_file(file)) : std::string{};
}

Overrides load_project_overrides(const fs::path& project) {
  fs::path file = project_overrides_file(project);
  return fs::exists(file) ? Overrides::load(file) : Overrides{};
}

Overrides load_project_overrides_checked_against(const fs::path& project,
                                                 const model::ApiModel& api) {
  Overrides overrides = load_project_overrides(project);
  if (auto problems = overrides.check_against(api); !problems.empty()) {
    throw UserError(
        project_overrides_file(project).string() + ": " + problems.front() +
        (problems.size() > 1 ? fmt::format(" (and {} more)", problems.size() - 1) : ""));
  }
  return overrides;
}

}  // namespace lisbind::emit
