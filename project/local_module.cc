#include "project/local_module.h"

#include <sstream>

#include "base/errors.h"
#include "base/file_util.h"
#include "gotool/package_spec.h"

namespace lisbind::emit {
namespace fs = std::filesystem;

const char* const kLocalModuleSupport =
    "lisbind import PATH binds one Go module on disk per path (its packages may import each other "
    "and "
    "published modules), without replace directives";

std::string strip_go_mod_comment(std::string line) {
  if (auto c = line.find("//"); c != std::string::npos) line.resize(c);
  auto first = line.find_first_not_of(" \t\r");
  auto last = line.find_last_not_of(" \t\r");
  return first == std::string::npos ? std::string{} : line.substr(first, last - first + 1);
}

GoModFile read_go_mod(const fs::path& go_mod) {
  std::istringstream lines(read_file(go_mod));
  std::string line;
  GoModFile file;
  while (std::getline(lines, line)) {
    line = strip_go_mod_comment(line);
    if (line.starts_with("replace ") || line.starts_with("replace\t") ||
        line.starts_with("replace("))
      file.has_replace = true;
    if (file.module.empty() && (line.starts_with("module ") || line.starts_with("module\t"))) {
      file.module = strip_go_mod_comment(line.substr(7));
      if (file.module.size() >= 2 && (file.module.front() == '"' || file.module.front() == '`'))
        file.module = file.module.substr(1, file.module.size() - 2);
    }
  }
  if (file.module.empty())
    throw UserError(go_mod.string() + " has no module line; is it a Go module?");
  return file;
}

bool names_local_directory(const std::string& arg) {
  PackageSpec spec = parse_package_spec(arg);
  if (spec.origin == SpecOrigin::Local) return true;
  std::error_code ec;
  std::string dir = arg.ends_with("/...") ? arg.substr(0, arg.size() - 4) : arg;
  return spec.origin == SpecOrigin::Stdlib && fs::is_directory(dir, ec);
}

LocalModule resolve_local_module(const std::string& arg, const fs::path& project) {
  std::string text = arg;
  bool recursive = false;
  if (text == "..." || text.ends_with("/...")) {
    recursive = true;
    text = text.size() > 3 ? text.substr(0, text.size() - 4) : ".";
    if (text.empty()) text = "/";
  }
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(text), ec);
  if (ec || !fs::is_directory(dir))
    throw UserError("'" + arg +
                    "' is not a directory; `lisbind import PATH` takes a directory of a Go module "
                    "(or DIR/...)");
  fs::path root;
  for (fs::path d = dir;; d = d.parent_path()) {
    if (fs::is_regular_file(d / "go.mod")) {
      root = d;
      break;
    }
    if (d == d.parent_path()) break;
  }
  if (root.empty())
    throw UserError("no go.mod in " + dir.string() +
                    " or above: `lisbind import PATH` binds packages of a Go module on disk");
  const GoModFile go_mod = read_go_mod(root / "go.mod");
  if (go_mod.has_replace) {
    throw UserError((root / "go.mod").string() +
                    " has replace directives, which Go ignores when lis builds the module as a "
                    "dependency of the project; " +
                    kLocalModuleSupport);
  }
  LocalModule m;
  m.root = root;
  m.module = go_mod.module;
  if (m.module.substr(0, m.module.find('/')).find('.') == std::string::npos) {
    throw UserError(
        "the module path " + m.module + " of " + root.string() +
        " has no dot in its first element; lis reads "
        "such paths as the standard library, so a local module needs a path like example.com/" +
        m.module);
  }
  fs::path canonical_project = fs::weakly_canonical(project, ec);
  fs::path relative = fs::relative(root, canonical_project, ec);
  m.dir = ec || relative.empty() ? root.generic_string() : relative.generic_string();
  std::string rel = fs::relative(dir, root, ec).generic_string();
  std::string pattern = rel == "." || rel.empty() ? m.module : m.module + "/" + rel;
  m.patterns.insert(recursive ? pattern + "/..." : pattern);
  return m;
}

LocalModule local_module_from_lock(const BindRequest& request, const fs::path& project) {
  LocalModule m;
  m.root = fs::weakly_canonical(project / request.local);
  m.module = request.module;
  m.dir = request.local;
  m.patterns.insert(request.pattern);
  GoModFile go_mod;
  if (fs::is_regular_file(m.root / "go.mod")) go_mod = read_go_mod(m.root / "go.mod");
  if (go_mod.module != request.module) {
    throw UserError("the local module " + request.module + " is no longer in " + m.root.string() +
                    " (lisbind/lisbind.lock); "
                    "move it back, or `lisbind remove " +
                    request.pattern + "` and import it from where it is now");
  }
  if (go_mod.has_replace)
    throw UserError((m.root / "go.mod").string() + " has replace directives now; " +
                    kLocalModuleSupport);
  return m;
}

void add_local_module(LocalModules& locals, LocalModule module) {
  auto [it, fresh] = locals.try_emplace(module.module, module);
  if (fresh) return;
  if (it->second.root != module.root) {
    throw UserError(module.module + " is named in two directories, " + it->second.root.string() +
                    " and " + module.root.string() + "; bind one of them");
  }
  it->second.patterns.insert(module.patterns.begin(), module.patterns.end());
}

}  // namespace lisbind::emit
