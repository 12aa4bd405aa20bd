// `lisbind verify PATTERN...[@VERSION] [--json] [--keep DIR]`: maps the packages as `gen` does,
// then proves each bound declaration against the Go compiler (verify/verify_run.h).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/errors.h"
#include "base/file_util.h"
#include "base/progress.h"
#include "cli/commands.h"
#include "cli/gen_pipeline.h"
#include "cli/runtime_script.h"
#include "gotool/api_loader.h"
#include "gotool/go_toolchain.h"
#include "gotool/package_spec.h"
#include "lisbind/rules_id.h"
#include "lisbind/version.h"
#include "project/bindings_from_go.h"
#include "project/lisette_manifest.h"
#include "project/local_module.h"
#include "project/project_access.h"
#include "project/project_bindings.h"
#include "project/project_overrides.h"
#include "verify/verified_ledger.h"
#include "verify/verify_run.h"

namespace lisbind::cli {
namespace fs = std::filesystem;

namespace {

// Inside a Lisette project and without patterns: what the project imported, as the lock records
// it (read and validated by the project layer: the lock is a file a repository carries). Local
// modules (`lisbind import PATH`) are listed apart: each is loaded from its directory.
// The verdicts go into the vendored ledger, so the vendored bindings must be what this lisbind
// makes from the lock: the same mapping rules and the same overrides.
struct ProjectRequests {
  std::vector<std::string> specs;  // pattern@version
  emit::LocalModules locals;       // local modules, found again on disk
};

ProjectRequests project_requests(const fs::path& project) {
  std::optional<emit::BindingLock> lock = emit::read_lock(project);
  if (!lock) {
    throw UserError(
        "no package patterns given, and " + project.string() +
        " has no lisbind/lisbind.lock: run `lisbind import` first, or name the packages");
  }
  if (lock->requests.empty()) {
    throw UserError("lisbind/lisbind.lock lists no imported packages; run `lisbind import`");
  }
  if (lock->rules_id != kMappingRulesId || lock->lisbind_version != kLisbindVersion ||
      lock->overrides_hash != emit::project_overrides_digest(project)) {
    throw UserError(
        "the vendored bindings were made by another lisbind, other mapping rules or other "
        "overrides than this run would use: run `lisbind sync` to regenerate them, then verify "
        "(or name the packages to verify them without the project)");
  }
  ProjectRequests out;
  for (const auto& r : lock->requests) {
    if (r.is_local()) {
      emit::add_local_module(out.locals, emit::local_module_from_lock(r, project));
    } else {
      out.specs.push_back(r.pattern + "@" + r.version);
    }
  }
  return out;
}

// The verdicts written into the ledgers asked for: the project's vendored one (read, annotated
// and replaced atomically; a ledger that is not JSON is refused, not overwritten) and/or a copy of
// the generated one. Returns a tally line per ledger written, or "" when none was.
std::string write_verified_ledgers(const verify::VerifyReport& report,
                                   const emit::Ledger& generated, const fs::path& project_ledger,
                                   const std::string& ledger_out) {
  std::string line;
  if (!project_ledger.empty() && fs::exists(project_ledger)) {
    // No import, sync or remove may replace lisbind/ while the verdicts are written into it.
    emit::ProjectUpdateLock guard(project_ledger.parent_path().parent_path());
    nlohmann::json vendored;
    try {
      vendored = nlohmann::json::parse(read_file(project_ledger));
    } catch (const nlohmann::json::exception&) {
      throw UserError(project_ledger.string() +
                      " is not valid JSON; regenerate it with `lisbind sync`");
    }
    if (!vendored.is_object() || !vendored.contains("packages") ||
        !vendored["packages"].is_object())
      throw UserError(project_ledger.string() +
                      " is not a lisbind ledger; regenerate it with `lisbind sync`");
    auto tally = verify::record_verification(vendored, report);
    write_file_atomically(project_ledger, vendored.dump(1) + "\n");
    line =
        verify::tally_line(tally, tally.packages) + " (written to " + project_ledger.string() + ")";
  }
  if (!ledger_out.empty()) {
    nlohmann::json copy = generated.to_json();
    auto tally = verify::record_verification(copy, report);
    write_file_atomically(ledger_out, copy.dump(1) + "\n");
    line += (line.empty() ? "" : "\n") + verify::tally_line(tally, tally.packages) +
            " (written to " + ledger_out + ")";
  }
  return line;
}

// `std` names every standard library package to go, internal and vendored ones included, none of
// which a Lisette program can import: verify is given the importable ones by name instead.
std::vector<std::string> expand_std(ProcessRunner& runner, const std::vector<std::string>& specs) {
  if (std::find(specs.begin(), specs.end(), "std") == specs.end()) return specs;
  GoToolchain go(runner);
  ProcessResult r = go.run({"list", "std"}, fs::temp_directory_path());
  if (r.exit_code != 0) throw UserError("`go list std` failed: " + r.err.substr(0, 400));
  std::vector<std::string> out;
  for (const auto& s : specs) {
    if (s != "std") out.push_back(s);
  }
  std::stringstream lines(r.out);
  for (std::string path; std::getline(lines, path);) {
    bool internal = path == "internal" || path.starts_with("internal/") ||
                    path.find("/internal/") != std::string::npos || path.ends_with("/internal");
    if (path.empty() || internal || path.starts_with("vendor/")) continue;
    out.push_back(path);
  }
  return out;
}

bool all_stdlib(const std::vector<std::string>& specs) {
  return std::all_of(specs.begin(), specs.end(), [](const std::string& s) {
    return parse_package_spec(s).origin == SpecOrigin::Stdlib;
  });
}

}  // namespace

CommandAction setup_verify(CLI::App& sub) {
  struct Options {
    std::vector<std::string> specs;
    bool json = false;
    bool quiet = false;
    std::string keep;
    std::string report;
    std::vector<std::string> tags;
    std::string overrides;
    std::string ledger;
    std::string lis_stdlib;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("packages", o->specs,
                 "Package paths or patterns with an optional version, as for `lisbind gen` "
                 "(default, inside a Lisette "
                 "project: the packages it imported, at the versions in lisbind/lisbind.lock, "
                 "and its local modules from their directories)");
  sub.add_flag("--json", o->json, "Print the verification report as JSON (keyed like the ledger)");
  sub.add_flag("-q,--quiet", o->quiet, "No progress lines on stderr");
  sub.add_option("--keep", o->keep, "Keep the probe project in this directory (for debugging)");
  sub.add_option("--report", o->report,
                 "Also write the JSON report (lisbind-verify.json) to this file");
  sub.add_option("--ledger", o->ledger,
                 "Write the ledger of the verified bindings, each symbol with its verification, "
                 "to this file (inside a project with no packages named, lisbind/ledger.json is "
                 "updated)");
  sub.add_option("--tags", o->tags, "Extra Go build tags")->delimiter(',');
  sub.add_option("--lis-stdlib", o->lis_stdlib,
                 "lis's lisette-stdlib crate, whose typedefs judge standard library packages "
                 "(default: $LISBIND_LIS_STDLIB, else cargo's registry)");
  sub.add_option("--overrides", o->overrides, "A TOML file of corrections")
      ->check(CLI::ExistingFile);
  sub.footer(
      "Maps the packages exactly as `lisbind gen` does, writes a scratch Lisette project that "
      "binds them as\n"
      "`lisbind import` does, and probes every bound declaration (functions and methods as typed "
      "values,\n"
      "fields, vars and consts read into their declared types, interface relations, Lisette "
      "implementations of\n"
      "bound interfaces). `lis check`, `lis build` and `go build -gcflags=-e` judge the probes; "
      "each error is\n"
      "traced to its declaration. Every ledger symbol of a verified package gets a verdict\n"
      "(verified, failed, lis-limitation, unprobed, not-bound) with the lis, Go and runtime that "
      "judged it.\n"
      "Standard library packages (`lisbind verify std`, `strconv`, `net/url`) are judged "
      "against lis's own\n"
      "typedefs, the only ones lis reads for them: their disagreements with Go are listed as LIS "
      "lines\n"
      "(lis-std-typedef) and counted, but they are lis's and do not fail the run.\n"
      "Exits 1 when any declaration fails.");
  return [o]() {
    auto t0 = std::chrono::steady_clock::now();
    const bool progress = !o->quiet;
    fs::path script = runtime_script();
    // Inside a project with no packages named: what it imported, with its overrides, and the
    // verdicts go into its vendored ledger.
    fs::path project_ledger;
    fs::path project_dir;
    emit::LocalModules locals;
    if (o->specs.empty()) {
      auto project = find_lisette_project(fs::current_path());
      if (!project)
        throw UserError(
            "name the packages to verify, or run inside a Lisette project that used `lisbind "
            "import`");
      ProjectRequests requests = project_requests(*project);
      locals = std::move(requests.locals);
      project_dir = *project;
      o->specs = std::move(requests.specs);
      project_ledger = *project / "lisbind" / "ledger.json";
      if (o->overrides.empty() && fs::exists(*project / "lisbind-overrides.toml"))
        o->overrides = (*project / "lisbind-overrides.toml").string();
    }
    SystemProcessRunner runner;
    verify::VerifyOptions options;
    options.keep_dir = o->keep;
    options.runtime_script = script;
    options.progress = progress;
    options.info = {kLisbindVersion, kPinnedLisVersion, kMappingRulesId};
    options.lis_stdlib = o->lis_stdlib;
    verify::VerifyReport report;
    emit::Ledger ledger;
    bool load_errors = false;
    if (!o->specs.empty()) {
      if (progress)
        std::cerr << "lisbind verify: loading and mapping "
                  << fmt::format("{}", fmt::join(o->specs, " ")) << "\n";
      std::vector<std::string> specs = expand_std(runner, o->specs);
      GenOutput gen;
      if (all_stdlib(specs)) {
        // lis's typedefs judge std packages: lisbind maps nothing, and needs no function bodies.
        gen.api = load_api_model(runner, {.specs = specs, .extract = {.tags = o->tags}});
      } else {
        gen = load_and_map(runner, {.specs = specs,
                                    .tags = o->tags,
                                    .overrides_file = o->overrides,
                                    .progress = false,
                                    .keep_models = true});
      }
      for (const auto& e : gen.api.errors) {
        std::cerr << "lisbind: package " << e.package
                  << " failed to load and was not bound: " << e.message << "\n";
      }
      load_errors = !gen.api.errors.empty();
      report = verify::run_verify(gen.api, gen.generated, runner, options);
      ledger = gen.generated.ledger;
    }
    // Each local module is loaded from its own directory, as `import` and `sync` load it, and
    // judged in a probe project that declares it `path =` that directory.
    for (const auto& [module, local] : locals) {
      GoToolchain go(runner);
      bool local_errors = false;
      emit::LocalModuleLoad load =
          emit::load_local_module(go, local, Progress(progress), local_errors);
      if (local_errors) {
        load_errors = true;
        continue;
      }
      emit::Overrides overrides =
          emit::load_project_overrides_checked_against(project_dir, load.api);
      emit::Generated generated =
          emit::generate_typedefs(load.api, options.info, &overrides, /*keep_models=*/true);
      verify::VerifyOptions local_options = options;
      local_options.local_module = verify::VerifyOptions::LocalModule{
          .module = module, .root = local.root, .source = load.source};
      if (!o->keep.empty()) {
        // One probe project per local module, named after its module path.
        std::string name = "local-" + module;
        std::replace_if(
            name.begin(), name.end(),
            [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '-'; }, '_');
        local_options.keep_dir = fs::path(o->keep) / name;
      }
      verify::VerifyReport local_report =
          verify::run_verify(load.api, generated, runner, local_options);
      if (report.judge.lis.empty()) report.judge = local_report.judge;
      for (auto& p : local_report.packages) report.packages.push_back(std::move(p));
      for (auto& n : local_report.notes) report.notes.push_back(std::move(n));
      for (auto& n : local_report.skipped_packages) report.skipped_packages.push_back(std::move(n));
      ledger.append(generated.ledger.entries());
    }
    report.ledger = &ledger;
    if (!o->report.empty()) write_file_atomically(o->report, report.to_json().dump(1) + "\n");
    const std::string tally = write_verified_ledgers(report, ledger, project_ledger, o->ledger);
    if (o->json) {
      std::cout << report.to_json().dump(1) << "\n";
    } else {
      std::cout << report.text();
      if (!tally.empty()) std::cout << tally << "\n";
    }
    auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (progress) {
      std::cerr << fmt::format(
          "lisbind verify: {:.1f} s{}\n", secs,
          o->keep.empty() ? "" : "; probe project kept in " + fs::absolute(o->keep).string());
    }
    return report.packages_failed() == 0 && !load_errors && report.notes.empty() ? 0 : 1;
  };
}

}  // namespace lisbind::cli
