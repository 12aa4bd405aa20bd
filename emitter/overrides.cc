#include "emitter/overrides.h"

#include "importer/errors.h"
#include "importer/file_util.h"
#include "importer/toml_reading.h"

namespace lisbind::emit {

Overrides Overrides::load(const std::filesystem::path& file) { return parse(read_file(file), file.string()); }

Overrides Overrides::parse(const std::string& text, const std::string& origin) {
  toml::table table = parse_toml(text, origin);
  Overrides out;
  for (const auto& [package, symbols] : table) {
    const auto* per_package = symbols.as_table();
    if (!per_package) throw UserError(origin + ": [" + std::string(package.str()) + "] must be a table of symbols");
    for (const auto& [symbol, value] : *per_package) {
      std::string where = origin + ": " + std::string(package.str()) + "." + std::string(symbol.str());
      const auto* t = value.as_table();
      if (!t) throw UserError(where + " must be an inline table, e.g. { result = \"non-nil\" }");
      Override o;
      for (const auto& [key, v] : *t) {
        std::string k(key.str());
        if (k == "result") {
          o.result = v.value_or(std::string{});
          if (o.result != "nilable" && o.result != "non-nil") throw UserError(where + ": result is \"nilable\" or \"non-nil\"");
        } else if (k == "partial" || k == "flag_bool" || k == "direct_error" || k == "skip") {
          auto b = v.value<bool>();
          if (!b) throw UserError(where + ": " + k + " takes true or false");
          (k == "partial" ? o.partial : k == "flag_bool" ? o.flag_bool : k == "direct_error" ? o.direct_error : o.skip) = *b;
        } else if (k == "rename") {
          o.rename = v.value_or(std::string{});
        } else if (k == "mutates") {
          const auto* names = v.as_array();
          if (!names) throw UserError(where + ": mutates takes a list of parameter names");
          for (const auto& n : *names) o.mutates.push_back(n.value_or(std::string{}));
        } else {
          throw UserError(where + ": unknown key '" + k +
                          "' (known: result, partial, flag_bool, direct_error, skip, rename, mutates)");
        }
      }
      out.entries_[{std::string(package.str()), std::string(symbol.str())}] = o;
    }
  }
  return out;
}

const Override* Overrides::find(const std::string& package, const std::string& symbol) const {
  auto it = entries_.find({package, symbol});
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace lisbind::emit
