#include "mapping/package_mapper.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "mapping/result_rules.h"
#include "mapping/type_mapper.h"
#include "syntax/go_syntax.h"
#include "syntax/names.h"
#include "syntax/printer.h"

namespace lisbind::emit {
namespace {

using model::Decl;
using model::DeclKind;
using model::TypeKind;
using model::TypeRef;

// Everything one package's mapping needs, built once.
class PackageMapper {
 public:
  PackageMapper(const model::ApiModel& api, const model::Package& pkg, const GeneratorInfo& info,
                const MapOptions& options)
      : api_(api),
        pkg_(pkg),
        info_(info),
        options_(options),
        namer_(reserved_names(pkg),
               [&api](const std::string& path) {
                 const auto* p = api.find_package(path);
                 return p ? p->name : std::string{};
               }),
        types_(api, pkg.path,
               [this](const std::string& path, const std::string& name, size_t arity) {
                 return qualify(path, name, arity);
               }) {
    // Registering the helper's import list up front, in sorted order, makes the aliases independent
    // of the order in which declarations happen to use them.
    for (const auto& path : pkg.imports) {
      if (path != pkg.path) namer_.add(path);
    }
  }

  MappedPackage run() {
    for (const auto& d : pkg_.decls) {
      switch (d.kind) {
        case DeclKind::Const:
          map_const(d);
          break;
        case DeclKind::Var:
          map_var(d);
          break;
        case DeclKind::Func:
          map_func(d);
          break;
        case DeclKind::Type:
          map_type(d);
          break;
      }
    }
    declare_stand_ins();
    out_.file.header = header();
    for (const auto& path : used_imports_) out_.file.imports.push_back({path, namer_.alias(path)});
    return std::move(out_);
  }

 private:
  static std::set<std::string> reserved_names(const model::Package& pkg) {
    std::set<std::string> names;
    for (const auto& d : pkg.decls) names.insert(d.name);
    for (const char* p : {"Option", "Result", "Partial", "Slice", "Map", "Ref", "Array", "Unknown",
                          "Never", "VarArgs", "Channel", "Sender", "Receiver", "Comparable",
                          "error", "string", "int", "bool"}) {
      names.insert(p);
    }
    names.insert(names::default_binding_name(pkg.path));
    return names;
  }

  std::string qualify(const std::string& path, const std::string& name, size_t arity) {
    if (name == "Self" || names::is_lisette_keyword(name)) {
      throw Unmappable(Rule::ReservedName, "the type " + name + " has a name Lisette reserves");
    }
    if (arity == 0 && shadows_plain_prelude_type(name)) throw shadowing_prelude(name);
    if (path != pkg_.path && is_internal(path)) return stand_in_for_internal(path, name);
    if (path == pkg_.path) {
      // lis resolves Option<T>, Result<T, E>... to the prelude whenever the arity matches, so a
      // Go generic type of that name and arity is written through the package's own binding.
      return shadows_prelude(name, arity) ? pkg_.name + "." + name : name;
    }
    namer_.add(path);
    used_imports_.insert(path);
    return namer_.binding(path) + "." + name;
  }

  bool is_internal(const std::string& path) const {
    const auto* p = api_.find_package(path);
    return p ? p->internal
             : path.find("/internal/") != std::string::npos || path.ends_with("/internal");
  }

  // lis refuses `import "go:.../internal/..."` in any typedef, yet exported Go API hands out
  // values of internal types. Such a type is declared here as an opaque, unexported stand-in
  // (with its exported methods), so Lisette code can hold it, pass it on and call it.
  std::string stand_in_for_internal(const std::string& path, const std::string& name) {
    std::string key = path + "." + name;
    if (auto it = stand_ins_.find(key); it != stand_ins_.end()) return it->second;
    const auto* p = api_.find_package(path);
    std::string local = (p ? p->name : names::default_binding_name(path)) + "_" + name;
    while (taken_locals_.contains(local)) local += "_";
    taken_locals_.insert(local);
    stand_ins_[key] = local;
    pending_stand_ins_.push_back({path, name, local});
    return local;
  }

