#include "syntax/lisette_type.h"

namespace lisbind::lis {

namespace {
Type make(TypeKind kind, std::vector<Type> args, bool mut = false) {
  Type t;
  t.kind = kind;
  t.mut = mut;
  t.args = std::move(args);
  return t;
}

Type with_name(TypeKind kind, std::string name, std::vector<Type> args = {}) {
  Type t = make(kind, std::move(args));
  t.name = std::move(name);
  return t;
}

std::string list(const std::vector<Type>& types, size_t begin, size_t end) {
  std::string s;
  for (size_t i = begin; i < end; ++i) s += (i > begin ? ", " : "") + to_text(types[i]);
  return s;
}

std::string generic(const char* name, const Type& t) {
  return (t.mut ? "mut " : "") + std::string(name) + "<" + list(t.args, 0, t.args.size()) + ">";
}
}  // namespace

Type basic(std::string name) { return with_name(TypeKind::Basic, std::move(name)); }
Type named(std::string name, std::vector<Type> args) {
  return with_name(TypeKind::Named, std::move(name), std::move(args));
}
Type type_param(std::string name) { return with_name(TypeKind::TypeParam, std::move(name)); }
Type ref(Type inner, bool mut) { return make(TypeKind::Ref, {std::move(inner)}, mut); }
Type slice(Type elem, bool mut) { return make(TypeKind::Slice, {std::move(elem)}, mut); }
Type map(Type key, Type value, bool mut) {
  return make(TypeKind::Map, {std::move(key), std::move(value)}, mut);
}
Type array(Type elem, std::int64_t length) {
  Type t = make(TypeKind::Array, {std::move(elem)});
  t.length = length;
  return t;
}
Type option(Type inner) { return make(TypeKind::Option, {std::move(inner)}); }
Type optional(Type t) { return t.is(TypeKind::Option) ? t : option(std::move(t)); }
Type result(Type ok, Type err) { return make(TypeKind::Result, {std::move(ok), std::move(err)}); }
Type partial(Type value, Type err) {
  return make(TypeKind::Partial, {std::move(value), std::move(err)});
}
Type tuple(std::vector<Type> elements) { return make(TypeKind::Tuple, std::move(elements)); }
Type fn(std::vector<Type> params, Type result) {
  params.push_back(std::move(result));
  return make(TypeKind::Fn, std::move(params));
}
Type channel(TypeKind kind, Type elem) { return make(kind, {std::move(elem)}); }
Type var_args(Type elem) { return make(TypeKind::VarArgs, {std::move(elem)}); }
Type error_type() { return named("error"); }
Type unknown() { return make(TypeKind::Unknown, {}); }
Type never() { return make(TypeKind::Never, {}); }
Type unit() { return make(TypeKind::Unit, {}); }

std::string to_text(const Type& t) {
  switch (t.kind) {
    case TypeKind::Basic:
    case TypeKind::TypeParam:
      return (t.mut ? "mut " : "") + t.name;
    case TypeKind::Named:
      return (t.mut ? "mut " : "") + t.name +
             (t.args.empty() ? "" : "<" + list(t.args, 0, t.args.size()) + ">");
    case TypeKind::Ref:
      return generic("Ref", t);
    case TypeKind::Slice:
      return generic("Slice", t);
    case TypeKind::Map:
      return generic("Map", t);
    case TypeKind::Array:
      return "Array<" + to_text(t.args[0]) + ", " + std::to_string(t.length) + ">";
    case TypeKind::Option:
      return generic("Option", t);
    case TypeKind::Result:
      return generic("Result", t);
    case TypeKind::Partial:
      return generic("Partial", t);
    case TypeKind::Tuple:
      return "(" + list(t.args, 0, t.args.size()) + ")";
    case TypeKind::Fn:
      return "fn(" + list(t.args, 0, t.args.size() - 1) + ") -> " + to_text(t.args.back());
    case TypeKind::Channel:
      return generic("Channel", t);
    case TypeKind::Sender:
      return generic("Sender", t);
    case TypeKind::Receiver:
      return generic("Receiver", t);
    case TypeKind::VarArgs:
      return generic("VarArgs", t);
    case TypeKind::Unknown:
      return "Unknown";
    case TypeKind::Never:
      return "Never";
    case TypeKind::Unit:
      return "()";
  }
  return "()";
}

}  // namespace lisbind::lis
