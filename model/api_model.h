// The C++ model of a Go API, as extracted by the Go helper (see docs/api-model.md). It holds
// facts only; how each fact becomes Lisette is the emitter's business.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lisbind::model {

struct TypeRef;
// Type expressions are immutable once read and freely shared between declarations.
using TypePtr = std::shared_ptr<const TypeRef>;

enum class TypeKind {
  Basic,
  Named,
  Alias,
  TypeParam,
  Pointer,
  Slice,
  Array,
  Map,
  Chan,
  Func,
  Struct,
  Interface
};
enum class ChanDir { Both, Send, Recv };

struct Param {
  std::string name;  // empty when the Go source leaves it unnamed or `_`
  TypePtr type;
};

struct Signature {
  std::vector<Param> params;
  std::vector<Param> results;
  bool variadic = false;  // the last param's type is then the slice Go passes
};

struct Field {
  std::string name;
  TypePtr type;
  bool embedded = false;
  bool exported = false;
  std::string tag;
  std::string doc;
};

struct InterfaceMethod {
  std::string name;
  Signature sig;
  std::string doc;
};

struct UnionTerm {
  bool tilde = false;
  TypePtr type;
};

// One Go type expression. A tagged record rather than a class hierarchy: the mapper switches on
// `kind`, and each kind uses only the members listed beside it.
struct TypeRef {
  TypeKind kind = TypeKind::Basic;
  std::string name;  // Basic, Named, Alias, TypeParam
  std::string pkg;   // Named, Alias: import path; "" for universe types (error, comparable)
  std::vector<TypePtr> args;                   // Named, Alias: type arguments of an instantiation
  TypePtr target;                              // Alias: the type the alias stands for
  TypePtr elem;                                // Pointer, Slice, Array, Map (value), Chan
  TypePtr key;                                 // Map
  std::int64_t length = 0;                     // Array
  ChanDir dir = ChanDir::Both;                 // Chan
  std::shared_ptr<const Signature> sig;        // Func
  std::vector<Field> fields;                   // Struct
  std::vector<InterfaceMethod> methods;        // Interface: explicitly declared methods
  std::vector<TypePtr> embeds;                 // Interface: embedded non-union elements
  std::vector<std::vector<UnionTerm>> unions;  // Interface: one entry per union element
  bool comparable = false;                     // Interface: embeds `comparable`
};

enum class DeclKind { Const, Var, Func, Type };

struct ConstValue {
  std::string kind;        // int, float, string, bool, complex
  std::string exact;       // constant.Value.ExactString()
  std::string float_text;  // nearest float64, for floats
  std::string literal;  // the number literal as written in the source (0x0301), if the value is one
};

// Evidence from a function body (docs/api-model.md, "Facts"). Each fact is an enum from the moment
// it is read; `Unstated` (the helper left the key out) and `Unknown` (it said "unknown") both mean
// the body gave no answer, and are kept apart only so that a round trip reproduces the document.
enum class NilFact { Unstated, Unknown, Never, May };  // can this result be nil?
enum class WriteFact { Unstated, Unknown, No, Yes };   // does the body write through it?
enum class NilArgFact {
  Unstated,
  Unknown,
  Accepted,
  Rejected
};  // does the body accept a nil argument?

// The helper's spelling ("never", "may", ...); empty for Unstated.
// The Go keyword of a declaration's kind, as the model's JSON and Go source spell it.
const char* decl_kind_name(DeclKind kind);
const char* fact_name(NilFact f);
const char* fact_name(WriteFact f);
const char* fact_name(NilArgFact f);

struct ResultFact {
  NilFact nil = NilFact::Unstated;
  std::string at;                                  // witness of a nil return
  NilFact nil_with_nil_error = NilFact::Unstated;  // for (T, error): can T be nil when err is nil?
  std::string nil_with_nil_error_at;
};

struct ParamFact {
  WriteFact writes = WriteFact::Unstated;
  std::string writes_at;
  NilArgFact nil = NilArgFact::Unstated;  // pointer parameters
  std::string nil_at;
};

struct Facts {
  bool present = false;
  std::vector<ResultFact> results;  // one per result when present
  std::vector<ParamFact> params;    // one per parameter when present
  WriteFact receiver_writes = WriteFact::Unstated;
  std::string receiver_writes_at;
  bool never_returns = false;
  std::string never_returns_at;

  const ResultFact* result(size_t i) const { return i < results.size() ? &results[i] : nullptr; }
  const ParamFact* param(size_t i) const { return i < params.size() ? &params[i] : nullptr; }
};

struct Method {
  std::string name;
  bool pointer_receiver = false;
  Signature sig;
  std::string doc;
  std::string deprecated;
  std::string pos;
  Facts facts;
};

// A method reached through embedded fields rather than declared on the type.
struct PromotedMethod {
  std::string name;
  std::vector<std::string> via;  // embedded field names from the outer type inwards
  bool pointer_only = false;     // in *T's method set but not T's
  Signature sig;
  TypePtr from;  // the type that declares it
};

struct TypeParam {
  std::string name;
  TypePtr constraint;
};

struct Decl {
  DeclKind kind = DeclKind::Const;
  std::string name;
  bool exported = true;
  std::string doc;
  std::string deprecated;
  std::string pos;
  // Const, Var
  TypePtr type;
  bool untyped = false;
  ConstValue value;
  // Func
  Signature sig;
  Facts facts;
  std::vector<TypeParam> tparams;  // Func, Type
  // Type
  bool alias = false;
  TypePtr underlying;
  std::vector<Method> methods;
  std::vector<PromotedMethod> promoted;
  bool is_error = false;
  bool pointer_is_error = false;
  bool comparable = false;
};

struct Module {
  std::string path;
  std::string version;
  std::string dir;
  bool main = false;
  std::string replace_path;
  std::string replace_version;
};

struct Package {
  std::string path;
  std::string name;
  std::optional<Module> module;  // absent for the standard library
  bool std = false;
  bool internal = false;
  bool command = false;
  bool root = false;  // matched by a pattern, not only reached through the closure
  std::string doc;
  std::vector<std::string> files;
  std::vector<std::string> imports;
  std::vector<Decl> decls;

  const Decl* find_decl(std::string_view decl_name) const;
};

struct LoadError {
  std::string package;
  std::string message;
};

struct BuildContext {
  std::string goos;
  std::string goarch;
  std::vector<std::string> tags;
  bool cgo = false;
};

struct ApiModel {
  int schema = 0;
  std::string go_version;
  BuildContext build;
  std::vector<std::string> patterns;
  std::vector<Package> packages;  // sorted by path
  std::vector<LoadError> errors;

  const Package* find_package(std::string_view path) const;
};

}  // namespace lisbind::model
