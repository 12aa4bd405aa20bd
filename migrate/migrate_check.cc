#include "migrate/migrate_check.h"

#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/errors.h"
#include "base/file_util.h"
#include "gotool/api_loader.h"
#include "mapping/package_mapper.h"
#include "syntax/printer.h"

namespace lisbind::migrate {
namespace fs = std::filesystem;
using json = nlohmann::json;

bool MigrateReport::compatible() const {
  if (!incompatibilities.empty()) return false;
  for (const auto& step : proof) {
    if (!step.passed) return false;
  }
  return true;
}

namespace {

constexpr const char* kPreludePath = "github.com/ivov/lisette/prelude";

std::string tail_lines(const std::string& text, size_t count) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  size_t from = lines.size() > count ? lines.size() - count : 0;
  std::string out;
  for (size_t i = from; i < lines.size(); ++i) out += lines[i] + "\n";
  return out;
}

std::string module_path_of(const fs::path& go_mod) {
  std::istringstream in(read_file(go_mod));
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("module ")) {
      std::string path = line.substr(7);
      while (!path.empty() && (path.back() == ' ' || path.back() == '\r')) path.pop_back();
      if (path.size() >= 2 && path.front() == '"') path = path.substr(1, path.size() - 2);
      return path;
    }
  }
  throw UserError(go_mod.string() + " declares no module path");
}

// Runs every command through scripts/with-lis-runtime, so that Go finds lis's runtime module.
class RuntimeRunner final : public ProcessRunner {
 public:
  RuntimeRunner(ProcessRunner& inner, fs::path script)
      : inner_(inner), script_(std::move(script)) {}
  ProcessResult run(const ProcessRequest& request) override {
    ProcessRequest wrapped = request;
    wrapped.argv.insert(wrapped.argv.begin(), script_.string());
    return inner_.run(wrapped);
  }

 private:
  ProcessRunner& inner_;
  fs::path script_;
};

// The loader reads local patterns relative to the working directory.
class InDirectory {
 public:
  explicit InDirectory(const fs::path& dir) : previous_(fs::current_path()) {
    fs::current_path(dir);
  }
  ~InDirectory() { fs::current_path(previous_); }
  InDirectory(const InDirectory&) = delete;
  InDirectory& operator=(const InDirectory&) = delete;

 private:
  fs::path previous_;
};

class Check {
 public:
  Check(ProcessRunner& runner, const MigrateOptions& options)
      : runner_(runner), options_(options) {}

  MigrateReport run() {
    locate_go_package();
    emit_lisette_project();
    make_scratch_module();
    compare_apis_step();
    if (options_.prove) prove_step();
    if (options_.keep_dir.empty()) fs::remove_all(scratch_);
    return std::move(report_);
  }

 private:
  void step(const std::string& what) const {
    if (options_.progress) std::cerr << "lisbind migrate: " << what << "\n";
  }

  void locate_go_package() {
    package_dir_ = fs::weakly_canonical(fs::absolute(options_.go_package));
    if (!fs::is_directory(package_dir_))
      throw UserError(options_.go_package.string() + " is not a directory");
    fs::path dir = package_dir_;
    while (!fs::exists(dir / "go.mod")) {
      if (dir == dir.root_path())
        throw UserError("no go.mod in " + package_dir_.string() + " or above: not a Go module");
      dir = dir.parent_path();
    }
    module_root_ = dir;
    rel_ = fs::relative(package_dir_, module_root_).generic_string();
    std::string module = module_path_of(module_root_ / "go.mod");
    report_.module_root = module_root_.string();
    report_.import_path = rel_ == "." ? module : module + "/" + rel_;
  }

  void emit_lisette_project() {
    project_ = fs::weakly_canonical(fs::absolute(options_.lisette_project));
    if (!fs::exists(project_ / "lisette.toml")) {
      throw UserError(options_.lisette_project.string() +
                      " is not a Lisette project (no lisette.toml)");
    }
    step("lis emit in " + project_.string());
    ProcessResult r = runner_.run({{options_.lis, "emit"}, project_, {}, false});
    if (r.exit_code != 0) {
      throw UserError("lis emit failed in " + project_.string() + ":\n" +
                      tail_lines(r.out + r.err, 30));
    }
    for (const auto& e : fs::directory_iterator(project_ / "target")) {
      std::string name = e.path().filename().string();
      if (e.is_regular_file() && name.ends_with(".go") && !name.ends_with("_test.go"))
        emitted_.push_back(e.path());
    }
    if (emitted_.empty())
      throw UserError("lis emit wrote no Go files to " + (project_ / "target").string());
    std::sort(emitted_.begin(), emitted_.end());
    for (const auto& f : emitted_) {
      if (read_file(f).find("\"" + std::string(kPreludePath) + "\"") != std::string::npos) {
        report_.uses_lis_runtime = true;
      }
    }
  }

