// Finding the Lisette project a command works on, holding it against other lisbinds, and reading
// its lock once an interrupted run is finished or undone.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "project/project_bindings.h"

namespace lisbind::emit {

// The project holding `given` (the current directory when empty). Throws UserError when there is
// no lisette.toml there or above.
std::filesystem::path locate_project(const std::string& given);

// One lisbind at a time per project: two imports racing on lisette.toml and the vendored
// directory would lose one of them. Held (target/.lisbind-lock, flock) for the object's life;
// throws UserError when another lisbind holds it.
class ProjectUpdateLock {
 public:
  explicit ProjectUpdateLock(const std::filesystem::path& project);
  ~ProjectUpdateLock();
  ProjectUpdateLock(const ProjectUpdateLock&) = delete;
  ProjectUpdateLock& operator=(const ProjectUpdateLock&) = delete;

 private:
  int fd_ = -1;
};

// The project's lock after finishing or undoing an interrupted run. Vendored typedefs without a
// lock are refused: an import would otherwise replace them with only what it binds now.
std::optional<BindingLock> read_project_lock(const std::filesystem::path& project);

}  // namespace lisbind::emit
