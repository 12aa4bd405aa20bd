#include "mapping/result_rules.h"

#include <algorithm>
#include <array>

namespace lisbind::emit {
namespace {

using model::TypeKind;

bool is_error_type(const model::TypePtr& t) {
  return t && t->kind == TypeKind::Named && t->pkg.empty() && t->name == "error";
}

// `any` is bound as Unknown, which holds nil itself; lis has no Go form for Option<Unknown>.
bool is_unknown(model::TypePtr t) {
  while (t && t->kind == TypeKind::Alias) t = t->target;
  return t && t->kind == TypeKind::Interface && t->methods.empty() && t->embeds.empty() &&
         t->unions.empty();
}

bool is_bool(const model::TypePtr& t) {
  return t && t->kind == TypeKind::Basic && t->name == "bool";
}

bool is_count_or_bytes(model::TypePtr t) {
  while (t && t->kind == TypeKind::Alias) t = t->target;
  if (!t) return false;
  if (t->kind == TypeKind::Basic) return t->name == "int" || t->name == "int64";
  return t->kind == TypeKind::Slice && t->elem && t->elem->kind == TypeKind::Basic &&
         (t->elem->name == "byte" || t->elem->name == "uint8");
}

bool in(const std::string& name, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return name == n; });
}

bool has_prefix(const std::string& name, std::initializer_list<const char*> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const char* p) {
    std::string_view prefix(p);
    // "Lookup" matches Lookup and LookupEnv, not Lookupable... a following upper-case letter or
    // end.
    return name.starts_with(prefix) &&
           (name.size() == prefix.size() ||
            std::isupper(static_cast<unsigned char>(name[prefix.size()])));
  });
}

// Names Go gives a presence flag; any other name on a trailing bool means a flag the caller reads
// together with the value (the work queue's `shutdown`, sync.Map's `loaded`).
bool is_presence_name(const std::string& name) {
  return in(name, {"ok", "found", "exists", "exist", "present", "has", "isSet", "valid"});
}

// Functions and methods whose unnamed trailing bool reports presence by long Go habit.
bool is_lookup_like(const std::string& name) {
  return has_prefix(name, {"Lookup", "Get", "Load", "Find", "Value", "Peek", "Pop", "Key", "Index",
                           "Search", "Has", "Contains", "Extract", "Parse", "Field", "Var"});
}

// A named bool that is not a presence flag among several values before an error: the fake
// clientset's `(handled bool, ret runtime.Object, err error)`.
bool has_flag_beside_error(const std::vector<model::Param>& results) {
  for (size_t i = 0; i + 1 < results.size(); ++i) {
    if (is_bool(results[i].type) && !results[i].name.empty() && !is_presence_name(results[i].name))
      return true;
  }
  return false;
}

// The first `count` results: one type, or a tuple of them.
lis::Type values(const TypeMapper& types, const std::vector<model::Param>& results, size_t count,
                 Position pos) {
  if (count == 1) return types.map(results[0].type, pos);
  if (count > 5)
    throw Unmappable(Rule::TooManyResults, "more than five results do not fit a Lisette tuple");
  std::vector<lis::Type> elements;
  for (size_t i = 0; i < count; ++i) elements.push_back(types.map(results[i].type, pos));
  return lis::tuple(std::move(elements));
}

}  // namespace

bool is_io_partial_function(const std::string& name) {
  // io's contract: n bytes were transferred even when err is non-nil, so both values matter.
  return in(name, {"Read",     "ReadAt",   "Write",        "WriteAt",     "WriteString",
                   "ReadFrom", "WriteTo",  "Copy",         "CopyN",       "CopyBuffer",
                   "ReadAll",  "ReadFull", "ReadAtLeast",  "ReadFile",    "WriteRune",
                   "ReadDir",  "Readdir",  "Readdirnames", "ReadMsgUnix", "WriteMsgUnix",
                   "Discard"});
}

bool is_error_constructor(const std::string& name) {
  return has_prefix(name, {"New", "Err", "Errorf", "Wrap", "Wrapf", "Join", "WithStack",
                           "WithMessage", "Aggregate", "Reduce", "Flatten"}) ||
         name.ends_with("Error") || name.ends_with("Err");
}

bool is_constructor_name(const std::string& name) { return has_prefix(name, {"New", "Must"}); }

bool is_error_accessor(const std::string& name) {
  return in(name, {"Unwrap", "Cause", "Err", "AsError"});
}

