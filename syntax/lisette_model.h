// What a `.d.lis` file declares, after every mapping decision is made. The printer turns this
// into text; nothing here knows about Go. Every type is a lis::Type tree (syntax/lisette_type.h),
// so code reading a file (the printer, verify's probes) looks at the types the mapper decided
// rather than at their spelling.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "syntax/lisette_type.h"

namespace lisbind::lis {

// The `#[...]` lines lisbind writes; the printer spells them.
enum class AttributeKind {
  Unexported,           // #[go(unexported)]
  UnexportedIdentity,   // #[go(unexported, "<arg>")]: an interface method known by its Go identity
  Constraint,           // #[go(constraint)]
  HiddenFields,         // #[go(hidden_fields)]
  Incomparable,         // #[go(incomparable)]
  CommaOk,              // #[go(comma_ok)]
  SentinelMinusOne,     // #[go(sentinel_minus_one)]
  GoName,               // #[go("<arg>")]: the Go name of a renamed function
  CollapsedTypeParams,  // #[go(collapsed_type_params, "<arg>")]: Go's type parameters, as
                        // Lisette types, of a function whose slice or map parameter was collapsed
  AllowUnusedResult,    // #[allow(unused_result)]
  AllowUnusedValue,     // #[allow(unused_value)]
};

struct Attribute {
  Attribute(AttributeKind kind, std::string arg = {}) : kind(kind), arg(std::move(arg)) {}
  AttributeKind kind;
  std::string arg;

  bool operator==(const Attribute&) const = default;
};

std::string attribute_text(const Attribute& attribute);
bool has_attribute(const std::vector<Attribute>& attributes, AttributeKind kind);

// A generic parameter: `T`, or `K: Comparable`, `T: A + B`.
struct Generic {
  Generic(std::string name, std::vector<Type> bounds = {})
      : name(std::move(name)), bounds(std::move(bounds)) {}
  Generic(const char* name) : name(name) {}
  std::string name;
  std::vector<Type> bounds;  // empty: unbounded

  bool operator==(const Generic&) const = default;
};

struct Param {
  std::string name;
  Type type;
};

// How a method takes its receiver.
enum class ReceiverForm {
  Value,   // self
  Ref,     // self: Ref<T>
  MutRef,  // self: mut Ref<T>
};

struct Receiver {
  ReceiverForm form = ReceiverForm::Value;
  Type self_type;  // T as the file names it: `Pod`, `Set<T>`
};

struct Function {
  std::vector<std::string> doc;  // one entry per `///` line, without the slashes
  std::vector<Attribute> attributes;
  std::string name;
  std::vector<Generic> generics;
  std::optional<Receiver> receiver;  // none for functions and interface methods
  std::vector<Param> params;
  std::optional<Type> result;  // none: returns nothing
};

struct Field {
  std::vector<std::string> doc;
  std::vector<Attribute> attributes;
  std::string name;  // empty for an embedded field
  Type type;
};

enum class TypeForm {
  Struct,     // pub struct N { pub F: T, embed E }
  Newtype,    // pub struct N(T)
  Opaque,     // pub type N
  Alias,      // pub type N = T
  Interface,  // pub interface N { embed E  fn M(...) -> R }
};

struct TypeDecl {
  std::vector<std::string> doc;
  std::vector<Attribute> attributes;
  TypeForm form = TypeForm::Opaque;
  std::string name;
  std::vector<Generic> generics;
  std::vector<Field> fields;      // Struct
  Type target;                    // Newtype, Alias
  std::vector<Type> embeds;       // Interface
  std::vector<Function> methods;  // Interface
};

struct Const {
  std::vector<std::string> doc;
  std::string name;
  std::optional<Type> type;  // none: untyped
  std::string value;         // empty: valueless (`pub const X: T`), for values no literal can write
};

struct Var {
  std::vector<std::string> doc;
  std::vector<Attribute> attributes;
  std::string name;
  Type type;
};

struct Impl {
  std::string type_name;
  std::vector<Generic> generics;
  std::vector<Function> methods;
};

struct Skipped {
  std::string name;
  std::string code;
  std::string reason;
};

struct Import {
  std::string path;
  std::string alias;  // empty when the default binding name is used
};

struct File {
  std::vector<std::string> header;  // comment lines, without `// `
  std::vector<Import> imports;
  std::vector<Function> functions;
  std::vector<TypeDecl> types;
  std::vector<Const> consts;
  std::vector<Var> vars;
  std::vector<Impl> impls;
  std::vector<Skipped> skipped;
};

}  // namespace lisbind::lis
