#include "verify/verify_run.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "base/errors.h"
#include "base/file_util.h"
#include "project/lisette_manifest.h"
#include "project/project_bindings.h"
#include "verify/error_trace.h"
#include "verify/lis_limitations.h"
#include "verify/std_typedefs.h"

namespace lisbind::verify {
namespace fs = std::filesystem;
using json = nlohmann::json;

const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::Verified:
      return "verified";
    case Outcome::Failed:
      return "failed";
    case Outcome::LisLimitation:
      return "lis-limitation";
    case Outcome::Unchecked:
      return "unchecked";
  }
  return "?";
}

size_t PackageResult::count(Outcome outcome) const {
  return static_cast<size_t>(std::count_if(
      probes.begin(), probes.end(), [&](const ProbeOutcome& p) { return p.outcome == outcome; }));
}

size_t VerifyReport::lis_typedef_packages() const {
  return static_cast<size_t>(std::count_if(packages.begin(), packages.end(),
                                           [](const PackageResult& p) { return p.lis_typedef; }));
}

size_t VerifyReport::packages_failed() const {
  size_t n = 0;
  for (const auto& p : packages) n += p.passed() ? 0 : 1;
  return n;
}

namespace {

constexpr int kMaxCheckRounds = 25;

// The probe project and the state of every probe in it; each step below reads and updates it.
class Run {
 public:
  Run(const model::ApiModel& api, const emit::Generated& generated, ProcessRunner& runner,
      const VerifyOptions& options)
      : api_(api), generated_(generated), runner_(runner), options_(options) {}

  VerifyReport run() {
    timed("selecting packages and writing probes", [&] { make_probes_step(); });
    timed("creating the probe project", [&] { create_project_step(); });
    timed("lis check (setting aside probes lis rejects)", [&] { check_step(); });
    timed("lis build and go build -gcflags=-e", [&] { build_step(); });
    finish_step();
    return std::move(report_);
  }

 private:
  struct PackageState {
    PackageProbes probes;
    std::set<int> active;  // probe ids still in the project
    bool lis_typedef = false;
    std::string typedef_file;
  };

  void step(const std::string& what) const {
    if (options_.progress) std::cerr << "lisbind verify: " << what << "\n";
  }

  void timed(const std::string& what, const std::function<void()>& body) {
    step(what);
    auto t0 = std::chrono::steady_clock::now();
    body();
    auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    step(fmt::format("  done in {} ms", ms));
  }

  // Standard library packages a probe project can import: not internal, not vendored.
  static bool importable_std(const model::Package& p) {
    return !p.internal && !p.path.starts_with("vendor/");
  }

  // lis's own typedefs of the requested std packages (lis reads no other for them).
  void read_std_typedefs_step() {
    std::vector<std::string> wanted;
    for (const auto& p : api_.packages) {
      if (p.root && p.std && !p.command && importable_std(p)) wanted.push_back(p.path);
    }
    if (wanted.empty()) return;
    fs::path crate = find_lis_stdlib(options_.info.lis_version, options_.lis_stdlib);
    fs::path dlis_parse = find_dlis_parse();
    StdTypedefIndex index = StdTypedefIndex::load(crate);
    std::string goos = api_.build.goos, goarch = api_.build.goarch;
    if (goos.empty() || goarch.empty()) {
      ProcessResult r = run_tool({"go", "env", "GOOS", "GOARCH"}, fs::current_path());
      std::stringstream lines(r.out);
      std::getline(lines, goos);
      std::getline(lines, goarch);
    }
    std_ = read_std_typedefs(runner_, dlis_parse, index, wanted, goos, goarch);
    step(fmt::format("  lis's typedefs ({}, {}/{}): {} read, {} missing, {} unreadable",
                     crate.filename().string(), goos, goarch, std_.typedefs.size(),
                     std_.missing.size(), std_.unreadable.size()));
  }

  void add_package(PackageState s) {
    for (const auto& pr : s.probes.probes) {
      s.active.insert(pr.id);
      owner_[pr.id] = {packages_.size(), &pr - s.probes.probes.data()};
    }
    by_stem_[s.probes.file_stem] = packages_.size();
    packages_.push_back(std::move(s));
  }

