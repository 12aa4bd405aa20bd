#include "base/file_util.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/errors.h"

namespace lisbind {
namespace fs = std::filesystem;

void fault_point(std::string_view what) {
  static const long target = [] {
    const char* v = std::getenv("LISBIND_FAULT_AT_STEP");
    return v && *v ? std::strtol(v, nullptr, 10) : 0L;
  }();
  static const bool trace = [] {
    const char* v = std::getenv("LISBIND_FAULT_TRACE");
    return v && *v == '1';
  }();
  static long step = 0;
  ++step;
  if (trace)
    std::fprintf(stderr, "lisbind: fs step %ld: %.*s\n", step, static_cast<int>(what.size()),
                 what.data());
  if (target > 0 && step == target) ::_exit(kFaultExitCode);
}

fs::path checked_relative_path(const std::string& rel, const std::string& what) {
  auto bad = [&](const std::string& why) {
    return UserError(what + " names the path '" + rel + "', which " + why);
  };
  if (rel.empty()) throw bad("is empty");
  if (rel.front() == '/' || rel.front() == '~') throw bad("is absolute");
  for (char c : rel) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\')
      throw bad("holds a control character or backslash");
  }
  if (rel.find("//") != std::string::npos || rel.back() == '/')
    throw bad("leaves its directory ('..', '.' or an empty component)");
  fs::path p(rel);
  if (p.is_absolute() || p.has_root_name() || p.has_root_directory()) throw bad("is absolute");
  for (const auto& part : p) {
    std::string s = part.string();
    if (s.empty() || s == "." || s == "..")
      throw bad("leaves its directory ('..', '.' or an empty component)");
  }
  return p;
}

fs::path path_under(const fs::path& root, const std::string& rel, const std::string& what) {
  fs::path full = root / checked_relative_path(rel, what);
  std::error_code ec;
  fs::path real_root = fs::weakly_canonical(root, ec);
  if (ec) return full;
  fs::path real = fs::weakly_canonical(full, ec);
  if (ec) return full;
  auto r = real_root.begin();
  auto f = real.begin();
  for (; r != real_root.end(); ++r, ++f) {
    if (f == real.end() || *r != *f) {
      throw UserError(what + " names the path '" + rel + "', which a symbolic link leads outside " +
                      root.string());
    }
  }
  return full;
}

void write_file(const fs::path& path, std::string_view content) {
  fault_point("write " + path.string());
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw UserError("cannot create directory " + path.parent_path().string() + ": " + ec.message());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw UserError("cannot write " + path.string() + ": is the directory writable?");
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.flush();
  if (!out) throw UserError("cannot write " + path.string() + " (disk full?)");
}

void write_file_atomically(const fs::path& path, std::string_view content) {
  // The pid keeps two concurrent lisbind processes from sharing a temporary name.
  fs::path tmp = path;
  tmp += fmt::format(".tmp-{}", ::getpid());
  std::error_code ec;
  try {
    write_file(tmp, content);
  } catch (const UserError&) {
    fs::remove(tmp, ec);
    throw;
  }
  fault_point("rename into " + path.string());
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw UserError("cannot move a new file into place at " + path.string());
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string read_file_if_exists(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string fnv1a_hex(std::string_view data) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace lisbind
