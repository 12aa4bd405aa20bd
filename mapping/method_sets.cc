#include "mapping/method_sets.h"

#include <algorithm>
#include <cctype>

namespace lisbind::emit {
namespace {

using model::TypeKind;
using model::TypePtr;
using model::TypeRef;

const TypeRef* peel_aliases(const TypeRef* t) {
  while (t && t->kind == TypeKind::Alias && t->target) t = t->target.get();
  return t;
}

// byte and rune are aliases in Go; the helper reports whichever spelling the source used.
std::string canonical_basic(const std::string& name) {
  if (name == "byte") return "uint8";
  if (name == "rune") return "int32";
  return name;
}

bool identical_refs(const TypeRef* a, const TypeRef* b);

bool identical_lists(const std::vector<TypePtr>& a, const std::vector<TypePtr>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!identical(a[i], b[i])) return false;
  }
  return true;
}

bool identical_refs(const TypeRef* a, const TypeRef* b) {
  a = peel_aliases(a);
  b = peel_aliases(b);
  if (!a || !b) return a == b;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
    case TypeKind::Basic:
      return canonical_basic(a->name) == canonical_basic(b->name);
    case TypeKind::Named:
      return a->pkg == b->pkg && a->name == b->name && identical_lists(a->args, b->args);
    case TypeKind::TypeParam:
      return a->name == b->name;
    case TypeKind::Pointer:
    case TypeKind::Slice:
      return identical(a->elem, b->elem);
    case TypeKind::Array:
      return a->length == b->length && identical(a->elem, b->elem);
    case TypeKind::Map:
      return identical(a->key, b->key) && identical(a->elem, b->elem);
    case TypeKind::Chan:
      return a->dir == b->dir && identical(a->elem, b->elem);
    case TypeKind::Func:
      return a->sig && b->sig && identical(*a->sig, *b->sig);
    case TypeKind::Struct:
      if (a->fields.size() != b->fields.size()) return false;
      for (size_t i = 0; i < a->fields.size(); ++i) {
        const auto& x = a->fields[i];
        const auto& y = b->fields[i];
        if (x.name != y.name || x.embedded != y.embedded || x.tag != y.tag ||
            !identical(x.type, y.type))
          return false;
      }
      return true;
    case TypeKind::Interface:
      if (a->methods.size() != b->methods.size() || a->comparable != b->comparable ||
          !identical_lists(a->embeds, b->embeds) || a->unions.size() != b->unions.size()) {
        return false;
      }
      for (size_t i = 0; i < a->methods.size(); ++i) {
        if (a->methods[i].name != b->methods[i].name ||
            !identical(a->methods[i].sig, b->methods[i].sig))
          return false;
      }
      return a->unions.empty();  // type sets never stand in method signatures
    case TypeKind::Alias:
      break;  // peeled above
  }
  return false;
}

bool is_exported_name(const std::string& name) {
  return !name.empty() && std::isupper(static_cast<unsigned char>(name[0]));
}

const model::Decl* find_type_decl(const model::ApiModel& api, const std::string& pkg,
                                  const std::string& name) {
  const auto* p = api.find_package(pkg);
  const model::Decl* d = p ? p->find_decl(name) : nullptr;
  return d && d->kind == model::DeclKind::Type ? d : nullptr;
}

model::Signature error_method_signature() {
  auto string_type = std::make_shared<TypeRef>();
  string_type->kind = TypeKind::Basic;
  string_type->name = "string";
  model::Signature sig;
  sig.results.push_back({.name = "", .type = string_type});
  return sig;
}

