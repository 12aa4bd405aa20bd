#include "project/project_bindings.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "base/errors.h"
#include "base/file_util.h"
#include "project/project_test_support.h"

namespace lisbind::emit {
namespace {
namespace fs = std::filesystem;

fs::path scratch(const std::string& name) { return project_test::scratch("bindings", name); }

Bindings sample() {
  Bindings b;
  b.lock = project_test::one_module_lock();
  for (const auto& [rel, text] :
       {std::pair<std::string, std::string>{"example.com/m@v1.2.3/m.d.lis", "pub fn F() -> int\n"},
        {"example.com/m@v1.2.3/sub/sub.d.lis", "pub struct S {}\n"}}) {
    b.files.push_back({.package = "", .relative_path = rel, .text = text});
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
  EXPECT_EQ(read_file(project / "lisbind/typedefs/example.com/m@v1.2.3/sub/sub.d.lis"),
            "pub struct S {}\n");
  EXPECT_FALSE(
      fs::exists(project / "lisbind" / "ledger-summary.txt"));  // the cache's, not the project's
  ASSERT_TRUE(read_lock(project));
  EXPECT_EQ(read_lock(project)->rules_id, "0123456789abcdef");
  for (const auto& entry : fs::directory_iterator(project)) {
    EXPECT_EQ(entry.path().filename(), "lisbind") << "left behind: " << entry.path();
  }
}

TEST(BindingLock, RefusesEntriesThatWouldLeaveTheProject) {
  auto refused = [](const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json j = sample().lock.to_json();
    edit(j);
    try {
      BindingLock::from_json(j);
    } catch (const UserError& e) {
      return std::string(e.what()).find("regenerate") != std::string::npos;
    }
    return false;
  };
  EXPECT_TRUE(refused([](auto& j) { j["files"] = {{"../../etc/x.d.lis", "0123456789abcdef"}}; }));
  EXPECT_TRUE(refused([](auto& j) { j["files"] = {{"/etc/x.d.lis", "0123456789abcdef"}}; }));
  EXPECT_TRUE(refused([](auto& j) { j["files"] = {{"a/./b", "0123456789abcdef"}}; }));
  EXPECT_TRUE(refused([](auto& j) { j["lis"] = "../../.."; }));
  EXPECT_TRUE(refused([](auto& j) { j["lis"] = "/tmp"; }));
  EXPECT_TRUE(refused([](auto& j) { j["target"] = "../x_y"; }));
  EXPECT_TRUE(refused([](auto& j) { j["target"] = "linux_../../x"; }));
  EXPECT_TRUE(refused([](auto& j) { j["requests"][0]["pattern"] = "-modfile=/tmp/x"; }));
  EXPECT_TRUE(refused([](auto& j) { j["requests"][0]["version"] = "-v"; }));
  EXPECT_TRUE(refused([](auto& j) { j["modules"] = {{"../x", {{"version", "v1.0.0"}}}}; }));
  EXPECT_TRUE(refused([](auto& j) {
    j["modules"] = {{"example.com/m\nx", {{"version", "v1.0.0"}}}};
  }));
  EXPECT_TRUE(refused([](auto& j) { j["lockfile"] = "1"; }));
  EXPECT_FALSE(refused([](auto&) {}));
}

// `lisbind import PATH`: a local module's typedefs live in replaced/<module>/local/, its lock entry
// has a directory and a source hash instead of a version.
Bindings with_local(Bindings b) {
  b.lock.requests.push_back({.pattern = "example.com/shop/store",
                             .module = "example.com/shop",
                             .version = "",
                             .local = "../shop"});
  b.lock.modules["example.com/shop"] = {
      .version = "", .via = {}, .local = "../shop", .source = "0123456789abcdef"};
  b.lock.modules["example.com/dep"] = {.version = "v1.0.0", .via = {"example.com/shop"}};
  for (const auto& [rel, text] :
       {std::pair<std::string, std::string>{"replaced/example.com/shop/local/store/store.d.lis",
                                            "pub fn S()\n"},
        {"example.com/dep@v1.0.0/dep.d.lis", "pub fn D()\n"}}) {
    b.files.push_back({.package = "", .relative_path = rel, .text = text});
    b.lock.files[rel] = fnv1a_hex(text);
  }
  b.ledger_json =
      R"({"packages": {"example.com/shop/store": [{"status": "bound"}], "example.com/dep": [{"status": "bound"}],
                      "example.com/m": [{"status": "bound"}, {"status": "skipped"}]}})";
  return b;
}

