// A lis::File from the JSON that tools/dlis-parse prints for one `.d.lis` file (lis's own parser
// read the text), so that code written against lisbind's typed model (verify's probes) can read
// any typedef, lis's embedded standard library ones included. Pure: the JSON is given; nothing is
// run or read here.
//
// Only what lis::File can hold exactly is converted. A declaration that does not fit (an enum, a
// type lis::Type has no form for, a static method) is left out of the File and listed in `unread`
// with the reason, so that callers report it instead of losing it.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "syntax/lisette_model.h"

namespace lisbind::lis {

struct UnreadDecl {
  std::string name;  // `Name`, `Type.Method` or `Type.Field`, as the ledger keys symbols
  std::string reason;
};

// An attribute lis::Attribute has no kind for (`#[go(zero_safe)]`): dropped from the declaration.
// None of them changes the types a use of the declaration is written with; they are listed so a
// printed declaration can be known to be incomplete.
struct DroppedAttribute {
  std::string name;  // as in UnreadDecl
  std::string attribute;
};

struct DlisReadResult {
  File file;
  std::string package_name;  // `// Package:` of the header; empty when absent
  std::vector<UnreadDecl> unread;
  std::vector<DroppedAttribute> dropped_attributes;
};

// `file_json`: one element of dlis-parse's `files` array. `own_binding`: the name the package
// binds as (`types` for go/types), which lis's bindgen writes before the file's own type names
// where a built-in has the same name (`types.Array`); they are read as the bare names. Throws
// UserError when the JSON is not in dlis-parse's form, or when it records parse errors.
DlisReadResult read_dlis_json(const nlohmann::json& file_json, const std::string& own_binding = "");

}  // namespace lisbind::lis