ResultMapping map_results(const TypeMapper& types, const model::Signature& sig,
                          const SignatureContext& context) {
  const auto& r = sig.results;
  const std::string& name = context.function_name;
  const model::Facts* facts = context.facts;
  using enum ResultShape;
  if (r.empty()) {
    if (facts && facts->never_returns) {
      return {.shape = Never,
              .type = lis::never(),
              .rule = Rule::NeverReturns,
              .evidence = "every path panics or exits (" + facts->never_returns_at + ")"};
    }
    return {.shape = None, .type = lis::unit(), .rule = Rule::NoResult};
  }

  if (is_error_type(r.back().type)) {
    if (r.size() == 1) {
      // Unwrap()/Err() report a held error; Err(msg) with arguments is an action (syslog).
      if (!context.is_callback && context.is_method && is_error_accessor(name) &&
          sig.params.empty()) {
        return {
            .shape = Option, .type = lis::option(lis::error_type()), .rule = Rule::ErrorAccessor};
      }
      if (context.override.direct_error)
        return {.shape = Plain,
                .type = lis::error_type(),
                .rule = Rule::OverrideDirectError,
                .evidence = "override"};
      if (!context.is_callback && !context.is_method && is_error_constructor(name)) {
        return {.shape = Plain, .type = lis::error_type(), .rule = Rule::ErrorConstructor};
      }
      return {.shape = Result,
              .type = lis::result(lis::unit(), lis::error_type()),
              .rule = Rule::ResultError};
    }
    if (r.size() == 2 && (context.override.partial ||
                          (is_io_partial_function(name) && is_count_or_bytes(r[0].type)))) {
      return {.shape = Partial,
              .type = lis::partial(types.map(r[0].type, Position::NonNilResult), lis::error_type()),
              .rule = context.override.partial ? Rule::OverridePartial : Rule::IoPartial};
    }
    if (r.size() >= 3 && has_flag_beside_error(r)) {
      // (handled bool, ret T, err error): a reactor that handled the call may still fail, and
      // one that did not returns no error. Every value carries meaning beside the error, so the
      // caller (or the Lisette function Go calls) sees and writes them all, nil-able ones as
      // Option.
      if (r.size() > 5)
        throw Unmappable(Rule::TooManyResults, "more than five results do not fit a Lisette tuple");
      std::vector<lis::Type> elements;
      for (size_t i = 0; i < r.size(); ++i) {
        lis::Type element = types.map(r[i].type, Position::NonNilResult);
        if (!is_unknown(r[i].type) && (types.is_nilable(*r[i].type) || is_error_type(r[i].type))) {
          element = lis::option(std::move(element));
        }
        elements.push_back(std::move(element));
      }
      return {
          .shape = Tuple, .type = lis::tuple(std::move(elements)), .rule = Rule::FlagBesideError};
    }
    // (T, error) promises T when err is nil; where the body returns a nil T with a nil error,
    // the success value is optional.
    const model::ResultFact* first = facts ? facts->result(0) : nullptr;
    if (r.size() == 2 && first && first->nil_with_nil_error == model::NilFact::May &&
        types.is_nilable(*r[0].type) && r[0].type->kind != TypeKind::Slice &&
        !is_unknown(r[0].type)) {
      lis::Type inner = lis::optional(types.map(r[0].type, Position::NonNilResult));
      return {.shape = Result,
              .type = lis::result(std::move(inner), lis::error_type()),
              .rule = Rule::ResultValueMayBeNil,
              .evidence = "returns nil with a nil error at " + first->nil_with_nil_error_at};
    }
    return {.shape = Result,
            .type = lis::result(values(types, r, r.size() - 1, Position::NonNilResult),
                                lis::error_type()),
            .rule = Rule::ResultValueError};
  }

  if (r.size() == 2 && is_bool(r[1].type)) {
    const std::string& flag = r[1].name;
    bool presence = !context.override.flag_bool &&
                    (flag.empty() ? is_lookup_like(name) : is_presence_name(flag));
    if (presence) {
      // lis reads Option<T> of a non-nil-able T as (T, bool) by itself; a nil-able T needs the
      // hint.
      return {.shape = CommaOk,
              .type = lis::option(types.map(r[0].type, Position::NonNilResult)),
              .rule = Rule::CommaOk,
              .comma_ok = types.is_nilable(*r[0].type)};
    }
    return {.shape = Tuple,
            .type = values(types, r, 2, Position::NonNilResult),
            .rule = flag.empty() ? Rule::BoolUnnamedFlag : Rule::BoolNamedFlag};
  }

  if (r.size() == 1) {
    const auto& t = r[0].type;
    // Evidence from the body decides before any naming convention.
    if (const model::ResultFact* f = facts ? facts->result(0) : nullptr;
        f && !context.is_callback) {
      if (f->nil == model::NilFact::Never && t->kind == TypeKind::Pointer) {
        return {.shape = Plain,
                .type = types.map(t, Position::NonNilResult),
                .rule = Rule::EvidenceNonNil,
                .evidence = "every return is non-nil"};
      }
      if (f->nil == model::NilFact::May && types.is_nilable(*t) && t->kind != TypeKind::Slice &&
          !is_unknown(t)) {
        return {.shape = Option,
                .type = lis::optional(types.map(t, Position::Result)),
                .rule = Rule::EvidenceMayBeNil,
                .evidence = "returns nil at " + f->at};
      }
    }
    if (context.sentinel_minus_one && t->kind == TypeKind::Basic && t->name == "int") {
      return {
          .shape = Option, .type = lis::option(lis::basic("int")), .rule = Rule::SentinelMinusOne};
    }
    if (t->kind == TypeKind::Pointer && !context.is_callback) {
      // A constructor hands back what it built (a factory's New* method too, promauto.Factory's
      // NewCounterVec); a fluent builder hands back its receiver.
      if (is_constructor_name(name)) {
        return {.shape = Plain,
                .type = types.map(t, Position::NonNilResult),
                .rule = Rule::Constructor};
      }
      const auto& e = t->elem;
      if (context.is_method && e && e->kind == TypeKind::Named && e->pkg == context.receiver_pkg &&
          e->name == context.receiver_name) {
        return {.shape = Plain,
                .type = types.map(t, Position::NonNilResult),
                .rule = Rule::FluentBuilder};
      }
    }
    return {.shape = Plain,
            .type = types.map(t, context.is_callback ? Position::NonNilResult : Position::Result),
            .rule = Rule::SingleResult};
  }
  return {.shape = Tuple,
          .type = values(types, r, r.size(), Position::NonNilResult),
          .rule = Rule::Tuple};
}

}  // namespace lisbind::emit
