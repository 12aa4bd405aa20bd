// Every rule lisbind decides by, and every reason it gives up, as one enumerator each. The ledger,
// the `// SKIPPED:` notes and `lisbind explain` print `code()`, which is stable: README.md promises
// it, and docs/ledger-codes.md (checked by binding_rule_test) lists every code with its meaning.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lisbind::emit {

// X(enumerator, "code", "one-line description"). Grouped as docs/ledger-codes.md groups them.
#define LISBIND_BINDING_RULES(X)                                                                   \
  /* results of functions, methods, interface methods and function types */                        \
  X(NoResult, "no-result", "the Go function returns nothing; so does the Lisette one")             \
  X(NeverReturns, "never-returns",                                                                 \
    "every path panics or exits (body evidence): the result is `Never`")                           \
  X(ErrorAccessor, "error-accessor",                                                               \
    "Unwrap/Cause/Err/AsError() methods report a held error: `Option<error>`")                     \
  X(OverrideDirectError, "override-direct-error",                                                  \
    "the overrides file says a lone error is a value: `error`")                                    \
  X(ErrorConstructor, "error-constructor",                                                         \
    "a function named like `New*`, `Err*`, `Wrap*` or `...Error` builds an error: `error`")        \
  X(ResultError, "result-error", "a lone error reports failure: `Result<(), error>`")              \
  X(IoPartial, "io-partial", "io's (n, error) where both matter: `Partial<T, error>`")             \
  X(OverridePartial, "override-partial",                                                           \
    "the overrides file says (T, error) where both matter: `Partial<T, error>`")                   \
  X(FlagBesideError, "flag-beside-error",                                                          \
    "a named non-presence bool among values before an error: a tuple")                             \
  X(ResultValueMayBeNil, "result-value-may-be-nil",                                                \
    "(T, error) whose body returns a nil T with a nil error: `Result<Option<T>, error>`")          \
  X(ResultValueError, "result-value-error", "(T..., error): `Result<T, error>`")                   \
  X(CommaOk, "comma-ok", "(T, bool) where the bool reports presence: `Option<T>`")                 \
  X(BoolUnnamedFlag, "bool-unnamed-flag",                                                          \
    "(T, bool) with an unnamed bool that is not a presence flag: a tuple")                         \
  X(BoolNamedFlag, "bool-named-flag",                                                              \
    "(T, bool) with a named bool that is not a presence flag: a tuple")                            \
  X(EvidenceNonNil, "evidence-non-nil",                                                            \
    "every return of the pointer result is non-nil (body evidence): `Ref<T>`")                     \
  X(EvidenceMayBeNil, "evidence-may-be-nil", "the body returns nil (body evidence): `Option<T>`")  \
  X(SentinelMinusOne, "sentinel-minus-one",                                                        \
    "the doc says an int result of -1 means absent: `Option<int>`")                                \
  X(Constructor, "constructor",                                                                    \
    "a `New*` or `Must*` function or method hands back what it built: `Ref<T>`")                   \
  X(FluentBuilder, "fluent-builder",                                                               \
    "a method returning a pointer to its receiver's type hands back itself")                       \
  X(SingleResult, "single-result",                                                                 \
    "one result without other evidence: nil-able pointers are Option")                             \
  X(Tuple, "tuple", "several results without an error or flag: a tuple")                           \
  X(InterfaceMethodShape, "interface-method-shape",                                                \
    "a method that implements an interface keeps the interface method's shape")                    \
  /* type parameters */                                                                            \
  X(CollapsedTypeParams, "collapsed-type-params",                                                  \
    "a type parameter constrained to one slice or map type (`S ~[]E`) is that type: `Slice<E>`")   \
  /* constants and variables */                                                                    \
  X(ConstUntyped, "const-untyped", "an untyped constant with a Lisette literal")                   \
  X(ConstTyped, "const-typed", "a typed constant with a Lisette literal")                          \
  X(ConstValueless, "const-valueless",                                                             \
    "a constant no literal can write: declared without a value, Go supplies it")                   \
  X(Var, "var", "a package variable")                                                              \
  /* types */                                                                                      \
  X(UnexportedType, "unexported-type",                                                             \
    "an unexported type exported API hands out: opaque, `#[go(unexported)]`")                      \
  X(Alias, "alias", "a type alias: `pub type N = T`")                                              \
  X(FuncType, "func-type", "a named function type: an alias of the fn type")                       \
  X(Newtype, "newtype", "a named type over a non-struct, non-interface type: `pub struct N(T)`")   \
  X(OpaqueNoExportedFields, "opaque-no-exported-fields",                                           \
    "a struct with no field Lisette can see: opaque")                                              \
  X(StructHiddenFields, "struct-hidden-fields",                                                    \
    "a struct with fields Lisette cannot see: `#[go(hidden_fields)]`")                             \
  X(Struct, "struct", "a struct with every field visible")                                         \
  X(Constraint, "constraint", "a type-set interface, usable only as a bound: `#[go(constraint)]`") \
  X(InterfaceSealed, "interface-sealed",                                                           \
    "an interface with unexported methods: only its package can implement it")                     \
  X(Interface, "interface", "an interface")                                                        \
  /* reasons a construct has no Lisette form (skipped, or opaque-<code> for a type's               \
   * representation) */                                                                            \
  X(MissingType, "missing-type", "the Go helper gave no type")                                     \
  X(InterfaceForComparable, "interface-for-comparable",                                            \
    "a generic type instantiated with an interface for a comparable type parameter")               \
  X(UniverseType, "universe-type", "a predeclared Go type with no Lisette form")                   \
  X(PointerToInterface, "pointer-to-interface", "a pointer to an interface value")                 \
  X(Untyped, "untyped", "an untyped Go type outside a constant")                                   \
  X(AnonymousStruct, "anonymous-struct", "an anonymous struct type with fields")                   \
  X(TypeSetInValuePosition, "type-set-in-value-position",                                          \
    "a type-set interface used as a value's type")                                                 \
  X(UnknownType, "unknown-type", "a Go type lisbind does not recognise")                           \
  X(TooManyResults, "too-many-results", "more than five results do not fit a Lisette tuple")       \
  X(ReservedName, "reserved-name", "a type named Self or a Lisette keyword")                       \
  X(ShadowsPreludeType, "shadows-prelude-type",                                                    \
    "a type named Unknown, Never or Comparable would hide the prelude's")                          \
  X(KeywordName, "keyword-name", "a function or method named with a Lisette keyword")              \
  X(OverrideSkip, "override-skip", "skipped by the project's overrides file")                      \
  X(ConstOverflow, "const-overflow", "an integer constant outside 64 bits")                        \
  X(ConstFloatForm, "const-float-form", "a float constant with no finite decimal form")            \
  X(ConstComplex, "const-complex", "a complex constant has no Lisette literal")                    \
  X(ConstUnknown, "const-unknown", "a constant of a kind the Go helper did not name")

enum class Rule {
#define LISBIND_RULE_ENUMERATOR(name, code, description) name,
  LISBIND_BINDING_RULES(LISBIND_RULE_ENUMERATOR)
#undef LISBIND_RULE_ENUMERATOR
};

// The stable ledger code, e.g. "result-error".
std::string_view rule_code(Rule rule);
// One line for people, as docs/ledger-codes.md shows it.
std::string_view rule_description(Rule rule);
// Every enumerator, in declaration order.
std::span<const Rule> all_rules();
std::optional<Rule> rule_from_code(std::string_view code);

// What the ledger records for one symbol: the rule, and how it was modified.
struct LedgerCode {
  LedgerCode(Rule rule, bool via_override = false, bool opaque = false)
      : rule(rule), via_override(via_override), opaque(opaque) {}

  Rule rule;
  bool via_override = false;  // the overrides file applied: `<code>+override`
  bool opaque = false;        // a type whose representation has no Lisette form: `opaque-<code>`

  std::string text() const;
};

}  // namespace lisbind::emit
