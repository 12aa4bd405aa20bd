#include "mapping/ledger.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace lisbind::emit {

const char* status_name(BindStatus status) {
  switch (status) {
    case BindStatus::Bound:
      return "bound";
    case BindStatus::Opaque:
      return "opaque";
    case BindStatus::Skipped:
      return "skipped";
  }
  return "bound";
}

namespace {
void count(LedgerTotals& t, BindStatus s) {
  switch (s) {
    case BindStatus::Bound:
      ++t.bound;
      break;
    case BindStatus::Opaque:
      ++t.opaque;
      break;
    case BindStatus::Skipped:
      ++t.skipped;
      break;
  }
}
}  // namespace

std::map<std::string, LedgerTotals> Ledger::totals_by_package() const {
  std::map<std::string, LedgerTotals> out;
  for (const auto& e : entries_) count(out[e.package], e.status);
  return out;
}

LedgerTotals Ledger::totals() const {
  LedgerTotals t;
  for (const auto& e : entries_) count(t, e.status);
  return t;
}

std::map<std::string, int> Ledger::skip_reason_counts() const {
  std::map<std::string, int> out;
  for (const auto& e : entries_) {
    if (e.status == BindStatus::Skipped) ++out[e.code];
  }
  return out;
}

nlohmann::json Ledger::to_json() const {
  std::vector<const LedgerEntry*> sorted;
  for (const auto& e : entries_) sorted.push_back(&e);
  std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) {
    return std::tie(a->package, a->symbol) < std::tie(b->package, b->symbol);
  });
  nlohmann::json packages = nlohmann::json::object();
  for (const auto* e : sorted) {
    packages[e->package].push_back({{"symbol", e->symbol},
                                    {"kind", e->kind},
                                    {"status", status_name(e->status)},
                                    {"code", e->code},
                                    {"message", e->message}});
  }
  LedgerTotals t = totals();
  return {{"ledger", 1},
          {"totals", {{"bound", t.bound}, {"opaque", t.opaque}, {"skipped", t.skipped}}},
          {"packages", packages}};
}

std::string Ledger::summary(bool per_package) const {
  std::string out;
  // Every package with --verbose; otherwise only those that lost something, which is what a
  // reviewer acts on.
  size_t hidden = 0;
  for (const auto& [pkg, t] : totals_by_package()) {
    if (!per_package && t.skipped == 0) {
      ++hidden;
      continue;
    }
    out += fmt::format("  {:<60} {:>6} bound {:>5} opaque {:>5} skipped\n", pkg, t.bound, t.opaque,
                       t.skipped);
  }
  if (hidden > 0)
    out += fmt::format("  ({} packages with nothing skipped; --verbose lists them)\n", hidden);
  LedgerTotals t = totals();
  out += fmt::format("{} symbols: {} bound, {} opaque, {} skipped ({:.2f}% bound)\n", t.total(),
                     t.bound, t.opaque, t.skipped, 100.0 * t.bound_share());
  auto reasons = skip_reason_counts();
  std::vector<std::pair<std::string, int>> sorted(reasons.begin(), reasons.end());
  std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [code, n] : sorted) out += fmt::format("  skipped {:>6}  {}\n", n, code);
  return out;
}

}  // namespace lisbind::emit