  void declare_stand_ins() {
    // Declaring one stand-in can reveal more (its methods mention other internal types).
    for (size_t i = 0; i < pending_stand_ins_.size(); ++i) {
      StandIn s = pending_stand_ins_[i];
      const auto* p = api_.find_package(s.path);
      const Decl* d = p ? p->find_decl(s.name) : nullptr;
      lis::TypeDecl t;
      t.form = lis::TypeForm::Opaque;
      t.name = s.local;
      t.attributes.push_back(lis::AttributeKind::Unexported);
      t.doc = {"Stands in for " + s.path + "." + s.name + ", which lives in an internal package."};
      if (!d) {
        out_.file.types.push_back(std::move(t));
        continue;
      }
      std::string note;
      for (const auto& tp : d->tparams) t.generics.push_back(generic_param(tp, note));
      out_.file.types.push_back(std::move(t));
      Decl renamed = *d;
      renamed.name = s.local;
      renamed.exported = false;  // not this package's symbol: no ledger entries
      map_methods(renamed, s.path);
    }
  }

  struct StandIn {
    std::string path, name, local;
  };

  // lis resolves a bare non-generic name to the file's own declaration before the prelude, and
  // has no spelling for the prelude's: a Go type named Unknown (apimachinery's runtime.Unknown)
  // would turn every `any` of its package into that struct. Such a type is left out, and so is
  // every declaration that names it.
  // Only the prelude types this mapper writes bare matter.
  static bool shadows_plain_prelude_type(const std::string& name) {
    return name == "Unknown" || name == "Never" || name == "Comparable";
  }

  static Unmappable shadowing_prelude(const std::string& name) {
    return Unmappable(
        Rule::ShadowsPreludeType,
        "a type named " + name + " would hide Lisette's own " + name + " in its package's typedef");
  }

  static bool shadows_prelude(const std::string& name, size_t arity) {
    static const std::map<std::string, size_t> prelude = {
        {"Option", 1}, {"Result", 2},          {"Partial", 2}, {"Ref", 1},
        {"Slice", 1},  {"EnumeratedSlice", 1}, {"Map", 2},     {"Channel", 1},
        {"Sender", 1}, {"Receiver", 1},        {"VarArgs", 1}, {"Array", 2}};
    auto it = prelude.find(name);
    // lis reads `Array` as the prelude's at any arity (`impl Array` fails with an arity error).
    return it != prelude.end() && (it->second == arity || name == "Array");
  }

  std::vector<std::string> header() const {
    std::vector<std::string> h = {"Generated by lisbind " + info_.lisbind_version};
    if (pkg_.std) {
      h.push_back("Source: " + pkg_.path + " (Go stdlib)");
    } else if (pkg_.module) {
      h.push_back("Source: " + pkg_.path + " (" + pkg_.module->path +
                  (pkg_.module->version.empty() ? "" : "@" + pkg_.module->version) + ")");
    } else {
      h.push_back("Source: " + pkg_.path);
    }
    // lis binds the last path element unless told otherwise; importers of this file then use the
    // Go package name, which is what every lisbind file assumes.
    if (pkg_.name != names::default_binding_name(pkg_.path)) h.push_back("Package: " + pkg_.name);
    std::string go =
        api_.go_version.starts_with("go") ? api_.go_version.substr(2) : api_.go_version;
    h.push_back("Go: " + go);
    h.push_back("Lisette: " + info_.lis_version);
    return h;
  }

  void record(const std::string& symbol, const char* kind, BindStatus status,
              const LedgerCode& code, std::string message) {
    out_.ledger.push_back({pkg_.path, symbol, kind, status, code.text(), std::move(message)});
  }

  void skip(const Decl& d, const std::string& symbol, const char* kind, const Unmappable& why) {
    out_.file.skipped.push_back({symbol, std::string(rule_code(why.code)), why.what()});
    if (d.exported) record(symbol, kind, BindStatus::Skipped, why.code, why.what());
  }

  // ---- constants and variables ---------------------------------------------------------------

