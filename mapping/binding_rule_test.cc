#include "mapping/binding_rule.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace lisbind::emit {
namespace {

TEST(BindingRule, CodesAreDistinctAndRoundTrip) {
  std::set<std::string_view> seen;
  for (Rule r : all_rules()) {
    EXPECT_FALSE(rule_code(r).empty());
    EXPECT_FALSE(rule_description(r).empty()) << rule_code(r);
    EXPECT_TRUE(seen.insert(rule_code(r)).second) << "duplicate code " << rule_code(r);
    EXPECT_EQ(rule_from_code(rule_code(r)), r);
  }
  EXPECT_EQ(rule_from_code("no-such-code"), std::nullopt);
}

TEST(BindingRule, LedgerCodeText) {
  EXPECT_EQ(LedgerCode(Rule::ResultError).text(), "result-error");
  EXPECT_EQ(LedgerCode(Rule::EvidenceNonNil, true).text(), "evidence-non-nil+override");
  EXPECT_EQ(LedgerCode(Rule::AnonymousStruct, false, true).text(), "opaque-anonymous-struct");
}

// README.md promises stable ledger codes; docs/ledger-codes.md is where they are listed. Every
// enumerator must have its row, `| `code` | description |`, so that a new rule cannot ship
// undocumented.
TEST(BindingRule, EveryCodeIsDocumented) {
  std::ifstream in(std::string(LISBIND_SOURCE_DIR) + "/docs/ledger-codes.md");
  ASSERT_TRUE(in) << "docs/ledger-codes.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  for (Rule r : all_rules()) {
    std::string row =
        "| `" + std::string(rule_code(r)) + "` | " + std::string(rule_description(r)) + " |";
    EXPECT_NE(doc.find(row), std::string::npos) << "docs/ledger-codes.md lacks the row\n" << row;
  }
}

}  // namespace
}  // namespace lisbind::emit
