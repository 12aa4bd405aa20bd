#include "project/project_access.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "base/errors.h"
#include "project/lisette_manifest.h"

namespace lisbind::emit {
namespace fs = std::filesystem;

fs::path locate_project(const std::string& given) {
  fs::path start = given.empty() ? fs::current_path() : fs::path(given);
  auto project = find_lisette_project(start);
  if (!project) {
    throw UserError("not a Lisette project: no lisette.toml in " + fs::absolute(start).string() +
                    " or above (create one with `lis new NAME`)");
  }
  return *project;
}

ProjectUpdateLock::ProjectUpdateLock(const fs::path& project) {
  std::error_code ec;
  fs::create_directories(project / "target", ec);
  fs::path file = project / "target" / ".lisbind-lock";
  if (ec)
    throw UserError("cannot create " + (project / "target").string() + ": " + ec.message() +
                    "; is the project writable?");
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw UserError("cannot create " + file.string() + ": is the project writable?");
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    throw UserError(
        "another lisbind is updating this project right now; run this again when it has "
        "finished");
  }
}

ProjectUpdateLock::~ProjectUpdateLock() {
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

std::optional<BindingLock> read_project_lock(const fs::path& project) {
  recover_project(project);
  auto lock = read_lock(project);
  if (!lock && fs::exists(vendor_dir(project) / "typedefs")) {
    throw UserError(
        vendor_dir(project).string() +
        " holds typedefs but no lisbind.lock; restore the lock (e.g. "
        "`git checkout lisbind/lisbind.lock`) or delete lisbind/ and import every module again");
  }
  return lock;
}

}  // namespace lisbind::emit