  void map_const(const Decl& d) {
    try {
      lis::Const c;
      c.doc = doc_lines(d.doc);
      c.name = d.name;
      // `: int` says nothing lis would not infer; every other type is worth stating.
      bool plain_int = d.type && d.type->kind == TypeKind::Basic && d.type->name == "int";
      if (!d.untyped && !plain_int) c.type = types_.map(d.type, Position::TypeArg);
      Rule code = d.untyped ? Rule::ConstUntyped : Rule::ConstTyped;
      std::string note;
      try {
        c.value = const_literal(d.value);
        if (d.value.literal.empty() && !d.untyped && d.type && d.type->kind == TypeKind::Basic &&
            d.type->name == "float32") {
          c.value = shortest_float32(c.value);
        }
        // lis types an unannotated integer constant as int; one above int64 needs saying otherwise.
        if (d.untyped && d.value.kind == "int" && !fits_int64(d.value.exact))
          c.type = lis::basic("uint64");
      } catch (const Unmappable& e) {
        // No literal can write it (beyond 64 bits, a fraction, complex): a valueless constant
        // still lets Lisette code use it, and Go supplies the value.
        if (!c.type) c.type = lis::basic(valueless_type(d.value.kind));
        code = Rule::ConstValueless;
        note = e.what();
      }
      out_.file.consts.push_back(std::move(c));
      record(d.name, "const", BindStatus::Bound, code, note);
    } catch (const Unmappable& e) {
      skip(d, d.name, "const", e);
    }
  }

  // go/types rounds a float32 constant to float32 precision; printing that value as a float64
  // gives 0.10000000149011612 where the source (and any reader) says 0.1.
  static std::string shortest_float32(const std::string& text) {
    float f = std::strtof(text.c_str(), nullptr);
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, f);
    if (ec != std::errc()) return text;
    std::string s(buffer, end);
    if (s.find_first_of(".eE") == std::string::npos && s.find_first_of("ni") == std::string::npos)
      s += ".0";
    return s;
  }

  static bool fits_int64(const std::string& v) {
    if (v.starts_with("-"))
      return true;  // negative values below int64 do not fit any literal anyway
    const std::string limit = "9223372036854775807";
    return v.size() < limit.size() || (v.size() == limit.size() && v <= limit);
  }

  static std::string valueless_type(const std::string& kind) {
    if (kind == "complex") return "complex128";
    if (kind == "string") return "string";
    if (kind == "bool") return "bool";
    return "float64";  // an integer beyond 64 bits is only usable as a float in Go, too
  }

  void map_var(const Decl& d) {
    try {
      // Package variables are initialised by their package; nil is the exception, not the rule.
      out_.file.vars.push_back(
          {doc_lines(d.doc), {}, d.name, types_.map(d.type, Position::NonNilResult)});
      record(d.name, "var", BindStatus::Bound, Rule::Var, "");
    } catch (const Unmappable& e) {
      skip(d, d.name, "var", e);
    }
  }

  // ---- functions and methods -----------------------------------------------------------------

  lis::Generic generic_param(const model::TypeParam& tp, std::string& note) const {
    return {tp.name, constraint_bounds(tp.constraint, note)};
  }

  // The Lisette bounds for a Go constraint, or none when Lisette can state none (a type set such
  // as `~int | ~string`); `note` then says what was dropped.
  std::vector<lis::Type> constraint_bounds(const model::TypePtr& c, std::string& note) const {
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
      return {types_.map(*t, Position::Constraint)};
    }
    if (t->kind != TypeKind::Interface) return {};
    if (!t->unions.empty() || !t->methods.empty()) {
      note = "inline constraint with a type set or methods has no Lisette bound";
      return {};
    }
    std::vector<lis::Type> bounds;
    if (t->comparable) bounds.push_back(lis::named("Comparable"));
    for (const auto& e : t->embeds) {
      std::vector<lis::Type> sub = constraint_bounds(e, note);
      bounds.insert(bounds.end(), sub.begin(), sub.end());
    }
    return bounds;
  }

