#include "verify/verified_ledger.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace lisbind::verify {
namespace {

using json = nlohmann::json;

Probe probe(int id, const std::string& symbol, ProbeKind kind) {
  Probe p;
  p.id = id;
  p.kind = kind;
  p.package = "example.com/p";
  p.ledger_symbol = symbol;
  p.what = symbol;
  return p;
}

// A package with one failed function, a method proved, a type with one use proved and one that
// failed, a generic function that could not be probed, and a lis limitation.
VerifyReport report() {
  VerifyReport r;
  r.judge = {.lis = "lis 0.12.5", .go = "go1.26.8", .runtime = "using the real lis runtime"};
  PackageResult p;
  p.package = "example.com/p";
  p.probes.push_back(
      {probe(1, "F", ProbeKind::Func), Outcome::Failed, "go build", "cannot use\nx", ""});
  p.probes.push_back({probe(2, "S.M", ProbeKind::Method), Outcome::Verified, "", "", ""});
  p.probes.push_back({probe(3, "S", ProbeKind::Type), Outcome::Verified, "", "", ""});
  p.probes.push_back(
      {probe(4, "S", ProbeKind::Implements), Outcome::Failed, "lis check", "no", ""});
  p.probes.push_back(
      {probe(5, "L", ProbeKind::Func), Outcome::LisLimitation, "lis emit", "panic", ""});
  p.unprobed.push_back({p.package, "G", "generic function"});
  r.packages.push_back(p);
  return r;
}

json ledger() {
  auto entry = [](const std::string& symbol, const std::string& status) {
    return json{{"symbol", symbol}, {"kind", "func"}, {"status", status}, {"code", "c"}};
  };
  return {{"ledger", 1},
          {"packages",
           {{"example.com/p",
             {entry("F", "bound"), entry("G", "bound"), entry("L", "bound"), entry("S", "bound"),
              entry("S.M", "bound"), entry("Hidden", "bound"), entry("Gone", "skipped")}},
            {"example.com/other", {entry("X", "bound")}}}}};
}

const json& entry(const json& l, const std::string& package, const std::string& symbol) {
  for (const auto& e : l["packages"][package]) {
    if (e["symbol"] == symbol) return e;
  }
  throw std::runtime_error("no entry " + symbol);
}

TEST(VerifiedLedger, EachSymbolGetsTheWorstOfItsUsesOrWhyItHasNone) {
  json l = ledger();
  VerificationTally t = record_verification(l, report());
  EXPECT_EQ(t.packages, 1u);
  EXPECT_EQ(entry(l, "example.com/p", "F")["verification"], "failed");
  EXPECT_EQ(entry(l, "example.com/p", "F")["verification_note"], "F [go build]: cannot use");
  EXPECT_EQ(entry(l, "example.com/p", "S.M")["verification"], "verified");
  EXPECT_FALSE(entry(l, "example.com/p", "S.M").contains("verification_note"));
  EXPECT_EQ(entry(l, "example.com/p", "S")["verification"], "failed");
  EXPECT_EQ(entry(l, "example.com/p", "L")["verification"], "lis-limitation");
  EXPECT_EQ(entry(l, "example.com/p", "G")["verification"], "unprobed");
  EXPECT_EQ(entry(l, "example.com/p", "G")["verification_note"], "generic function");
  EXPECT_EQ(entry(l, "example.com/p", "Gone")["verification"], "not-bound");
  EXPECT_EQ(t.verified, 1);
  EXPECT_EQ(t.failed, 2);
  EXPECT_EQ(t.lis_limitation, 1);
  EXPECT_EQ(t.not_bound, 1);
  EXPECT_EQ(t.unprobed, 2);  // G, and Hidden below
}

TEST(VerifiedLedger, ABoundSymbolNoProbeReachedIsNotPassed) {
  json l = ledger();
  record_verification(l, report());
  const json& hidden = entry(l, "example.com/p", "Hidden");
  EXPECT_EQ(hidden["verification"], "unprobed");
  EXPECT_NE(hidden["verification_note"].get<std::string>().find("no probe reaches it"),
            std::string::npos);
}

TEST(VerifiedLedger, PackagesNotVerifiedAreLeftAsTheyWere) {
  json l = ledger();
  record_verification(l, report());
  EXPECT_FALSE(entry(l, "example.com/other", "X").contains("verification"));
  EXPECT_EQ(l["verification"]["packages"], json::array({"example.com/p"}));
  EXPECT_EQ(l["verification"]["judge"]["go"], "go1.26.8");
  EXPECT_EQ(l["verification"]["tally"]["failed"], 2);
}

// A std package is judged against lis's own typedef: not a lisbind binding, so not one of the
// ledger's verified packages, and not counted.
TEST(VerifiedLedger, PackagesJudgedAgainstLisTypedefsAreNotCovered) {
  VerifyReport r = report();
  PackageResult std_package;
  std_package.package = "strconv";
  std_package.lis_typedef = true;
  Probe atoi = probe(6, "Atoi", ProbeKind::Func);
  atoi.package = "strconv";
  std_package.probes.push_back({atoi, Outcome::Verified, "", "", ""});
  r.packages.push_back(std_package);
  json l = ledger();
  l["packages"]["strconv"] = json::array({{{"symbol", "Atoi"}, {"status", "bound"}}});
  VerificationTally t = record_verification(l, r);
  EXPECT_EQ(t.packages, 1u);
  EXPECT_EQ(t.verified, 1);  // S.M only
  EXPECT_FALSE(entry(l, "strconv", "Atoi").contains("verification"));
  EXPECT_EQ(l["verification"]["packages"], json::array({"example.com/p"}));

  VerifyReport std_only;
  std_only.packages.push_back(std_package);
  json empty = {{"ledger", 1}, {"packages", json::object()}};
  VerificationTally none = record_verification(empty, std_only);
  EXPECT_EQ(none.packages, 0u);
  EXPECT_EQ(none.total(), 0);
  EXPECT_EQ(empty["verification"]["packages"], json::array());
  EXPECT_EQ(tally_line(none, none.packages),
            "ledger: 0 symbols of 0 packages: 0 verified, 0 failed, 0 lis limitations, 0 "
            "unchecked, 0 not probed, 0 not bound");
}

TEST(VerifiedLedger, AVerifiedSymbolWithAnUnprobedUseSaysSo) {
  VerifyReport r = report();
  r.packages[0].unprobed.push_back({"example.com/p", "S.M", "one use could not be written"});
  auto verdicts = symbol_verdicts(r);
  const SymbolVerdict& v = verdicts.at({"example.com/p", "S.M"});
  EXPECT_EQ(v.status, "verified");
  EXPECT_EQ(v.note, "not probed: one use could not be written");
}

TEST(VerifiedLedger, TheTallyLineCountsEveryKind) {
  VerificationTally t{.verified = 3,
                      .failed = 0,
                      .lis_limitation = 1,
                      .unchecked = 0,
                      .unprobed = 2,
                      .not_bound = 1};
  EXPECT_EQ(tally_line(t, 2),
            "ledger: 7 symbols of 2 packages: 3 verified, 0 failed, 1 lis limitations, 0 "
            "unchecked, 2 not probed, 1 not bound");
}

}  // namespace
}  // namespace lisbind::verify
