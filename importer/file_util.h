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

// 64-bit FNV-1a, printed as 16 lower-case hex digits.
std::string fnv1a_hex(std::string_view data);

}  // namespace lisbind