  std::vector<ParamBinding> params(const model::Signature& sig, const model::Facts* facts) const {
    std::vector<ParamBinding> out;
    for (size_t i = 0; i < sig.params.size(); ++i) {
      const auto& p = sig.params[i];
      const model::ParamFact* fact = facts ? facts->param(i) : nullptr;
      ParamBinding b;
      // A parameter the body writes through needs a writable argument; one it only reads takes
      // any reference. Without evidence it stays read-only, which every caller can satisfy.
      bool written = fact && fact->writes == model::WriteFact::Yes;
      Position pos = written ? Position::WrittenParam : Position::Param;
      bool variadic = sig.variadic && i + 1 == sig.params.size() && p.type->kind == TypeKind::Slice;
      b.type = variadic ? lis::var_args(types_.map(p.type->elem, pos)) : types_.map(p.type, pos);
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
      // Lower-casing can make two Go names equal (T and t); the later one takes its position.
      for (const auto& earlier : out) {
        if (earlier.name == b.name) b.name += std::to_string(i);
      }
      out.push_back(std::move(b));
    }
    return out;
  }

  static lis::Function without_doc(lis::Function f) {
    f.doc.clear();
    return f;
  }

  // The body evidence with the project's override for `symbol` applied on top.
  model::Facts effective_facts(const model::Facts& facts, const model::Signature& sig,
                               const Override* o) const {
    model::Facts f = facts;
    if (!o) return f;
    f.present = true;
    if (!o->result.empty()) {
      if (f.results.size() < sig.results.size()) f.results.resize(sig.results.size());
      if (!f.results.empty()) {
        model::NilFact v = o->result == "non-nil" ? model::NilFact::Never : model::NilFact::May;
        f.results[0] = {v, "the overrides file", v, "the overrides file"};
      }
    }
    if (f.params.size() < sig.params.size()) f.params.resize(sig.params.size());
    for (size_t i = 0; i < sig.params.size(); ++i) {
      if (std::find(o->mutates.begin(), o->mutates.end(), sig.params[i].name) != o->mutates.end()) {
        f.params[i].writes = model::WriteFact::Yes;
        f.params[i].writes_at = "the overrides file";
      }
    }
    return f;
  }

  // One function, method or interface method: its declaration, and in `binding` the decisions
  // behind it. Throws Unmappable.
  lis::Function function(const std::string& name, const model::Signature& sig,
                         SignatureContext context, FunctionBinding& binding,
                         const std::string& doc = {}, const model::Facts& facts = {},
                         const std::string& symbol = {}) const {
    if (names::is_lisette_keyword(name))
      throw Unmappable(Rule::KeywordName, name + " is a Lisette keyword");
    const Override* o = options_.overrides && !symbol.empty()
                            ? options_.overrides->find(pkg_.path, symbol)
                            : nullptr;
    if (o && o->skip)
      throw Unmappable(Rule::OverrideSkip, "skipped by the project's overrides file");
    model::Facts evidence = effective_facts(facts, sig, o);
    binding.params = params(sig, evidence.present ? &evidence : nullptr);
    context.sentinel_minus_one = says_minus_one_means_absent(doc);
    context.facts = evidence.present ? &evidence : nullptr;
    if (o) context.override = {o->partial, o->flag_bool, o->direct_error};
    binding.result = map_results(types_, sig, context);
    context.facts = nullptr;
    binding.override_applied = o != nullptr;

    lis::Function f;
    f.name = name;
    for (const auto& p : binding.params) f.params.push_back({p.name, p.type});
    const ResultMapping& r = binding.result;
    if (r.has_result()) f.result = r.type;
    if (o && !o->rename.empty()) {
      f.attributes.push_back({lis::AttributeKind::GoName, name});  // Lisette name, Go name
      f.name = o->rename;
    }
    if (r.comma_ok) f.attributes.push_back(lis::AttributeKind::CommaOk);
    if (r.rule == Rule::SentinelMinusOne)
      f.attributes.push_back(lis::AttributeKind::SentinelMinusOne);
    // Results callers routinely drop: closing, flushing, and a builder handing back itself.
    if (r.is_unit_result() && (name == "Close" || name == "Flush")) {
      f.attributes.push_back(lis::AttributeKind::AllowUnusedResult);
    }
    if (r.rule == Rule::FluentBuilder) f.attributes.push_back(lis::AttributeKind::AllowUnusedValue);
    return f;
  }

