#include "mapping/generic_rules.h"

#include <functional>
#include <map>

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

// The one slice or map type an inline constraint allows (`~[]E`), or nullptr.
model::TypePtr core_collection_type(const model::TypePtr& c) {
  const TypeRef* t = c.get();
  while (t && t->kind == TypeKind::Alias && t->target) t = t->target.get();
  if (!t || t->kind != TypeKind::Interface || !t->methods.empty() || !t->embeds.empty() ||
      t->comparable || t->unions.size() != 1 || t->unions.front().size() != 1)
    return nullptr;
  const model::TypePtr& term = t->unions.front().front().type;
  return term && (term->kind == TypeKind::Slice || term->kind == TypeKind::Map) ? term : nullptr;
}

bool mentions(const TypeRef* t, const std::string& tparam) {
  if (!t) return false;
  if (t->kind == TypeKind::TypeParam) return t->name == tparam;
  for (const TypeRef* part : {t->elem.get(), t->key.get(), t->target.get()}) {
    if (mentions(part, tparam)) return true;
  }
  for (const auto& a : t->args) {
    if (mentions(a.get(), tparam)) return true;
  }
  for (const auto& e : t->embeds) {
    if (mentions(e.get(), tparam)) return true;
  }
  for (const auto& u : t->unions) {
    for (const auto& term : u) {
      if (mentions(term.type.get(), tparam)) return true;
    }
  }
  for (const auto& m : t->methods) {
    for (const auto& p : m.sig.params) {
      if (mentions(p.type.get(), tparam)) return true;
    }
    for (const auto& r : m.sig.results) {
      if (mentions(r.type.get(), tparam)) return true;
    }
  }
  if (t->sig) {
    for (const auto& p : t->sig->params) {
      if (mentions(p.type.get(), tparam)) return true;
    }
    for (const auto& r : t->sig->results) {
      if (mentions(r.type.get(), tparam)) return true;
    }
  }
  for (const auto& f : t->fields) {
    if (mentions(f.type.get(), tparam)) return true;
  }
  return false;
}

// `t` with every type parameter named in `by` replaced by its type.
model::TypePtr replaced(const model::TypePtr& t, const std::map<std::string, model::TypePtr>& by) {
  if (!t) return t;
  if (t->kind == TypeKind::TypeParam) {
    auto it = by.find(t->name);
    return it == by.end() ? t : it->second;
  }
  auto copy = std::make_shared<TypeRef>(*t);
  copy->elem = replaced(t->elem, by);
  copy->key = replaced(t->key, by);
  copy->target = replaced(t->target, by);
  for (auto& a : copy->args) a = replaced(a, by);
  auto replaced_sig = [&](model::Signature sig) {
    for (auto& p : sig.params) p.type = replaced(p.type, by);
    for (auto& r : sig.results) r.type = replaced(r.type, by);
    return sig;
  };
  if (t->sig) copy->sig = std::make_shared<model::Signature>(replaced_sig(*t->sig));
  // The same members `mentions` looks in: a struct or interface literal in the signature.
  for (auto& f : copy->fields) f.type = replaced(f.type, by);
  for (auto& m : copy->methods) m.sig = replaced_sig(m.sig);
  for (auto& e : copy->embeds) e = replaced(e, by);
  for (auto& u : copy->unions) {
    for (auto& term : u) term.type = replaced(term.type, by);
  }
  return copy;
}

}  // namespace

CollapsedSignature collapse_core_type_params(const TypeMapper& types, const model::Signature& sig,
                                             const std::vector<model::TypeParam>& tparams) {
  CollapsedSignature out{.sig = sig, .tparams = {}, .recipe = "", .note = ""};
  std::map<std::string, model::TypePtr> collapsed;
  for (const auto& tp : tparams) {
    model::TypePtr core = core_collection_type(tp.constraint);
    if (!core || mentions(core.get(), tp.name)) continue;
    bool named_elsewhere = false;
    for (const auto& other : tparams) {
      if (other.name != tp.name && mentions(other.constraint.get(), tp.name))
        named_elsewhere = true;
    }
    if (!named_elsewhere) collapsed[tp.name] = core;
  }
  if (collapsed.empty()) {
    out.tparams = tparams;
    return out;
  }
  for (auto& p : out.sig.params) p.type = replaced(p.type, collapsed);
  for (auto& r : out.sig.results) r.type = replaced(r.type, collapsed);
  for (const auto& tp : tparams) {
    std::string entry = tp.name;
    if (auto it = collapsed.find(tp.name); it != collapsed.end()) {
      // As lis's own typedefs write recipes: the type, without a writability of its own.
      lis::Type type = types.map(*it->second, Position::TypeArg);
      type.mut = false;
      entry = lis::to_text(type);
      out.note += std::string(out.note.empty() ? "" : ", ") + tp.name + " = " + entry;
    } else {
      out.tparams.push_back(tp);
    }
    out.recipe += std::string(out.recipe.empty() ? "" : ", ") + entry;
  }
  out.note = std::string(rule_code(Rule::CollapsedTypeParams)) + ": " + out.note;
  return out;
}

GenericsMapping map_type_params(const TypeMapper& types,
                                const std::vector<model::TypeParam>& tparams) {
  GenericsMapping mapped;
  for (const auto& tp : tparams) {
    mapped.generics.push_back({tp.name, constraint_bounds(types, tp.constraint, mapped.note)});
  }
  return mapped;
}

}  // namespace lisbind::emit
