#include "syntax/go_syntax.h"

namespace lisbind::emit {
namespace {

using model::TypeKind;

std::string list(const std::vector<model::Param>& params, bool variadic) {
  std::string s;
  for (size_t i = 0; i < params.size(); ++i) {
    const auto& t = *params[i].type;
    bool dots = variadic && i + 1 == params.size() && t.kind == TypeKind::Slice;
    s += (i ? "," : "") + (dots ? "..." + go_type_text(*t.elem) : go_type_text(t));
  }
  return s;
}

std::string signature(const model::Signature& sig) {
  std::string s = "(" + list(sig.params, sig.variadic) + ")";
  if (sig.results.size() == 1) return s + " " + go_type_text(*sig.results[0].type);
  if (!sig.results.empty()) s += " (" + list(sig.results, false) + ")";
  return s;
}

}  // namespace

std::string go_type_text(const model::TypeRef& t) {
  switch (t.kind) {
    case TypeKind::Basic:
    case TypeKind::TypeParam:
      return t.name;
    case TypeKind::Named:
    case TypeKind::Alias: {
      std::string s = t.pkg.empty() ? t.name : t.pkg + "." + t.name;
      if (!t.args.empty()) {
        s += "[";
        for (size_t i = 0; i < t.args.size(); ++i) s += (i ? "," : "") + go_type_text(*t.args[i]);
        s += "]";
      }
      return s;
    }
    case TypeKind::Pointer:
      return "*" + go_type_text(*t.elem);
    case TypeKind::Slice:
      return "[]" + go_type_text(*t.elem);
    case TypeKind::Array:
      return "[" + std::to_string(t.length) + "]" + go_type_text(*t.elem);
    case TypeKind::Map:
      return "map[" + go_type_text(*t.key) + "]" + go_type_text(*t.elem);
    case TypeKind::Chan: {
      const char* prefix = t.dir == model::ChanDir::Send   ? "chan<- "
                           : t.dir == model::ChanDir::Recv ? "<-chan "
                                                           : "chan ";
      return prefix + go_type_text(*t.elem);
    }
    case TypeKind::Func:
      return "func" + signature(*t.sig);
    case TypeKind::Struct:
      return t.fields.empty() ? "struct{}" : "struct{...}";
    case TypeKind::Interface:
      return t.methods.empty() && t.embeds.empty() && t.unions.empty() ? "interface{}"
                                                                       : "interface{...}";
  }
  return "?";
}

std::string go_func_text(const std::string& receiver, const std::string& name,
                         const model::Signature& sig) {
  auto params = [](const std::vector<model::Param>& list, bool variadic) {
    std::string out;
    for (size_t i = 0; i < list.size(); ++i) {
      const auto& t = *list[i].type;
      bool dots = variadic && i + 1 == list.size() && t.kind == TypeKind::Slice;
      out += (i ? ", " : "") + (list[i].name.empty() ? "" : list[i].name + " ") +
             (dots ? "..." + go_type_text(*t.elem) : go_type_text(t));
    }
    return out;
  };
  std::string s = "func " + (receiver.empty() ? "" : "(" + receiver + ") ") + name + "(" +
                  params(sig.params, sig.variadic) + ")";
  bool named = !sig.results.empty() && !sig.results[0].name.empty();
  if (sig.results.size() == 1 && !named) return s + " " + go_type_text(*sig.results[0].type);
  if (!sig.results.empty()) s += " (" + params(sig.results, false) + ")";
  return s;
}

std::string go_method_identity(const std::string& package_path, const std::string& name,
                               const model::Signature& sig) {
  std::string s = package_path + "." + name + "(" + list(sig.params, sig.variadic) + ")";
  if (!sig.results.empty()) s += " " + list(sig.results, false);
  return s;
}

}  // namespace lisbind::emit
