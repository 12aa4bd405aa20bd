#include "syntax/names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

namespace lisbind::names {
namespace {

// Lisette's reserved words and literals (lis 0.12.5 lexer, docs/lis-facts.md §1.9); a Go
// identifier equal to one cannot name a parameter, type or import.
constexpr std::array<std::string_view, 31> kKeywords = {
    "as",     "assert", "break", "const", "continue", "defer",   "else",   "enum",
    "false",  "fn",     "for",   "if",    "impl",     "import",  "in",     "interface",
    "let",    "loop",   "match", "mut",   "pub",      "recover", "return", "select",
    "struct", "task",   "true",  "try",   "type",     "var",     "while"};

std::vector<std::string> path_elements(std::string_view path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    parts.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

bool is_major_version_suffix(const std::string& element) {
  if (element.size() < 2 || element[0] != 'v') return false;
  if (!std::all_of(element.begin() + 1, element.end(),
                   [](unsigned char c) { return std::isdigit(c); }))
    return false;
  return std::stoi(element.substr(1)) >= 2;
}

std::string identifier_from(std::string_view text) {
  std::string id;
  for (unsigned char c : text) id += std::isalnum(c) || c == '_' ? static_cast<char>(c) : '_';
  if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0]))) id = "_" + id;
  return id;
}

}  // namespace

bool is_lisette_keyword(std::string_view name) {
  return std::find(kKeywords.begin(), kKeywords.end(), name) != kKeywords.end();
}

std::string parameter_name(std::string_view go_name, size_t index) {
  if (go_name.empty() || go_name == "_") return "arg" + std::to_string(index);
  std::string name(go_name);
  // Lisette bindings may not start with an upper-case letter: URL -> url, ID -> id, T -> t, but
  // HTTPClient -> httpClient (the last capital of a run starts the next word).
  size_t run = 0;
  while (run < name.size() && std::isupper(static_cast<unsigned char>(name[run]))) ++run;
  size_t lower = run == name.size() || run <= 1 ? run : run - 1;
  for (size_t i = 0; i < lower; ++i)
    name[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
  if (is_lisette_keyword(name)) name += "_";
  return name;
}

std::string default_binding_name(std::string_view import_path) {
  auto parts = path_elements(import_path);
  std::string last = parts.back();
  if (parts.size() >= 2 && is_major_version_suffix(last)) last = parts[parts.size() - 2];
  return last;
}

ImportNamer::ImportNamer(std::set<std::string> reserved, PackageNameLookup package_name)
    : taken_(std::move(reserved)), package_name_(std::move(package_name)) {}

std::string ImportNamer::natural_binding(const std::string& path) const {
  // Every typedef lisbind writes carries `// Package:` when the Go name differs from lis's
  // default, so an unaliased import always binds the Go package name.
  std::string name = package_name_ ? package_name_(path) : std::string{};
  return name.empty() ? identifier_from(default_binding_name(path)) : name;
}

void ImportNamer::add(const std::string& path) {
  if (binding_.contains(path)) return;
  std::string candidate = natural_binding(path);
  auto parts = path_elements(path);
  // Grow the name leftwards one path element at a time: v1 -> corev1 -> apicorev1.
  for (size_t used = 1;
       (taken_.contains(candidate) || is_lisette_keyword(candidate)) && used < parts.size();
       ++used) {
    std::string joined;
    for (size_t i = parts.size() - 1 - used; i < parts.size(); ++i) joined += parts[i];
    candidate = identifier_from(joined);
  }
  for (int n = 2; taken_.contains(candidate) || is_lisette_keyword(candidate); ++n) {
    candidate = identifier_from(natural_binding(path) + std::to_string(n));
  }
  taken_.insert(candidate);
  binding_[path] = candidate;
}

const std::string& ImportNamer::binding(const std::string& path) const {
  auto it = binding_.find(path);
  if (it == binding_.end()) throw std::logic_error("import not registered: " + path);
  return it->second;
}

std::string ImportNamer::alias(const std::string& path) const {
  const std::string& b = binding(path);
  return b == natural_binding(path) ? std::string{} : b;
}

}  // namespace lisbind::names