  // Step 1: the requested (root) packages that have a typedef, and their probes: third-party
  // packages against lisbind's typedef, std packages against lis's own.
  void make_probes_step() {
    read_std_typedefs_step();
    std::set<std::string> bound;
    for (const auto& f : generated_.files) bound.insert(f.package);
    std::set<std::string> std_missing(std_.missing.begin(), std_.missing.end());
    for (const auto& p : api_.packages) {
      if (p.std && !std_missing.contains(p.path)) bound.insert(p.path);
    }
    int next_id = 1;
    for (const auto& p : api_.packages) {
      if (!p.root || p.command) continue;
      if (p.std) {
        add_std_package(p, bound, next_id);
        continue;
      }
      auto model = generated_.models.find(p.path);
      if (model == generated_.models.end()) continue;
      if (p.internal) {
        report_.skipped_packages.push_back(
            p.path + ": internal package, not importable from a probe project");
        continue;
      }
      const bool local =
          options_.local_module && p.module && p.module->path == options_.local_module->module;
      if (!local && (!p.module || p.module->version.empty())) {
        throw UserError(p.path +
                        " is in a local module; run `lisbind verify` with no packages named "
                        "inside the Lisette project that imported it");
      }
      PackageState s;
      s.probes = make_probes(api_, p, model->second, bound, next_id, &generated_.models);
      next_id += static_cast<int>(s.probes.probes.size());
      add_package(std::move(s));
    }
    size_t total = 0;
    for (const auto& s : packages_) total += s.probes.probes.size();
    step(fmt::format("  {} packages, {} probes", packages_.size(), total));
    if (packages_.empty()) throw UserError("no bound package matched; nothing to verify");
  }

  void add_std_package(const model::Package& p, const std::set<std::string>& bound, int& next_id) {
    if (!importable_std(p)) {
      report_.skipped_packages.push_back(p.path +
                                         ": internal or vendored standard library package, not "
                                         "importable from a probe project");
      return;
    }
    if (auto u = std_.unreadable.find(p.path); u != std_.unreadable.end()) {
      // lis's own typedef, not lisbind's binding: listed, and never a failure of the run.
      report_.skipped_packages.push_back(p.path +
                                         ": lis's typedef could not be read: " + u->second);
      return;
    }
    auto t = std_.typedefs.find(p.path);
    if (t == std_.typedefs.end()) {
      report_.skipped_packages.push_back(p.path + ": lis " + options_.info.lis_version +
                                         " embeds no typedef for it on this target (`import \"go:" +
                                         p.path + "\"` is unknown_go_stdlib_package)");
      return;
    }
    PackageState s;
    s.lis_typedef = true;
    s.typedef_file = t->second.file.string();
    s.probes = make_probes(api_, p, t->second.read.file, bound, next_id);
    next_id += static_cast<int>(s.probes.probes.size());
    for (const auto& u : t->second.read.unread)
      s.probes.unprobed.push_back({p.path, u.name, "lis's typedef: " + u.reason});
    add_package(std::move(s));
  }

  // Step 2: lisette.toml, vendored bindings and lis's cache, as `lisbind import` writes them.
  void create_project_step() {
    if (!options_.keep_dir.empty()) {
      project_ = fs::absolute(options_.keep_dir);
      if (fs::exists(project_) && !fs::is_empty(project_) &&
          !fs::exists(project_ / "lisbind-verify-project")) {
        throw UserError(project_.string() +
                        " exists and is not a probe project left by `lisbind verify --keep`; "
                        "give an empty or new directory");
      }
      fs::remove_all(project_);
      fs::create_directories(project_);
    } else {
      std::string tmpl = (fs::temp_directory_path() / "lisbind-verify-XXXXXX").string();
      if (!::mkdtemp(tmpl.data()))
        throw UserError("cannot create a temporary directory in " +
                        fs::temp_directory_path().string());
      project_ = tmpl;
    }
    report_.project = project_;
    write_file_atomically(project_ / "lisbind-verify-project",
                          "made by lisbind verify; safe to delete\n");
    write_file_atomically(project_ / "lisette.toml",
                          "[project]\nname = \"lisbind_probe\"\nversion = \"0.1.0\"\n");
    fs::create_directories(project_ / "src");

    std::vector<emit::BindRequest> requests;
    for (const auto& s : packages_) {
      if (s.lis_typedef) continue;  // lis has its own; nothing to bind
      const model::Package* p = api_.find_package(s.probes.package);
      const bool local = options_.local_module && p->module->path == options_.local_module->module;
      requests.push_back({.pattern = p->path,
                          .module = p->module->path,
                          .version = local ? "" : p->module->version,
                          .local = local ? options_.local_module->root.string() : ""});
    }
    emit::Generated copy;
    copy.files = generated_.files;
    copy.ledger = generated_.ledger;
    bindings_ = emit::make_bindings(api_, std::move(copy), requests, options_.info,
                                    options_.local_module ? options_.local_module->source : "");
    emit::write_vendored(project_, bindings_);
    install();
  }