  // Keeps `binding` for `lisbind explain`, with the declaration as it prints.
  void keep(Binding binding, const lis::Function& f, bool is_pub) {
    if (!options_.record_decisions) return;
    binding.lisette = print_function(without_doc(f), "", is_pub);
    if (binding.function) binding.evidence = binding.function->result.evidence;
    std::string symbol = binding.symbol;
    out_.bindings[symbol] = std::move(binding);
  }

  // strings.Index: "returns -1 if substr is not present". The doc is the evidence Go leaves.
  // Comparison functions also mention -1 ("-1 if x < y") but pair it with +1.
  static bool says_minus_one_means_absent(const std::string& doc) {
    if (doc.find("-1") == std::string::npos || doc.find("+1") != std::string::npos) return false;
    for (const char* absent :
         {"not present", "not found", "or -1 if none", "-1 if none", "no such", "is not in",
          "are not in", "absent", "-1 if there is no", "does not contain"}) {
      if (doc.find(absent) != std::string::npos) return true;
    }
    return false;
  }

  void map_func(const Decl& d) {
    try {
      std::string note;
      FunctionBinding fb;
      lis::Function f = function(d.name, d.sig, {d.name, false, false, "", "", false}, fb, d.doc,
                                 d.facts, d.name);
      for (const auto& tp : d.tparams) f.generics.push_back(generic_param(tp, note));
      LedgerCode code(fb.result.rule, fb.override_applied);
      keep({d.name, code, {}, {}, std::move(fb), std::nullopt}, f, true);
      f.doc = doc_lines(d.doc);
      out_.file.functions.push_back(std::move(f));
      record(d.name, "func", BindStatus::Bound, code, note);
    } catch (const Unmappable& e) {
      skip(d, d.name, "func", e);
    }
  }

  // ---- types -----------------------------------------------------------------------------------

  // How this file names one of its own types: bare, or through its own binding where the bare
  // name would mean a prelude type.
  std::string own_name(const Decl& d) const {
    return shadows_prelude(d.name, d.tparams.size()) ? pkg_.name + "." + d.name : d.name;
  }

  lis::Type self_type(const Decl& d) const {
    std::vector<lis::Type> args;
    for (const auto& tp : d.tparams) args.push_back(lis::type_param(tp.name));
    return lis::named(own_name(d), std::move(args));
  }

  void map_type(const Decl& d) {
    const bool reserved = d.name == "Self" || names::is_lisette_keyword(d.name);
    if (reserved || (d.tparams.empty() && shadows_plain_prelude_type(d.name))) {
      // lis reserves the first kind (declaring one makes the whole file fail to parse); the second
      // would hide a prelude type from the whole file.
      Unmappable why = reserved
                           ? Unmappable(Rule::ReservedName,
                                        "a type named " + d.name + " cannot be declared in Lisette")
                           : shadowing_prelude(d.name);
      skip(d, d.name, "type", why);
      for (const auto& m : d.methods) {
        if (d.exported)
          record(d.name + "." + m.name, "method", BindStatus::Skipped, why.code, why.what());
      }
      return;
    }
    lis::TypeDecl t;
    t.name = d.name;
    t.doc = doc_lines(d.doc);
    std::string note;
    for (const auto& tp : d.tparams) t.generics.push_back(generic_param(tp, note));
    BindStatus status = BindStatus::Bound;
    LedgerCode code(Rule::UnexportedType);
    try {
      if (!d.exported && d.underlying && d.underlying->kind == TypeKind::Interface) {
        // An unexported interface is usually a constraint (gentype's objectWithMeta); as an opaque
        // type it would bind nothing, so it keeps its methods.
        code = shape_interface(d, *d.underlying, t);
        t.attributes.insert(t.attributes.begin(), lis::AttributeKind::Unexported);
        status = BindStatus::Opaque;
      } else if (!d.exported) {
        // Exposed by exported API but not nameable in Go: callers may hold and pass it, and call
        // its exported methods, but never build one.
        t.form = lis::TypeForm::Opaque;
        t.attributes.push_back(lis::AttributeKind::Unexported);
        status = BindStatus::Opaque;
        code = Rule::UnexportedType;
      } else if (d.alias) {
        t.form = lis::TypeForm::Alias;
        t.target = types_.map(d.underlying, Position::TypeArg);
        code = Rule::Alias;
      } else {
        code = shape_type(d, t, status);
      }
    } catch (const Unmappable& e) {
      // The representation has no Lisette form; the type can still be named and passed around.
      t = lis::TypeDecl{t.doc, {}, lis::TypeForm::Opaque, d.name, t.generics, {}, {}, {}, {}};
      status = BindStatus::Opaque;
      code = LedgerCode(e.code, false, true);
      note = e.what();
    }
    // lis lets Lisette code compare values with == unless told that Go cannot.
    // Where every field is visible lis works comparability out itself; where some are hidden
    // (or all, for an opaque type) only the Go fact can tell it.
    bool hidden_insides =
        (t.form == lis::TypeForm::Struct && !code.opaque &&
         code.rule == Rule::StructHiddenFields) ||
        (t.form == lis::TypeForm::Opaque && d.underlying && d.underlying->kind == TypeKind::Struct);
    if (hidden_insides && !d.comparable) t.attributes.push_back(lis::AttributeKind::Incomparable);
    out_.file.types.push_back(std::move(t));
    if (d.exported) record(d.name, "type", status, code, note);
    map_methods(d);
  }

