// `lisbind explain PKG.SYMBOL[@VERSION]`: the Go declaration, the Lisette one, and for each
// decision the rule and the evidence (a `return nil` site, a write, the fallback, an override).
#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "base/errors.h"
#include "cli/commands.h"
#include "gotool/api_loader.h"
#include "lisbind/version.h"
#include "mapping/package_mapper.h"
#include "project/lisette_manifest.h"
#include "syntax/go_syntax.h"

namespace lisbind::cli {
namespace fs = std::filesystem;

namespace {

struct SymbolRef {
  std::string package, symbol, version;
};

// The package path ends at the first '.' after its last '/': net/http.Client.Do, os.NewFile,
// k8s.io/api/core/v1.PodSpec.SecurityContext.
SymbolRef parse_symbol(std::string text) {
  SymbolRef r;
  if (auto at = text.rfind('@'); at != std::string::npos) {
    r.version = text.substr(at + 1);
    text = text.substr(0, at);
  }
  size_t slash = text.rfind('/');
  size_t dot = text.find('.', slash == std::string::npos ? 0 : slash);
  if (dot == std::string::npos || dot + 1 >= text.size()) {
    throw UserError(
        "'" + text +
        "' names no symbol; write PACKAGE.Name or PACKAGE.Type.Member, e.g. net/http.Client.Do");
  }
  r.package = text.substr(0, dot);
  r.symbol = text.substr(dot + 1);
  return r;
}

// The Go side of the symbol, for display.
std::string go_text(const model::Package& p, const std::string& symbol) {
  auto dot = symbol.find('.');
  const model::Decl* d = p.find_decl(symbol.substr(0, dot));
  if (!d) return "(not found in " + p.path + ")";
  if (dot == std::string::npos) {
    switch (d->kind) {
      case model::DeclKind::Func:
        return emit::go_func_text("", d->name, d->sig) + "  // " + d->pos;
      case model::DeclKind::Type:
        return "type " + d->name + "  // " + d->pos;
      default:
        return (d->kind == model::DeclKind::Const ? "const " : "var ") + d->name + " " +
               (d->type ? emit::go_type_text(*d->type) : "") + "  // " + d->pos;
    }
  }
  std::string member = symbol.substr(dot + 1);
  for (const auto& m : d->methods) {
    if (m.name == member)
      return emit::go_func_text(std::string(m.pointer_receiver ? "*" : "") + d->name, m.name,
                                m.sig) +
             "  // " + m.pos;
  }
  if (d->underlying) {
    for (const auto& f : d->underlying->fields) {
      if (f.name == member) return d->name + "." + f.name + " " + emit::go_type_text(*f.type);
    }
  }
  return "(no member " + member + " of " + d->name + ")";
}

}  // namespace

CommandAction setup_explain(CLI::App& sub) {
  struct Options {
    std::string symbol;
    std::string overrides;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("symbol", o->symbol,
                 "PACKAGE.Name or PACKAGE.Type.Member[@VERSION], e.g. net/http.Client.Do, "
                 "k8s.io/api/core/v1.PodSpec.SecurityContext@v0.37.2")
      ->required();
  sub.add_option("--overrides", o->overrides,
                 "An overrides file (default: lisbind-overrides.toml of the Lisette project around "
                 "the current directory)");
  return [o]() {
    SymbolRef ref = parse_symbol(o->symbol);
    emit::Overrides overrides;
    fs::path file = o->overrides;
    if (file.empty()) {
      if (auto project = find_lisette_project(fs::current_path()))
        file = *project / "lisbind-overrides.toml";
    }
    if (!file.empty() && fs::exists(file)) overrides = emit::Overrides::load(file);

    SystemProcessRunner runner;
    std::string spec = ref.package + (ref.version.empty() ? "" : "@" + ref.version);
    model::ApiModel api = load_api_model(
        runner, {.specs = {spec}, .extract = {.progress = false, .tags = {}, .facts = true}});
    const model::Package* p = api.find_package(ref.package);
    if (!p) throw UserError("package " + ref.package + " did not load");
    const emit::ImplementsIndex implements(api);
    emit::MappedPackage mapped = emit::map_package(
        api, *p, {.lisbind_version = kLisbindVersion, .lis_version = kPinnedLisVersion},
        {.overrides = overrides.empty() ? nullptr : &overrides,
         .record_decisions = true,
         .implements = &implements});

    std::cout << ref.package << "." << ref.symbol
              << (p->module ? "  (" + p->module->path + "@" + p->module->version + ")" : "")
              << "\n";
    std::cout << "  Go:       " << go_text(*p, ref.symbol) << "\n";
    auto it = mapped.bindings.find(ref.symbol);
    for (const auto& e : mapped.ledger) {
      if (e.symbol != ref.symbol) continue;
      std::cout << "  ledger:   " << emit::status_name(e.status) << " (" << e.code << ")"
                << (e.message.empty() ? "" : ": " + e.message) << "\n";
    }
    if (it == mapped.bindings.end()) {
      std::cout << "  (no per-slot decisions recorded for this kind of symbol)\n";
      return 0;
    }
    std::string lisette = it->second.lisette;
    while (!lisette.empty() && lisette.back() == '\n') lisette.pop_back();
    std::cout << "  Lisette:  " << lisette << "\n";
    for (const auto& d : emit::decision_lines(it->second)) std::cout << "  " << d << "\n";
    return 0;
  };
}

}  // namespace lisbind::cli
