// Small file-system operations with the guarantees lisbind promises users: a file is either
// its old content or its new content, never half-written.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace lisbind {

// Writes to a temporary file beside `path`, then renames it into place. Throws UserError.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Writes in place, creating parent directories: for files inside a staging directory that is
// itself moved into place whole, where a per-file rename would only cost time.
void write_file(const std::filesystem::path& path, std::string_view content);

// Throws UserError when the file cannot be read.
std::string read_file(const std::filesystem::path& path);

// Empty when the file does not exist or cannot be read.
std::string read_file_if_exists(const std::filesystem::path& path);

// A path read from untrusted input (a lock, a cache directory, a manifest) made safe to join to
// `root`: relative, no `..`/`.`/empty components, no backslash or control characters. Throws
// UserError naming `what` when it is not.
std::filesystem::path checked_relative_path(const std::string& rel, const std::string& what);

// `root / rel` after checked_relative_path, and only if it also stays below `root` once the
// symbolic links that exist below `root` are resolved (a planted link cannot lead outside).
std::filesystem::path path_under(const std::filesystem::path& root, const std::string& rel,
                                 const std::string& what);

// Fault injection for tests: every file-system step of a project update calls this; when
// LISBIND_FAULT_AT_STEP=N is set, the Nth call ends the process at once (_exit(86)), as a kill
// would. LISBIND_FAULT_TRACE=1 prints each step to stderr.
void fault_point(std::string_view what);
inline constexpr int kFaultExitCode = 86;

// 64-bit FNV-1a, printed as 16 lower-case hex digits.
std::string fnv1a_hex(std::string_view data);

}  // namespace lisbind