  // Chooses struct, interface, function alias or newtype from the underlying type.
  Rule shape_type(const Decl& d, lis::TypeDecl& t, BindStatus& status) {
    const TypeRef& u = *d.underlying;
    switch (u.kind) {
      case TypeKind::Struct:
        return shape_struct(u, t, status);
      case TypeKind::Interface:
        return shape_interface(d, u, t);
      case TypeKind::Func:
        t.form = lis::TypeForm::Alias;
        t.target = types_.map(u, Position::Underlying);
        return Rule::FuncType;
      default:
        t.form = lis::TypeForm::Newtype;
        t.target = types_.map(u, Position::Underlying);
        return Rule::Newtype;
    }
  }

  Rule shape_struct(const TypeRef& u, lis::TypeDecl& t, BindStatus& status) {
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
                                   ? lis::ref(types_.map(e.elem, Position::TypeArg), true)
                                   : types_.map(e, Position::TypeArg);
          t.fields.push_back({doc_lines(f.doc), {}, "", std::move(embedded)});
        } else {
          lis::Type type = types_.map(f.type, Position::Field);
          if (options_.record_decisions) {
            std::string symbol = t.name + "." + f.name;
            out_.bindings[symbol] = {symbol,       LedgerCode(Rule::Struct),
                                     {},           "pub " + f.name + ": " + lis::to_text(type),
                                     std::nullopt, type};
          }
          t.fields.push_back({doc_lines(f.doc), {}, f.name, std::move(type)});
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

  Rule shape_interface(const Decl& d, const TypeRef& u, lis::TypeDecl& t) {
    if (!u.unions.empty() || embeds_type_set(u)) {
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
    FlatInterface flat = flatten_interface(api_, u, pkg_.path, d.name);
    for (const auto& e : flat.unresolved_embeds)
      t.embeds.push_back(types_.map(e, Position::TypeArg));
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
      FunctionBinding binding;
      lis::Function f;
      try {
        f = function(m.name, m.sig,
                     {m.name, true, false, m.declaring_package, m.declaring_interface, false},
                     binding, m.doc);
      } catch (const Unmappable&) {
        // The interface stays usable through its other methods; Lisette code cannot implement
        // it, which the missing method makes lis enforce.
        continue;
      }
      f.doc = doc_lines(m.doc);
      t.methods.push_back(std::move(f));
    }
    for (auto& f : unexported) t.methods.push_back(std::move(f));
    return sealed ? Rule::InterfaceSealed : Rule::Interface;
  }

  static bool embeds_comparable(const TypeRef& iface) {
    if (iface.comparable) return true;
    return std::any_of(iface.embeds.begin(), iface.embeds.end(), [](const model::TypePtr& e) {
      return e->kind == TypeKind::Named && e->pkg.empty() && e->name == "comparable";
    });
  }

  bool embeds_type_set(const TypeRef& iface) const {
    for (const auto& e : iface.embeds) {
      if (e->kind == TypeKind::Interface && !e->unions.empty()) return true;
      if (e->kind != TypeKind::Named || e->pkg.empty()) continue;
      const auto* p = api_.find_package(e->pkg);
      const Decl* d = p ? p->find_decl(e->name) : nullptr;
      if (d && d->underlying && d->underlying->kind == TypeKind::Interface &&
          (!d->underlying->unions.empty() || embeds_type_set(*d->underlying))) {
        return true;
      }
    }
    return false;
  }

  // `receiver_pkg` is where the Go type lives (differs for internal stand-ins); fluent builders
  // are recognised against it.
  void map_methods(const Decl& d, const std::string& receiver_pkg = {}) {
    if (d.methods.empty()) return;
    lis::Impl impl;
    impl.type_name = own_name(d);
    std::string note;
    for (const auto& tp : d.tparams) impl.generics.push_back(generic_param(tp, note));
    const lis::Type self = self_type(d);
    for (const auto& m : d.methods) {
      std::string symbol = d.name + "." + m.name;
      try {
        FunctionBinding fb;
        const ImplementedMethod* implemented =
            options_.implements && receiver_pkg.empty()
                ? options_.implements->implemented(pkg_.path, d.name, m.name)
                : nullptr;
        lis::Function f;
        Rule rule;
        if (implemented) {
          // The interface's shape, not the body's evidence: were the result Option here and plain
          // in the interface, the type would no longer implement it in Lisette (DeepCopyObject).
          const InterfaceMethodEntry& im = *implemented->method;
          f = function(m.name, im.sig,
                       {m.name, true, false, im.declaring_package, im.declaring_interface, false},
                       fb, im.doc, {}, symbol);
          rule = Rule::InterfaceMethodShape;
          fb.shape_source =
              ShapeSource{implemented->interface_package, implemented->interface_name};
        } else {
          f = function(
              m.name, m.sig,
              {m.name, true, false, receiver_pkg.empty() ? pkg_.path : receiver_pkg, d.name, false},
              fb, m.doc, m.facts, symbol);
          rule = fb.result.rule;
        }
        // A pointer receiver the body writes through needs a writable reference to call on.
        bool writes = m.facts.receiver_writes == model::WriteFact::Yes;
        lis::Receiver receiver{!m.pointer_receiver ? lis::ReceiverForm::Value
                               : writes            ? lis::ReceiverForm::MutRef
                                                   : lis::ReceiverForm::Ref,
                               self};
        f.receiver = receiver;
        fb.receiver =
            ReceiverBinding{receiver, writes ? m.facts.receiver_writes_at : std::string{}};
        LedgerCode code(rule, fb.override_applied);
        keep({symbol, code, {}, {}, std::move(fb), std::nullopt}, f, false);
        f.doc = doc_lines(m.doc);
        impl.methods.push_back(std::move(f));
        if (d.exported) record(symbol, "method", BindStatus::Bound, code, "");
      } catch (const Unmappable& e) {
        out_.file.skipped.push_back({symbol, std::string(rule_code(e.code)), e.what()});
        if (d.exported) record(symbol, "method", BindStatus::Skipped, e.code, e.what());
      }
    }
    out_.file.impls.push_back(std::move(impl));
  }

  const model::ApiModel& api_;
  const model::Package& pkg_;
  const GeneratorInfo& info_;
  const MapOptions& options_;
  names::ImportNamer namer_;
  TypeMapper types_;
  std::set<std::string> used_imports_;
  std::map<std::string, std::string> stand_ins_;  // "path.Name" -> local name
  std::vector<StandIn> pending_stand_ins_;
  std::set<std::string> taken_locals_ = reserved_names(pkg_);
  MappedPackage out_;
};

}  // namespace

