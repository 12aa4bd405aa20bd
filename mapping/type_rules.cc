#include "mapping/type_rules.h"

#include <algorithm>
#include <cctype>

#include "mapping/doc_comment.h"
#include "mapping/function_rules.h"
#include "mapping/generic_rules.h"
#include "mapping/method_sets.h"
#include "syntax/go_syntax.h"

namespace lisbind::emit {
namespace {

using model::Decl;
using model::TypeKind;
using model::TypeRef;

// An exported, non-generic alias that a typedef of the model declares (not the standard
// library's: lis reads its own typedefs for those).
bool embeds_declared_alias(const model::ApiModel& api, const TypeRef& e) {
  if (e.kind != TypeKind::Alias || !e.args.empty() || e.pkg.empty() || e.name.empty() ||
      !std::isupper(static_cast<unsigned char>(e.name[0])))
    return false;
  const model::Package* p = api.find_package(e.pkg);
  const model::Decl* d = p && !p->std ? p->find_decl(e.name) : nullptr;
  return d && d->alias && d->exported && d->tparams.empty();
}

Rule shape_struct(const TypeMapper& types, const TypeRef& u, lis::TypeDecl& t, BindStatus& status) {
  bool hidden = false;
  for (const auto& f : u.fields) {
    if (!f.exported && !f.embedded) {
      hidden = true;
      continue;
    }
    try {
      if (f.embedded) {
        const TypeRef& e = *f.type;
        lis::Type embedded = e.kind == TypeKind::Pointer
                                 ? lis::ref(types.map(e.elem, Position::TypeArg), true)
                                 : types.map(e, Position::TypeArg);
        // Go names a field embedded through an alias after the alias (`MetaRef` for
        // `type MetaRef = *Meta`), and lis names an embedded field after the type it embeds, so
        // the alias itself is embedded; promotion goes through it as through its target.
        if (embeds_declared_alias(types.api(), e)) embedded = types.declared_type(e.pkg, e.name);
        t.fields.push_back(
            {.doc = doc_lines(f.doc), .attributes = {}, .name = "", .type = std::move(embedded)});
      } else {
        t.fields.push_back({.doc = doc_lines(f.doc),
                            .attributes = {},
                            .name = f.name,
                            .type = types.map(f.type, Position::Field)});
      }
    } catch (const Unmappable&) {
      hidden = true;  // a field Lisette cannot type stays reachable from Go only
    }
  }
  if (t.fields.empty()) {
    t.form = lis::TypeForm::Opaque;
    status = BindStatus::Opaque;
    return Rule::OpaqueNoExportedFields;
  }
  t.form = lis::TypeForm::Struct;
  if (hidden) t.attributes.push_back(lis::AttributeKind::HiddenFields);
  return hidden ? Rule::StructHiddenFields : Rule::Struct;
}

bool embeds_comparable(const TypeRef& iface) {
  if (iface.comparable) return true;
  return std::any_of(iface.embeds.begin(), iface.embeds.end(), [](const model::TypePtr& e) {
    return e->kind == TypeKind::Named && e->pkg.empty() && e->name == "comparable";
  });
}

bool embeds_type_set(const model::ApiModel& api, const TypeRef& iface) {
  for (const auto& e : iface.embeds) {
    if (e->kind == TypeKind::Interface && !e->unions.empty()) return true;
    if (e->kind != TypeKind::Named || e->pkg.empty()) continue;
    const auto* p = api.find_package(e->pkg);
    const Decl* d = p ? p->find_decl(e->name) : nullptr;
    if (d && d->underlying && d->underlying->kind == TypeKind::Interface &&
        (!d->underlying->unions.empty() || embeds_type_set(api, *d->underlying))) {
      return true;
    }
  }
  return false;
}

Rule shape_interface(const TypeMapper& types, const model::ApiModel& api,
                     const std::string& package_path, const Decl& d, const TypeRef& u,
                     lis::TypeDecl& t) {
  if (!u.unions.empty() || embeds_type_set(api, u)) {
    // Usable only as a bound; lis's own stdlib spells cmp.Ordered this way.
    t.form = lis::TypeForm::Opaque;
    t.attributes.push_back(lis::AttributeKind::Constraint);
    return Rule::Constraint;
  }
  t.form = lis::TypeForm::Interface;
  // Go allows an interface that embeds `comparable` (client-go's cache.Object) only as a
  // constraint; lis reads #[go(constraint)] on an interface the same way and keeps its methods
  // for the bounds that name it.
  if (embeds_comparable(u)) t.attributes.push_back(lis::AttributeKind::Constraint);
  bool sealed = false;
  std::vector<lis::Function> unexported;
  // Methods reached through an embedded interface are listed, not embedded: lis 0.12.5 calls a
  // method it finds through `embed` as if it had one result, which Go rejects for (T, error).
  FlatInterface flat = flatten_interface(api, u, package_path, d.name);
  for (const auto& e : flat.unresolved_embeds) t.embeds.push_back(types.map(e, Position::TypeArg));
  for (const auto& m : flat.methods) {
    if (m.name.empty() || !std::isupper(static_cast<unsigned char>(m.name[0]))) {
      // Only the declaring package can implement it; lis knows the method by its Go identity.
      sealed = true;
      lis::Function f;
      f.name = m.name;
      f.attributes.push_back({lis::AttributeKind::UnexportedIdentity,
                              go_method_identity(m.declaring_package, m.name, m.sig)});
      unexported.push_back(std::move(f));
      continue;
    }
    try {
      t.methods.push_back(map_function(types, m.sig,
                                       {.function_name = m.name,
                                        .is_method = true,
                                        .receiver_pkg = m.declaring_package,
                                        .receiver_name = m.declaring_interface},
                                       {.doc = m.doc, .facts = nullptr, .override = nullptr})
                              .declaration);
    } catch (const Unmappable&) {
      // The interface stays usable through its other methods; Lisette code cannot implement
      // it, which the missing method makes lis enforce.
    }
  }
  for (auto& f : unexported) t.methods.push_back(std::move(f));
  return sealed ? Rule::InterfaceSealed : Rule::Interface;
}

// Chooses struct, interface, function alias or newtype from the underlying type.
Rule shape_type(const TypeMapper& types, const model::ApiModel& api,
                const std::string& package_path, const Decl& d, lis::TypeDecl& t,
                BindStatus& status) {
  const TypeRef& u = *d.underlying;
  switch (u.kind) {
    case TypeKind::Struct:
      return shape_struct(types, u, t, status);
    case TypeKind::Interface:
      return shape_interface(types, api, package_path, d, u, t);
    case TypeKind::Func:
      t.form = lis::TypeForm::Alias;
      t.target = types.map(u, Position::Underlying);
      return Rule::FuncType;
    default:
      t.form = lis::TypeForm::Newtype;
      t.target = types.map(u, Position::Underlying);
      return Rule::Newtype;
  }
}

}  // namespace

TypeMapping map_type_decl(const TypeMapper& types, const model::ApiModel& api,
                          const std::string& package_path, const Decl& d) {
  TypeMapping mapped;
  lis::TypeDecl& t = mapped.declaration;
  t.name = d.name;
  t.doc = doc_lines(d.doc);
  GenericsMapping generics = map_type_params(types, d.tparams);
  t.generics = std::move(generics.generics);
  mapped.note = std::move(generics.note);
  try {
    if (!d.exported && d.underlying && d.underlying->kind == TypeKind::Interface) {
      // An unexported interface is usually a constraint (gentype's objectWithMeta); as an opaque
      // type it would bind nothing, so it keeps its methods.
      mapped.code = shape_interface(types, api, package_path, d, *d.underlying, t);
      t.attributes.insert(t.attributes.begin(), lis::AttributeKind::Unexported);
      mapped.status = BindStatus::Opaque;
    } else if (!d.exported) {
      // Exposed by exported API but not nameable in Go: callers may hold and pass it, and call
      // its exported methods, but never build one.
      t.form = lis::TypeForm::Opaque;
      t.attributes.push_back(lis::AttributeKind::Unexported);
      mapped.status = BindStatus::Opaque;
      mapped.code = Rule::UnexportedType;
    } else if (d.alias) {
      t.form = lis::TypeForm::Alias;
      t.target = types.map(d.underlying, Position::TypeArg);
      mapped.code = Rule::Alias;
    } else {
      mapped.code = shape_type(types, api, package_path, d, t, mapped.status);
    }
  } catch (const Unmappable& e) {
    // The representation has no Lisette form; the type can still be named and passed around.
    lis::TypeDecl opaque;
    opaque.doc = std::move(t.doc);
    opaque.form = lis::TypeForm::Opaque;
    opaque.name = d.name;
    opaque.generics = std::move(t.generics);
    t = std::move(opaque);
    mapped.status = BindStatus::Opaque;
    mapped.code = LedgerCode(e.code, false, true);
    mapped.note = e.what();
  }
  // lis lets Lisette code compare values with == unless told that Go cannot.
  // Where every field is visible lis works comparability out itself; where some are hidden
  // (or all, for an opaque type) only the Go fact can tell it.
  bool hidden_insides =
      (t.form == lis::TypeForm::Struct && !mapped.code.opaque &&
       mapped.code.rule == Rule::StructHiddenFields) ||
      (t.form == lis::TypeForm::Opaque && d.underlying && d.underlying->kind == TypeKind::Struct);
  if (hidden_insides && !d.comparable) t.attributes.push_back(lis::AttributeKind::Incomparable);
  return mapped;
}

Binding field_binding(const std::string& type_name, const lis::Field& field) {
  return {.symbol = type_name + "." + field.name,
          .code = LedgerCode(Rule::Struct),
          .lisette = "pub " + field.name + ": " + lis::to_text(field.type),
          .field_type = field.type};
}

lis::TypeDecl stand_in_decl(const TypeMapper& types, const StandIn& stand_in,
                            const model::Decl* go_decl) {
  lis::TypeDecl t;
  t.form = lis::TypeForm::Opaque;
  t.name = stand_in.local;
  t.attributes.push_back(lis::AttributeKind::Unexported);
  t.doc = {"Stands in for " + stand_in.path + "." + stand_in.name +
           ", which lives in an internal package."};
  if (go_decl) t.generics = map_type_params(types, go_decl->tparams).generics;
  return t;
}

}  // namespace lisbind::emit
