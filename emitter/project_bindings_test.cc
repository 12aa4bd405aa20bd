#include "emitter/project_bindings.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "importer/file_util.h"

namespace lisbind::emit {
namespace {
namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("lisbind-bindings-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

Bindings sample() {
  Bindings b;
  b.lock.lisbind_version = "0.1.0";
  b.lock.lis_version = "0.12.5";
  b.lock.rules_id = "0123456789abcdef";
  b.lock.go_version = "go1.26.8";
  b.lock.goos = "linux";
  b.lock.goarch = "amd64";
  b.lock.requests = {{"example.com/m/...", "example.com/m", "v1.2.3"}};
  b.lock.modules["example.com/m"] = {"v1.2.3", {}};
  for (const auto& [rel, text] : {std::pair<std::string, std::string>{"example.com/m@v1.2.3/m.d.lis", "pub fn F() -> int\n"},
                                  {"example.com/m@v1.2.3/sub/sub.d.lis", "pub struct S {}\n"}}) {
    b.files.push_back({"", rel, text});
    b.lock.files[rel] = fnv1a_hex(text);
  }
  b.ledger_json = "{\"packages\": {}}\n";
  b.ledger_summary = "2 symbols: 2 bound\n";
  return b;
}

TEST(BindingLock, RulesIdSurvivesTheRoundTripAndOlderLocksReadWithout) {
  BindingLock lock = sample().lock;
  EXPECT_EQ(BindingLock::from_json(lock.to_json()).rules_id, "0123456789abcdef");
  auto older = lock.to_json();
  older.erase("rules");
  EXPECT_EQ(BindingLock::from_json(older).rules_id, "");
}

TEST(BindingsDir, ReadsBackWhatWasWritten) {
  fs::path dir = scratch("roundtrip") / "key";
  write_bindings_dir(dir, sample());
  auto back = read_bindings_dir(dir);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->lock.to_json(), sample().lock.to_json());
  ASSERT_EQ(back->files.size(), 2u);
  EXPECT_EQ(back->files[0].relative_path, "example.com/m@v1.2.3/m.d.lis");
  EXPECT_EQ(back->files[0].text, "pub fn F() -> int\n");
  EXPECT_EQ(back->ledger_json, sample().ledger_json);
  EXPECT_EQ(back->ledger_summary, sample().ledger_summary);
}

TEST(BindingsDir, AnEditedOrMissingTypedefIsNotReused) {
  fs::path dir = scratch("tampered") / "key";
  write_bindings_dir(dir, sample());
  write_file_atomically(dir / "typedefs/example.com/m@v1.2.3/m.d.lis", "pub fn F() -> string\n");
  EXPECT_FALSE(read_bindings_dir(dir));
  write_bindings_dir(dir, sample());
  fs::remove(dir / "typedefs/example.com/m@v1.2.3/sub/sub.d.lis");
  EXPECT_FALSE(read_bindings_dir(dir));
  EXPECT_FALSE(read_bindings_dir(scratch("absent") / "key"));
  write_bindings_dir(dir, sample());
  write_file_atomically(dir / "lisbind.lock", "{not json");
  EXPECT_FALSE(read_bindings_dir(dir));
}

TEST(Vendored, ReplacesTheOldDirectoryWholeAndLeavesNoStaging) {
  fs::path project = scratch("project");
  write_file_atomically(project / "lisbind/typedefs/old.example/x@v0.0.1/x.d.lis", "old\n");
  // What a run killed mid-write leaves behind.
  fs::create_directories(project / "lisbind.new-99999/typedefs");
  write_vendored(project, sample());
  EXPECT_FALSE(fs::exists(project / "lisbind/typedefs/old.example"));
  EXPECT_EQ(read_file(project / "lisbind/typedefs/example.com/m@v1.2.3/sub/sub.d.lis"), "pub struct S {}\n");
  EXPECT_FALSE(fs::exists(project / "lisbind" / "ledger-summary.txt"));  // the cache's, not the project's
  ASSERT_TRUE(read_lock(project));
  EXPECT_EQ(read_lock(project)->rules_id, "0123456789abcdef");
  for (const auto& entry : fs::directory_iterator(project)) {
    EXPECT_EQ(entry.path().filename(), "lisbind") << "left behind: " << entry.path();
  }
}

}  // namespace
}  // namespace lisbind::emit
