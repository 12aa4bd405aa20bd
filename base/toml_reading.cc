#include "base/toml_reading.h"

#include <sstream>

#include "base/errors.h"

namespace lisbind {

toml::table parse_toml(const std::string& text, const std::string& origin) {
  try {
    return toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    std::ostringstream where;
    where << e.source().begin;
    throw UserError(origin + " is not valid TOML (" + std::string(e.description()) + " at " +
                    where.str() + ")");
  }
}

}  // namespace lisbind
