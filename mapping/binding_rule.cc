#include "mapping/binding_rule.h"

#include <array>

namespace lisbind::emit {
namespace {

struct RuleInfo {
  Rule rule;
  std::string_view code, description;
};

constexpr std::array kRules = {
#define LISBIND_RULE_INFO(name, code, description) RuleInfo{Rule::name, code, description},
    LISBIND_BINDING_RULES(LISBIND_RULE_INFO)
#undef LISBIND_RULE_INFO
};

constexpr std::array kAllRules = [] {
  std::array<Rule, kRules.size()> out{};
  for (size_t i = 0; i < kRules.size(); ++i) out[i] = kRules[i].rule;
  return out;
}();

}  // namespace

std::string_view rule_code(Rule rule) { return kRules[static_cast<size_t>(rule)].code; }

std::string_view rule_description(Rule rule) {
  return kRules[static_cast<size_t>(rule)].description;
}

std::span<const Rule> all_rules() { return kAllRules; }

std::optional<Rule> rule_from_code(std::string_view text) {
  for (const auto& r : kRules) {
    if (r.code == text) return r.rule;
  }
  return std::nullopt;
}

std::string LedgerCode::text() const {
  std::string s = (opaque ? "opaque-" : "") + std::string(rule_code(rule));
  return via_override ? s + "+override" : s;
}

}  // namespace lisbind::emit