void collect(const model::ApiModel& api, const TypeRef& iface, const std::string& package_path,
             const std::string& interface_name, const std::map<std::string, TypePtr>& args,
             std::map<std::string, InterfaceMethodEntry>& methods, std::vector<TypePtr>& unresolved,
             std::set<std::string>& visiting) {
  for (const auto& m : iface.methods) {
    // Go lets the same method arrive through two embeds; the first occurrence is the one kept.
    methods.try_emplace(m.name, InterfaceMethodEntry{.name = m.name,
                                                     .sig = substitute(m.sig, args),
                                                     .doc = m.doc,
                                                     .declaring_package = package_path,
                                                     .declaring_interface = interface_name});
  }
  for (const auto& embed : iface.embeds) {
    TypePtr e = substitute(embed, args);
    const TypeRef* peeled = peel_aliases(e.get());
    if (!peeled) continue;
    if (peeled->kind == TypeKind::Interface) {
      collect(api, *peeled, package_path, interface_name, {}, methods, unresolved, visiting);
      continue;
    }
    if (peeled->kind != TypeKind::Named) {
      unresolved.push_back(e);
      continue;
    }
    if (peeled->pkg.empty()) {
      if (peeled->name == "error") {
        methods.try_emplace("Error", InterfaceMethodEntry{.name = "Error",
                                                          .sig = error_method_signature(),
                                                          .doc = "",
                                                          .declaring_package = "",
                                                          .declaring_interface = "error"});
      } else if (peeled->name != "comparable") {
        unresolved.push_back(e);
      }
      continue;
    }
    const model::Decl* d = find_type_decl(api, peeled->pkg, peeled->name);
    const TypeRef* u = d && d->underlying ? peel_aliases(d->underlying.get()) : nullptr;
    std::string key = peeled->pkg + "." + peeled->name;
    if (!u || u->kind != TypeKind::Interface || d->tparams.size() != peeled->args.size() ||
        visiting.contains(key)) {
      unresolved.push_back(e);
      continue;
    }
    std::map<std::string, TypePtr> inner;
    for (size_t i = 0; i < d->tparams.size(); ++i) inner[d->tparams[i].name] = peeled->args[i];
    visiting.insert(key);
    collect(api, *u, peeled->pkg, peeled->name, inner, methods, unresolved, visiting);
    visiting.erase(key);
  }
}

}  // namespace

TypePtr substitute(const TypePtr& type, const std::map<std::string, TypePtr>& args) {
  if (!type || args.empty()) return type;
  const TypeRef& t = *type;
  if (t.kind == TypeKind::TypeParam) {
    auto it = args.find(t.name);
    return it == args.end() ? type : it->second;
  }
  auto copy = std::make_shared<TypeRef>(t);
  bool changed = false;
  auto swap = [&](TypePtr& slot) {
    TypePtr s = substitute(slot, args);
    changed |= s != slot;
    slot = std::move(s);
  };
  for (auto& a : copy->args) swap(a);
  swap(copy->target);
  swap(copy->elem);
  swap(copy->key);
  if (copy->sig) {
    auto sig = std::make_shared<model::Signature>(substitute(*copy->sig, args));
    for (size_t i = 0; i < sig->params.size(); ++i)
      changed |= sig->params[i].type != copy->sig->params[i].type;
    for (size_t i = 0; i < sig->results.size(); ++i)
      changed |= sig->results[i].type != copy->sig->results[i].type;
    copy->sig = std::move(sig);
  }
  for (auto& f : copy->fields) swap(f.type);
  for (auto& m : copy->methods) {
    model::Signature s = substitute(m.sig, args);
    for (size_t i = 0; i < s.params.size(); ++i)
      changed |= s.params[i].type != m.sig.params[i].type;
    for (size_t i = 0; i < s.results.size(); ++i)
      changed |= s.results[i].type != m.sig.results[i].type;
    m.sig = std::move(s);
  }
  for (auto& e : copy->embeds) swap(e);
  for (auto& u : copy->unions) {
    for (auto& term : u) swap(term.type);
  }
  return changed ? TypePtr(std::move(copy)) : type;
}

model::Signature substitute(const model::Signature& sig,
                            const std::map<std::string, TypePtr>& args) {
  model::Signature out = sig;
  if (args.empty()) return out;
  for (auto& p : out.params) p.type = substitute(p.type, args);
  for (auto& r : out.results) r.type = substitute(r.type, args);
  return out;
}

bool identical(const TypePtr& a, const TypePtr& b) { return identical_refs(a.get(), b.get()); }

bool identical(const model::Signature& a, const model::Signature& b) {
  if (a.variadic != b.variadic || a.params.size() != b.params.size() ||
      a.results.size() != b.results.size()) {
    return false;
  }
  for (size_t i = 0; i < a.params.size(); ++i) {
    if (!identical(a.params[i].type, b.params[i].type)) return false;
  }
  for (size_t i = 0; i < a.results.size(); ++i) {
    if (!identical(a.results[i].type, b.results[i].type)) return false;
  }
  return true;
}

