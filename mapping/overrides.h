// A project's corrections to lisbind's decisions, kept beside its bindings
// (`lisbind-overrides.toml` at the project root, or `gen --overrides FILE`). One table per Go
// package; one entry per symbol (`Func`, `Type.Method`):
//
//   ["k8s.io/client-go/util/workqueue"]
//   "TypedInterface.Get" = { flag_bool = true }
//   [os]
//   "NewFile" = { result = "nilable" }          # or "non-nil"
//   "Getpagesize" = { skip = true }
//   "Getwd" = { rename = "CurrentDir" }
//   [io]
//   "Copy" = { partial = true, mutates = ["dst"] }
//   ["example.com/x"]
//   "Check" = { direct_error = true }
//
// They are applied last, on top of the body evidence, and every use is recorded in the ledger.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/api_model.h"

namespace lisbind::emit {

struct Override {
  std::string result;  // "nilable" | "non-nil" | ""
  bool partial = false;
  bool flag_bool = false;
  bool direct_error = false;
  bool skip = false;
  std::string rename;
  std::vector<std::string> mutates;  // Go parameter names the function writes through
};

class Overrides {
 public:
  // Throws UserError naming the file and the bad entry.
  static Overrides load(const std::filesystem::path& file);
  static Overrides parse(const std::string& text, const std::string& origin);

  const Override* find(const std::string& package, const std::string& symbol) const;
  // Entries that do not fit the loaded packages, one line each: a symbol the package does not
  // declare, a rename onto a name the package (or the type) already has, a `mutates` name that
  // is not a parameter. Packages that were not loaded are not checked (the file may serve other
  // imports).
  std::vector<std::string> check_against(const model::ApiModel& api) const;
  bool empty() const { return entries_.empty(); }

 private:
  std::map<std::pair<std::string, std::string>, Override> entries_;
};

// The body's evidence with `override` applied on top: its `result` decides whether the first
// result may be nil, its `mutates` marks parameters written, each with "the overrides file" as
// the place. Without an override, the evidence as it is.
model::Facts apply_override(const model::Facts& facts, const model::Signature& sig,
                            const Override* override);

}  // namespace lisbind::emit