  // A copy of the Go module with the package's Go files replaced by the emitted ones; the
  // package's own tests stay, since they are callers of its API too.
  void make_scratch_module() {
    scratch_ = options_.keep_dir.empty()
                   ? fs::temp_directory_path() / fmt::format("lisbind-migrate-{}", ::getpid())
                   : fs::absolute(options_.keep_dir);
    fs::remove_all(scratch_);
    fs::create_directories(scratch_);
    step("copying " + module_root_.string() + " to " + scratch_.string());
    for (auto it = fs::recursive_directory_iterator(module_root_);
         it != fs::recursive_directory_iterator(); ++it) {
      std::string name = it->path().filename().string();
      if (it->is_directory() && (name == ".git" || name == "target" || name == "node_modules")) {
        it.disable_recursion_pending();
        continue;
      }
      fs::path to = scratch_ / fs::relative(it->path(), module_root_);
      if (it->is_directory()) {
        fs::create_directories(to);
      } else if (it->is_regular_file()) {
        fs::copy_file(it->path(), to, fs::copy_options::overwrite_existing);
      }
    }
    fs::path target = scratch_ / rel_;
    for (const auto& e : fs::directory_iterator(target)) {
      std::string name = e.path().filename().string();
      if (e.is_regular_file() && name.ends_with(".go") && !name.ends_with("_test.go"))
        fs::remove(e.path());
    }
    for (const auto& f : emitted_)
      fs::copy_file(f, target / f.filename(), fs::copy_options::overwrite_existing);
    if (report_.uses_lis_runtime) {
      std::ofstream(scratch_ / "go.mod", std::ios::app)
          << "\nrequire " << kPreludePath << " v" << options_.lis_version << "\n";
    }
  }

  const model::Package& find(const model::ApiModel& api, const std::string& where) const {
    const model::Package* p = api.find_package(report_.import_path);
    if (!p) throw UserError("the helper did not load " + report_.import_path + " from " + where);
    for (const auto& e : api.errors) {
      if (e.package == report_.import_path) {
        throw UserError(report_.import_path + " does not type-check in " + where + ": " +
                        e.message);
      }
    }
    return *p;
  }

  void compare_apis_step() {
    std::string spec = rel_ == "." ? "." : "./" + rel_;
    step("loading " + report_.import_path + " as Go declares it");
    {
      InDirectory in(module_root_);
      original_ = load_api_model(
          runner_, {.specs = {spec}, .extract = {.progress = false, .tags = {}, .facts = false}});
    }
    step("loading " + report_.import_path + " as lis emits it");
    {
      InDirectory in(scratch_);
      RuntimeRunner with_runtime(runner_, options_.runtime_script);
      ProcessRunner& runner =
          report_.uses_lis_runtime ? static_cast<ProcessRunner&>(with_runtime) : runner_;
      ::setenv("GOFLAGS", "-mod=mod", 1);
      emitted_api_ = load_api_model(
          runner, {.specs = {spec}, .extract = {.progress = false, .tags = {}, .facts = false}});
      ::unsetenv("GOFLAGS");
    }
    const model::Package& before = find(original_, module_root_.string());
    const model::Package& after =
        find(emitted_api_, "the Lisette rewrite's Go (" + scratch_.string() + ")");
    report_.incompatibilities = compare_apis(original_, before, emitted_api_, after);
    hints(before);
  }

  // What to write in Lisette: the original's declaration as lisbind binds it, which lis lowers back
  // to that Go shape (Result to (T, error), Option to (T, bool), methods to Go methods).
  void hints(const model::Package& original) {
    emit::MappedPackage mapped = emit::map_package(original_, original, {"", options_.lis_version});
    for (const auto& i : report_.incompatibilities) {
      std::string hint;
      auto dot = i.symbol.find('.');
      std::string owner = dot == std::string::npos ? i.symbol : i.symbol.substr(0, dot);
      std::string member = dot == std::string::npos ? "" : i.symbol.substr(dot + 1);
      for (const auto& f : mapped.file.functions) {
        if (member.empty() && f.name == owner) hint = lis::print_function(without_doc(f), "", true);
      }
      for (const auto& impl : mapped.file.impls) {
        if (impl.type_name != owner || member.empty()) continue;
        for (const auto& m : impl.methods) {
          if (m.name == member)
            hint = "impl " + owner + " {\n" + lis::print_function(without_doc(m), "  ", true) + "}";
        }
      }
      for (const auto& t : mapped.file.types) {
        if (t.name == owner &&
            (member.empty() || i.kind == ChangeKind::FieldRemoved ||
             i.kind == ChangeKind::FieldTypeChanged || i.kind == ChangeKind::InterfaceChanged)) {
          lis::TypeDecl bare = t;
          bare.doc.clear();
          for (auto& m : bare.methods) m.doc.clear();
          for (auto& f : bare.fields) f.doc.clear();
          hint = lis::print_type_decl(bare);
        }
      }
      while (!hint.empty() && hint.back() == '\n') hint.pop_back();
      report_.hints.push_back(hint);
    }
  }

