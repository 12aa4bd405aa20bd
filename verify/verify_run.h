// `lisbind verify` as named steps: select the bound packages, write the probe project (declared
// and installed exactly as `lisbind import` does), `lis check` until the probes that lis rejects
// are set aside, `lis build` plus `go build -gcflags=-e` for every Go error, trace each error to
// its probe, and report per declaration.
//
// The report (`lisbind-verify.json`) is keyed like the ledger by package and symbol;
// verify/verified_ledger.h writes its verdicts into a ledger.
#pragma once

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
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
};

enum class Outcome { Verified, Failed, LisLimitation, Unchecked };
const char* outcome_name(Outcome outcome);

struct ProbeOutcome {
  Probe probe;
  Outcome outcome = Outcome::Unchecked;
  std::string stage;    // lis check | lis emit | go build
  std::string message;  // the error(s), as lis or Go printed them
};

struct PackageResult {
  std::string package;
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
  std::vector<std::string>
      skipped_packages;           // matched but not verifiable (internal), with the reason
  std::filesystem::path project;  // the probe project (gone unless kept)
  const emit::Ledger* ledger = nullptr;

  size_t packages_failed() const;
  // Keyed like the ledger: one record per (package, symbol) with its probes.
  nlohmann::json to_json() const;
  // Failures with their declarations, one summary line per package, `N passed, M failed`.
  std::string text() const;
};

VerifyReport run_verify(const model::ApiModel& api, const emit::Generated& generated,
                        ProcessRunner& runner, const VerifyOptions& options);

}  // namespace lisbind::verify
