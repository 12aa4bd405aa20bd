#include "gotool/cache_layout.h"

#include <gtest/gtest.h>

#include "base/scoped_env.h"

namespace lisbind {
namespace {

TEST(CacheLayout, EveryEntryLivesBelowTheCacheDirectory) {
  ScopedEnv cache("LISBIND_CACHE_DIR", "/tmp/lisbind-layout");
  EXPECT_EQ(lisbind_cache_dir(), "/tmp/lisbind-layout");
  EXPECT_EQ(work_module_cache_dir("std"), "/tmp/lisbind-layout/work/std");
  EXPECT_EQ(model_cache_file("0123"), "/tmp/lisbind-layout/models/0123.json");
  EXPECT_EQ(model_scratch_dir(), "/tmp/lisbind-layout/tmp");
  EXPECT_EQ(bindings_cache_dir("abcd"), "/tmp/lisbind-layout/bindings/abcd");
}

TEST(CacheLayout, FallsBackToXdgThenHome) {
  ScopedEnv cache("LISBIND_CACHE_DIR", std::nullopt);
  {
    ScopedEnv xdg("XDG_CACHE_HOME", "/tmp/xdg");
    EXPECT_EQ(lisbind_cache_dir(), "/tmp/xdg/lisbind");
  }
  ScopedEnv xdg("XDG_CACHE_HOME", std::nullopt);
  ScopedEnv home("HOME", "/tmp/home");
  EXPECT_EQ(lisbind_cache_dir(), "/tmp/home/.cache/lisbind");
}

}  // namespace
}  // namespace lisbind
