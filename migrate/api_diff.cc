#include "migrate/api_diff.h"

#include <map>

#include "mapping/method_sets.h"
#include "syntax/go_syntax.h"

namespace lisbind::migrate {
namespace {

using model::Decl;
using model::DeclKind;
using model::TypeKind;

std::string decl_text(const Decl& d) {
  switch (d.kind) {
    case DeclKind::Const:
    case DeclKind::Var:
      return std::string(model::decl_kind_name(d.kind)) + " " + d.name +
             (d.type ? " " + emit::go_type_text(*d.type) : "");
    case DeclKind::Func:
      return emit::go_func_text("", d.name, d.sig);
    case DeclKind::Type:
      return "type " + d.name + (d.alias ? " = " : " ") +
             (d.underlying ? emit::go_type_text(*d.underlying) : "?");
  }
  return d.name;
}

const model::TypeRef* underlying(const Decl& d) {
  const model::TypeRef* t = d.underlying.get();
  while (t && t->kind == TypeKind::Alias && t->target) t = t->target.get();
  return t;
}

bool same_params(const model::Signature& a, const model::Signature& b) {
  if (a.variadic != b.variadic || a.params.size() != b.params.size()) return false;
  for (size_t i = 0; i < a.params.size(); ++i) {
    if (!emit::identical(a.params[i].type, b.params[i].type)) return false;
  }
  return true;
}

bool same_results(const model::Signature& a, const model::Signature& b) {
  if (a.results.size() != b.results.size()) return false;
  for (size_t i = 0; i < a.results.size(); ++i) {
    if (!emit::identical(a.results[i].type, b.results[i].type)) return false;
  }
  return true;
}

class Comparison {
 public:
  Comparison(const model::ApiModel& original_api, const model::Package& original,
             const model::ApiModel& emitted_api, const model::Package& emitted)
      : old_api_(original_api), new_api_(emitted_api), old_(original), new_(emitted) {}

  std::vector<Incompatibility> run() {
    if (old_.name != new_.name) {
      add(ChangeKind::PackageName, old_.name, "package " + old_.name, "package " + new_.name,
          "callers refer to the package as " + old_.name + ": name the Lisette project \"" +
              old_.name + "\"");
    }
    for (const auto& d : old_.decls) {
      if (!d.exported) continue;
      const Decl* n = new_.find_decl(d.name);
      if (d.kind == DeclKind::Var && (!n || n->kind != DeclKind::Var)) {
        add(ChangeKind::NoPackageVariables, d.name, decl_text(d), n ? decl_text(*n) : "",
            "Lisette has no package-level variables; callers of " + d.name +
                " must change (a function or a constant can stand in for it)");
        continue;
      }
      if (!n || !n->exported) {
        add(ChangeKind::Removed, d.name, decl_text(d), "", d.name + " is no longer declared");
        continue;
      }
      if (n->kind != d.kind) {
        add(ChangeKind::KindChanged, d.name, decl_text(d), decl_text(*n),
            std::string(model::decl_kind_name(d.kind)) + " became " +
                model::decl_kind_name(n->kind));
        continue;
      }
      switch (d.kind) {
        case DeclKind::Const:
        case DeclKind::Var:
          if (!emit::identical(d.type, n->type) && !(d.untyped && n->untyped)) {
            add(ChangeKind::TypeChanged, d.name, decl_text(d), decl_text(*n), "its type differs");
          }
          break;
        case DeclKind::Func:
          function(d.name, d.sig, n->sig, decl_text(d), decl_text(*n));
          break;
        case DeclKind::Type:
          type(d, *n);
          break;
      }
    }
    return std::move(out_);
  }

 private:
  void add(ChangeKind kind, std::string symbol, std::string old_decl, std::string new_decl,
           std::string detail) {
    out_.push_back(
        {kind, std::move(symbol), std::move(old_decl), std::move(new_decl), std::move(detail)});
  }

  void function(const std::string& symbol, const model::Signature& a, const model::Signature& b,
                const std::string& old_text, const std::string& new_text) {
    if (!same_params(a, b)) {
      add(ChangeKind::ParametersChanged, symbol, old_text, new_text,
          "callers pass other arguments");
    } else if (!same_results(a, b)) {
      add(ChangeKind::ResultsChanged, symbol, old_text, new_text, "callers receive other results");
    }
  }

  void type(const Decl& d, const Decl& n) {
    const model::TypeRef* a = underlying(d);
    const model::TypeRef* b = underlying(n);
    if (d.alias != n.alias || !a || !b || a->kind != b->kind) {
      add(ChangeKind::KindChanged, d.name, decl_text(d), decl_text(n),
          "the type is declared differently");
      return;
    }
    if (a->kind == TypeKind::Struct) {
      fields(d, n, *a, *b);
    } else if (a->kind == TypeKind::Interface) {
      interface(d, n, *a, *b);
    } else if (!emit::identical(d.underlying, n.underlying)) {
      add(ChangeKind::TypeChanged, d.name, decl_text(d), decl_text(n),
          "its underlying type differs");
    }
    methods(d, n);
  }