  // Writes src/ for the active probes and reinstalls, so the warm stamp matches the imports.
  void install() {
    for (const auto& e : fs::directory_iterator(project_ / "src")) fs::remove(e.path());
    std::vector<int> ids;
    spans_.clear();
    for (auto& s : packages_) {
      std::vector<const Probe*> active;
      for (const auto& p : s.probes.probes) {
        if (s.active.contains(p.id)) active.push_back(&p);
      }
      if (active.empty()) continue;
      RenderedFile r = render_probe_file(s.probes, active);
      write_file_atomically(project_ / "src" / (s.probes.file_stem + ".lis"), r.text);
      auto& sp = spans_[s.probes.file_stem];
      for (size_t i = 0; i < active.size(); ++i) {
        sp.first.push_back(r.spans[i]);
        sp.second.push_back(active[i]->id);
        ids.push_back(active[i]->id);
      }
    }
    write_file_atomically(project_ / "src" / "main.lis", render_main(ids));
    LisetteManifest manifest = emit::update_manifest(project_, bindings_.lock, nullptr);
    emit::install_into_cache(project_, bindings_.lock, nullptr, manifest);
  }

  ProcessResult run_tool(std::vector<std::string> argv, const fs::path& cwd) {
    ProcessRequest r;
    r.argv = std::move(argv);
    r.cwd = cwd;
    return runner_.run(r);
  }

  ProbeOutcome& outcome(int id) {
    auto [pkg, index] = owner_.at(id);
    auto& results = outcomes_[id];
    if (!results.probe.id) results.probe = packages_[pkg].probes.probes[index];
    (void)pkg;
    return results;
  }

  void fail(int id, Outcome kind, const std::string& stage, const std::string& message,
            const std::string& code = "") {
    ProbeOutcome& o = outcome(id);
    if (o.outcome == Outcome::Failed || o.outcome == Outcome::LisLimitation) {
      if (o.message.find(message) == std::string::npos) o.message += "\n" + message;
      // One real failure among known lis limitations makes the probe fail.
      if (kind == Outcome::Failed) {
        o.outcome = Outcome::Failed;
        o.code.clear();
      }
      return;
    }
    o.outcome = kind;
    o.stage = stage;
    o.message = message;
    o.code = kind == Outcome::LisLimitation ? code : "";
  }

  bool judges_lis_typedef(int id) const { return packages_[owner_.at(id).first].lis_typedef; }

  // An error blamed on probe `id`. A probe of lis's own typedef fails because of lis (its typedef
  // or its lowering of it), never because of a lisbind binding; `known` is a lis limitation the
  // Go error also shows.
  void blame(int id, const std::string& stage, const std::string& message,
             const std::optional<LisLimitation>& known = std::nullopt) {
    if (judges_lis_typedef(id)) {
      const Probe& p = packages_[owner_.at(id).first].probes.probes[owner_.at(id).second];
      std::string symbol = p.package + "." + p.ledger_symbol;
      std::string why =
          stage == "go build"
              ? "lis's embedded typedef for " + symbol +
                    " disagrees with Go: the Go lis emits for this use of it does not compile"
          : stage == "lis check"
              ? "lis rejects this use of " + symbol +
                    ", written from lis's own embedded typedef (lis contradicts its typedef, or "
                    "the probe is wrong: read it)"
              : "lis cannot emit this use of " + symbol + " from its own embedded typedef";
      if (known) why += " (the Go error is also the known lis limitation " + known->code + ")";
      fail(id, Outcome::LisLimitation, stage, message + "\n" + kLisStdTypedef + ": " + why,
           kLisStdTypedef);
    } else if (known) {
      fail(id, Outcome::LisLimitation, stage,
           message + "\n" + known->code + ": " + known->explanation, known->code);
    } else {
      fail(id, Outcome::Failed, stage, message);
    }
  }

