// Parsing TOML the way every lisbind file reader reports it: one line naming the file, the
// problem and its line:column.
#pragma once

#include <toml++/toml.h>

#include <string>

namespace lisbind {

// Throws UserError("<origin> is not valid TOML (<problem> at line L, column C)").
toml::table parse_toml(const std::string& text, const std::string& origin);

}  // namespace lisbind
