// Error lines from lis and Go, traced back to the probe (hence the declaration) that caused them.
// lis reports positions in the probe `.lis` files, Go in the `.go` files lis emitted from them;
// either way the enclosing probe is found from the position.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace lisbind::verify {

struct Diagnostic {
  std::string file;  // as printed: `src/probe_x.lis`, `probe_x.go`
  int line = 0;
  int column = 0;
  std::string message;  // continuation lines appended after "\n"
  std::string code;     // lis's diagnostic code (`infer.type_mismatch`); empty for Go
};

// `lis check --errors-only --output unix`: `src/f.lis:7:10: error: message [code]`.
std::vector<Diagnostic> parse_lis_diagnostics(const std::string& output);

// `go build` (directly or through `lis build`): `./f.go:10:8: message`, `target/f.go:...`,
// `f.go:...`, tab-indented continuation lines belong to the error above them.
std::vector<Diagnostic> parse_go_errors(const std::string& output);

// The probe whose [first, last] line span holds `line`: ids[i] spans spans[i]; -1 if none.
int probe_at_line(const std::vector<std::pair<int, int>>& spans, const std::vector<int>& ids,
                  int line);

// The probe number of the top-level Go declaration enclosing `line` of `go_source`: lis keeps
// the number in every name it emits for a probe (`probe17`, `take17`, `Impl17`); -1 if none.
int probe_in_go_source(const std::string& go_source, int line);

// The file name without directories and extension (`./x/probe_a.go` -> `probe_a`).
std::string file_stem(const std::string& file);

}  // namespace lisbind::verify
