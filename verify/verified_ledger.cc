#include "verify/verified_ledger.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

namespace lisbind::verify {
using json = nlohmann::json;

namespace {

// Failed outranks a lis limitation, which outranks unchecked: the verdict is the worst use.
int severity(Outcome outcome) {
  switch (outcome) {
    case Outcome::Verified:
      return 0;
    case Outcome::Unchecked:
      return 1;
    case Outcome::LisLimitation:
      return 2;
    case Outcome::Failed:
      return 3;
  }
  return 3;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

std::map<std::pair<std::string, std::string>, SymbolVerdict> symbol_verdicts(
    const VerifyReport& report) {
  std::map<std::pair<std::string, std::string>, SymbolVerdict> out;
  std::map<std::pair<std::string, std::string>, const ProbeOutcome*> worst;
  for (const auto& p : report.packages) {
    for (const auto& o : p.probes) {
      auto key = std::make_pair(p.package, o.probe.ledger_symbol);
      auto it = worst.find(key);
      if (it == worst.end() || severity(o.outcome) > severity(it->second->outcome)) worst[key] = &o;
    }
  }
  for (const auto& [key, o] : worst) {
    SymbolVerdict v{.status = outcome_name(o->outcome), .note = ""};
    if (o->outcome != Outcome::Verified) {
      v.note = o->probe.what + (o->stage.empty() ? "" : " [" + o->stage + "]") +
               (o->message.empty() ? "" : ": " + first_line(o->message));
    }
    out[key] = v;
  }
  for (const auto& p : report.packages) {
    for (const auto& u : p.unprobed) {
      auto key = std::make_pair(p.package, u.ledger_symbol);
      auto it = out.find(key);
      if (it == out.end()) {
        out[key] = {.status = "unprobed", .note = u.reason};
      } else if (it->second.status == "verified") {
        // Some uses were proved and one could not be written: say which, keep the status.
        it->second.note = "not probed: " + u.reason;
      }
    }
  }
  return out;
}

VerificationTally record_verification(json& ledger, const VerifyReport& report) {
  auto verdicts = symbol_verdicts(report);
  VerificationTally tally;
  json& packages = ledger["packages"];
  std::set<std::string> covered;
  for (const auto& p : report.packages) {
    if (!p.lis_typedef) covered.insert(p.package);
  }
  tally.packages = covered.size();
  for (const auto& package : covered) {
    auto entries = packages.find(package);
    if (entries == packages.end() || !entries->is_array()) continue;
    for (auto& e : *entries) {
      if (!e.is_object()) continue;
      const std::string symbol = e.value("symbol", "");
      if (e.value("status", "") == "skipped") {
        e["verification"] = "not-bound";
        e["verification_note"] = "skipped when binding: nothing to verify";
        ++tally.not_bound;
        continue;
      }
      SymbolVerdict v{.status = "unprobed",
                      .note = "no probe reaches it (a gap in lisbind verify, not a proof)"};
      if (auto it = verdicts.find({package, symbol}); it != verdicts.end()) v = it->second;
      e["verification"] = v.status;
      if (v.note.empty()) {
        e.erase("verification_note");
      } else {
        e["verification_note"] = v.note;
      }
      if (v.status == "verified") ++tally.verified;
      if (v.status == "failed") ++tally.failed;
      if (v.status == "lis-limitation") ++tally.lis_limitation;
      if (v.status == "unchecked") ++tally.unchecked;
      if (v.status == "unprobed") ++tally.unprobed;
    }
  }
  ledger["verification"] = {
      {"judge",
       {{"lis", report.judge.lis}, {"go", report.judge.go}, {"runtime", report.judge.runtime}}},
      {"packages", json(covered)},
      {"tally",
       {{"verified", tally.verified},
        {"failed", tally.failed},
        {"lis-limitation", tally.lis_limitation},
        {"unchecked", tally.unchecked},
        {"unprobed", tally.unprobed},
        {"not-bound", tally.not_bound}}}};
  return tally;
}

std::string tally_line(const VerificationTally& t, size_t packages) {
  return fmt::format(
      "ledger: {} symbols of {} packages: {} verified, {} failed, {} lis limitations, {} "
      "unchecked, {} not probed, {} not bound",
      t.total(), packages, t.verified, t.failed, t.lis_limitation, t.unchecked, t.unprobed,
      t.not_bound);
}

}  // namespace lisbind::verify
