#include "verify/verify_run.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace lisbind::verify {
namespace {

VerifyReport sample_report(const emit::Ledger& ledger) {
  VerifyReport r;
  PackageResult p;
  p.package = "example.com/p";
  Probe f;
  f.id = 1;
  f.kind = ProbeKind::Func;
  f.package = p.package;
  f.ledger_symbol = "F";
  f.what = "F";
  f.go_decl = "func F(s string) bool";
  f.lis_decl = "pub fn F(s: string) -> int";
  Probe m = f;
  m.id = 2;
  m.kind = ProbeKind::Method;
  m.ledger_symbol = m.what = "S.M";
  p.probes.push_back({f, Outcome::Failed, "go build", "probe_p.go:5: cannot use p.F", ""});
  p.probes.push_back({m, Outcome::Verified, "", "", ""});
  p.unprobed.push_back({p.package, "G", "generic function"});
  r.packages.push_back(p);
  PackageResult ok;
  ok.package = "example.com/q";
  ok.probes.push_back({m, Outcome::Verified, "", "", ""});
  r.packages.push_back(ok);
  r.ledger = &ledger;
  return r;
}

TEST(VerifyReport, TextNamesDeclarationsAndCountsPackages) {
  emit::Ledger ledger;
  ledger.add({"example.com/p", "F", "func", emit::BindStatus::Bound, "plain", ""});
  VerifyReport r = sample_report(ledger);
  std::string text = r.text();
  EXPECT_NE(text.find("FAIL example.com/p F (func) [go build]"), std::string::npos) << text;
  EXPECT_NE(text.find("  Go:      func F(s string) bool"), std::string::npos);
  EXPECT_NE(text.find("  Lisette: pub fn F(s: string) -> int"), std::string::npos);
  EXPECT_NE(text.find("  ledger:  F bound (plain)"), std::string::npos);
  EXPECT_NE(text.find("ok   example.com/q"), std::string::npos);
  EXPECT_TRUE(text.ends_with("1 passed, 1 failed\n")) << text;
  EXPECT_EQ(r.packages_failed(), 1u);
}

TEST(VerifyReport, JsonIsKeyedLikeTheLedger) {
  emit::Ledger ledger;
  ledger.add({"example.com/p", "F", "func", emit::BindStatus::Bound, "plain", ""});
  nlohmann::json j = sample_report(ledger).to_json();
  EXPECT_EQ(j["failed"], 1);
  EXPECT_EQ(j["passed"], 1);
  bool saw_f = false, saw_g = false;
  for (const auto& s : j["symbols"]) {
    if (s["package"] == "example.com/p" && s["symbol"] == "F") {
      saw_f = true;
      EXPECT_EQ(s["verification"], "failed");
      EXPECT_EQ(s["code"], "plain");
      EXPECT_EQ(s["probes"][0]["stage"], "go build");
    }
    if (s["symbol"] == "G") {
      saw_g = true;
      EXPECT_EQ(s["verification"], "unprobed");
    }
  }
  EXPECT_TRUE(saw_f);
  EXPECT_TRUE(saw_g);
}

}  // namespace
}  // namespace lisbind::verify
