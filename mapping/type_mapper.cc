#include "mapping/type_mapper.h"

#include "mapping/result_rules.h"

namespace lisbind::emit {

using model::TypeKind;
using model::TypeRef;

TypeMapper::TypeMapper(const model::ApiModel& api, std::string current_package, Qualifier qualify)
    : api_(api), current_(std::move(current_package)), qualify_(std::move(qualify)) {}

lis::Type TypeMapper::map(const model::TypePtr& type, Position position) const {
  if (!type) throw Unmappable(Rule::MissingType, "the Go helper gave no type");
  return map(*type, position);
}

UnderlyingKind TypeMapper::underlying_kind(const std::string& pkg, const std::string& name) const {
  if (pkg.empty()) return name == "error" ? UnderlyingKind::Interface : UnderlyingKind::Other;
  std::string key = pkg + "." + name;
  if (auto it = kind_cache_.find(key); it != kind_cache_.end()) return it->second;
  UnderlyingKind kind = UnderlyingKind::Unknown;
  if (const auto* p = api_.find_package(pkg)) {
    if (const auto* d = p->find_decl(name); d && d->underlying) {
      const TypeRef* u = d->underlying.get();
      // An alias declaration's underlying is the aliased type, which may itself be named.
      while (u && (u->kind == TypeKind::Alias)) u = u->target.get();
      if (u && u->kind == TypeKind::Named) {
        kind = underlying_kind(u->pkg, u->name);
      } else if (u) {
        switch (u->kind) {
          case TypeKind::Struct:
            kind = UnderlyingKind::Struct;
            break;
          case TypeKind::Interface:
            kind = UnderlyingKind::Interface;
            break;
          case TypeKind::Func:
            kind = UnderlyingKind::Func;
            break;
          case TypeKind::Map:
            kind = UnderlyingKind::Map;
            break;
          case TypeKind::Slice:
            kind = UnderlyingKind::Slice;
            break;
          case TypeKind::Pointer:
            kind = UnderlyingKind::Pointer;
            break;
          case TypeKind::Chan:
            kind = UnderlyingKind::Chan;
            break;
          case TypeKind::Basic:
            kind = UnderlyingKind::Basic;
            break;
          default:
            kind = UnderlyingKind::Other;
            break;
        }
      }
    }
  }
  kind_cache_[key] = kind;
  return kind;
}

bool TypeMapper::is_nilable_interface_or_func(const TypeRef& t) const {
  switch (t.kind) {
    case TypeKind::Func:
      return true;
    case TypeKind::Interface:
      return true;
    case TypeKind::Alias:
      return t.target && is_nilable_interface_or_func(*t.target);
    case TypeKind::Named: {
      auto k = underlying_kind(t.pkg, t.name);
      return k == UnderlyingKind::Interface || k == UnderlyingKind::Func;
    }
    default:
      return false;
  }
}

void TypeMapper::reject_interface_for_comparable(const TypeRef& t) const {
  if (t.args.empty()) return;
  const auto* p = api_.find_package(t.pkg);
  const model::Decl* d = p ? p->find_decl(t.name) : nullptr;
  if (!d) return;
  for (size_t i = 0; i < t.args.size() && i < d->tparams.size(); ++i) {
    const auto& c = d->tparams[i].constraint;
    bool comparable =
        c && ((c->kind == TypeKind::Named && c->pkg.empty() && c->name == "comparable") ||
              (c->kind == TypeKind::Interface && c->comparable));
    if (comparable && is_nilable_interface_or_func(*t.args[i]) &&
        t.args[i]->kind != TypeKind::Func) {
      // Go (since 1.20) lets an interface satisfy comparable; lis rejects it
      // (not_comparable_bound).
      throw Unmappable(
          Rule::InterfaceForComparable,
          t.name +
              " is instantiated with an interface for a comparable type parameter, which Lisette "
              "does not allow");
    }
  }
}

bool TypeMapper::points_to_interface(const TypeRef& pointee) const {
  const TypeRef* t = &pointee;
  while (t->kind == TypeKind::Alias && t->target) t = t->target.get();
  if (t->kind == TypeKind::Interface) return true;
  return t->kind == TypeKind::Named &&
         underlying_kind(t->pkg, t->name) == UnderlyingKind::Interface;
}

bool TypeMapper::is_nilable(const TypeRef& t) const {
  switch (t.kind) {
    case TypeKind::Pointer:
    case TypeKind::Func:
    case TypeKind::Map:
    case TypeKind::Chan:
    case TypeKind::Interface:
      return true;
    case TypeKind::Alias:
      return t.target && is_nilable(*t.target);
    case TypeKind::Named: {
      auto k = underlying_kind(t.pkg, t.name);
      return k == UnderlyingKind::Interface || k == UnderlyingKind::Func ||
             k == UnderlyingKind::Map || k == UnderlyingKind::Pointer || k == UnderlyingKind::Chan;
    }
    default:
      return false;
  }
}

std::vector<lis::Type> TypeMapper::args(const std::vector<model::TypePtr>& args,
                                        bool under_read_only) const {
  std::vector<lis::Type> out;
  for (const auto& a : args)
    out.push_back(map_in(*a, Position::TypeArg, !under_read_only, false, under_read_only));
  return out;
}

lis::Type TypeMapper::declared_type(const std::string& pkg, const std::string& name) const {
  return lis::named(qualify_(pkg, name, 0));
}

lis::Type TypeMapper::named(const TypeRef& t, bool under_read_only) const {
  if (t.pkg.empty()) {
    if (t.name == "error") return lis::error_type();
    if (t.name == "comparable") return lis::named("Comparable");
    throw Unmappable(Rule::UniverseType, "the predeclared type " + t.name + " has no Lisette form");
  }
  reject_interface_for_comparable(t);
  return lis::named(qualify_(t.pkg, t.name, t.args.size()), args(t.args, under_read_only));
}

lis::Type TypeMapper::map_signature_as_fn_type(const model::Signature& sig) const {
  std::vector<lis::Type> params;
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const auto& p = sig.params[i];
    bool last_variadic = sig.variadic && i + 1 == sig.params.size();
    params.push_back(last_variadic && p.type->kind == TypeKind::Slice
                         ? lis::var_args(map(p.type->elem, Position::Callback))
                         : map(p.type, Position::Callback));
  }
  ResultMapping r = map_results(*this, sig, {.is_callback = true});
  return lis::fn(std::move(params), r.type);
}

