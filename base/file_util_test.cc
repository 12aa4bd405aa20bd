#include "base/file_util.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/errors.h"

namespace lisbind {
namespace {
namespace fs = std::filesystem;

fs::path fresh_dir(const char* name) {
  fs::path dir = fs::temp_directory_path() /
                 (std::string("lisbind-test-") + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(FileUtil, AtomicWriteCreatesParentsAndLeavesNoTemporary) {
  fs::path dir = fresh_dir("atomic");
  write_file_atomically(dir / "a" / "b.txt", "first");
  write_file_atomically(dir / "a" / "b.txt", "second");
  EXPECT_EQ(read_file(dir / "a" / "b.txt"), "second");
  int entries = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(dir / "a")) ++entries;
  EXPECT_EQ(entries, 1);
  fs::remove_all(dir);
}

TEST(FileUtil, UnwritableDirectoryIsAUserErrorAndKeepsOldContent) {
  if (::geteuid() == 0) {
    // root ignores directory permissions; a path under a regular file fails for everyone.
    fs::path dir = fresh_dir("unwritable");
    write_file_atomically(dir / "file", "x");
    EXPECT_THROW(write_file_atomically(dir / "file" / "child", "y"), UserError);
    EXPECT_EQ(read_file(dir / "file"), "x");
    fs::remove_all(dir);
    return;
  }
  fs::path dir = fresh_dir("unwritable");
  write_file_atomically(dir / "keep.txt", "old");
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_THROW(write_file_atomically(dir / "keep.txt", "new"), UserError);
  fs::permissions(dir, fs::perms::owner_all);
  EXPECT_EQ(read_file(dir / "keep.txt"), "old");
  fs::remove_all(dir);
}

TEST(FileUtil, ReadMissingFile) {
  EXPECT_EQ(read_file_if_exists("/nonexistent/lisbind/file"), "");
  EXPECT_THROW(read_file("/nonexistent/lisbind/file"), UserError);
}

TEST(FileUtil, Fnv1aMatchesPublishedVectors) {
  // Test vectors from the FNV reference (draft-eastlake-fnv): "" and "a" for FNV-1a 64.
  EXPECT_EQ(fnv1a_hex(""), "cbf29ce484222325");
  EXPECT_EQ(fnv1a_hex("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(fnv1a_hex("foobar"), "85944171f73967e8");
}

TEST(FileUtil, PathsFromUntrustedInputStayUnderTheirRoot) {
  for (const char* bad :
       {"", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a\\b", "~/x", "a/\n/b", ".."}) {
    EXPECT_THROW(checked_relative_path(bad, "test"), UserError) << bad;
  }
  EXPECT_EQ(checked_relative_path("example.com/m@v1.0.0/m.d.lis", "test"),
            fs::path("example.com/m@v1.0.0/m.d.lis"));
  fs::path root = fresh_dir("under");
  fs::path outside = fresh_dir("outside");
  fs::create_directory_symlink(outside, root / "link");
  EXPECT_THROW(path_under(root, "link/x", "test"), UserError);
  EXPECT_EQ(path_under(root, "a/b", "test"), root / "a/b");
  fs::remove_all(root);
  fs::remove_all(outside);
}

}  // namespace
}  // namespace lisbind
