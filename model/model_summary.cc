#include "model/model_summary.h"

#include <fmt/format.h>

#include <algorithm>

namespace lisbind::model {

DeclCounts& DeclCounts::operator+=(const DeclCounts& o) {
  consts += o.consts;
  vars += o.vars;
  funcs += o.funcs;
  types += o.types;
  methods += o.methods;
  unexported_types += o.unexported_types;
  return *this;
}

DeclCounts count_decls(const Package& package) {
  DeclCounts c;
  for (const auto& d : package.decls) {
    switch (d.kind) {
      case DeclKind::Const:
        ++c.consts;
        break;
      case DeclKind::Var:
        ++c.vars;
        break;
      case DeclKind::Func:
        ++c.funcs;
        break;
      case DeclKind::Type:
        ++(d.exported ? c.types : c.unexported_types);
        c.methods += static_cast<int>(d.methods.size());
        break;
    }
  }
  return c;
}

std::string format_summary(const ApiModel& model) {
  size_t width = 7;
  int roots = 0;
  for (const auto& p : model.packages) {
    width = std::max(width, p.path.size());
    roots += p.root ? 1 : 0;
  }
  std::string out =
      fmt::format("{} packages ({} requested, {} reached through exported signatures), {} {}/{}\n",
                  model.packages.size(), roots, model.packages.size() - roots, model.go_version,
                  model.build.goos, model.build.goarch);
  out += fmt::format("{:<{}}  {:>6} {:>6} {:>6} {:>6} {:>7} {:>6}  {}\n", "PACKAGE", width,
                     "consts", "vars", "funcs", "types", "methods", "unexp", "module");
  DeclCounts total;
  for (const auto& p : model.packages) {
    DeclCounts c = count_decls(p);
    total += c;
    std::string origin = p.std ? "std" : p.module ? p.module->path + "@" + p.module->version : "?";
    if (!p.root) origin += " (closure)";
    out += fmt::format("{:<{}}  {:>6} {:>6} {:>6} {:>6} {:>7} {:>6}  {}\n", p.path, width, c.consts,
                       c.vars, c.funcs, c.types, c.methods, c.unexported_types, origin);
  }
  out += fmt::format("{:<{}}  {:>6} {:>6} {:>6} {:>6} {:>7} {:>6}\n", "total", width, total.consts,
                     total.vars, total.funcs, total.types, total.methods, total.unexported_types);
  out += fmt::format("load errors: {}\n", model.errors.size());
  for (const auto& e : model.errors) out += fmt::format("  {}: {}\n", e.package, e.message);
  return out;
}

}  // namespace lisbind::model
