#include "mapping/overrides.h"

#include <algorithm>
#include <regex>
#include <set>

#include "base/errors.h"
#include "base/file_util.h"
#include "base/toml_reading.h"
#include "model/api_model.h"
#include "syntax/names.h"

namespace lisbind::emit {

Overrides Overrides::load(const std::filesystem::path& file) {
  return parse(read_file(file), file.string());
}

Overrides Overrides::parse(const std::string& text, const std::string& origin) {
  toml::table table = parse_toml(text, origin);
  Overrides out;
  for (const auto& [package, symbols] : table) {
    const auto* per_package = symbols.as_table();
    if (!per_package)
      throw UserError(origin + ": [" + std::string(package.str()) + "] must be a table of symbols");
    for (const auto& [symbol, value] : *per_package) {
      std::string where =
          origin + ": " + std::string(package.str()) + "." + std::string(symbol.str());
      const auto* t = value.as_table();
      if (!t) throw UserError(where + " must be an inline table, e.g. { result = \"non-nil\" }");
      Override o;
      for (const auto& [key, v] : *t) {
        std::string k(key.str());
        auto text = [&]() {
          auto str = v.value<std::string>();
          if (!str) throw UserError(where + ": " + k + " takes a string");
          return *str;
        };
        if (k == "result") {
          o.result = text();
          if (o.result != "nilable" && o.result != "non-nil")
            throw UserError(where + ": result is \"nilable\" or \"non-nil\"");
        } else if (k == "partial" || k == "flag_bool" || k == "direct_error" || k == "skip") {
          auto b = v.value<bool>();
          if (!b) throw UserError(where + ": " + k + " takes true or false");
          (k == "partial"        ? o.partial
           : k == "flag_bool"    ? o.flag_bool
           : k == "direct_error" ? o.direct_error
                                 : o.skip) = *b;
        } else if (k == "rename") {
          o.rename = text();
          static const std::regex identifier("[A-Za-z_][A-Za-z0-9_]*");
          if (!std::regex_match(o.rename, identifier) || names::is_lisette_keyword(o.rename)) {
            throw UserError(where + ": rename \"" + o.rename +
                            "\" is not a Lisette identifier (letters, digits and _, "
                            "not starting with a digit, not a keyword)");
          }
        } else if (k == "mutates") {
          const auto* names = v.as_array();
          if (!names) throw UserError(where + ": mutates takes a list of parameter names");
          for (const auto& n : *names) {
            auto name = n.value<std::string>();
            if (!name || name->empty())
              throw UserError(where + ": mutates takes a list of parameter names");
            o.mutates.push_back(*name);
          }
        } else {
          throw UserError(
              where + ": unknown key '" + k +
              "' (known: result, partial, flag_bool, direct_error, skip, rename, mutates)");
        }
      }
      out.entries_[{std::string(package.str()), std::string(symbol.str())}] = o;
    }
  }
  return out;
}

std::vector<std::string> Overrides::check_against(const model::ApiModel& api) const {
  std::vector<std::string> problems;
  std::map<std::string, std::set<std::string>> renamed_to;  // scope -> names renames produce
  for (const auto& [key, o] : entries_) {
    const auto& [package, symbol] = key;
    const model::Package* p = api.find_package(package);
    if (!p) continue;
    const std::string where = package + "." + symbol;
    auto dot = symbol.find('.');
    const model::Signature* sig = nullptr;
    std::set<std::string> taken;  // the other names in the symbol's scope
    if (dot == std::string::npos) {
      const model::Decl* d = p->find_decl(symbol);
      if (!d) {
        problems.push_back(where + ": package " + package + " declares no " + symbol);
        continue;
      }
      if (d->kind == model::DeclKind::Func) sig = &d->sig;
      for (const auto& other : p->decls) taken.insert(other.name);
    } else {
      const model::Decl* t = p->find_decl(symbol.substr(0, dot));
      const std::string method = symbol.substr(dot + 1);
      const model::Method* m = nullptr;
      if (t) {
        for (const auto& candidate : t->methods) {
          taken.insert(candidate.name);
          if (candidate.name == method) m = &candidate;
        }
        for (const auto& promoted : t->promoted) taken.insert(promoted.name);
      }
      if (!m) {
        problems.push_back(where + ": package " + package + " declares no method " + symbol);
        continue;
      }
      sig = &m->sig;
    }
    if (!o.rename.empty()) {
      std::string scope =
          dot == std::string::npos ? package : package + "." + symbol.substr(0, dot);
      std::string own = dot == std::string::npos ? symbol : symbol.substr(dot + 1);
      if (o.rename != own && taken.contains(o.rename)) {
        problems.push_back(where + ": rename \"" + o.rename + "\" collides with the existing " +
                           scope + "." + o.rename);
      } else if (!renamed_to[scope].insert(o.rename).second) {
        problems.push_back(where + ": rename \"" + o.rename +
                           "\" is also given to another symbol of " + scope);
      }
    }
    for (const auto& name : o.mutates) {
      bool found = sig && std::any_of(sig->params.begin(), sig->params.end(),
                                      [&](const model::Param& q) { return q.name == name; });
      if (!found)
        problems.push_back(where + ": mutates names \"" + name +
                           "\", which is not a parameter of it");
    }
  }
  return problems;
}

const Override* Overrides::find(const std::string& package, const std::string& symbol) const {
  auto it = entries_.find({package, symbol});
  return it == entries_.end() ? nullptr : &it->second;
}

model::Facts apply_override(const model::Facts& facts, const model::Signature& sig,
                            const Override* override) {
  model::Facts f = facts;
  if (!override) return f;
  const std::string place = "the overrides file";
  f.present = true;
  if (!override->result.empty()) {
    if (f.results.size() < sig.results.size()) f.results.resize(sig.results.size());
    if (!f.results.empty()) {
      model::NilFact v =
          override->result == "non-nil" ? model::NilFact::Never : model::NilFact::May;
      f.results[0] = {
          .nil = v, .at = place, .nil_with_nil_error = v, .nil_with_nil_error_at = place};
    }
  }
  if (f.params.size() < sig.params.size()) f.params.resize(sig.params.size());
  for (size_t i = 0; i < sig.params.size(); ++i) {
    const auto& mutates = override->mutates;
    if (std::find(mutates.begin(), mutates.end(), sig.params[i].name) != mutates.end()) {
      f.params[i].writes = model::WriteFact::Yes;
      f.params[i].writes_at = place;
    }
  }
  return f;
}

}  // namespace lisbind::emit
