// `lisbind verify` as named steps: select the bound packages, write the probe project (declared
// and installed exactly as `lisbind import` does), `lis check` until the probes that lis rejects
// are set aside, `lis build` plus `go build -gcflags=-e` for every Go error, trace each error to
// its probe, and report per declaration.
//
// Standard library packages are probed from lis's own embedded typedefs (verify/std_typedefs.h),
// the only ones lis reads for them; their failures are lis's (kLisStdTypedef), not lisbind's.
//
// The report (`lisbind-verify.json`) is keyed like the ledger by package and symbol;
// verify/verified_ledger.h writes its verdicts into a ledger.
#pragma once

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/process.h"
#include "mapping/generator.h"
#include "mapping/package_mapper.h"
#include "model/api_model.h"
#include "verify/probe_program.h"

namespace lisbind::verify {

struct VerifyOptions {
  std::filesystem::path keep_dir;        // empty: a temporary project, removed afterwards
  std::filesystem::path runtime_script;  // scripts/with-lis-runtime
  std::string lis = "lis";
  bool progress = false;  // progress lines on stderr
  emit::GeneratorInfo info;
  // Standard library packages are judged by lis's own typedefs (verify/std_typedefs.h): the
  // lisette-stdlib crate of info.lis_version (empty: found in cargo's registry). The tool that
  // parses them is found by find_dlis_parse().
  std::filesystem::path lis_stdlib;
  // A local module (`lisbind import PATH`) whose packages are verified: the probe project
  // declares it `path =` its directory, as an import does. Its packages have no version.
  struct LocalModule {
    std::string module;          // its module path
    std::filesystem::path root;  // the directory holding its go.mod, absolute
    std::string source;          // local_module_hash of its sources when loaded
  };
  std::optional<LocalModule> local_module;
};

// The code of a probe failure that is lis's own: its embedded typedef of a standard library
// package, not a lisbind binding, disagrees with Go (or with lis itself).
inline constexpr const char* kLisStdTypedef = "lis-std-typedef";

enum class Outcome { Verified, Failed, LisLimitation, Unchecked };
const char* outcome_name(Outcome outcome);

struct ProbeOutcome {
  Probe probe;
  Outcome outcome = Outcome::Unchecked;
  std::string stage;    // lis check | lis emit | go build
  std::string message;  // the error(s), as lis or Go printed them
  std::string code;     // LisLimitation: which one (verify/lis_limitations.h, kLisStdTypedef)
};

struct PackageResult {
  std::string package;
  // The probes judge lis's own typedef (a standard library package), not lisbind's: their
  // failures are lis's (kLisStdTypedef) and never fail the package.
  bool lis_typedef = false;
  std::string typedef_file;  // lis_typedef: the lisette-stdlib file lis embeds for the package
  std::vector<ProbeOutcome> probes;
  std::vector<Unprobed> unprobed;
  size_t count(Outcome outcome) const;
  // Known lis limitations (verify/lis_limitations.h) do not fail a package; they are listed.
  bool passed() const { return count(Outcome::Failed) + count(Outcome::Unchecked) == 0; }
};

// What judged the probes: a verification holds for these versions, not for others.
struct Judge {
  std::string lis;      // `lis --version`
  std::string go;       // `go env GOVERSION`
  std::string runtime;  // which lis runtime module the build used (scripts/with-lis-runtime)
};

struct VerifyReport {
  Judge judge;
  std::vector<PackageResult> packages;
  std::vector<std::string> notes;  // errors no probe could be blamed for, tool failures
  // Matched but not verifiable (internal, or lis's typedef missing or unreadable), with the
  // reason; unlike a note, never a failure of the run.
  std::vector<std::string> skipped_packages;
  std::filesystem::path project;  // the probe project (gone unless kept)
  const emit::Ledger* ledger = nullptr;

  size_t packages_failed() const;
  size_t lis_typedef_packages() const;
  // Keyed like the ledger: one record per (package, symbol) with its probes.
  nlohmann::json to_json() const;
  // Failures with their declarations, one summary line per package, `N passed, M failed`; when
  // std packages were verified, a line counting what lis's own typedefs got right and wrong.
  std::string text() const;
};

VerifyReport run_verify(const model::ApiModel& api, const emit::Generated& generated,
                        ProcessRunner& runner, const VerifyOptions& options);

}  // namespace lisbind::verify
