#include "mapping/ledger.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace lisbind::emit {
namespace {

TEST(Ledger, CountsAndSortsDeterministically) {
  Ledger ledger;
  ledger.add({"b/pkg", "Z", "func", BindStatus::Bound, "result-error", ""});
  ledger.add({"a/pkg", "T", "type", BindStatus::Opaque, "opaque-no-exported-fields", ""});
  ledger.add({"a/pkg", "F", "func", BindStatus::Skipped, "anonymous-struct", "no form"});
  ledger.add({"a/pkg", "G", "func", BindStatus::Skipped, "anonymous-struct", "no form"});
  LedgerTotals t = ledger.totals();
  EXPECT_EQ(t.bound, 1);
  EXPECT_EQ(t.opaque, 1);
  EXPECT_EQ(t.skipped, 2);
  EXPECT_DOUBLE_EQ(t.bound_share(), 0.5);
  EXPECT_EQ(ledger.skip_reason_counts().at("anonymous-struct"), 2);

  nlohmann::json j = ledger.to_json();
  EXPECT_EQ(j["packages"]["a/pkg"][0]["symbol"], "F");
  EXPECT_EQ(j["packages"]["a/pkg"][2]["status"], "opaque");
  EXPECT_EQ(j["totals"]["skipped"], 2);

  std::string s = ledger.summary(true);
  EXPECT_NE(s.find("4 symbols: 1 bound, 1 opaque, 2 skipped (50.00% bound)"), std::string::npos)
      << s;
  EXPECT_NE(s.find("skipped      2  anonymous-struct"), std::string::npos) << s;
  EXPECT_NE(s.find("a/pkg"), std::string::npos);
  std::string brief = ledger.summary(false);
  EXPECT_NE(brief.find("a/pkg"), std::string::npos);
  EXPECT_EQ(brief.find("b/pkg"), std::string::npos) << brief;
  EXPECT_NE(brief.find("(1 packages with nothing skipped; --verbose lists them)"),
            std::string::npos)
      << brief;
}

}  // namespace
}  // namespace lisbind::emit
