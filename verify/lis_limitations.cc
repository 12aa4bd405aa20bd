#include "verify/lis_limitations.h"

#include <regex>

namespace lisbind::verify {

std::optional<LisLimitation> known_lis_limitation(const std::string& go_message) {
  // `fn() -> ()` inside a tuple inside a Result is lowered to `func() struct{}` in the value lis
  // builds, while the Go function it adapts returns `func()`.
  if (go_message.find("func() struct{}") != std::string::npos && go_message.find("Tuple") != std::string::npos) {
    return LisLimitation{"void-fn-in-tuple",
                         "lis 0.12.5 lowers fn() -> () inside a tuple to func() struct{} "
                         "(docs/lis-limitations.md#void-fn-in-tuple)"};
  }
  // An interface method returning a named Go function type (http.HandlerFunc): lis's adapter for
  // a Lisette implementation returns the literal function type, which is not identical to it.
  static const std::regex named_func_result(
      R"(wrong type for method [A-Za-z0-9_]+\)\s+have [A-Za-z0-9_]+\([^\n]*\) func\([^\n]*\s+want [A-Za-z0-9_]+\([^\n]*\) [A-Za-z0-9_."/-]+\s*$)");
  // The same adapter then calls the Lisette method's function as if it returned one Result value
  // (`res := cb(arg0)`) while lis lowered it to Go's two results; `cb` is the adapter's own name.
  if (std::regex_search(go_message, named_func_result) ||
      go_message.starts_with("assignment mismatch: 1 variable but cb returns 2 values")) {
    return LisLimitation{"named-func-result-in-implementation",
                         "lis 0.12.5 implements a method returning a named function type with the literal "
                         "function type (docs/lis-limitations.md#named-func-result-in-implementation)"};
  }
  // A function value whose binding is Result<Option<T>, E> ((T, error) where T may be nil with a
  // nil error): lis's adapter passes Go's T where it built lisette.Option[T]. Direct calls work.
  if (go_message.find("ResultFromPair[lisette.Option[") != std::string::npos &&
      go_message.find("as lisette.Option[") != std::string::npos) {
    return LisLimitation{"option-in-result-function-value",
                         "lis 0.12.5 does not convert Go's T to Option<T> inside Result in a function value's "
                         "adapter (docs/lis-limitations.md#option-in-result-function-value)"};
  }
  return std::nullopt;
}

}  // namespace lisbind::verify
