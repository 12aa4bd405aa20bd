#include "verify/probe_program.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "mapping/const_rules.h"
#include "mapping/method_sets.h"
#include "syntax/go_syntax.h"
#include "syntax/names.h"
#include "syntax/printer.h"
#include "verify/type_arguments.h"

namespace lisbind::verify {
namespace {

using model::TypeKind;

const model::TypeRef* peel(const model::TypeRef* t) {
  while (t && t->kind == TypeKind::Alias && t->target) t = t->target.get();
  return t;
}

bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string first_line(const std::string& text) {
  auto nl = text.find('\n');
  return nl == std::string::npos ? text : text.substr(0, nl);
}

// The declaration without its doc comment, on as few lines as the printer gives it.
std::string lisette_function_text(const lis::Function& f, bool is_pub) {
  lis::Function bare = f;
  bare.doc.clear();
  std::string text = lis::print_function(bare, "", is_pub);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

bool exported(const std::string& name) {
  return !name.empty() && std::isupper(static_cast<unsigned char>(name[0]));
}

// A name the typedef wrote bare, so one of its own declarations (`Pod`, not `v1.Pod`).
bool names_bare(const lis::Type& type, const std::set<std::string>& names) {
  return type.is(lis::TypeKind::Named) && type.name.find('.') == std::string::npos &&
         names.contains(type.name);
}

bool names_any(const lis::Type& type, const std::set<std::string>& names) {
  if (names_bare(type, names)) return true;
  return std::any_of(type.args.begin(), type.args.end(),
                     [&](const lis::Type& arg) { return names_any(arg, names); });
}

// An import path as part of a Lisette identifier: `k8s.io/api` -> `k8s_io_api`.
std::string identifier_stem(const std::string& path) {
  std::string stem;
  for (char c : path)
    stem += is_ident_char(c) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '_';
  return stem;
}

constexpr const char* kProbedAlias = "lisbind_probed";

// The type argument chosen for each type parameter of a generic declaration being probed, and
// the imports naming them needs (a type of another package that implements a constraint).
struct Instantiation {
  std::map<std::string, lis::Type> by_param{};
  std::vector<std::string> imports{};
};

// `<int, string>` after a generic declaration's name in reports; empty when it is not generic.
std::string instantiation_text(const std::vector<lis::Generic>& generics,
                               const Instantiation& arguments) {
  if (generics.empty()) return "";
  std::string out = "<";
  for (size_t i = 0; i < generics.size(); ++i) {
    auto it = arguments.by_param.find(generics[i].name);
    out += (i ? ", " : "") +
           (it == arguments.by_param.end() ? generics[i].name : lis::to_text(it->second));
  }
  return out + ">";
}

class ProbeWriter {
 public:
  ProbeWriter(const model::ApiModel& api, const model::Package& pkg, const lis::File& file,
              const std::set<std::string>& bound, int first_id,
              const std::map<std::string, lis::File>* typedefs)
      : api_(api), pkg_(pkg), file_(file), bound_(bound), typedefs_(typedefs), next_id_(first_id) {
    out_.package = pkg.path;
    // Under an alias of its own: the typedef's imports were named without the package itself in
    // view (client-go's autoscaling/v2 client imports k8s.io/api/autoscaling/v2, both `v2`).
    out_.binding = kProbedAlias;
    out_.file_stem = "probe_" + identifier_stem(pkg.path);
    out_.base_imports.push_back(std::string("import ") + kProbedAlias + " \"go:" + pkg.path + "\"");
    for (const auto& i : file.imports) {
      out_.base_imports.push_back(i.alias.empty() ? "import \"go:" + i.path + "\""
                                                  : "import " + i.alias + " \"go:" + i.path + "\"");
      import_binding_[i.path] = i.alias.empty() ? package_binding(i.path) : i.alias;
    }
    import_binding_[pkg.path] = out_.binding;
    for (const auto& t : file.types) {
      own_types_.insert(t.name);
      if (!exported(t.name)) hidden_types_.insert(t.name);
    }
  }

  PackageProbes run() {
    for (const auto& f : file_.functions) function(f);
    for (const auto& impl : file_.impls) {
      for (const auto& m : impl.methods) method(impl, m);
    }
    for (const auto& t : file_.types) type(t);
    for (const auto& v : file_.vars) var(v);
    for (const auto& c : file_.consts) constant(c);
    implementations();
    return std::move(out_);
  }

 private:
  std::string package_binding(const std::string& path) const {
    if (const model::Package* p = api_.find_package(path); p && !p->name.empty()) return p->name;
    return names::default_binding_name(path);
  }

  lis::Type q(const lis::Type& type,
              const std::optional<lis::Type>& self_type = std::nullopt) const {
    return qualify_type(type, own_types_, out_.binding, self_type, package_binding(pkg_.path));
  }

  // True when `type` names an unexported type of the package, which a probe cannot write.
  bool names_hidden_type(const lis::Type& type) const { return names_any(type, hidden_types_); }

  // Likewise for a parameter or the result of `f`.
  bool signature_names_hidden_type(const lis::Function& f) const {
    if (f.result && names_hidden_type(*f.result)) return true;
    return std::any_of(f.params.begin(), f.params.end(),
                       [&](const lis::Param& p) { return names_hidden_type(p.type); });
  }

  // lis rejects a read-only container of something writable as a type (`Ref<Client<mut
  // Ref<Pod>>>`: "`mut` has no effect"), so such a parameter of the expected function type is
  // written writable; a method value that asks only for a read-only one still matches it.
  static std::string fn_type(std::vector<lis::Type> params, lis::Type result) {
    for (auto& p : params) {
      bool container =
          p.is(lis::TypeKind::Ref) || p.is(lis::TypeKind::Slice) || p.is(lis::TypeKind::Map);
      if (container && !p.mut && holds_writable(p)) p.mut = true;
    }
    return lis::to_text(lis::fn(std::move(params), std::move(result)));
  }

  static bool holds_writable(const lis::Type& t) {
    if (t.is(lis::TypeKind::Fn)) return false;  // a function type's own parameters are its own
    return std::any_of(t.args.begin(), t.args.end(),
                       [](const lis::Type& a) { return a.mut || holds_writable(a); });
  }

  static lis::Type result_or_unit(const lis::Function& f) { return f.result.value_or(lis::unit()); }

  void unprobed(const std::string& symbol, const std::string& reason) {
    out_.unprobed.push_back({pkg_.path, symbol, reason});
  }

  // Arguments for the type parameters of the Go declaration `go_name`, so that a generic
  // declaration is probed at one instantiation that satisfies its constraints (none: not
  // generic). Records the symbol as unprobed and returns nullopt when none can be chosen.
  std::optional<Instantiation> instantiation(const std::string& go_name,
                                             const std::string& symbol) {
    const model::Decl* d = pkg_.find_decl(go_name);
    if (!d) {
      unprobed(symbol, "generic, and its Go declaration is not in the model");
      return std::nullopt;
    }
    Instantiation chosen;
    auto binding_of = [&](const std::string& package) {
      return binding_for(package, chosen.imports);
    };
    TypeArguments arguments = choose_type_arguments(api_, d->tparams, &implementers_, binding_of);
    if (!arguments.unsupported.empty()) {
      unprobed(symbol, "generic: " + arguments.unsupported);
      return std::nullopt;
    }
    chosen.by_param = std::move(arguments.by_param);
    return chosen;
  }

  // The name the probe file gives `package`: the typedef's own import of it, else an import
  // added to `imports` under an alias of its own (its usual name may be taken by the typedef's).
  std::string binding_for(const std::string& package, std::vector<std::string>& imports) const {
    if (auto it = import_binding_.find(package); it != import_binding_.end()) return it->second;
    std::string alias = "lisbind_arg_" + identifier_stem(package);
    std::string line = "import " + alias + " \"go:" + package + "\"";
    if (std::find(imports.begin(), imports.end(), line) == imports.end()) imports.push_back(line);
    return alias;
  }

  // A typedef may be generic where Go is not: lis's own writes `Unmarshal<T>(.., v: mut Ref<T>)`
  // for Go's `v any`. Such a parameter takes `int` when it has no bound; with a bound, the
  // declaration is listed as unprobed.
  bool cover_lisette_only_generics(const std::vector<lis::Generic>& generics,
                                   Instantiation& arguments, const std::string& symbol) {
    for (const auto& g : generics) {
      if (arguments.by_param.contains(g.name)) continue;
      if (!g.bounds.empty()) {
        unprobed(symbol, "generic: type parameter " + g.name +
                             " has a bound and no counterpart in the Go declaration");
        return false;
      }
      arguments.by_param.emplace(g.name, lis::basic("int"));
    }
    return true;
  }

  // A type of the typedef as the probe writes it: qualified, and instantiated.
  lis::Type probe_type(const lis::Type& type, const Instantiation& arguments,
                       const std::optional<lis::Type>& self_type = std::nullopt) const {
    return substitute(q(type, self_type), arguments.by_param);
  }

  // `binding.T` or `binding.T<args...>` for one of the package's own types.
  lis::Type own_type(const std::string& name, const std::vector<lis::Generic>& generics,
                     const Instantiation& arguments) const {
    std::vector<lis::Type> args;
    for (const auto& g : generics)
      args.push_back(substitute(lis::type_param(g.name), arguments.by_param));
    return lis::named(out_.binding + "." + name, std::move(args));
  }

  Probe& add(ProbeKind kind, const std::string& symbol, const std::string& what) {
    Probe p;
    p.id = next_id_++;
    p.kind = kind;
    p.package = pkg_.path;
    p.ledger_symbol = symbol;
    p.what = what;
    out_.probes.push_back(std::move(p));
    return out_.probes.back();
  }

  // `fn take_N(_x: T) {}` and `fn probe_N(params) { take_N(expr) }`.
  static std::string take_probe(int id, const std::string& type, const std::string& params,
                                const std::string& expr) {
    return fmt::format("fn take_{0}(_x: {1}) {{}}\nfn probe_{0}({2}) {{\n  take_{0}({3})\n}}\n", id,
                       type, params, expr);
  }

  // A generic function is taken at the instantiation its expected type gives: lis infers the
  // type arguments from it and emits `pkg.F[int]`, which Go checks against the constraints.
  void function(const lis::Function& f) {
    if (signature_names_hidden_type(f))
      return unprobed(f.name, "signature names an unexported type that Lisette code cannot write");
    Instantiation arguments;
    if (!f.generics.empty()) {
      auto chosen = instantiation(f.name, f.name);
      if (!chosen || !cover_lisette_only_generics(f.generics, *chosen, f.name)) return;
      arguments = std::move(*chosen);
    }
    const model::Decl* d = pkg_.find_decl(f.name);
    std::vector<lis::Type> params;
    for (const auto& p : f.params) params.push_back(probe_type(p.type, arguments));
    Probe& p = add(ProbeKind::Func, f.name, f.name + instantiation_text(f.generics, arguments));
    p.imports = arguments.imports;
    p.go_decl = d ? emit::go_func_text("", f.name, d->sig) : "";
    p.lis_decl = lisette_function_text(f, true);
    p.text = take_probe(p.id, fn_type(params, probe_type(result_or_unit(f), arguments)), "",
                        out_.binding + "." + f.name);
  }

  void method(const lis::Impl& impl, const lis::Function& m) {
    std::string symbol = impl.type_name + "." + m.name;
    if (hidden_types_.contains(impl.type_name))
      return;  // not exported: nothing user code can reach
    if (!m.generics.empty()) return unprobed(symbol, "method with type parameters of its own");
    if (signature_names_hidden_type(m))
      return unprobed(symbol, "signature names an unexported type that Lisette code cannot write");
    Instantiation arguments;
    if (!impl.generics.empty()) {
      auto chosen = instantiation(impl.type_name, symbol);
      if (!chosen) return;
      arguments = std::move(*chosen);
    }
    lis::Type self_type = own_type(impl.type_name, impl.generics, arguments);
    std::vector<lis::Type> params;
    if (m.receiver) {
      const lis::Receiver& r = *m.receiver;
      params.push_back(r.form == lis::ReceiverForm::Value
                           ? self_type
                           : probe_type(lis::ref(r.self_type, r.form == lis::ReceiverForm::MutRef),
                                        arguments, self_type));
    }
    for (const auto& p : m.params) params.push_back(probe_type(p.type, arguments, self_type));
    std::string go_decl;
    if (const model::Decl* d = pkg_.find_decl(impl.type_name)) {
      for (const auto& gm : d->methods) {
        if (gm.name == m.name)
          go_decl = emit::go_func_text(std::string(gm.pointer_receiver ? "*" : "") + impl.type_name,
                                       m.name, gm.sig);
      }
    }
    Probe& p = add(ProbeKind::Method, symbol,
                   impl.type_name + instantiation_text(impl.generics, arguments) + "." + m.name);
    p.imports = arguments.imports;
    p.go_decl = go_decl;
    p.lis_decl = "impl " + impl.type_name + " { " + lisette_function_text(m, false) + " }";
    // The method value is named through the bare type; lis instantiates it from the expected type.
    p.text = take_probe(p.id, fn_type(params, probe_type(result_or_unit(m), arguments, self_type)),
                        "", out_.binding + "." + impl.type_name + "." + m.name);
  }

  const model::Field* go_field(const std::string& type_name, const std::string& field) const {
    const model::Decl* d = pkg_.find_decl(type_name);
    const model::TypeRef* u = d && d->underlying ? peel(d->underlying.get()) : nullptr;
    if (!u || u->kind != TypeKind::Struct) return nullptr;
    for (const auto& f : u->fields) {
      if (f.name == field) return &f;
    }
    return nullptr;
  }

  void type(const lis::TypeDecl& t) {
    if (!exported(t.name)) return;
    if (lis::has_attribute(t.attributes, lis::AttributeKind::Constraint))
      return unprobed(t.name, "constraint-only interface");
    Instantiation arguments;
    if (!t.generics.empty()) {
      auto chosen = instantiation(t.name, t.name);
      if (!chosen) return;
      arguments = std::move(*chosen);
    }
    const lis::Type self = own_type(t.name, t.generics, arguments);
    // Fields through a writable pointer: a read-only value would make every field read-only too.
    const std::string self_param = "v: " + lis::to_text(lis::ref(self, true));
    const std::string shown = t.name + instantiation_text(t.generics, arguments);
    {
      Probe& p = add(ProbeKind::Type, t.name, shown);
      p.imports = arguments.imports;
      if (const model::Decl* d = pkg_.find_decl(t.name); d && d->underlying) {
        p.go_decl = "type " + t.name + (d->alias ? " = " : " ") +
                    first_line(emit::go_type_text(*d->underlying));
      }
      p.lis_decl = first_line(lis::print_type_decl(t));
      p.text = fmt::format("fn probe_{0}(_v: {1}) {{}}\n", p.id, lis::to_text(self));
    }
    if (t.form == lis::TypeForm::Struct) {
      for (const auto& f : t.fields) {
        if (f.name.empty()) {
          embedded_field(t, f, self_param, arguments);
          continue;
        }
        if (names_hidden_type(f.type)) {
          // Under the type: fields are not ledger symbols, so the type's verdict says it.
          unprobed(t.name, "field " + f.name +
                               ": its type names an unexported type that Lisette code cannot "
                               "write");
          continue;
        }
        Probe& p = add(ProbeKind::Field, t.name, shown + "." + f.name);
        p.imports = arguments.imports;
        if (const model::Field* gf = go_field(t.name, f.name))
          p.go_decl = t.name + "." + f.name + " " + emit::go_type_text(*gf->type);
        p.lis_decl = "pub " + f.name + ": " + lis::to_text(f.type);
        p.text = take_probe(p.id, lis::to_text(probe_type(f.type, arguments, self)), self_param,
                            "v." + f.name);
      }
    }
    if (t.form == lis::TypeForm::Interface) implement(t, arguments);
    if (t.form == lis::TypeForm::Struct && t.generics.empty()) promoted_methods(t);
  }

  // `v.E` for `embed E`: Lisette names an embedded field by its type's name, as Go does.
  // `self_param`: the probe's parameter, a writable pointer to the struct.
  void embedded_field(const lis::TypeDecl& t, const lis::Field& f, const std::string& self_param,
                      const Instantiation& arguments) {
    const lis::Type* named = &f.type;
    if (named->is(lis::TypeKind::Ref) && !named->args.empty()) named = &named->args[0];
    if (!named->is(lis::TypeKind::Named)) return;
    std::string name = named->name.substr(named->name.rfind('.') + 1);
    if (!exported(name) || names_hidden_type(f.type)) return;
    Probe& p = add(ProbeKind::Embedded, t.name, t.name + "." + name + " (embedded)");
    p.imports = arguments.imports;
    if (const model::Field* gf = go_field(t.name, name))
      p.go_decl = t.name + " embeds " + emit::go_type_text(*gf->type);
    p.lis_decl = "embed " + lis::to_text(f.type);
    p.text = take_probe(p.id, lis::to_text(probe_type(f.type, arguments)), self_param, "v." + name);
  }

  // The methods Go promotes to T from its embedded fields, taken as `pkg.T.M` where the method's
  // declaration on the embedded type, with T as the receiver, is expected.
  void promoted_methods(const lis::TypeDecl& t) {
    const model::Decl* d = pkg_.find_decl(t.name);
    if (!d) return;
    for (const auto& pm : d->promoted) {
      if (!exported(pm.name) || !pm.from) continue;
      const model::TypeRef* from = peel(pm.from.get());
      if (from && from->kind == TypeKind::Pointer && from->elem) from = peel(from->elem.get());
      if (!from || from->kind != TypeKind::Named || !from->args.empty()) continue;
      const lis::File* file = from->pkg == pkg_.path ? &file_ : nullptr;
      if (!file && typedefs_) {
        if (auto it = typedefs_->find(from->pkg); it != typedefs_->end()) file = &it->second;
      }
      // A std type is declared by lis's own typedef, which these probes do not read.
      if (const model::Package* from_pkg = api_.find_package(from->pkg); !from_pkg || from_pkg->std)
        continue;
      if (!file) continue;
      const lis::Function* m = declared_method(*file, from->name, pm.name);
      if (!m || !m->generics.empty()) continue;
      std::vector<std::string> imports;
      ForeignNames names{*this, *file, from->pkg, imports};
      const lis::Type outer = lis::named(out_.binding + "." + t.name);
      std::vector<lis::Type> params;
      if (m->receiver) {
        if (pm.pointer_only && m->receiver->form == lis::ReceiverForm::Value) continue;
        const bool writes = m->receiver->form == lis::ReceiverForm::MutRef;
        if (embedded_through_pointer(*d, pm.via)) {
          // lis takes such a method on T itself: the pointer inside already reaches the
          // receiver, and `mut T` where the method writes through it.
          lis::Type value = outer;
          value.mut = writes;
          params.push_back(value);
        } else {
          params.push_back(m->receiver->form == lis::ReceiverForm::Value ? outer
                                                                         : lis::ref(outer, writes));
        }
      } else {
        params.push_back(outer);  // an interface's method, reached through an embedded interface
      }
      for (const auto& prm : m->params) params.push_back(names.type(prm.type));
      lis::Type result = names.type(m->result.value_or(lis::unit()));
      if (names.hidden) continue;  // names an unexported type of its package
      std::string via;
      for (const auto& v : pm.via) via += (via.empty() ? "" : ".") + v;
      Probe& p =
          add(ProbeKind::Promoted, t.name, t.name + "." + pm.name + " (promoted from " + via + ")");
      p.imports = imports;
      p.go_decl = emit::go_func_text(
          std::string(pm.pointer_only ? "*" : "") + t.name + " via " + via, pm.name, pm.sig);
      p.lis_decl = "impl " + from->name + " { " + lisette_function_text(*m, false) + " }";
      p.text = take_probe(p.id, fn_type(params, result), "",
                          out_.binding + "." + t.name + "." + pm.name);
    }
  }

  // Whether a field on the path `via` from `outer` embeds a pointer (`*testing.Fake`).
  bool embedded_through_pointer(const model::Decl& outer,
                                const std::vector<std::string>& via) const {
    const model::TypeRef* current = outer.underlying ? peel(outer.underlying.get()) : nullptr;
    for (const auto& name : via) {
      if (!current || current->kind != TypeKind::Struct) return false;
      const model::TypeRef* field = nullptr;
      for (const auto& f : current->fields) {
        if (f.name == name) field = f.type ? peel(f.type.get()) : nullptr;
      }
      if (!field) return false;
      if (field->kind == TypeKind::Pointer) return true;
      if (field->kind != TypeKind::Named) return false;
      const model::Package* p = api_.find_package(field->pkg);
      const model::Decl* d = p ? p->find_decl(field->name) : nullptr;
      current = d && d->underlying ? peel(d->underlying.get()) : nullptr;
    }
    return false;
  }

  // `Type.name` as `file` declares it: a method of an impl, or of an interface (which promotes
  // its methods through an embedded interface value).
  static const lis::Function* declared_method(const lis::File& file, const std::string& type,
                                              const std::string& name) {
    for (const auto& impl : file.impls) {
      if (impl.type_name != type || !impl.generics.empty()) continue;
      for (const auto& m : impl.methods) {
        if (m.name == name) return &m;
      }
    }
    for (const auto& td : file.types) {
      if (td.name != type || td.form != lis::TypeForm::Interface || !td.generics.empty()) continue;
      for (const auto& m : td.methods) {
        if (m.name == name) return &m;
      }
    }
    return nullptr;
  }

  // Types written in another package's typedef, as this probe file names them: that file's own
  // types through that package's binding here, its imports through theirs.
  struct ForeignNames {
    const ProbeWriter& writer;
    const lis::File& file;
    std::string package;
    std::vector<std::string>& imports;
    bool hidden = false;  // a type named was unexported there

    lis::Type type(const lis::Type& t) {
      if (&file == &writer.file_) return writer.q(t);
      lis::Type out = t;
      if (t.is(lis::TypeKind::Named)) out.name = name(t.name);
      for (auto& a : out.args) a = type(a);
      return out;
    }

    std::string name(const std::string& written) {
      auto dot = written.find('.');
      if (dot == std::string::npos) {
        for (const auto& td : file.types) {
          if (td.name != written) continue;
          if (!exported(written)) hidden = true;
          return writer.binding_for(package, imports) + "." + written;
        }
        return written;  // error, and other names every file shares
      }
      std::string qualifier = written.substr(0, dot), rest = written.substr(dot + 1);
      for (const auto& i : file.imports) {
        std::string binding = i.alias.empty() ? writer.package_binding(i.path) : i.alias;
        if (binding == qualifier) return writer.binding_for(i.path, imports) + "." + rest;
      }
      if (qualifier == writer.package_binding(package))  // the file naming its own type
        return writer.binding_for(package, imports) + "." + rest;
      return written;
    }
  };

  // A Lisette struct with the interface's methods, passed where Go expects the interface.
  void implement(const lis::TypeDecl& t, const Instantiation& arguments) {
    if (!t.embeds.empty())
      return unprobed(t.name, "interface with embedded interfaces Lisette cannot list");
    if (t.methods.empty()) return;
    for (const auto& m : t.methods) {
      if ((lis::has_attribute(m.attributes, lis::AttributeKind::Unexported) ||
           lis::has_attribute(m.attributes, lis::AttributeKind::UnexportedIdentity)) ||
          !exported(m.name))
        return;  // sealed: Lisette cannot implement it
      if (!m.generics.empty()) return unprobed(t.name, "interface method with type parameters");
      if (signature_names_hidden_type(m)) {
        return unprobed(t.name,
                        "a method names an unexported type, so Lisette code cannot implement it");
      }
    }
    lis::Type self_type = own_type(t.name, t.generics, arguments);
    Probe& p =
        add(ProbeKind::Implement, t.name,
            "Lisette struct implements " + t.name + instantiation_text(t.generics, arguments));
    p.imports = arguments.imports;
    if (const model::Decl* d = pkg_.find_decl(t.name); d && d->underlying) {
      p.go_decl = "type " + t.name + " " + first_line(emit::go_type_text(*d->underlying));
    }
    p.lis_decl = first_line(lis::print_type_decl(t));
    std::string body = fmt::format("struct Impl_{0} {{}}\nimpl Impl_{0} {{\n", p.id);
    for (const auto& m : t.methods) {
      body += "  fn " + m.name + "(self";
      // Positional names: a parameter named like an imported package (`resource`) would shadow it.
      for (size_t i = 0; i < m.params.size(); ++i)
        body += fmt::format(", _a{}: ", i) +
                lis::to_text(probe_type(m.params[i].type, arguments, self_type));
      body += ")";
      if (m.result)
        body += " -> " + lis::to_text(probe_type(*m.result, arguments, self_type)) +
                " { panic(\"lisbind probe\") }\n";
      else
        body += " {}\n";
    }
    body += "}\n";
    body +=
        fmt::format("fn take_{0}(_x: {1}) {{}}\nfn probe_{0}() {{\n  take_{0}(Impl_{0} {{}})\n}}\n",
                    p.id, lis::to_text(self_type));
    p.text = body;
  }

  void var(const lis::Var& v) {
    if (names_hidden_type(v.type))
      return unprobed(v.name, "its type is unexported; Lisette code cannot write it");
    Probe& p = add(ProbeKind::Var, v.name, v.name);
    if (const model::Decl* d = pkg_.find_decl(v.name); d && d->type)
      p.go_decl = "var " + v.name + " " + emit::go_type_text(*d->type);
    p.lis_decl = "pub var " + v.name + ": " + lis::to_text(v.type);
    p.text = take_probe(p.id, lis::to_text(q(v.type)), "", out_.binding + "." + v.name);
  }

  void constant(const lis::Const& c) {
    const model::Decl* d = pkg_.find_decl(c.name);
    std::optional<lis::Type> type = c.type;
    if (!type && d) type = emit::untyped_const_type(d->value);
    if (!type) return unprobed(c.name, "untyped constant of a kind with no default Lisette type");
    if (names_hidden_type(*type))
      return unprobed(c.name, "its type is unexported; Lisette code cannot write it");
    Probe& p = add(ProbeKind::Const, c.name, c.name);
    if (d) {
      p.go_decl = "const " + c.name +
                  (d->untyped || !d->type ? "" : " " + emit::go_type_text(*d->type)) + " = " +
                  d->value.exact;
    }
    p.lis_decl = "pub const " + c.name + (c.type ? ": " + lis::to_text(*c.type) : "") +
                 (c.value.empty() ? "" : " = " + c.value);
    p.text = take_probe(p.id, lis::to_text(q(*type)), "", out_.binding + "." + c.name);
  }

  // T or Ref<T> passed where an interface Go says it implements is expected.
  void implementations() {
    for (const auto& impl : find_implementations(api_, pkg_.path)) {
      if (!own_types_.contains(impl.type_name)) continue;
      auto binding = import_binding_.find(impl.interface_package);
      if (binding == import_binding_.end() || !bound_.contains(impl.interface_package)) continue;
      const model::Package* ip = api_.find_package(impl.interface_package);
      if (!ip || ip->internal) continue;
      std::string iface = binding->second + "." + impl.interface_name;
      const lis::Type self = lis::named(out_.binding + "." + impl.type_name);
      std::string go_iface = (ip->path == pkg_.path ? "" : ip->path + ".") + impl.interface_name;
      for (bool pointer : {false, true}) {
        if (impl.pointer && !pointer) continue;
        std::string go_t = std::string(pointer ? "*" : "") + impl.type_name;
        Probe& p = add(ProbeKind::Implements, impl.type_name, go_t + " implements " + go_iface);
        p.go_decl = go_t + " implements " + go_iface;
        const lis::Type own = lis::named(impl.type_name);
        p.lis_decl = lis::to_text(pointer ? lis::ref(own, true) : own) + " as " + iface;
        // *T as a writable pointer: Go's *T carries no read-only restriction.
        p.text = take_probe(p.id, iface,
                            "v: " + lis::to_text(pointer ? lis::ref(self, true) : self), "v");
      }
    }
  }

  const model::ApiModel& api_;
  const model::Package& pkg_;
  const lis::File& file_;
  const std::set<std::string>& bound_;
  const std::map<std::string, lis::File>* typedefs_;
  int next_id_;
  ImplementerSearch implementers_{api_, bound_};
  PackageProbes out_;
  std::set<std::string> own_types_;
  std::set<std::string>
      hidden_types_;  // unexported (stand-ins, #[go(unexported)]): user code cannot name them
  std::map<std::string, std::string>
      import_binding_;  // import path -> the name it binds in the probe file
};

}  // namespace

const char* kind_name(ProbeKind kind) {
  switch (kind) {
    case ProbeKind::Func:
      return "func";
    case ProbeKind::Method:
      return "method";
    case ProbeKind::Field:
      return "field";
    case ProbeKind::Var:
      return "var";
    case ProbeKind::Const:
      return "const";
    case ProbeKind::Type:
      return "type";
    case ProbeKind::Implements:
      return "implements";
    case ProbeKind::Implement:
      return "implement";
    case ProbeKind::Embedded:
      return "embedded";
    case ProbeKind::Promoted:
      return "promoted";
  }
  return "?";
}

std::vector<Implementation> find_implementations(const model::ApiModel& api,
                                                 const std::string& type_package) {
  struct Iface {
    const model::Package* pkg;
    const model::Decl* decl;
    emit::FlatInterface flat;
  };
  std::vector<Iface> ifaces;
  for (const auto& p : api.packages) {
    for (const auto& d : p.decls) {
      if (d.kind != model::DeclKind::Type || !d.exported || !d.tparams.empty() || !d.underlying)
        continue;
      const model::TypeRef* u = peel(d.underlying.get());
      if (!u || u->kind != TypeKind::Interface || !u->unions.empty()) continue;
      emit::FlatInterface flat = emit::flatten_interface(api, *u, p.path, d.name);
      bool checkable =
          flat.unresolved_embeds.empty() && !flat.methods.empty() &&
          std::all_of(flat.methods.begin(), flat.methods.end(),
                      [](const emit::InterfaceMethodEntry& m) { return exported(m.name); });
      if (checkable) ifaces.push_back({&p, &d, std::move(flat)});
    }
  }
  std::vector<Implementation> out;
  const model::Package* pkg = api.find_package(type_package);
  if (!pkg) return out;
  for (const auto& d : pkg->decls) {
    if (d.kind != model::DeclKind::Type || !d.exported || !d.tparams.empty() || !d.underlying)
      continue;
    const model::TypeRef* u = peel(d.underlying.get());
    if (u && u->kind == TypeKind::Interface) continue;
    const emit::MethodSetSignatures sets = emit::method_sets_of(d);
    if (sets.pointer.empty()) continue;
    for (const auto& i : ifaces) {
      if (emit::has_all_methods(sets.value, i.flat)) {
        out.push_back({.type_package = pkg->path,
                       .type_name = d.name,
                       .pointer = false,
                       .interface_package = i.pkg->path,
                       .interface_name = i.decl->name});
      } else if (emit::has_all_methods(sets.pointer, i.flat)) {
        out.push_back({.type_package = pkg->path,
                       .type_name = d.name,
                       .pointer = true,
                       .interface_package = i.pkg->path,
                       .interface_name = i.decl->name});
      }
    }
  }
  return out;
}

PackageProbes make_probes(const model::ApiModel& api, const model::Package& package,
                          const lis::File& file, const std::set<std::string>& bound_packages,
                          int first_id, const std::map<std::string, lis::File>* typedefs) {
  return ProbeWriter(api, package, file, bound_packages, first_id, typedefs).run();
}

lis::Type qualify_type(const lis::Type& type, const std::set<std::string>& own_types,
                       const std::string& binding, const std::optional<lis::Type>& self_type,
                       const std::string& own_binding) {
  if (self_type && type.is(lis::TypeKind::Named) && type.name == "Self" && type.args.empty())
    return *self_type;
  lis::Type out = type;
  if (names_bare(type, own_types)) out.name = binding + "." + type.name;
  const std::string own_prefix = own_binding + ".";
  if (!own_binding.empty() && type.is(lis::TypeKind::Named) && type.name.starts_with(own_prefix) &&
      own_types.contains(type.name.substr(own_prefix.size())))
    out.name = binding + "." + type.name.substr(own_prefix.size());
  for (auto& arg : out.args) arg = qualify_type(arg, own_types, binding, self_type, own_binding);
  return out;
}

RenderedFile render_probe_file(const PackageProbes& package,
                               const std::vector<const Probe*>& probes) {
  RenderedFile r;
  int line = 1;
  auto append = [&](const std::string& text) {
    r.text += text;
    line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  };
  append("// lisbind verify: probes of " + package.package + "\n");
  for (const auto& i : package.base_imports) append(i + "\n");
  // Imports only some probes need (the types chosen for generic ones), once each.
  std::set<std::string> extra;
  for (const Probe* p : probes) {
    for (const auto& i : p->imports) {
      if (std::find(package.base_imports.begin(), package.base_imports.end(), i) ==
              package.base_imports.end() &&
          extra.insert(i).second)
        append(i + "\n");
    }
  }
  for (const Probe* p : probes) {
    append("\n// probe " + std::to_string(p->id) + ": " + p->what + " (" + kind_name(p->kind) +
           ")\n");
    int first = line;
    append(p->text);
    r.spans.push_back({first, line - 1});
  }
  return r;
}

std::string render_main(const std::vector<int>& probe_ids) {
  std::string s = "// lisbind verify: references every probe so that lis emits it.\nfn main() {\n";
  for (int id : probe_ids) s += "  let _ = probe_" + std::to_string(id) + "\n";
  return s + "}\n";
}

}  // namespace lisbind::verify
