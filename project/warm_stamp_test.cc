#include "project/warm_stamp.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace lisbind::emit {
namespace {
namespace fs = std::filesystem;

TEST(WarmStamp, MatchesTheStringLisAcceptedOnThisMachine) {
  // docs/lis-facts.md §3.1: lis 0.12.5 skipped regeneration for exactly this stamp.
  auto manifest = LisetteManifest::parse(
      "[project]\nname = \"p\"\nversion = \"0.1.0\"\n[dependencies.go]\n\"example.com/fake\" = "
      "\"v1.0.0\"\n",
      "t");
  EXPECT_EQ(warm_stamp_text({"example.com/fake", "fmt"}, manifest),
            "example.com/fake\n--\nexample.com/fake v1.0.0\n--\n");
}

TEST(WarmStamp, RootsAreDeclaredDottedImportsSortedAndDepsInKeyOrder) {
  auto manifest = LisetteManifest::parse(
      "[project]\nname = \"p\"\nversion = \"0.1.0\"\n[dependencies.go]\n"
      "\"k8s.io/client-go\" = \"v0.37.2\"\n"
      "\"k8s.io/api\" = { version = \"v0.37.2\", via = [\"k8s.io/client-go\"] }\n"
      "\"example.com/fork\" = { replacement = \"example.com/mine@v1.2.0\" }\n",
      "t");
  std::set<std::string> imports = {"k8s.io/client-go/kubernetes", "k8s.io/api/core/v1", "net/http",
                                   "github.com/undeclared/x"};
  EXPECT_EQ(warm_stamp_text(imports, manifest),
            "k8s.io/api/core/v1\nk8s.io/client-go/kubernetes\n--\n"
            "example.com/fork example.com/mine@v1.2.0\nk8s.io/api v0.37.2\nk8s.io/client-go "
            "v0.37.2\n--\n");
  EXPECT_EQ(owning_module("k8s.io/api/core/v1", manifest), "k8s.io/api");
  EXPECT_EQ(owning_module("k8s.io/apimachinery/pkg", manifest), "");
}

TEST(WarmStamp, ScansSourceImportsLikeLis) {
  fs::path dir = fs::temp_directory_path() / ("lisbind-stamp-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "src" / "sub");
  fs::create_directories(dir / "src" / "target");
  std::ofstream(dir / "src" / "main.lis")
      << "import \"go:fmt\"\nimport corev1 \"go:k8s.io/api/core/v1\"\n"
         "import _ \"go:k8s.io/client-go/plugin\"\nfn main() {}\n";
  std::ofstream(dir / "src" / "sub" / "x.test.lis")
      << "  import \"go:k8s.io/client-go/kubernetes\"\n";
  std::ofstream(dir / "src" / "target" / "y.lis") << "import \"go:example.com/ignored\"\n";
  std::ofstream(dir / "src" / "notes.txt") << "import \"go:example.com/not-lisette\"\n";
  EXPECT_EQ(scan_go_imports(dir),
            (std::set<std::string>{"fmt", "k8s.io/api/core/v1", "k8s.io/client-go/kubernetes"}));
  fs::remove_all(dir);
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// docs/lis-facts.md §3.3: the `.stamp` lis 0.12.5 wrote for this project and module.
TEST(LocalStamp, MatchesTheTestVectorLisWrote) {
  fs::path dir = fs::temp_directory_path() / ("lisbind-local-stamp-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::path project = dir / "project", module = dir / "localmod";
  fs::create_directories(project);
  write(module / "go.mod", "module example.com/localmod\n\ngo 1.22\n");
  write(module / "localmod.go", "package localmod\n\nfunc Hello() string { return \"hi\" }\n");
  write(module / "a.go", "package localmod\n");
  write(module / "a" / "b.go", "package a\n");
  write(module / "sub" / "sub.go", "package sub\n");
  // None of these count: a test file, a dot directory, a nested module.
  write(module / "localmod_test.go", "package localmod\n");
  write(module / ".hidden" / "h.go", "package hidden\n");
  write(module / "nested" / "go.mod", "module example.com/localmod/nested\n");
  write(module / "nested" / "n.go", "package nested\n");
  auto manifest = LisetteManifest::parse(
      "[project]\nname = \"p\"\nversion = \"0.1.0\"\n[dependencies.go]\n"
      "\"example.com/localmod\" = { path = \"../localmod\" }\n\"example.com/fake\" = \"v1.0.0\"\n",
      "t");
  EXPECT_EQ(local_source_stamp(manifest, project), "3ea398f84eeaf3d3");
  EXPECT_EQ(
      warm_stamp_text({"example.com/localmod"}, manifest, local_source_stamp(manifest, project)),
      "example.com/localmod\n--\nexample.com/fake v1.0.0\nexample.com/localmod "
      "local:../localmod\n--\n3ea398f84eeaf3d3");

  std::string module_hash = local_module_hash(module);
  write(module / "localmod_test.go", "package localmod // edited\n");
  EXPECT_EQ(local_module_hash(module), module_hash) << "test files are not sources";
  write(module / "localmod.go",
        "package localmod\n\nfunc Hello() string { return \"hi\" }\n// edit\n");
  EXPECT_EQ(local_source_stamp(manifest, project), "7f1c4dd863c6f5ff");
  EXPECT_NE(local_module_hash(module), module_hash);

  auto remote_only = LisetteManifest::parse(
      "[project]\nname = \"p\"\nversion = \"0.1.0\"\n[dependencies.go]\n\"example.com/fake\" = "
      "\"v1.0.0\"\n",
      "t");
  EXPECT_EQ(local_source_stamp(remote_only, project), "");
  EXPECT_EQ(local_stamp_sidecar("/c/replaced/example.com/m/local/sub/sub.d.lis"),
            "/c/replaced/example.com/m/local/sub/sub.stamp");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace lisbind::emit
