// Prints a lis::File as `.d.lis` text in the layout of the typedefs `lis` ships: header comments,
// sorted imports, then (each block sorted by name, one blank line between items) named types that
// have typed constants, each followed by its constants; functions; the other types; the remaining
// constants; variables; notes on skipped items; impl blocks. A signature longer than 80 columns
// puts one parameter per line. The same File always prints the same bytes.
#pragma once

#include <string>

#include "syntax/lisette_model.h"

namespace lisbind::lis {

inline constexpr size_t kMaxLineWidth = 80;

std::string print_file(const File& file);

// Exposed for tests and for `lisbind explain`: one declaration as it appears in a file.
std::string print_function(const Function& function, const std::string& indent, bool is_pub);
std::string print_type_decl(const TypeDecl& type);
// `self`, `self: Ref<Pod>`, `self: mut Ref<Pod>`.
std::string receiver_text(const Receiver& receiver);

}  // namespace lisbind::lis
