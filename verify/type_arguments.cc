#include "verify/type_arguments.h"

#include <algorithm>
#include <optional>

#include "mapping/method_sets.h"

namespace lisbind::verify {
namespace {

using model::TypeKind;

// What a constraint allows, once named constraints and embedded interfaces are looked through.
struct ConstraintShape {
  bool has_methods = false;
  const model::TypeRef* interface = nullptr;   // the constraint's interface, when it has methods
  const model::TypeRef* first_term = nullptr;  // of the first union, if any
  bool resolved = true;                        // false: a named constraint the model lacks
};

void collect(const model::ApiModel& api, const model::TypeRef* t, ConstraintShape& shape,
             int depth) {
  if (!t || depth > 8) return;
  switch (t->kind) {
    case TypeKind::Alias:
      return collect(api, t->target.get(), shape, depth + 1);
    case TypeKind::Named: {
      if (t->pkg.empty()) {
        // `error` asks for a method; `error` itself has it. `comparable`, `any`: nothing more.
        if (t->name == "error" && !shape.first_term) shape.first_term = t;
        return;
      }
      const model::Package* p = api.find_package(t->pkg);
      const model::Decl* d = p ? p->find_decl(t->name) : nullptr;
      if (!d || !d->underlying) {
        shape.resolved = false;
        return;
      }
      return collect(api, d->underlying.get(), shape, depth + 1);
    }
    case TypeKind::Interface:
      if (!t->methods.empty() && !shape.has_methods) {
        shape.has_methods = true;
        shape.interface = t;
      }
      if (!shape.first_term && !t->unions.empty() && !t->unions.front().empty())
        shape.first_term = t->unions.front().front().type.get();
      for (const auto& e : t->embeds) collect(api, e.get(), shape, depth + 1);
      return;
    default:
      // A bare type as a constraint (`[T int]` is not Go, but `interface{ int }` arrives as a
      // union; anything else is a type set of one).
      if (!shape.first_term) shape.first_term = t;
      return;
  }
}

// The Lisette form of a type-set term, given the arguments chosen so far; nullopt when the term
// needs an argument not chosen yet, or has a form this chooser does not write.
std::optional<lis::Type> term_type(const model::ApiModel& api, const model::TypeRef* t,
                                   const std::map<std::string, lis::Type>& chosen, bool& waiting,
                                   int depth = 0) {
  if (!t || depth > 8) return std::nullopt;
  switch (t->kind) {
    case TypeKind::Basic:
      return lis::basic(t->name);
    case TypeKind::Named: {
      if (t->pkg.empty() && t->name == "error") return lis::error_type();
      // A term that is itself a type set (`Signed | Unsigned` in constraints.Integer): its first.
      const model::Package* p = t->pkg.empty() ? nullptr : api.find_package(t->pkg);
      const model::Decl* d = p ? p->find_decl(t->name) : nullptr;
      const model::TypeRef* u = d && d->underlying ? d->underlying.get() : nullptr;
      if (u && u->kind == TypeKind::Interface && u->methods.empty() && !u->unions.empty() &&
          !u->unions.front().empty())
        return term_type(api, u->unions.front().front().type.get(), chosen, waiting, depth + 1);
      return std::nullopt;
    }
    case TypeKind::TypeParam: {
      auto it = chosen.find(t->name);
      if (it == chosen.end()) {
        waiting = true;
        return std::nullopt;
      }
      return it->second;
    }
    case TypeKind::Slice: {
      auto elem = term_type(api, t->elem.get(), chosen, waiting, depth + 1);
      if (!elem) return std::nullopt;
      return lis::slice(*elem, false);
    }
    case TypeKind::Map: {
      auto key = term_type(api, t->key.get(), chosen, waiting, depth + 1);
      auto value = term_type(api, t->elem.get(), chosen, waiting, depth + 1);
      if (!key || !value) return std::nullopt;
      return lis::map(*key, *value, false);
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

TypeArguments choose_type_arguments(const model::ApiModel& api,
                                    const std::vector<model::TypeParam>& params,
                                    ImplementerSearch* implementers, const BindingOf& binding_of) {
  TypeArguments out;
  std::map<std::string, ConstraintShape> shapes;
  for (const auto& p : params) {
    ConstraintShape shape;
    collect(api, p.constraint.get(), shape, 0);
    if (!shape.resolved) {
      out.unsupported = "type parameter " + p.name + " has a constraint the model does not declare";
      return out;
    }
    if (shape.has_methods) {
      std::optional<ImplementingType> found;
      if (implementers && binding_of && !shape.first_term && p.constraint)
        found = implementers->find(*p.constraint);
      if (!found) {
        out.unsupported = "type parameter " + p.name +
                          " has a constraint with methods that no bound type of the model has";
        out.by_param.clear();
        return out;
      }
      lis::Type named = lis::named(binding_of(found->package) + "." + found->name);
      out.by_param.emplace(p.name, found->pointer ? lis::ref(named, found->writable) : named);
      continue;
    }
    shapes[p.name] = shape;
  }
  // Parameters may refer to each other (`S ~[]E`): choose in rounds until none is waiting.
  for (size_t round = 0; round <= params.size(); ++round) {
    bool progressed = false;
    for (const auto& p : params) {
      if (out.by_param.contains(p.name)) continue;
      const ConstraintShape& shape = shapes.at(p.name);
      if (!shape.first_term) {
        out.by_param.emplace(p.name, lis::basic("int"));
        progressed = true;
        continue;
      }
      bool waiting = false;
      auto t = term_type(api, shape.first_term, out.by_param, waiting);
      if (t) {
        out.by_param.emplace(p.name, *t);
        progressed = true;
      } else if (!waiting) {
        out.unsupported =
            "type parameter " + p.name + " has a type set whose first term has no chosen form";
        out.by_param.clear();
        return out;
      }
    }
    if (out.by_param.size() == params.size()) return out;
    if (!progressed) break;
  }
  out.unsupported = "type parameters whose constraints refer to each other in a cycle";
  out.by_param.clear();
  return out;
}

// Every exported, non-generic, non-interface named type of the bound packages with its value and
// pointer method sets, in the order find() prefers.
struct ImplementerSearch::Candidates {
  struct Type {
    const model::Package* package;
    const model::Decl* decl;
    emit::MethodSetSignatures sets;
    std::set<std::string> writing;  // methods whose body writes through the receiver
  };
  std::vector<Type> types;
};

ImplementerSearch::ImplementerSearch(const model::ApiModel& api, const std::set<std::string>& bound)
    : api_(api), bound_(bound) {}

ImplementerSearch::~ImplementerSearch() = default;

// Whether the method a type promotes from an embedded one writes through its receiver, as the
// declaring type's method says (SetName, promoted from ObjectMeta).
bool ImplementerSearch::promoted_method_writes(const model::PromotedMethod& m) const {
  const model::TypeRef* from = m.from.get();
  while (from && (from->kind == TypeKind::Alias || from->kind == TypeKind::Pointer))
    from = from->kind == TypeKind::Alias ? from->target.get() : from->elem.get();
  if (!from || from->kind != TypeKind::Named) return false;
  const model::Package* p = api_.find_package(from->pkg);
  const model::Decl* d = p ? p->find_decl(from->name) : nullptr;
  if (!d) return false;
  for (const auto& declared : d->methods) {
    if (declared.name == m.name) return declared.facts.receiver_writes == model::WriteFact::Yes;
  }
  return false;
}

std::optional<ImplementingType> ImplementerSearch::find(const model::TypeRef& constraint) {
  const model::TypeRef* t = &constraint;
  std::string package, name;
  while (t && (t->kind == TypeKind::Alias || t->kind == TypeKind::Named)) {
    if (t->kind == TypeKind::Alias) {
      t = t->target.get();
      continue;
    }
    const model::Package* p = api_.find_package(t->pkg);
    const model::Decl* d = p ? p->find_decl(t->name) : nullptr;
    if (!d || !d->underlying || !d->tparams.empty()) return std::nullopt;
    package = t->pkg;
    name = t->name;
    t = d->underlying.get();
  }
  if (!t || t->kind != TypeKind::Interface || !t->unions.empty()) return std::nullopt;
  emit::FlatInterface flat = emit::flatten_interface(api_, *t, package, name);
  if (!flat.unresolved_embeds.empty() || flat.methods.empty()) return std::nullopt;
  if (!candidates_) {
    candidates_ = std::make_unique<Candidates>();
    std::vector<const model::Package*> packages;
    for (const auto& p : api_.packages) {
      if (!p.internal && !p.command && bound_.contains(p.path)) packages.push_back(&p);
    }
    std::stable_sort(packages.begin(), packages.end(), [](const auto* a, const auto* b) {
      return std::make_pair(a->std, a->path) < std::make_pair(b->std, b->path);
    });
    for (const model::Package* p : packages) {
      for (const auto& d : p->decls) {
        // Not interfaces, and not function types: those are bound as aliases of their fn type,
        // whose methods Lisette does not see.
        if (d.kind != model::DeclKind::Type || !d.exported || !d.tparams.empty() || !d.underlying ||
            d.alias || d.underlying->kind == TypeKind::Interface ||
            d.underlying->kind == TypeKind::Func)
          continue;
        Candidates::Type c{
            .package = p, .decl = &d, .sets = emit::method_sets_of(d), .writing = {}};
        for (const auto& m : d.methods) {
          if (m.facts.receiver_writes == model::WriteFact::Yes) c.writing.insert(m.name);
        }
        for (const auto& m : d.promoted) {
          if (promoted_method_writes(m)) c.writing.insert(m.name);
        }
        if (!c.sets.pointer.empty()) candidates_->types.push_back(std::move(c));
      }
    }
  }
  // A type whose constraint methods write through their receiver is bound with `mut Ref`
  // receivers, so it must be passed writable, which a read-only container of it refuses; one
  // whose methods only read is preferred.
  std::optional<ImplementingType> writing;
  for (const auto& c : candidates_->types) {
    bool writes = std::any_of(flat.methods.begin(), flat.methods.end(),
                              [&](const auto& m) { return c.writing.contains(m.name); });
    std::optional<ImplementingType> found;
    if (emit::has_all_methods(c.sets.value, flat)) {
      found = ImplementingType{
          .package = c.package->path, .name = c.decl->name, .pointer = false, .writable = false};
    } else if (emit::has_all_methods(c.sets.pointer, flat)) {
      found = ImplementingType{
          .package = c.package->path, .name = c.decl->name, .pointer = true, .writable = writes};
    }
    if (found && !found->writable) return found;
    if (found && !writing) writing = found;
  }
  return writing;
}

lis::Type substitute(const lis::Type& type, const std::map<std::string, lis::Type>& arguments) {
  if (type.kind == lis::TypeKind::TypeParam) {
    if (auto it = arguments.find(type.name); it != arguments.end()) return it->second;
  }
  lis::Type out = type;
  for (auto& a : out.args) a = substitute(a, arguments);
  return out;
}

}  // namespace lisbind::verify