FlatInterface flatten_interface(const model::ApiModel& api, const TypeRef& iface,
                                const std::string& package_path,
                                const std::string& interface_name) {
  std::map<std::string, InterfaceMethodEntry> methods;
  FlatInterface flat;
  std::set<std::string> visiting = {package_path + "." + interface_name};
  collect(api, iface, package_path, interface_name, {}, methods, flat.unresolved_embeds, visiting);
  for (auto& [name, m] : methods) flat.methods.push_back(std::move(m));
  return flat;
}

ImplementsIndex::ImplementsIndex(const model::ApiModel& api) {
  for (const auto& p : api.packages) {
    for (const auto& d : p.decls) {
      if (d.kind != model::DeclKind::Type || !d.exported || !d.tparams.empty() || !d.underlying)
        continue;
      const TypeRef* u = peel_aliases(d.underlying.get());
      if (!u || u->kind != TypeKind::Interface || !u->unions.empty()) continue;
      FlatInterface flat = flatten_interface(api, *u, p.path, d.name);
      // Sealed interfaces (an unexported method) and those with unknown parts cannot be checked.
      bool checkable =
          flat.unresolved_embeds.empty() && !flat.methods.empty() &&
          std::all_of(flat.methods.begin(), flat.methods.end(),
                      [](const InterfaceMethodEntry& m) { return is_exported_name(m.name); });
      if (!checkable) continue;
      size_t index = interfaces_.size();
      interfaces_.push_back({.package_path = p.path, .name = d.name, .flat = std::move(flat)});
      for (const auto& m : interfaces_.back().flat.methods) by_method_[m.name].push_back(index);
    }
  }
  for (const auto& p : api.packages) {
    for (const auto& d : p.decls) {
      if (d.kind != model::DeclKind::Type || !d.tparams.empty() || d.methods.empty()) continue;
      // *T's method set: declared methods of either receiver and every promoted method.
      const std::map<std::string, const model::Signature*> method_set = method_sets_of(d).pointer;
      std::set<size_t> candidates;
      for (const auto& m : d.methods) {
        if (auto it = by_method_.find(m.name); it != by_method_.end())
          candidates.insert(it->second.begin(), it->second.end());
      }
      for (size_t index : candidates) {  // in model order: package path, then name
        const Interface& i = interfaces_[index];
        if (!has_all_methods(method_set, i.flat)) continue;
        for (const auto& m : i.flat.methods) {
          bool declared = std::any_of(d.methods.begin(), d.methods.end(),
                                      [&](const model::Method& own) { return own.name == m.name; });
          if (declared) {
            found_.try_emplace(p.path + "." + d.name + "." + m.name,
                               ImplementedMethod{i.package_path, i.name, &m});
            continue;
          }
          // A promoted method is bound on the type that declares it (the fake clientset's
          // InvokesProxy comes from testing.Fake), which must then keep this interface's shape.
          for (const auto& promoted : d.promoted) {
            if (promoted.name != m.name || !promoted.from) continue;
            const TypeRef* from = peel_aliases(promoted.from.get());
            if (from && from->kind == TypeKind::Pointer) from = peel_aliases(from->elem.get());
            if (from && from->kind == TypeKind::Named && from->args.empty()) {
              found_.try_emplace(from->pkg + "." + from->name + "." + m.name,
                                 ImplementedMethod{i.package_path, i.name, &m});
            }
          }
        }
      }
    }
  }
}

const ImplementedMethod* ImplementsIndex::implemented(const std::string& package_path,
                                                      const std::string& type_name,
                                                      const std::string& method) const {
  auto it = found_.find(package_path + "." + type_name + "." + method);
  return it == found_.end() ? nullptr : &it->second;
}

MethodSetSignatures method_sets_of(const model::Decl& type) {
  MethodSetSignatures sets;
  for (const auto& m : type.methods) {
    sets.pointer[m.name] = &m.sig;
    if (!m.pointer_receiver) sets.value[m.name] = &m.sig;
  }
  for (const auto& m : type.promoted) {
    sets.pointer.try_emplace(m.name, &m.sig);
    if (!m.pointer_only) sets.value.try_emplace(m.name, &m.sig);
  }
  return sets;
}

bool has_all_methods(const std::map<std::string, const model::Signature*>& set,
                     const FlatInterface& flat) {
  return std::all_of(flat.methods.begin(), flat.methods.end(), [&](const InterfaceMethodEntry& m) {
    auto it = set.find(m.name);
    return it != set.end() && identical(*it->second, m.sig);
  });
}

}  // namespace lisbind::emit