std::vector<std::string> doc_lines(const std::string& doc) {
  std::vector<std::string> lines;
  std::istringstream in(doc);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.pop_back();
    lines.push_back(line);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

std::string lisette_string_literal(const std::string& go_quoted) {
  // ExactString quotes with strconv.Quote. lis 0.12.5 reads the same escapes (\a \b \f \n \r
  // \t \v \\ \" \xHH \UHHHHHHHH) except the four-digit \uHHHH, which it spells \u{HHHH}.
  std::string out;
  out.reserve(go_quoted.size());
  for (size_t i = 0; i < go_quoted.size(); ++i) {
    if (go_quoted[i] == '\\' && i + 1 < go_quoted.size()) {
      if (go_quoted[i + 1] == 'u' && i + 5 < go_quoted.size()) {
        out += "\\u{" + go_quoted.substr(i + 2, 4) + "}";
        i += 5;
      } else {
        out += go_quoted.substr(i, 2);
        ++i;
      }
      continue;
    }
    out += go_quoted[i];
  }
  return out;
}

namespace {

// The author's literal in a form lis 0.12.5 reads, or empty where it has none (hex floats, a
// float literal for an integer constant). lis wants 0o for octal and digits on both sides of '.'.
std::string lisette_number_literal(const std::string& literal, const std::string& kind) {
  if (literal.empty()) return {};
  bool negative = literal.starts_with("-");
  std::string body = negative ? literal.substr(1) : literal;
  std::string lower = body;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  bool prefixed = lower.starts_with("0x") || lower.starts_with("0o") || lower.starts_with("0b");
  bool floaty = !prefixed && lower.find_first_of(".e") != std::string::npos;
  if (lower.starts_with("0x") && lower.find('p') != std::string::npos) return {};  // hex float
  if (kind == "int") {
    if (floaty || lower.ends_with("i")) return {};
    if (prefixed) {
      body = lower.substr(0, 2) + body.substr(2);
    } else if (body.size() > 1 && body[0] == '0') {
      body = "0o" + body.substr(1);  // legacy octal 0755
    }
  } else if (kind == "float") {
    if (prefixed || lower.ends_with("i")) return {};
    if (body.starts_with(".")) body = "0" + body;
    if (auto dot = body.find('.');
        dot != std::string::npos &&
        (dot + 1 == body.size() || !std::isdigit(static_cast<unsigned char>(body[dot + 1])))) {
      body.insert(dot + 1, "0");
    }
  } else {
    return {};
  }
  return (negative ? "-" : "") + body;
}

}  // namespace

std::string const_literal(const model::ConstValue& value) {
  if (value.kind == "bool") return value.exact;
  if (value.kind == "string") return lisette_string_literal(value.exact);
  if (value.kind == "int") {
    // Lisette integers are at most 64 bits: anything outside [-2^63, 2^64-1] cannot be written.
    const std::string& v = value.exact;
    bool negative = v.starts_with("-");
    std::string digits = negative ? v.substr(1) : v;
    const std::string limit = negative ? "9223372036854775808" : "18446744073709551615";
    if (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit)) {
      throw Unmappable(Rule::ConstOverflow, "the constant " + v + " does not fit in 64 bits");
    }
    std::string as_written = lisette_number_literal(value.literal, "int");
    return as_written.empty() ? v : as_written;
  }
  if (value.kind == "float") {
    if (std::string as_written = lisette_number_literal(value.literal, "float");
        !as_written.empty()) {
      // A literal with more digits than a float64 holds (math.Pi) is still exact to Go.
      return as_written;
    }
    std::string f = value.float_text.empty() ? value.exact : value.float_text;
    if (f.find_first_of("/") != std::string::npos || f.find("Inf") != std::string::npos ||
        f.find("NaN") != std::string::npos) {
      throw Unmappable(Rule::ConstFloatForm,
                       "the float constant " + value.exact + " has no finite decimal form");
    }
    // lis wants a digit on both sides of the point; Go's shortest form gives "1e+06" or "0.5".
    if (f.find_first_of(".eE") == std::string::npos) f += ".0";
    return f;
  }
  throw Unmappable(value.kind == "complex" ? Rule::ConstComplex : Rule::ConstUnknown,
                   "a " + value.kind + " constant has no Lisette literal");
}

MappedPackage map_package(const model::ApiModel& api, const model::Package& package,
                          const GeneratorInfo& info, const MapOptions& options) {
  return PackageMapper(api, package, info, options).run();
}

}  // namespace lisbind::emit
