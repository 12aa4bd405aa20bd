#include "project/local_module.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <functional>

#include "base/errors.h"
#include "base/file_util.h"
#include "project/project_test_support.h"

namespace lisbind::emit {
namespace {
namespace fs = std::filesystem;

fs::path scratch(const std::string& name) { return project_test::scratch("local-module", name); }

// Runs in `dir` for the length of a test: arguments of `lisbind import PATH` are relative to it.
class InDirectory {
 public:
  explicit InDirectory(const fs::path& dir) : old_(fs::current_path()) { fs::current_path(dir); }
  ~InDirectory() { fs::current_path(old_); }
  InDirectory(const InDirectory&) = delete;
  InDirectory& operator=(const InDirectory&) = delete;

 private:
  fs::path old_;
};

// <root>/app (the Lisette project) beside <root>/shop (a Go module with the package store).
fs::path shop_beside_project(const std::string& name, const std::string& go_mod) {
  fs::path root = scratch(name);
  fs::create_directories(root / "app");
  write_file(root / "shop" / "go.mod", go_mod);
  write_file(root / "shop" / "store" / "store.go", "package store\n");
  return root;
}

std::string refusal(const std::function<void()>& run) {
  try {
    run();
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

TEST(GoMod, StripsCommentsAndBlanks) {
  EXPECT_EQ(strip_go_mod_comment("  module example.com/m // the shop\r"), "module example.com/m");
  EXPECT_EQ(strip_go_mod_comment("// only a comment"), "");
  EXPECT_EQ(strip_go_mod_comment("\t"), "");
}

TEST(GoMod, ReadsTheModulePathAndTellsWhetherItReplaces) {
  fs::path dir = scratch("read");
  write_file(dir / "a.mod", "// a shop\nmodule \"example.com/shop\" // quoted\n\ngo 1.22\n");
  GoModFile quoted = read_go_mod(dir / "a.mod");
  EXPECT_EQ(quoted.module, "example.com/shop");
  EXPECT_FALSE(quoted.has_replace);

  write_file(dir / "b.mod", "module example.com/shop\n\nreplace (\n\texample.com/x => ../x\n)\n");
  GoModFile block = read_go_mod(dir / "b.mod");
  EXPECT_EQ(block.module, "example.com/shop");
  EXPECT_TRUE(block.has_replace);

  write_file(dir / "c.mod", "module\texample.com/shop\nreplace example.com/x => ../x\n");
  EXPECT_TRUE(read_go_mod(dir / "c.mod").has_replace);

  write_file(dir / "d.mod", "go 1.22\n");
  EXPECT_NE(refusal([&] { read_go_mod(dir / "d.mod"); }).find("has no module line"),
            std::string::npos);
}

TEST(LocalModule, ResolvesARelativeDirectoryToItsModuleAndPackage) {
  fs::path root = shop_beside_project("relative", "module example.com/shop\n\ngo 1.22\n");
  InDirectory here(root / "app");
  LocalModule m = resolve_local_module("../shop/store", root / "app");
  EXPECT_EQ(m.root, root / "shop");
  EXPECT_EQ(m.module, "example.com/shop");
  EXPECT_EQ(m.dir, "../shop");
  EXPECT_EQ(m.patterns, std::set<std::string>{"example.com/shop/store"});
}

TEST(LocalModule, APatternWithDotsBindsEveryPackageBelow) {
  fs::path root = shop_beside_project("recursive", "module example.com/shop\n");
  InDirectory here(root / "app");
  EXPECT_EQ(resolve_local_module("../shop/...", root / "app").patterns,
            std::set<std::string>{"example.com/shop/..."});
  EXPECT_EQ(resolve_local_module("../shop", root / "app").patterns,
            std::set<std::string>{"example.com/shop"});
  EXPECT_EQ(resolve_local_module((root / "shop" / "store" / "...").string(), root / "app").patterns,
            std::set<std::string>{"example.com/shop/store/..."});
}

TEST(LocalModule, RefusesReplaceDirectives) {
  fs::path root = shop_beside_project(
      "replace", "module example.com/shop\n\nreplace example.com/x => ../x // local fork\n");
  InDirectory here(root / "app");
  std::string why = refusal([&] { resolve_local_module("../shop/store", root / "app"); });
  EXPECT_NE(why.find("has replace directives"), std::string::npos) << why;
  EXPECT_NE(why.find(kLocalModuleSupport), std::string::npos) << why;
}

TEST(LocalModule, RefusesAModulePathWithoutADot) {
  fs::path root = shop_beside_project("dotless", "module shop\n");
  InDirectory here(root / "app");
  std::string why = refusal([&] { resolve_local_module("../shop", root / "app"); });
  EXPECT_NE(why.find("the module path shop of"), std::string::npos) << why;
  EXPECT_NE(why.find("a path like example.com/shop"), std::string::npos) << why;
}

TEST(LocalModule, RefusesWhatIsNoDirectoryOfAModule) {
  fs::path root = shop_beside_project("missing", "module example.com/shop\n");
  fs::create_directories(root / "loose");
  InDirectory here(root / "app");
  EXPECT_NE(
      refusal([&] { resolve_local_module("../nowhere", root / "app"); }).find("is not a directory"),
      std::string::npos);
  EXPECT_NE(refusal([&] { resolve_local_module("../loose", root / "app"); }).find("no go.mod in"),
            std::string::npos);
}

TEST(LocalModule, FoundAgainFromTheLockOrRefusedWhenItMoved) {
  fs::path root = shop_beside_project("from-lock", "module example.com/shop\n");
  const BindRequest request{.pattern = "example.com/shop/store",
                            .module = "example.com/shop",
                            .version = "",
                            .local = "../shop"};
  LocalModule m = local_module_from_lock(request, root / "app");
  EXPECT_EQ(m.root, root / "shop");
  EXPECT_EQ(m.dir, "../shop");
  EXPECT_EQ(m.patterns, std::set<std::string>{"example.com/shop/store"});

  fs::rename(root / "shop", root / "moved");
  std::string why = refusal([&] { local_module_from_lock(request, root / "app"); });
  EXPECT_NE(why.find("is no longer in"), std::string::npos) << why;
}

TEST(LocalModule, OneModuleMergesItsPatternsButNotTwoDirectories) {
  LocalModules locals;
  add_local_module(locals, {.root = "/a/shop",
                            .module = "example.com/shop",
                            .dir = "../shop",
                            .patterns = {"example.com/shop/store"}});
  add_local_module(locals, {.root = "/a/shop",
                            .module = "example.com/shop",
                            .dir = "../shop",
                            .patterns = {"example.com/shop/cart"}});
  EXPECT_EQ(locals.at("example.com/shop").patterns,
            (std::set<std::string>{"example.com/shop/cart", "example.com/shop/store"}));
  std::string why = refusal([&] {
    add_local_module(locals, {.root = "/b/shop",
                              .module = "example.com/shop",
                              .dir = "../b/shop",
                              .patterns = {"example.com/shop"}});
  });
  EXPECT_NE(why.find("is named in two directories"), std::string::npos) << why;
}

TEST(LocalModule, DirectoriesAreToldFromModulePaths) {
  fs::path root = scratch("names");
  fs::create_directories(root / "shop" / "store");
  InDirectory here(root);
  EXPECT_TRUE(names_local_directory("./shop"));
  EXPECT_TRUE(names_local_directory("../x/..."));
  EXPECT_TRUE(names_local_directory("shop/store"));
  EXPECT_FALSE(names_local_directory("example.com/shop/store"));
  EXPECT_FALSE(names_local_directory("shop/cart"));
}

}  // namespace
}  // namespace lisbind::emit
