#include "cli/runtime_script.h"

#include <cstdlib>

#include "base/errors.h"

namespace lisbind::cli {
namespace fs = std::filesystem;

fs::path runtime_script() {
  if (const char* env = std::getenv("LISBIND_RUNTIME_SCRIPT"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (const fs::path& candidate :
       {exe.parent_path().parent_path() / "scripts" / "with-lis-runtime",
        exe.parent_path() / "scripts" / "with-lis-runtime"}) {
    if (!ec && fs::exists(candidate)) return candidate;
  }
  throw UserError(
      "cannot find scripts/with-lis-runtime (lis's Go runtime for `lis build`); set "
      "LISBIND_RUNTIME_SCRIPT");
}

}  // namespace lisbind::cli