  void deactivate(int id) { packages_[owner_.at(id).first].active.erase(id); }

  // Step 3: lis check stops the whole project on any error, so each round sets aside the probes
  // it blames and checks the rest again.
  void check_step() {
    for (int round = 0; round < kMaxCheckRounds; ++round) {
      ProcessResult r =
          run_tool({options_.lis, "check", "--errors-only", "--output", "unix"}, project_);
      auto diags = parse_lis_diagnostics(r.out + "\n" + r.err);
      if (r.exit_code == 0 && diags.empty()) return;
      if (diags.empty()) {
        report_.notes.push_back("lis check failed without a diagnostic lisbind can place:\n" +
                                r.out + r.err);
        return;
      }
      std::set<int> blamed;
      for (const auto& d : diags) {
        std::string stem = file_stem(d.file);
        std::string msg = d.message + (d.code.empty() ? "" : " [" + d.code + "]");
        auto sp = spans_.find(stem);
        int id =
            sp == spans_.end() ? -1 : probe_at_line(sp->second.first, sp->second.second, d.line);
        if (id >= 0) {
          blame(id, "lis check", msg);
          blamed.insert(id);
        } else if (auto pk = by_stem_.find(stem); pk != by_stem_.end()) {
          // Outside every probe (the imports): the whole package's probe file is unusable.
          for (int pid : packages_[pk->second].active) {
            blame(pid, "lis check", "the probe file's imports: " + msg);
            blamed.insert(pid);
          }
        } else {
          report_.notes.push_back(fmt::format("lis check: {}:{}: {}", d.file, d.line, msg));
        }
      }
      if (blamed.empty()) return;
      for (int id : blamed) deactivate(id);
      step(fmt::format("  round {}: lis rejected {} probes; checking the rest", round + 1,
                       blamed.size()));
      install();
    }
  }

  // The line scripts/with-lis-runtime prints about the runtime module it let the build use.
  void note_runtime(const ProcessResult& build) {
    static const std::regex kRuntimeLine(
        R"(with-lis-runtime: (using [^\n]*|the module proxy refuses[^\n]*))");
    std::smatch m;
    std::string err = build.err;
    if (std::regex_search(err, m, kRuntimeLine)) report_.judge.runtime = m[1].str();
  }

  // Which lis and Go judge the probes, for the record a verification leaves in the ledger.
  void note_judge() {
    auto first_line = [](const std::string& s) { return s.substr(0, s.find('\n')); };
    ProcessResult lis = run_tool({options_.lis, "--version"}, project_);
    if (lis.exit_code == 0) report_.judge.lis = first_line(lis.out);
    ProcessResult go = run_tool({"go", "env", "GOVERSION"}, project_);
    if (go.exit_code == 0) report_.judge.go = first_line(go.out);
  }

  // Step 4: lis build (it stops after 10 Go errors), then go build -gcflags=-e for all of them.
  void build_step() {
    note_judge();
    std::string script = options_.runtime_script.string();
    ProcessResult b = run_tool({script, options_.lis, "build"}, project_);
    note_runtime(b);
    std::string combined = b.out + "\n" + b.err;
    if (b.exit_code == 0) {
      built_ = true;
      return;
    }
    if (combined.find("panicked") != std::string::npos ||
        !fs::exists(project_ / "target" / "main.go")) {
      isolate_emit_panics(combined);
      b = run_tool({script, options_.lis, "build"}, project_);
      combined = b.out + "\n" + b.err;
      if (b.exit_code == 0) {
        built_ = true;
        return;
      }
    }
    ProcessResult g =
        run_tool({script, "env", "GOWORK=off", "GOFLAGS=", "GO111MODULE=on", "go", "build",
                  "-gcflags=-e", "-o", fs::path("/dev/null").string(), "./..."},
                 project_ / "target");
    auto errors = parse_go_errors(g.out + "\n" + g.err);
    if (errors.empty()) errors = parse_go_errors(combined);
    if (errors.empty()) {
      report_.notes.push_back("the probe project did not build, and no Go error names a probe:\n" +
                              combined + g.out + g.err);
      return;
    }
    std::map<std::string, std::string> sources;
    for (const auto& e : errors) {
      std::string stem = file_stem(e.file);
      if (!sources.contains(stem))
        sources[stem] = read_file_if_exists(project_ / "target" / (stem + ".go"));
      int id = probe_in_go_source(sources[stem], e.line);
      if (id >= 0 && owner_.contains(id)) {
        std::string message = fmt::format("{}:{}: {}", e.file, e.line, e.message);
        blame(id, "go build", message, known_lis_limitation(e.message));
      } else if (e.message.starts_with("too many errors")) {
        continue;
      } else {
        report_.notes.push_back(
            fmt::format("go build: {}:{}:{}: {}", e.file, e.line, e.column, e.message));
      }
    }
    built_ = true;  // every error was seen (-e); probes without one compiled
  }

