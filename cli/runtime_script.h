// Where scripts/with-lis-runtime is, for the commands that build lis-emitted Go (verify, migrate).
#pragma once

#include <filesystem>

namespace lisbind::cli {

// LISBIND_RUNTIME_SCRIPT, else scripts/with-lis-runtime of the source tree the binary was built in
// (build/lisbind -> ../scripts), else beside the binary. Throws UserError when none exists.
std::filesystem::path runtime_script();

}  // namespace lisbind::cli