lis::Type TypeMapper::map(const TypeRef& t, Position position) const {
  // Write permission: a caller may write through what Go hands out (results, fields, elements,
  // callback arguments), while parameters are typed read-only so that any reference can be
  // passed. Below a read-only wrapper nothing may be writable (lis: mut_under_read_only_wrapper).
  const bool writable = position != Position::Param && position != Position::Constraint;
  return map_in(t, position, writable);
}

lis::Type TypeMapper::map_in(const TypeRef& t, Position position, bool writable, bool go_layout,
                             bool under_read_only) const {
  // Below this Slice, Map or Ref when it is read-only.
  const bool inner_read_only = under_read_only || !writable;
  // Where Go code routinely leaves nil behind (fields, results without evidence), the Lisette
  // type says so. Container elements are exactly Go's: lis converts `Slice<Option<Ref<T>>>` on
  // a direct call but not in the adapter of a function value or an interface implementation
  // (Go rejects `[]*T` as `[]lisette.Option[*T]`), and a converted field is a copy that cannot
  // be written. A nil element then reads as a nil reference, as it does in Go.
  const bool maybe_nil =
      !go_layout && (position == Position::Field || position == Position::Result);
  // A channel's element and a newtype's representation are what Go declares, at every depth:
  // lis emits `chan<- lisette.Option[*T]` for `Sender<Option<Ref<T>>>`, which no Go API accepts.
  const bool inner_go_layout = go_layout || position == Position::Underlying;

  switch (t.kind) {
    case TypeKind::Basic:
      // lis's own typedef of package unsafe declares Pointer; Unknown would be Go's `any`, which
      // Go does not accept where an unsafe.Pointer is expected.
      if (t.name == "unsafe.Pointer") return lis::named(qualify_("unsafe", "Pointer", 0));
      if (t.name.starts_with("untyped "))
        throw Unmappable(Rule::Untyped, "untyped " + t.name + " has no Lisette form");
      return lis::basic(t.name);
    case TypeKind::TypeParam:
      return lis::type_param(t.name);
    case TypeKind::Alias:
      // Aliases are transparent in Go; binding the target keeps every use valid even where the
      // alias itself could not be declared (generic aliases of instantiations).
      return map_in(*t.target, position, writable, go_layout, under_read_only);
    case TypeKind::Named: {
      lis::Type type = named(t, under_read_only);
      if (position == Position::Field && !go_layout && is_nilable_interface_or_func(t))
        return lis::option(std::move(type));
      return type;
    }
    case TypeKind::Pointer: {
      if (points_to_interface(*t.elem)) {
        // lis has no reference to an interface value (Ref<I> is rejected where it is used).
        throw Unmappable(Rule::PointerToInterface,
                         "a pointer to an interface value has no Lisette form");
      }
      lis::Type ref = lis::ref(
          map_in(*t.elem, Position::TypeArg, writable, inner_go_layout, inner_read_only), writable);
      return maybe_nil ? lis::option(std::move(ref)) : ref;
    }
    case TypeKind::Slice:
      return lis::slice(
          map_in(*t.elem, Position::Element, writable, inner_go_layout, inner_read_only), writable);
    case TypeKind::Array:
      return lis::array(
          map_in(*t.elem, Position::Element, writable, inner_go_layout, under_read_only), t.length);
    case TypeKind::Map:
      return lis::map(
          map_in(*t.key, Position::TypeArg, writable, inner_go_layout, inner_read_only),
          map_in(*t.elem, Position::Element, writable, inner_go_layout, inner_read_only), writable);
    case TypeKind::Chan: {
      lis::TypeKind kind = t.dir == model::ChanDir::Send   ? lis::TypeKind::Sender
                           : t.dir == model::ChanDir::Recv ? lis::TypeKind::Receiver
                                                           : lis::TypeKind::Channel;
      return lis::channel(
          kind, map_in(*t.elem, Position::Element, !under_read_only, true, under_read_only));
    }
    case TypeKind::Func: {
      lis::Type fn = map_signature_as_fn_type(*t.sig);
      return position == Position::Field && !go_layout ? lis::option(std::move(fn)) : fn;
    }
    case TypeKind::Struct:
      if (t.fields.empty()) return lis::unit();
      throw Unmappable(Rule::AnonymousStruct, "an anonymous struct type has no Lisette form");
    case TypeKind::Interface:
      // Lisette cannot spell an interface literal; Unknown holds any value, as the interface did.
      if (t.unions.empty()) return lis::unknown();
      throw Unmappable(Rule::TypeSetInValuePosition, "a type-set interface cannot type a value");
  }
  throw Unmappable(Rule::UnknownType, "unrecognised Go type");
}

}  // namespace lisbind::emit
