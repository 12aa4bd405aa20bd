// What lisbind reads from a Go doc comment: the lines it copies into the typedef, and the one
// result convention Go states only in prose (an int result of -1 meaning "not found").
#pragma once

#include <string>
#include <vector>

namespace lisbind::emit {

// `///` lines from a Go doc comment, without trailing blanks or trailing empty lines.
std::vector<std::string> doc_lines(const std::string& doc);

// strings.Index: "returns -1 if substr is not present". Comparison functions also mention -1
// ("-1 if x < y") but pair it with +1, so they do not count.
bool says_minus_one_means_absent(const std::string& doc);

}  // namespace lisbind::emit