  // lis emit panicked: halve the active probes until each panicking probe stands alone.
  void isolate_emit_panics(const std::string& output) {
    step("  lis emit failed; isolating the probes it cannot emit");
    std::vector<int> all;
    for (const auto& s : packages_) all.insert(all.end(), s.active.begin(), s.active.end());
    std::set<int> keep(all.begin(), all.end());
    auto emits = [&](const std::vector<int>& subset) {
      for (auto& s : packages_) s.active.clear();
      for (int id : subset) packages_[owner_.at(id).first].active.insert(id);
      install();
      ProcessResult r = run_tool({options_.lis, "emit"}, project_);
      return r.exit_code == 0 && (r.out + r.err).find("panicked") == std::string::npos;
    };
    // A project that cannot be emitted without any probe is broken for another reason (a
    // missing runtime, an unreadable typedef): no probe is to blame, and none is passed off as
    // a lis limitation.
    if (!emits({})) {
      ProcessResult r = run_tool({options_.lis, "emit"}, project_);
      report_.notes.push_back("lis emit fails even with no probes in the project:\n" + r.out +
                              r.err);
      for (auto& s : packages_) s.active.clear();
      for (int id : keep) packages_[owner_.at(id).first].active.insert(id);
      install();
      return;
    }
    std::vector<int> culprits;
    std::function<void(const std::vector<int>&)> bisect = [&](const std::vector<int>& set) {
      if (set.empty() || emits(set)) return;
      if (set.size() == 1) {
        culprits.push_back(set[0]);
        return;
      }
      std::vector<int> left(set.begin(), set.begin() + set.size() / 2),
          right(set.begin() + set.size() / 2, set.end());
      bisect(left);
      bisect(right);
    };
    bisect(all);
    auto at = output.find("panicked");
    std::string panic =
        at == std::string::npos ? "" : ": " + output.substr(at, output.find('\n', at) - at);
    for (int id : culprits) {
      std::string message = "lis emit fails on this probe alone (a lis limitation)" + panic;
      if (judges_lis_typedef(id)) {
        blame(id, "lis emit", message);
      } else {
        fail(id, Outcome::LisLimitation, "lis emit", message, "lis-emit-panic");
      }
      keep.erase(id);
    }
    for (auto& s : packages_) s.active.clear();
    for (int id : keep) packages_[owner_.at(id).first].active.insert(id);
    install();
  }

  // Step 5: every probe still in the project that no error named is verified.
  // `T implements I` fails because of one method; lis names it ("Incompatible: Register: ..."),
  // and that method's declaration (and its ledger rule) is the one to report.
  static void blame_the_method(ProbeOutcome& o) {
    if (o.probe.kind != ProbeKind::Implements || o.outcome != Outcome::Failed) return;
    static const std::regex kIncompatible(R"(Incompatible: ([A-Za-z_][A-Za-z0-9_]*):)");
    std::smatch m;
    if (!std::regex_search(o.message, m, kIncompatible)) return;
    o.probe.ledger_symbol += "." + m[1].str();
  }

