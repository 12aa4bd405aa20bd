// What a `.d.lis` file declares, after every mapping decision is made. The printer turns this
// into text; nothing here knows about Go. Types are kept as rendered Lisette text because the
// printer never looks inside them, only wraps the lists that hold them.
#pragma once

#include <string>
#include <vector>

namespace lisbind::lis {

struct Param {
  std::string name;
  std::string type;
};

struct Function {
  std::vector<std::string> doc;         // one entry per `///` line, without the slashes
  std::vector<std::string> attributes;  // full text, e.g. `#[go(comma_ok)]`
  std::string name;
  std::vector<std::string> generics;    // e.g. `T`, `K: Comparable`
  std::string receiver;                 // `self`, `self: Ref<T>`; empty for functions and interface methods
  std::vector<Param> params;
  std::string result;                   // empty: returns nothing
};

struct Field {
  std::vector<std::string> doc;
  std::vector<std::string> attributes;
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
  std::vector<std::string> attributes;
  TypeForm form = TypeForm::Opaque;
  std::string name;
  std::vector<std::string> generics;
  std::vector<Field> fields;          // Struct
  std::string target;                 // Newtype, Alias
  std::vector<std::string> embeds;    // Interface
  std::vector<Function> methods;      // Interface
};

struct Const {
  std::vector<std::string> doc;
  std::string name;
  std::string type;   // empty: untyped
  std::string value;  // empty: valueless (`pub const X: T`), for values no literal can write
};

struct Var {
  std::vector<std::string> doc;
  std::vector<std::string> attributes;
  std::string name;
  std::string type;
};

struct Impl {
  std::string type_name;
  std::vector<std::string> generics;
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
