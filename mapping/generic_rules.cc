#include "mapping/generic_rules.h"

namespace lisbind::emit {
namespace {

using model::TypeKind;
using model::TypeRef;

// The Lisette bounds for a Go constraint, or none when Lisette can state none (a type set such
// as `~int | ~string`); `note` then says what was dropped.
std::vector<lis::Type> constraint_bounds(const TypeMapper& types, const model::TypePtr& c,
                                         std::string& note) {
  if (!c) return {};
  const TypeRef* t = c.get();
  while (t->kind == TypeKind::Alias && t->target) t = t->target.get();
  if (t->kind == TypeKind::Named) {
    if (t->pkg.empty()) {
      if (t->name == "comparable") return {lis::named("Comparable")};
      return {};
    }
    // A named type-set constraint is bound as `#[go(constraint)] pub type`, which lis accepts
    // as a bound (without checking the set), so the name survives for readers.
    return {types.map(*t, Position::Constraint)};
  }
  if (t->kind != TypeKind::Interface) return {};
  if (!t->unions.empty() || !t->methods.empty()) {
    note = "inline constraint with a type set or methods has no Lisette bound";
    return {};
  }
  std::vector<lis::Type> bounds;
  if (t->comparable) bounds.push_back(lis::named("Comparable"));
  for (const auto& e : t->embeds) {
    std::vector<lis::Type> sub = constraint_bounds(types, e, note);
    bounds.insert(bounds.end(), sub.begin(), sub.end());
  }
  return bounds;
}

}  // namespace

GenericsMapping map_type_params(const TypeMapper& types,
                                const std::vector<model::TypeParam>& tparams) {
  GenericsMapping mapped;
  for (const auto& tp : tparams) {
    mapped.generics.push_back({tp.name, constraint_bounds(types, tp.constraint, mapped.note)});
  }
  return mapped;
}

}  // namespace lisbind::emit
