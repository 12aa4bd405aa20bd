// Golden tests: every fixture package under testdata/fixtures has its expected typedef beside its
// Go files (<dir>/<last>.d.lis). The model comes from the real Go helper and the real `go`.
// LISBIND_UPDATE_GOLDEN=1 rewrites the expected files instead of comparing (review the diff).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "base/file_util.h"
#include "gotool/api_loader.h"
#include "mapping/generator.h"

namespace lisbind::emit {
namespace {
namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(LISBIND_SOURCE_DIR) / "testdata" / "fixtures";
const std::string kFixtureModule = "example.com/fixtures";

model::ApiModel load_fixtures() {
  ::setenv("LISBIND_EXTRACT", LISBIND_BINARY_DIR "/lisbind-extract", 1);
  fs::path previous = fs::current_path();
  fs::current_path(kFixtures);
  SystemProcessRunner runner;
  model::ApiModel api = load_api_model(
      runner, {.specs = {"./..."}, .extract = {.progress = false, .tags = {}, .facts = true}});
  fs::current_path(previous);
  // Goldens should not change with the toolchain's patch release.
  api.go_version = "go1.26";
  return api;
}

Generated generate(const model::ApiModel& api) {
  return generate_typedefs(api, {"(golden)", "0.12.5"});
}

fs::path expected_path(const TypedefFile& f) {
  std::string rel = f.package.substr(kFixtureModule.size());
  std::string last = f.package.substr(f.package.rfind('/') + 1);
  return kFixtures / fs::path(rel.empty() ? "" : rel.substr(1)) / (last + ".d.lis");
}

TEST(Golden, FixturePackagesMatchTheirExpectedTypedefs) {
  model::ApiModel api = load_fixtures();
  ASSERT_TRUE(api.errors.empty()) << api.errors.front().package << ": "
                                  << api.errors.front().message;
  Generated g = generate(api);
  const bool update = std::getenv("LISBIND_UPDATE_GOLDEN") != nullptr;
  std::set<fs::path> produced;
  int compared = 0;
  for (const auto& f : g.files) {
    if (!f.package.starts_with(kFixtureModule + "/")) continue;  // the standard library closure
    fs::path expected = expected_path(f);
    produced.insert(expected);
    if (update) {
      write_file_atomically(expected, f.text);
      continue;
    }
    ASSERT_TRUE(fs::exists(expected))
        << "no expected typedef for " << f.package << " at " << expected
        << " (run with LISBIND_UPDATE_GOLDEN=1 and review)";
    EXPECT_EQ(read_file(expected), f.text)
        << "typedef of " << f.package << " differs from " << expected;
    ++compared;
  }
  if (!update) {
    EXPECT_GE(compared, 20) << "the fixture module should have a package per construct";
  }
  // An expected file whose package no longer produces output is stale.
  for (const auto& entry : fs::recursive_directory_iterator(kFixtures)) {
    if (entry.path().extension() == ".lis" && entry.path().string().ends_with(".d.lis")) {
      EXPECT_TRUE(produced.contains(entry.path())) << "stale expected typedef " << entry.path();
    }
  }
}

TEST(Golden, RegeneratingGivesByteIdenticalOutput) {
  Generated first = generate(load_fixtures());
  Generated second = generate(load_fixtures());
  ASSERT_EQ(first.files.size(), second.files.size());
  for (size_t i = 0; i < first.files.size(); ++i) {
    EXPECT_EQ(first.files[i].relative_path, second.files[i].relative_path);
    EXPECT_EQ(first.files[i].text, second.files[i].text) << first.files[i].relative_path;
  }
  EXPECT_EQ(first.ledger.to_json().dump(), second.ledger.to_json().dump());
}

TEST(Golden, EveryExportedFixtureSymbolHasOneLedgerEntry) {
  model::ApiModel api = load_fixtures();
  Generated g = generate(api);
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& e : g.ledger.entries()) {
    EXPECT_TRUE(seen.insert({e.package, e.symbol}).second)
        << "two entries for " << e.package << "." << e.symbol;
  }
  for (const auto& p : api.packages) {
    if (!p.path.starts_with(kFixtureModule + "/") || p.command || (p.internal && !p.root)) continue;
    for (const auto& d : p.decls) {
      if (!d.exported) continue;
      EXPECT_TRUE(seen.contains({p.path, d.name}))
          << "no ledger entry for " << p.path << "." << d.name;
      for (const auto& m : d.methods) {
        EXPECT_TRUE(seen.contains({p.path, d.name + "." + m.name}))
            << p.path << "." << d.name << "." << m.name;
      }
    }
  }
}

}  // namespace
}  // namespace lisbind::emit
