#include "mapping/param_rules.h"

#include <algorithm>
#include <string>

#include "syntax/names.h"

namespace lisbind::emit {

using model::TypeKind;

std::vector<ParamBinding> map_params(const TypeMapper& types, const model::Signature& sig,
                                     const model::Facts* facts) {
  std::vector<ParamBinding> out;
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const auto& p = sig.params[i];
    const model::ParamFact* fact = facts ? facts->param(i) : nullptr;
    ParamBinding b;
    bool written = fact && fact->writes == model::WriteFact::Yes;
    Position pos = written ? Position::WrittenParam : Position::Param;
    bool variadic = sig.variadic && i + 1 == sig.params.size() && p.type->kind == TypeKind::Slice;
    b.type = variadic ? lis::var_args(types.map(p.type->elem, pos)) : types.map(p.type, pos);
    b.nil_accepted =
        fact && fact->nil == model::NilArgFact::Accepted && p.type->kind == TypeKind::Pointer;
    if (b.nil_accepted) {
      b.type = lis::option(std::move(b.type));
      b.nil_at = fact->nil_at;
    }
    auto k = p.type->kind;
    bool by_reference = k == TypeKind::Pointer || k == TypeKind::Slice || k == TypeKind::Map;
    b.mutability = !by_reference                                  ? ParamMutability::ByValue
                   : written                                      ? ParamMutability::Written
                   : fact && fact->writes == model::WriteFact::No ? ParamMutability::OnlyRead
                                                                  : ParamMutability::NoEvidence;
    if (written) b.writes_at = fact->writes_at;
    b.name = names::parameter_name(p.name, i);
    // Lower-casing can make two Go names equal (T and t); the later one takes its position, and
    // a suffix beyond that if the result is taken too (`a2, A, a`).
    auto taken = [&](const std::string& name) {
      return std::any_of(out.begin(), out.end(),
                         [&](const ParamBinding& earlier) { return earlier.name == name; });
    };
    if (taken(b.name)) {
      const std::string positional = b.name + std::to_string(i);
      b.name = positional;
      for (int n = 1; taken(b.name); ++n) b.name = positional + "_" + std::to_string(n);
    }
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace lisbind::emit
