#include "verify/error_trace.h"

#include <regex>
#include <sstream>

namespace lisbind::verify {

std::vector<Diagnostic> parse_lis_diagnostics(const std::string& output) {
  static const std::regex kLine(R"(^(\S+\.lis):(\d+):(\d+): error: (.*?)(?: \[([a-z_.]+)\])?\s*$)");
  std::vector<Diagnostic> out;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, kLine)) continue;
    out.push_back({m[1], std::stoi(m[2]), std::stoi(m[3]), m[4], m[5]});
  }
  return out;
}

std::vector<Diagnostic> parse_go_errors(const std::string& output) {
  static const std::regex kLine(R"(^\s*(?:\./|target/)?([^\s:]+\.go):(\d+):(\d+): (.*)$)");
  std::vector<Diagnostic> out;
  std::istringstream in(output);
  std::string line;
  bool continuing = false;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, kLine)) {
      out.push_back({.file = m[1],
                     .line = std::stoi(m[2]),
                     .column = std::stoi(m[3]),
                     .message = m[4],
                     .code = ""});
      continuing = true;
    } else if (continuing && line.starts_with("\t")) {
      out.back().message += "\n" + line.substr(1);
    } else {
      continuing = false;
    }
  }
  return out;
}

int probe_at_line(const std::vector<std::pair<int, int>>& spans, const std::vector<int>& ids,
                  int line) {
  for (size_t i = 0; i < spans.size() && i < ids.size(); ++i) {
    if (line >= spans[i].first && line <= spans[i].second) return ids[i];
  }
  return -1;
}

int probe_in_go_source(const std::string& go_source, int line) {
  // lis's adapter for a Lisette implementation is `_lisAdapter_Impl_17_Iface_3`.
  static const std::regex kName(
      R"((?:\b|_lisAdapter_)(?:probe|Probe|take|Take|impl|Impl)_?(\d+)(?:\b|_))");
  std::istringstream in(go_source);
  std::string text;
  int n = 0, found = -1;
  while (std::getline(in, text) && ++n <= line) {
    // A top-level declaration starts at column 0; its header names the probe.
    if (text.starts_with("func ") || text.starts_with("type ")) {
      std::smatch m;
      found = std::regex_search(text, m, kName) ? std::stoi(m[1]) : -1;
    }
  }
  return found;
}

std::string file_stem(const std::string& file) {
  auto slash = file.find_last_of('/');
  std::string base = slash == std::string::npos ? file : file.substr(slash + 1);
  auto dot = base.find('.');
  return dot == std::string::npos ? base : base.substr(0, dot);
}

}  // namespace lisbind::verify
