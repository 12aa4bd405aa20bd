// lis's own typedefs for the Go standard library, read into lis::File for `lisbind verify std`.
//
// lis never reads lisbind's typedefs for std packages: `import "go:strconv"` always resolves to
// the typedef embedded in the lis binary (docs/lis-facts.md §2.4). Those are built from the
// lisette-stdlib crate of the pinned lis release, which cargo left in its registry when it
// installed lis: `typedefs/<path>.d.lis`, indexed by `src/go_modules.tsv` (`common` files, and
// per-GOOS/GOARCH `overlay` files that win over them). They are read with lis's own parser
// (tools/dlis-parse) and converted by syntax/dlis_json_reader.h.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "base/process.h"
#include "syntax/dlis_json_reader.h"

namespace lisbind::verify {

// The lisette-stdlib-<lis_version> crate: `explicit_dir` when given, else $LISBIND_LIS_STDLIB,
// else the first `<cargo home>/registry/src/*/lisette-stdlib-<lis_version>/` ($CARGO_HOME, else
// ~/.cargo). Throws UserError saying what to do when there is none.
std::filesystem::path find_lis_stdlib(const std::string& lis_version,
                                      const std::filesystem::path& explicit_dir = {});

// tools/dlis-parse: $LISBIND_DLIS_PARSE, else tools/dlis-parse/target/release/dlis-parse of the
// source tree `exe` was built in (build/lisbind -> ..), else `dlis-parse` on PATH. `exe` empty:
// the running binary. Throws UserError saying what to do when there is none.
std::filesystem::path find_dlis_parse(const std::filesystem::path& exe = {});

// src/go_modules.tsv of the crate: which file lis embeds for a package on a target.
class StdTypedefIndex {
 public:
  // Throws UserError when the index is missing or malformed.
  static StdTypedefIndex load(const std::filesystem::path& crate);
  static StdTypedefIndex parse(const std::string& tsv, const std::filesystem::path& crate);

  // typedefs/<file> for `package` on goos/goarch: the overlay for the target, else the common file;
  // nothing when lis has no typedef for it there (lis then reports unknown_go_stdlib_package).
  std::optional<std::filesystem::path> file_for(const std::string& package, const std::string& goos,
                                                const std::string& goarch) const;

 private:
  std::filesystem::path typedefs_;
  std::map<std::string, std::string> common_;
  std::map<std::tuple<std::string, std::string, std::string>, std::string> overlays_;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> targets_;
};

struct StdTypedef {
  std::string package;
  std::filesystem::path file;
  lis::DlisReadResult read;
};

struct StdTypedefs {
  std::map<std::string, StdTypedef> typedefs;     // by package path
  std::vector<std::string> missing;               // packages lis has no typedef for on the target
  std::map<std::string, std::string> unreadable;  // package -> why its typedef could not be read
};

// Reads lis's typedefs of `packages` for goos/goarch with one run of dlis-parse. A file lis's
// parser rejects is `unreadable`; throws UserError when dlis-parse cannot run or prints something
// that is not its JSON.
StdTypedefs read_std_typedefs(ProcessRunner& runner, const std::filesystem::path& dlis_parse,
                              const StdTypedefIndex& index,
                              const std::vector<std::string>& packages, const std::string& goos,
                              const std::string& goarch);

}  // namespace lisbind::verify
