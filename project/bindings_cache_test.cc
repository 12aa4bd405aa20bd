#include "project/bindings_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "base/file_util.h"
#include "base/scoped_env.h"
#include "project/project_test_support.h"

namespace lisbind::emit {
namespace {
namespace fs = std::filesystem;

Bindings one_typedef() {
  Bindings b;
  b.lock = project_test::one_module_lock();
  const std::string text = "pub fn F() -> int\n";
  b.files.push_back(
      {.package = "example.com/m", .relative_path = "example.com/m@v1.2.3/m.d.lis", .text = text});
  b.lock.files["example.com/m@v1.2.3/m.d.lis"] = fnv1a_hex(text);
  b.ledger_json = "{\"packages\": {}}\n";
  b.ledger_summary = "1 symbol: 1 bound\n";
  return b;
}

TEST(BindingsCache, AnEntryIsFoundByTheSameKeyOnly) {
  fs::path cache =
      fs::temp_directory_path() / ("lisbind-bindings-cache-" + std::to_string(::getpid()));
  fs::remove_all(cache);
  ScopedEnv env("LISBIND_CACHE_DIR", cache.string());
  const BindingsCacheKey key{
      .model_key = "model", .rules_id = "rules", .overrides_digest = "overrides"};
  EXPECT_FALSE(find_cached_bindings(key));

  cache_bindings(key, one_typedef());
  EXPECT_EQ(bindings_cache_entry(key).parent_path(), cache / "bindings");
  auto found = find_cached_bindings(key);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->lock.to_json(), one_typedef().lock.to_json());
  ASSERT_EQ(found->files.size(), 1u);
  EXPECT_EQ(found->files[0].text, "pub fn F() -> int\n");
  EXPECT_EQ(found->ledger_summary, "1 symbol: 1 bound\n");

  BindingsCacheKey other_overrides = key;
  other_overrides.overrides_digest = "";
  EXPECT_FALSE(find_cached_bindings(other_overrides));
  BindingsCacheKey other_rules = key;
  other_rules.rules_id = "newer";
  EXPECT_FALSE(find_cached_bindings(other_rules));
  fs::remove_all(cache);
}

}  // namespace
}  // namespace lisbind::emit
