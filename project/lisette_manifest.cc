#include "project/lisette_manifest.h"

#include <toml++/toml.h>

#include <regex>
#include <sstream>

#include "base/errors.h"
#include "base/file_util.h"
#include "base/toml_reading.h"

namespace lisbind {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// A table header line: `[name]` with optional spaces and a trailing comment.
std::optional<std::string> header_of(const std::string& line) {
  static const std::regex header(R"(^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$)");
  std::smatch m;
  if (!std::regex_match(line, m, header)) return std::nullopt;
  std::string name = m[1];
  name.erase(std::remove(name.begin(), name.end(), ' '), name.end());
  return name;
}

// The key of a `key = value` line, unquoted; nothing for other lines.
std::optional<std::string> key_of(const std::string& line) {
  static const std::regex quoted(R"re(^\s*"((?:[^"\\]|\\.)*)"\s*=)re");
  static const std::regex bare(R"(^\s*([A-Za-z0-9_.\-/]+)\s*=)");
  std::smatch m;
  if (std::regex_search(line, m, quoted) || std::regex_search(line, m, bare)) return m[1].str();
  return std::nullopt;
}

// `  # note` at the end of a line, with the spaces before it; quotes are skipped over.
std::string trailing_comment(const std::string& line) {
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && in_string) {
      ++i;
    } else if (line[i] == '"') {
      in_string = !in_string;
    } else if (line[i] == '#' && !in_string) {
      size_t start = i;
      while (start > 0 && (line[start - 1] == ' ' || line[start - 1] == '\t')) --start;
      return line.substr(start);
    }
  }
  return {};
}

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string dependency_line(const GoDependency& dep) {
  std::string key = toml_string(dep.module);
  if (dep.via.empty() && dep.replacement.empty() && dep.path.empty())
    return key + " = " + toml_string(dep.version);
  std::string value = "{ ";
  if (!dep.path.empty()) {
    value += "path = " + toml_string(dep.path);
  } else if (!dep.replacement.empty()) {
    value += "replacement = " + toml_string(dep.replacement);
  } else {
    value += "version = " + toml_string(dep.version);
  }
  if (!dep.via.empty()) {
    value += ", via = [";
    for (size_t i = 0; i < dep.via.size(); ++i) value += (i ? ", " : "") + toml_string(dep.via[i]);
    value += "]";
  }
  return key + " = " + value + " }";
}

LisetteManifest LisetteManifest::parse(std::string text, const std::string& origin) {
  LisetteManifest m;
  m.text_ = std::move(text);
  m.origin_ = origin;
  m.reparse();
  return m;
}

LisetteManifest LisetteManifest::load(const fs::path& file) {
  return parse(read_file(file), file.string());
}

void LisetteManifest::reparse() {
  toml::table table = parse_toml(text_, origin_);
  auto name = table["project"]["name"].value<std::string>();
  if (!name) throw UserError(origin_ + " has no [project] name; is this a Lisette project?");
  project_name_ = *name;
  deps_.clear();
  if (table.contains("dependencies") && !table["dependencies"].is_table()) {
    throw UserError(origin_ + ": [dependencies] must be a table");
  }
  if (table["dependencies"].as_table() && table["dependencies"].as_table()->contains("go") &&
      !table["dependencies"]["go"].is_table()) {
    throw UserError(origin_ + ": [dependencies.go] must be a table of modules");
  }
  if (auto* go = table["dependencies"]["go"].as_table()) {
    for (const auto& [key, value] : *go) {
      GoDependency dep;
      dep.module = std::string(key.str());
      if (auto v = value.value<std::string>()) {
        dep.version = *v;
      } else if (!value.is_table()) {
        throw UserError(origin_ + ": [dependencies.go] \"" + dep.module +
                        "\" must be a version string or an inline table");
      } else if (auto* t = value.as_table()) {
        dep.version = (*t)["version"].value_or(std::string{});
        dep.replacement = (*t)["replacement"].value_or(std::string{});
        dep.path = (*t)["path"].value_or(std::string{});
        if (auto* via = (*t)["via"].as_array()) {
          for (const auto& v : *via) {
            if (auto s = v.value<std::string>()) dep.via.push_back(*s);
          }
        }
      }
      deps_[dep.module] = std::move(dep);
    }
  }
}

void LisetteManifest::set_go_dependency(const GoDependency& dep) {
  std::vector<std::string> lines = split_lines(text_);
  std::optional<size_t> table_start, last_entry, existing;
  std::string current;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (auto h = header_of(lines[i])) {
      current = *h;
      if (current == "dependencies.go") table_start = i;
      if (current == "dependencies.go.\"" + dep.module + "\"" ||
          current == "dependencies.go." + dep.module) {
        throw UserError(origin_ + " declares " + dep.module +
                        " as a [dependencies.go.\"...\"] table; write it as "
                        "one line (" +
                        dependency_line(dep) + ") so lisbind can update it");
      }
      continue;
    }
    if (current != "dependencies.go") continue;
    if (auto key = key_of(lines[i])) {
      last_entry = i;
      if (*key == dep.module) existing = i;
    }
  }
  std::string line = dependency_line(dep);
  if (existing) {
    // Keep a trailing comment the user wrote on that line.
    line += trailing_comment(lines[*existing]);
    lines[*existing] = line;
  } else if (table_start) {
    lines.insert(lines.begin() + static_cast<long>((last_entry ? *last_entry : *table_start) + 1),
                 line);
  } else {
    if (!lines.empty() && !trim(lines.back()).empty()) lines.push_back("");
    lines.push_back("[dependencies.go]");
    lines.push_back(line);
  }
  std::string previous = text_;
  text_ = join_lines(lines);
  try {
    reparse();
  } catch (const UserError&) {
    text_ = previous;
    reparse();
    throw UserError("editing " + origin_ + " for " + dep.module +
                    " would make it invalid; left it unchanged");
  }
}

bool LisetteManifest::remove_go_dependency(const std::string& module) {
  std::vector<std::string> lines = split_lines(text_);
  std::string current;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (auto h = header_of(lines[i])) {
      current = *h;
      continue;
    }
    if (current == "dependencies.go" && key_of(lines[i]) == module) {
      lines.erase(lines.begin() + static_cast<long>(i));
      text_ = join_lines(lines);
      reparse();
      return true;
    }
  }
  return false;
}

std::optional<fs::path> find_lisette_project(const fs::path& start) {
  fs::path dir = fs::absolute(start);
  while (true) {
    if (fs::exists(dir / "lisette.toml")) return dir;
    if (dir == dir.parent_path()) return std::nullopt;
    dir = dir.parent_path();
  }
}

}  // namespace lisbind