TEST(BindingLock, LocalModulesUseTheLocalLayoutAndAreValidated) {
  BindingLock lock = with_local(sample()).lock;
  BindingLock back = BindingLock::from_json(lock.to_json());
  EXPECT_EQ(back.to_json(), lock.to_json());
  EXPECT_EQ(back.modules.at("example.com/shop").local, "../shop");
  EXPECT_TRUE(back.requests.back().is_local());
  auto refused = [&](const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json j = lock.to_json();
    edit(j);
    try {
      BindingLock::from_json(j);
    } catch (const UserError& e) {
      return std::string(e.what()).find("regenerate") != std::string::npos;
    }
    return false;
  };
  EXPECT_FALSE(refused([](auto&) {}));
  // Every typedef sits below a locked module's directory, in the layout of its kind.
  EXPECT_TRUE(refused([](auto& j) {
    j["files"]["replaced/example.com/other/local/x/x.d.lis"] = "0123456789abcdef";
  }));
  EXPECT_TRUE(refused(
      [](auto& j) { j["files"]["example.com/shop@/store/store.d.lis"] = "0123456789abcdef"; }));
  EXPECT_TRUE(
      refused([](auto& j) { j["files"]["example.com/m@v1.2.3/m.stamp"] = "0123456789abcdef"; }));
  EXPECT_TRUE(refused(
      [](auto& j) { j["files"]["replaced/example.com/m/local/m.d.lis"] = "0123456789abcdef"; }));
  EXPECT_TRUE(refused([](auto& j) { j["modules"]["example.com/shop"]["version"] = "v1.0.0"; }));
  EXPECT_TRUE(refused([](auto& j) { j["modules"]["example.com/shop"]["source"] = "nothex"; }));
  EXPECT_TRUE(refused([](auto& j) { j["modules"]["example.com/shop"]["local"] = "-C/tmp"; }));
  EXPECT_TRUE(refused([](auto& j) { j["modules"]["example.com/shop"]["local"] = "../a\nb"; }));
  EXPECT_TRUE(refused([](auto& j) { j["requests"][1]["local"] = "\"quoted\""; }));
  EXPECT_TRUE(refused([](auto& j) { j["requests"][1]["version"] = "v1.0.0"; }));
}

TEST(Bindings, DroppingALocalModuleDropsWhatOnlyItNeededAndMergingPutsItBack) {
  Bindings all = with_local(sample());
  Bindings rest = without_local_modules(all, {"example.com/shop"});
  EXPECT_EQ(rest.lock.requests.size(), 1u);
  EXPECT_FALSE(rest.lock.modules.contains("example.com/shop"));
  EXPECT_FALSE(rest.lock.modules.contains("example.com/dep"));  // only the local module needed it
  EXPECT_EQ(rest.lock.files.size(), 2u);
  EXPECT_EQ(rest.files.size(), 2u);
  auto ledger = nlohmann::json::parse(rest.ledger_json);
  EXPECT_FALSE(ledger["packages"].contains("example.com/shop/store"));
  EXPECT_FALSE(ledger["packages"].contains("example.com/dep"));
  EXPECT_EQ(ledger["totals"]["skipped"], 1);

  Bindings local = with_local(Bindings{});
  local.lock.lisbind_version = "0.1.0";
  merge_bindings(rest, local);
  EXPECT_EQ(rest.lock.to_json()["files"], all.lock.to_json()["files"]);
  EXPECT_EQ(rest.lock.to_json()["modules"], all.lock.to_json()["modules"]);
  EXPECT_EQ(rest.lock.requests.size(), 2u);
  // The local module's ledger entries come back with it.
  auto merged = nlohmann::json::parse(rest.ledger_json);
  EXPECT_TRUE(merged["packages"].contains("example.com/shop/store")) << rest.ledger_json;
  EXPECT_TRUE(merged["packages"].contains("example.com/dep")) << rest.ledger_json;

  Bindings other = with_local(Bindings{});
  other.lock.modules["example.com/dep"].version = "v2.0.0";
  EXPECT_THROW(merge_bindings(rest, other), UserError);  // one module at two versions
}