  void fields(const Decl& d, const Decl& n, const model::TypeRef& a, const model::TypeRef& b) {
    std::map<std::string, const model::Field*> now;
    for (const auto& f : b.fields) now[f.name] = &f;
    for (const auto& f : a.fields) {
      if (!f.exported) continue;
      std::string old_text = d.name + "." + f.name + " " + emit::go_type_text(*f.type);
      auto it = now.find(f.name);
      if (it == now.end() || !it->second->exported) {
        add(ChangeKind::FieldRemoved, d.name + "." + f.name, old_text, "",
            "callers read or set this field");
      } else if (!emit::identical(f.type, it->second->type) || f.embedded != it->second->embedded) {
        add(ChangeKind::FieldTypeChanged, d.name + "." + f.name, old_text,
            n.name + "." + f.name + " " + emit::go_type_text(*it->second->type),
            "the field's type differs");
      }
    }
  }

  void interface(const Decl& d, const Decl& n, const model::TypeRef& a, const model::TypeRef& b) {
    auto flat_old = emit::flatten_interface(old_api_, a, old_.path, d.name);
    auto flat_new = emit::flatten_interface(new_api_, b, new_.path, n.name);
    std::map<std::string, const emit::InterfaceMethodEntry*> now;
    for (const auto& m : flat_new.methods) now[m.name] = &m;
    for (const auto& m : flat_old.methods) {
      auto it = now.find(m.name);
      std::string old_text = "interface " + d.name + ": " + emit::go_func_text("", m.name, m.sig);
      if (it == now.end()) {
        add(ChangeKind::InterfaceChanged, d.name + "." + m.name, old_text, "",
            "callers call this method through the interface");
      } else if (!emit::identical(m.sig, it->second->sig)) {
        add(ChangeKind::InterfaceChanged, d.name + "." + m.name, old_text,
            "interface " + n.name + ": " + emit::go_func_text("", m.name, it->second->sig),
            "implementers and callers disagree on the method");
      }
      now.erase(m.name);
    }
    for (const auto& [name, m] : now) {
      add(ChangeKind::InterfaceChanged, d.name + "." + name, "",
          "interface " + n.name + ": " + emit::go_func_text("", name, m->sig),
          "a new method: types that implemented " + d.name + " no longer do");
    }
  }

  void methods(const Decl& d, const Decl& n) {
    std::map<std::string, const model::Method*> now;
    for (const auto& m : n.methods) now[m.name] = &m;
    for (const auto& m : d.methods) {
      std::string recv = std::string(m.pointer_receiver ? "*" : "") + d.name;
      std::string symbol = d.name + "." + m.name;
      std::string old_text = emit::go_func_text(recv, m.name, m.sig);
      auto it = now.find(m.name);
      if (it == now.end()) {
        add(ChangeKind::MethodRemoved, symbol, old_text, "",
            "callers call it, and " + d.name +
                " may no longer implement the interfaces that need it");
        continue;
      }
      const model::Method& nm = *it->second;
      std::string new_text =
          emit::go_func_text(std::string(nm.pointer_receiver ? "*" : "") + n.name, m.name, nm.sig);
      if (!m.pointer_receiver && nm.pointer_receiver) {
        add(ChangeKind::ReceiverNarrowed, symbol, old_text, new_text,
            "a value of " + d.name +
                " no longer has the method, so it no longer implements interfaces that need it");
      }
      function(symbol, m.sig, nm.sig, old_text, new_text);
    }
  }

  const model::ApiModel& old_api_;
  const model::ApiModel& new_api_;
  const model::Package& old_;
  const model::Package& new_;
  std::vector<Incompatibility> out_;
};

}  // namespace

const char* change_code(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::PackageName:
      return "package-name";
    case ChangeKind::Removed:
      return "removed";
    case ChangeKind::KindChanged:
      return "kind-changed";
    case ChangeKind::TypeChanged:
      return "type-changed";
    case ChangeKind::ParametersChanged:
      return "parameters-changed";
    case ChangeKind::ResultsChanged:
      return "results-changed";
    case ChangeKind::FieldRemoved:
      return "field-removed";
    case ChangeKind::FieldTypeChanged:
      return "field-type-changed";
    case ChangeKind::MethodRemoved:
      return "method-removed";
    case ChangeKind::ReceiverNarrowed:
      return "receiver-narrowed";
    case ChangeKind::InterfaceChanged:
      return "interface-changed";
    case ChangeKind::NoPackageVariables:
      return "no-package-variables";
  }
  return "?";
}

std::vector<Incompatibility> compare_apis(const model::ApiModel& original_api,
                                          const model::Package& original,
                                          const model::ApiModel& emitted_api,
                                          const model::Package& emitted) {
  return Comparison(original_api, original, emitted_api, emitted).run();
}

}  // namespace lisbind::migrate
