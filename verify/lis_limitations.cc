#include "verify/lis_limitations.h"

#include <regex>

namespace lisbind::verify {

std::optional<LisLimitation> known_lis_limitation(const std::string& go_message) {
  // `fn(...) -> ()` nested in a tuple, a Result or a variadic parameter of a function value is
  // lowered to `func(...) struct{}`, while the Go function it adapts has `func(...)`.
  static const std::regex void_fn_lowered(R"(func\([^()]*\) struct\{\})");
  if (std::regex_search(go_message, void_fn_lowered)) {
    return LisLimitation{
        "void-fn-in-tuple",
        "lis 0.12.5 lowers a nested fn() -> () in a function value to func() struct{} "
        "(docs/lis-limitations.md#void-fn-in-tuple)"};
  }
  // A channel of receive-only channels: lis writes `chan <-chan int`, which Go reads as
  // `chan<- chan int`.
  if (go_message.find("chan (<-chan ") != std::string::npos) {
    return LisLimitation{
        "channel-of-receive-channels",
        "lis 0.12.5 writes Channel<Receiver<T>> as chan <-chan T, which Go parses as chan<- chan T "
        "(docs/lis-limitations.md#channel-of-receive-channels)"};
  }
  // A Go function value whose parameters or results hold a function type: lis's adapter keeps
  // Go's inner function type where it built the Lisette one (`func(Entry) error` against
  // `func(Entry) lisette.Result[struct{}, error]`). A direct call converts correctly.
  if (auto as = go_message.find(" as func("); as != std::string::npos) {
    auto have = go_message.rfind("of type ", as);
    bool go_function =
        have != std::string::npos && go_message.compare(have, 13, "of type func(") == 0;
    if (go_function && go_message.find("lisette.", as) != std::string::npos &&
        go_message.substr(have, as - have).find("lisette.") == std::string::npos) {
      return LisLimitation{
          "nested-function-in-function-value",
          "lis 0.12.5 does not convert a function type nested in a function value's parameters or "
          "results (docs/lis-limitations.md#nested-function-in-function-value)"};
    }
  }
  // An interface method returning a named Go function type (http.HandlerFunc): lis's adapter for
  // a Lisette implementation returns the literal function type, which is not identical to it.
  static const std::regex named_func_result(
      R"(wrong type for method [A-Za-z0-9_]+\)\s+have [A-Za-z0-9_]+\([^\n]*\) func\([^\n]*\s+want [A-Za-z0-9_]+\([^\n]*\) [A-Za-z0-9_."/-]+\s*$)");
  // The same adapter then calls the Lisette method's function as if it returned one Result value
  // (`res := cb(arg0)`) while lis lowered it to Go's two results; `cb` is the adapter's own name.
  if (std::regex_search(go_message, named_func_result) ||
      go_message.starts_with("assignment mismatch: 1 variable but cb returns 2 values")) {
    return LisLimitation{
        "named-func-result-in-implementation",
        "lis 0.12.5 implements a method returning a named function type with the literal "
        "function type (docs/lis-limitations.md#named-func-result-in-implementation)"};
  }
  // A function value whose binding is Result<Option<T>, E> ((T, error) where T may be nil with a
  // nil error): lis's adapter passes Go's T where it built lisette.Option[T]. Direct calls work.
  if (go_message.find("ResultFromPair[lisette.Option[") != std::string::npos &&
      go_message.find("as lisette.Option[") != std::string::npos) {
    return LisLimitation{
        "option-in-result-function-value",
        "lis 0.12.5 does not convert Go's T to Option<T> inside Result in a function value's "
        "adapter (docs/lis-limitations.md#option-in-result-function-value)"};
  }
  return std::nullopt;
}

}  // namespace lisbind::verify
