// The per-symbol record of what lisbind did: every exported symbol of every emitted package gets
// exactly one entry — bound, bound as opaque, or skipped — with a stable reason code.
#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace lisbind::emit {

enum class BindStatus { Bound, Opaque, Skipped };

struct LedgerEntry {
  std::string package;  // Go import path
  std::string symbol;   // `Name`, or `Type.Method` for methods
  std::string kind;     // const, var, func, type, method
  BindStatus status = BindStatus::Bound;
  std::string code;     // stable: the rule that bound it or the reason it was skipped
  std::string message;  // for people
};

const char* status_name(BindStatus status);

struct LedgerTotals {
  int bound = 0, opaque = 0, skipped = 0;
  int total() const { return bound + opaque + skipped; }
  double bound_share() const { return total() ? double(bound + opaque) / total() : 1.0; }
};

class Ledger {
 public:
  void add(LedgerEntry entry) { entries_.push_back(std::move(entry)); }
  void append(const std::vector<LedgerEntry>& entries) {
    entries_.insert(entries_.end(), entries.begin(), entries.end());
  }
  const std::vector<LedgerEntry>& entries() const { return entries_; }

  std::map<std::string, LedgerTotals> totals_by_package() const;
  LedgerTotals totals() const;
  std::map<std::string, int> skip_reason_counts() const;

  // Sorted by package and symbol so that regenerating gives the same bytes.
  nlohmann::json to_json() const;
  // Per package (all with `per_package`, else those with skips), the total, and skip reasons.
  std::string summary(bool per_package) const;

 private:
  std::vector<LedgerEntry> entries_;
};

}  // namespace lisbind::emit
