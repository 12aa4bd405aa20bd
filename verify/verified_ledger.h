// What `lisbind verify` proved, written into the ledger: each entry of a verified package gets a
// `verification` (verified, failed, lis-limitation, unchecked, unprobed or not-bound) and, for
// anything but verified, a `verification_note` saying why; the ledger gains one `verification`
// block naming the lis, Go and runtime that judged it.
//
// The ledger lisbind generates stays a pure function of the model and the rules (that is what is
// cached and hashed); verification is added on top, by verify, to a copy it writes (`--ledger`)
// or to the project's vendored `lisbind/ledger.json`. An `import` or `sync` that rewrites the
// ledger drops the verdicts, which is right: the new bindings have not been judged yet.
#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>

#include "verify/verify_run.h"

namespace lisbind::verify {

// The verdict on one ledger symbol: the worst outcome among its probes, or why it has none.
struct SymbolVerdict {
  std::string status;  // verified | failed | lis-limitation | unchecked | unprobed
  // The error, the limitation or the reason unprobed; on a verified symbol, any use that could not
  // be probed (`not probed: ...`), else empty.
  std::string note;
};

// Keyed by (package, ledger symbol), for the verified packages of `report`.
std::map<std::pair<std::string, std::string>, SymbolVerdict> symbol_verdicts(
    const VerifyReport& report);

struct VerificationTally {
  int verified = 0, failed = 0, lis_limitation = 0, unchecked = 0, unprobed = 0, not_bound = 0;
  size_t packages = 0;  // the packages whose entries were judged (see record_verification)
  int total() const {
    return verified + failed + lis_limitation + unchecked + unprobed + not_bound;
  }
};

// Adds the verdicts to `ledger` (the JSON form of mapping/ledger.h: `packages` -> entries) for
// every package the report verified against lisbind's typedef; entries of other packages are
// left untouched. Packages judged against lis's own std typedefs (PackageResult::lis_typedef) are
// not lisbind's bindings and have no ledger entries, so they are neither annotated, listed nor
// counted. A bound symbol of a verified package that no probe reached is `unprobed` with a note
// saying so, never silently passed. Returns the tally over the entries it annotated, and in
// `packages` how many packages it covered.
VerificationTally record_verification(nlohmann::json& ledger, const VerifyReport& report);

// `ledger: N symbols in M packages: ... verified, ... unprobed ...` for the summary.
std::string tally_line(const VerificationTally& tally, size_t packages);

}  // namespace lisbind::verify