  void finish_step() {
    for (auto& s : packages_) {
      PackageResult r;
      r.package = s.probes.package;
      r.lis_typedef = s.lis_typedef;
      r.typedef_file = s.typedef_file;
      r.unprobed = s.probes.unprobed;
      for (const auto& p : s.probes.probes) {
        ProbeOutcome o = outcomes_.contains(p.id) ? outcomes_[p.id]
                                                  : ProbeOutcome{.probe = p,
                                                                 .outcome = Outcome::Unchecked,
                                                                 .stage = "",
                                                                 .message = "",
                                                                 .code = ""};
        if (o.outcome == Outcome::Unchecked && built_ && s.active.contains(p.id))
          o.outcome = Outcome::Verified;
        blame_the_method(o);
        r.probes.push_back(std::move(o));
      }
      report_.packages.push_back(std::move(r));
    }
    report_.ledger = &generated_.ledger;
    write_file_atomically(project_ / "lisbind-verify.json", report_.to_json().dump(1) + "\n");
  }

  const model::ApiModel& api_;
  const emit::Generated& generated_;
  ProcessRunner& runner_;
  const VerifyOptions& options_;
  VerifyReport report_;
  fs::path project_;
  emit::Bindings bindings_;
  std::vector<PackageState> packages_;
  std::map<int, std::pair<size_t, size_t>> owner_;  // probe id -> (package index, probe index)
  std::map<std::string, size_t> by_stem_;           // probe file stem -> package index
  // Per probe file: the line spans of the probes written in it, and their ids.
  std::map<std::string, std::pair<std::vector<std::pair<int, int>>, std::vector<int>>> spans_;
  std::map<int, ProbeOutcome> outcomes_;
  StdTypedefs std_;
  bool built_ = false;
};

std::string indent_lines(const std::string& text, const std::string& pad) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    out += (start ? "\n" + pad : "") + line;
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace

json VerifyReport::to_json() const {
  std::map<std::pair<std::string, std::string>, const emit::LedgerEntry*> ledger_index;
  if (ledger) {
    for (const auto& e : ledger->entries()) ledger_index[{e.package, e.symbol}] = &e;
  }
  json symbols = json::array();
  json packages_json = json::array();
  for (const auto& p : packages) {
    std::map<std::string, std::vector<const ProbeOutcome*>> by_symbol;
    for (const auto& o : p.probes) by_symbol[o.probe.ledger_symbol].push_back(&o);
    for (const auto& [symbol, outcomes] : by_symbol) {
      json probes = json::array();
      Outcome worst = Outcome::Verified;
      for (const auto* o : outcomes) {
        if (o->outcome != Outcome::Verified && worst != Outcome::Failed) worst = o->outcome;
        json j = {{"probe", o->probe.id},
                  {"use", o->probe.what},
                  {"kind", kind_name(o->probe.kind)},
                  {"status", outcome_name(o->outcome)}};
        if (!o->stage.empty()) j["stage"] = o->stage;
        if (!o->message.empty()) j["message"] = o->message;
        if (!o->code.empty()) j["limitation"] = o->code;
        if (o->outcome != Outcome::Verified) {
          j["go"] = o->probe.go_decl;
          j["lisette"] = o->probe.lis_decl;
          // The probe is the minimal program showing lis's typedef wrong: quote it.
          if (p.lis_typedef) j["probe_text"] = o->probe.text;
        }
        probes.push_back(std::move(j));
      }
      json s = {{"package", p.package},
                {"symbol", symbol},
                {"verification", outcome_name(worst)},
                {"probes", probes}};
      if (p.lis_typedef) s["typedef"] = "lis";
      if (auto it = ledger_index.find({p.package, symbol}); it != ledger_index.end()) {
        s["kind"] = it->second->kind;
        s["code"] = it->second->code;
      }
      symbols.push_back(std::move(s));
    }
    for (const auto& u : p.unprobed) {
      json s = {{"package", u.package},
                {"symbol", u.ledger_symbol},
                {"verification", "unprobed"},
                {"reason", u.reason}};
      if (p.lis_typedef) s["typedef"] = "lis";
      symbols.push_back(std::move(s));
    }
    json pj = {{"package", p.package},
               {"passed", p.passed()},
               {"typedef", p.lis_typedef ? "lis" : "lisbind"},
               {"verified", p.count(Outcome::Verified)},
               {"failed", p.count(Outcome::Failed)},
               {"lis_limitations", p.count(Outcome::LisLimitation)},
               {"unchecked", p.count(Outcome::Unchecked)},
               {"unprobed", p.unprobed.size()}};
    if (p.lis_typedef) pj["typedef_file"] = p.typedef_file;
    packages_json.push_back(std::move(pj));
  }
  size_t failed = packages_failed();
  return {{"packages", packages_json},
          {"symbols", symbols},
          {"notes", notes},
          {"skipped_packages", skipped_packages},
          {"passed", packages.size() - failed},
          {"failed", failed}};
}

std::string VerifyReport::text() const {
  std::map<std::pair<std::string, std::string>, const emit::LedgerEntry*> ledger_index;
  if (ledger) {
    for (const auto& e : ledger->entries()) ledger_index[{e.package, e.symbol}] = &e;
  }
  std::string out;
  for (const auto& p : packages) {
    for (const auto& o : p.probes) {
      if (o.outcome == Outcome::Verified) continue;
      out +=
          fmt::format("{} {} {} ({}) [{}]\n", o.outcome == Outcome::LisLimitation ? "LIS " : "FAIL",
                      p.package, o.probe.what, kind_name(o.probe.kind),
                      o.stage.empty() ? outcome_name(o.outcome) : o.stage);
      if (!o.probe.go_decl.empty()) out += "  Go:      " + o.probe.go_decl + "\n";
      out += "  Lisette: " + indent_lines(o.probe.lis_decl, "           ") + "\n";
      if (auto it = ledger_index.find({p.package, o.probe.ledger_symbol});
          it != ledger_index.end()) {
        out += fmt::format("  ledger:  {} {} ({})\n", it->second->symbol,
                           emit::status_name(it->second->status), it->second->code);
      }
      if (!o.message.empty()) out += "  error:   " + indent_lines(o.message, "           ") + "\n";
      if (p.lis_typedef) {
        std::string probe = o.probe.text;
        while (!probe.empty() && probe.back() == '\n') probe.pop_back();
        out += "  probe:   " + indent_lines(probe, "           ") + "\n";
      }
    }
  }
  for (const auto& n : notes) out += "note: " + indent_lines(n, "  ") + "\n";
  for (const auto& n : skipped_packages) out += "not verified: " + n + "\n";
  size_t lis_probes = 0, lis_verified = 0, lis_unprobed = 0;
  std::map<std::string, size_t> lis_wrong;  // by stage
  for (const auto& p : packages) {
    out += fmt::format(
        "{} {}{}: {} probes, {} verified, {} failed, {} lis limitations, {} unchecked, {} not "
        "probed\n",
        p.passed() ? "ok  " : "FAIL", p.package, p.lis_typedef ? " (lis's typedef)" : "",
        p.probes.size(), p.count(Outcome::Verified), p.count(Outcome::Failed),
        p.count(Outcome::LisLimitation), p.count(Outcome::Unchecked), p.unprobed.size());
    if (!p.lis_typedef) continue;
    lis_probes += p.probes.size();
    lis_verified += p.count(Outcome::Verified);
    lis_unprobed += p.unprobed.size();
    for (const auto& o : p.probes) {
      if (o.code == kLisStdTypedef) ++lis_wrong[o.stage];
    }
  }
  if (size_t n = lis_typedef_packages()) {
    size_t wrong = 0;
    for (const auto& [stage, count] : lis_wrong) wrong += count;
    out += fmt::format(
        "lis's own typedefs of {} std packages: {} probes, {} verified, {} {} (go build {}, lis "
        "check {}, lis emit {}; LIS lines: lis's, not lisbind's), {} not probed\n",
        n, lis_probes, lis_verified, wrong, kLisStdTypedef, lis_wrong["go build"],
        lis_wrong["lis check"], lis_wrong["lis emit"], lis_unprobed);
  }
  size_t failed = packages_failed();
  out += fmt::format("{} passed, {} failed\n", packages.size() - failed, failed);
  return out;
}

VerifyReport run_verify(const model::ApiModel& api, const emit::Generated& generated,
                        ProcessRunner& runner, const VerifyOptions& options) {
  Run run(api, generated, runner, options);
  VerifyReport report = run.run();
  if (options.keep_dir.empty()) {
    std::error_code ec;
    fs::remove_all(report.project, ec);
  }
  return report;
}

}  // namespace lisbind::verify