TEST(BindingLock, BuildContextAndManifestLinesSurviveTheRoundTrip) {
  BindingLock lock = sample().lock;
  lock.has_build = true;
  lock.cgo = true;
  lock.tags = {"netgo"};
  lock.has_added = true;
  lock.added = {"example.com/m"};
  BindingLock back = BindingLock::from_json(lock.to_json());
  EXPECT_TRUE(back.cgo);
  EXPECT_EQ(back.tags, std::vector<std::string>{"netgo"});
  EXPECT_EQ(back.build_summary(), "cgo on, tags netgo");
  EXPECT_EQ(back.owned_lines(), std::set<std::string>{"example.com/m"});
  BindingLock older = sample().lock;  // no manifest_lines: every locked module counts as lisbind's
  EXPECT_EQ(BindingLock::from_json(older.to_json()).owned_lines(),
            std::set<std::string>{"example.com/m"});
}

TEST(BindingsDir, ATruncatedLedgerIsAMiss) {
  fs::path dir = scratch("truncated-ledger") / "key";
  write_bindings_dir(dir, sample());
  write_file_atomically(dir / "ledger.json", "{\"packages\": {");
  EXPECT_FALSE(read_bindings_dir(dir));
}

TEST(Vendored, AKillBetweenTheTwoRenamesIsRestoredNotDeleted) {
  fs::path project = scratch("killed-swap");
  write_file_atomically(project / "lisbind.old-4242/lisbind.lock",
                        "old lock\n");  // lisbind/ moved aside, then killed
  write_file_atomically(project / "lisbind.new-4242/lisbind.lock", "half\n");
  recover_project(project);
  EXPECT_EQ(read_file(project / "lisbind/lisbind.lock"), "old lock\n");
  EXPECT_FALSE(fs::exists(project / "lisbind.old-4242"));
  EXPECT_FALSE(fs::exists(project / "lisbind.new-4242"));
  // The same through write_vendored's own swap (the bindings cache uses it).
  fs::remove_all(project / "lisbind");
  write_file_atomically(project / "lisbind.old-4343/keep", "old\n");
  write_vendored(project, sample());
  EXPECT_FALSE(fs::exists(
      project / "lisbind/keep"));  // restored, then replaced whole: nothing lost on the way
  EXPECT_TRUE(read_lock(project));
}

fs::path manifest_project(const std::string& name, const std::string& deps) {
  fs::path project = scratch(name);
  write_file_atomically(project / "lisette.toml",
                        "[project]\nname = \"p\"\n\n[dependencies.go]\n" + deps);
  return project;
}

TEST(ProjectCommit, JournalledUpdateIsRolledForwardAfterAKill) {
  fs::path project = manifest_project("journal", "");
  write_vendored(project, sample());
  // What a kill right after the commit point leaves: both new versions staged, the journal written.
  Bindings next = sample();
  next.ledger_json = "{\"packages\": {\"new\": 1}}\n";
  write_file(project / "lisbind.new/ledger.json", next.ledger_json);
  write_file(project / "lisbind.new/lisbind.lock", next.lock.to_json().dump());
  write_file(project / "lisette.toml.lisbind-new", "[project]\nname = \"new\"\n");
  write_file(project / "lisbind.commit", "vendor=replace\n");
  EXPECT_NE(interrupted_state(project).find("lisbind sync"), std::string::npos);
  recover_project(project);
  EXPECT_EQ(read_file(project / "lisette.toml"), "[project]\nname = \"new\"\n");
  EXPECT_EQ(read_file(project / "lisbind/ledger.json"), next.ledger_json);
  EXPECT_EQ(interrupted_state(project), "");
  for (const auto& e : fs::directory_iterator(project)) {
    std::string n = e.path().filename().string();
    EXPECT_TRUE(n == "lisbind" || n == "lisette.toml") << n;
  }
  // Without the journal the staged state is discarded.
  write_file(project / "lisbind.new/ledger.json", "staged\n");
  write_file(project / "lisette.toml.lisbind-new", "staged\n");
  recover_project(project);
  EXPECT_EQ(read_file(project / "lisbind/ledger.json"), next.ledger_json);
  EXPECT_EQ(read_file(project / "lisette.toml"), "[project]\nname = \"new\"\n");
}

