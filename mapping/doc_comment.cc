#include "mapping/doc_comment.h"

#include <sstream>

namespace lisbind::emit {

std::vector<std::string> doc_lines(const std::string& doc) {
  std::vector<std::string> lines;
  std::istringstream in(doc);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.pop_back();
    lines.push_back(line);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

bool says_minus_one_means_absent(const std::string& doc) {
  if (doc.find("-1") == std::string::npos || doc.find("+1") != std::string::npos) return false;
  for (const char* absent :
       {"not present", "not found", "or -1 if none", "-1 if none", "no such", "is not in",
        "are not in", "absent", "-1 if there is no", "does not contain"}) {
    if (doc.find(absent) != std::string::npos) return true;
  }
  return false;
}

}  // namespace lisbind::emit