  static lis::Function without_doc(lis::Function f) {
    f.doc.clear();
    return f;
  }

  void prove_step() {
    RuntimeRunner with_runtime(runner_, options_.runtime_script);
    ProcessRunner& runner =
        report_.uses_lis_runtime ? static_cast<ProcessRunner&>(with_runtime) : runner_;
    const std::map<std::string, std::string> env = {{"GOWORK", "off"}, {"GOFLAGS", "-mod=mod"}};
    for (std::vector<std::string> argv :
         {std::vector<std::string>{"go", "build", "./..."},
          std::vector<std::string>{"go", "vet", "./..."},
          std::vector<std::string>{"go", "test", "-count=1", "./..."}}) {
      std::string command = fmt::format("{}", fmt::join(argv, " "));
      step(command + " in the module with the emitted package");
      ProcessResult r =
          runner.run({.argv = argv, .cwd = scratch_, .env_set = env, .inherit_stderr = false});
      report_.proof.push_back({command, r.exit_code == 0, tail_lines(r.out + r.err, 40)});
      if (r.exit_code != 0) break;  // a module that does not build has no tests to run
    }
  }

  ProcessRunner& runner_;
  const MigrateOptions& options_;
  MigrateReport report_;
  fs::path package_dir_, module_root_, project_, scratch_;
  std::string rel_;
  std::vector<fs::path> emitted_;
  model::ApiModel original_, emitted_api_;
};

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out += prefix + line + "\n";
  return out;
}

}  // namespace

json MigrateReport::to_json() const {
  json incompat = json::array();
  for (size_t i = 0; i < incompatibilities.size(); ++i) {
    const auto& x = incompatibilities[i];
    incompat.push_back({{"kind", change_code(x.kind)},
                        {"symbol", x.symbol},
                        {"go", x.old_decl},
                        {"emitted", x.new_decl},
                        {"why", x.detail},
                        {"lisette", i < hints.size() ? hints[i] : ""}});
  }
  json steps = json::array();
  for (const auto& s : proof)
    steps.push_back({{"command", s.command}, {"passed", s.passed}, {"output", s.output}});
  return {{"package", import_path},        {"module", module_root},
          {"compatible", compatible()},    {"uses_lis_runtime", uses_lis_runtime},
          {"incompatibilities", incompat}, {"proof", steps}};
}

std::string MigrateReport::text() const {
  std::string out;
  for (size_t i = 0; i < incompatibilities.size(); ++i) {
    const auto& x = incompatibilities[i];
    out += fmt::format("INCOMPATIBLE {} {} ({})\n", import_path, x.symbol, change_code(x.kind));
    if (!x.old_decl.empty()) out += "  Go:      " + x.old_decl + "\n";
    out += "  emitted: " + (x.new_decl.empty() ? std::string("(none)") : x.new_decl) + "\n";
    out += "  why:     " + x.detail + "\n";
    if (i < hints.size() && !hints[i].empty())
      out += "  write in Lisette:\n" + indent(hints[i], "    ");
  }
  for (const auto& s : proof) {
    out += fmt::format("{} {}\n", s.passed ? "ok  " : "FAIL", s.command);
    if (!s.passed) out += indent(s.output, "    ");
  }
  out += fmt::format(
      "{}: {} incompatibilities; {}\n", import_path, incompatibilities.size(),
      proof.empty() ? std::string("callers not built")
      : compatible()
          ? std::string("the module builds and its tests pass against the Lisette rewrite")
          : std::string(
                "the module's Go callers do not build or pass against the Lisette rewrite"));
  return out;
}

MigrateReport run_migrate_check(ProcessRunner& runner, const MigrateOptions& options) {
  return Check(runner, options).run();
}

}  // namespace lisbind::migrate
