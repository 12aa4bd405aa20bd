// Go errors in lis-emitted code that no binding can avoid: lis 0.12.5 lowers a correct
// declaration to Go that does not compile. Each has a minimal reproduction in
// docs/lis-limitations.md; a probe failing only this way is reported as a lis limitation, not a
// binding failure.
#pragma once

#include <optional>
#include <string>

namespace lisbind::verify {

struct LisLimitation {
  std::string code;         // stable, e.g. "void-fn-in-tuple"
  std::string explanation;  // one sentence, pointing at the reproduction
};

// The limitation a Go compiler message (with its continuation lines) shows, if any.
std::optional<LisLimitation> known_lis_limitation(const std::string& go_message);

}  // namespace lisbind::verify