TEST(ProjectCommit, ReplacesBothOrDeletesTheVendoredDirectory) {
  fs::path project = manifest_project("commit", "");
  commit_project(project, nullptr, "[project]\nname = \"a\"\n");
  Bindings b = sample();
  commit_project(project, &b, "[project]\nname = \"b\"\n");
  EXPECT_TRUE(read_lock(project));
  EXPECT_EQ(read_file(project / "lisette.toml"), "[project]\nname = \"b\"\n");
  commit_project(project, nullptr, "[project]\nname = \"c\"\n");
  EXPECT_FALSE(fs::exists(vendor_dir(project)));
  EXPECT_EQ(read_file(project / "lisette.toml"), "[project]\nname = \"c\"\n");
}

TEST(Manifest, TheUsersLinesAreKeptAndAChangedPinIsReported) {
  fs::path project = manifest_project(
      "pins", "\"example.com/m\" = \"v1.0.0\"  # mine\n\"example.com/other\" = \"v2.0.0\"\n");
  BindingLock lock = sample().lock;  // binds example.com/m v1.2.3
  std::vector<std::string> notes;
  std::string text = plan_manifest(project, lock, nullptr, notes);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0],
            "changed your pin of example.com/m in lisette.toml from v1.0.0 to v1.2.3 (the bound "
            "modules need it)");
  EXPECT_NE(text.find("\"example.com/m\" = \"v1.2.3\"  # mine"), std::string::npos) << text;
  EXPECT_TRUE(lock.added.empty());  // the line is the user's, not lisbind's
  write_file_atomically(project / "lisette.toml", text);
  // Removing every binding keeps the user's line.
  BindingLock none = lock;
  none.modules.clear();
  none.files.clear();
  text = plan_manifest(project, none, &lock, notes);
  EXPECT_NE(text.find("\"example.com/m\" = \"v1.2.3\"  # mine"), std::string::npos) << text;
  EXPECT_NE(text.find("example.com/other"), std::string::npos) << text;
  // A line lisbind added goes.
  fs::path fresh = manifest_project("added", "");
  BindingLock mine = sample().lock;
  text = plan_manifest(fresh, mine, nullptr, notes);
  EXPECT_EQ(mine.added, std::set<std::string>{"example.com/m"});
  write_file_atomically(fresh / "lisette.toml", text);
  text = plan_manifest(fresh, none, &mine, notes);
  EXPECT_EQ(text.find("example.com/m"), std::string::npos) << text;
}

TEST(Install, RefusesAnEditedVendoredTypedefAndWritesNothing) {
  fs::path project = manifest_project("edited", "");
  write_vendored(project, sample());
  write_file_atomically(project / "lisbind/typedefs/example.com/m@v1.2.3/m.d.lis",
                        "pub fn Evil() -> int\n");
  LisetteManifest manifest = LisetteManifest::load(project / "lisette.toml");
  try {
    install_into_cache(project, sample().lock, nullptr, manifest);
    FAIL() << "installed an edited typedef";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("edited since lisbind wrote it"), std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(fs::exists(project / "target"));
  EXPECT_FALSE(check_drift(project, sample().lock, manifest).clean());
}

TEST(Install, APlantedSymbolicLinkCannotLeadOutsideTheCache) {
  fs::path project = manifest_project("symlink", "");
  fs::path outside = scratch("symlink-outside");
  write_vendored(project, sample());
  fs::path cache = project / "target/.lisette/typedefs/lis@v0.12.5/linux_amd64";
  fs::create_directories(cache);
  fs::create_directory_symlink(outside, cache / "example.com");
  LisetteManifest manifest = LisetteManifest::load(project / "lisette.toml");
  EXPECT_THROW(install_into_cache(project, sample().lock, nullptr, manifest), UserError);
  EXPECT_TRUE(fs::is_empty(outside));
}

}  // namespace
}  // namespace lisbind::emit
