// What a `.d.lis` file declares, after every mapping decision is made. The printer turns this
// into text; nothing here knows about Go. Types are kept as Lisette text rendered from the mapper's
// lis::Type trees (syntax/lisette_type.h) because the printer never looks inside them; nothing
// decides by reading that text back. Attributes and generic parameters are typed.
#pragma once

#include <string>
#include <vector>

namespace lisbind::lis {

// The `#[...]` lines lisbind writes; the printer spells them.
enum class AttributeKind {
  Unexported,          // #[go(unexported)]
  UnexportedIdentity,  // #[go(unexported, "<arg>")]: an interface method known by its Go identity
  Constraint,          // #[go(constraint)]
  HiddenFields,        // #[go(hidden_fields)]
  Incomparable,        // #[go(incomparable)]
  CommaOk,             // #[go(comma_ok)]
  SentinelMinusOne,    // #[go(sentinel_minus_one)]
  GoName,              // #[go("<arg>")]: the Go name of a renamed function
  AllowUnusedResult,   // #[allow(unused_result)]
  AllowUnusedValue,    // #[allow(unused_value)]
};

struct Attribute {
  Attribute(AttributeKind kind, std::string arg = {}) : kind(kind), arg(std::move(arg)) {}
  AttributeKind kind;
  std::string arg;

  bool operator==(const Attribute&) const = default;
};

std::string attribute_text(const Attribute& attribute);
bool has_attribute(const std::vector<Attribute>& attributes, AttributeKind kind);

// A generic parameter: `T`, or `K: Comparable` (bound as Lisette text).
struct Generic {
  Generic(std::string name, std::string bound = {})
      : name(std::move(name)), bound(std::move(bound)) {}
  Generic(const char* name) : name(name) {}
  std::string name;
  std::string bound;  // empty: unbounded

  bool operator==(const Generic&) const = default;
};

struct Param {
  std::string name;
  std::string type;
};

struct Function {
  std::vector<std::string> doc;  // one entry per `///` line, without the slashes
  std::vector<Attribute> attributes;
  std::string name;
  std::vector<Generic> generics;
  std::string receiver;  // `self`, `self: Ref<T>`; empty for functions and interface methods
  std::vector<Param> params;
  std::string result;  // empty: returns nothing
};

struct Field {
  std::vector<std::string> doc;
  std::vector<Attribute> attributes;
  std::string name;  // empty for an embedded field
  std::string type;
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
  std::vector<Field> fields;        // Struct
  std::string target;               // Newtype, Alias
  std::vector<std::string> embeds;  // Interface
  std::vector<Function> methods;    // Interface
};

struct Const {
  std::vector<std::string> doc;
  std::string name;
  std::string type;   // empty: untyped
  std::string value;  // empty: valueless (`pub const X: T`), for values no literal can write
};

struct Var {
  std::vector<std::string> doc;
  std::vector<Attribute> attributes;
  std::string name;
  std::string type;
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
