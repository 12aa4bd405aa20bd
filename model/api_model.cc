#include "model/api_model.h"

#include <algorithm>

namespace lisbind::model {

const char* decl_kind_name(DeclKind kind) {
  switch (kind) {
    case DeclKind::Const:
      return "const";
    case DeclKind::Var:
      return "var";
    case DeclKind::Func:
      return "func";
    case DeclKind::Type:
      return "type";
  }
  return "const";
}

const char* fact_name(NilFact f) {
  switch (f) {
    case NilFact::Unstated:
      return "";
    case NilFact::Unknown:
      return "unknown";
    case NilFact::Never:
      return "never";
    case NilFact::May:
      return "may";
  }
  return "";
}

const char* fact_name(WriteFact f) {
  switch (f) {
    case WriteFact::Unstated:
      return "";
    case WriteFact::Unknown:
      return "unknown";
    case WriteFact::No:
      return "no";
    case WriteFact::Yes:
      return "yes";
  }
  return "";
}

const char* fact_name(NilArgFact f) {
  switch (f) {
    case NilArgFact::Unstated:
      return "";
    case NilArgFact::Unknown:
      return "unknown";
    case NilArgFact::Accepted:
      return "accepted";
    case NilArgFact::Rejected:
      return "rejected";
  }
  return "";
}

const Decl* Package::find_decl(std::string_view decl_name) const {
  auto it =
      std::find_if(decls.begin(), decls.end(), [&](const Decl& d) { return d.name == decl_name; });
  return it == decls.end() ? nullptr : &*it;
}

const Package* ApiModel::find_package(std::string_view path) const {
  // Packages arrive sorted by path, which keeps lookups logarithmic on closures of hundreds.
  auto it = std::lower_bound(packages.begin(), packages.end(), path,
                             [](const Package& p, std::string_view key) { return p.path < key; });
  return it != packages.end() && it->path == path ? &*it : nullptr;
}

}  // namespace lisbind::model
