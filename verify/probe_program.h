// Lisette probe source for one bound Go package: every bound declaration used in a way that makes
// lis emit fully typed Go, so that the Go compiler judges the binding against the real package.
//
// Each probe is one top-level Lisette function (plus the helpers it needs), numbered; the number
// appears in every emitted Go name of the probe (`probe_17` -> `probe17`, `take_17` -> `take17`),
// which is how an error in the Lisette or the Go source is traced back to the declaration.
// Probes are decided from the typed models (lis::File and the Go API model), never from text.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/api_model.h"
#include "syntax/lisette_model.h"

namespace lisbind::verify {

enum class ProbeKind {
  Func,        // pkg.F passed where fn(params) -> result is expected
  Method,      // pkg.T.M passed where fn(receiver, params) -> result is expected
  Field,       // v.F passed where the field's declared type is expected
  Var,         // pkg.V passed where its declared type is expected
  Const,       // pkg.C likewise
  Type,        // pkg.T as a parameter type
  Implements,  // a T or Ref<T> passed where interface I is expected (Go says it implements I)
  Implement,   // a Lisette struct implementing bound interface I passed where I is expected
  Embedded,    // v.E, an embedded field, passed where its type is expected
  Promoted,    // pkg.T.M for a method T gets from an embedded field, passed like a method
};
const char* kind_name(ProbeKind kind);

struct Probe {
  int id = 0;
  ProbeKind kind = ProbeKind::Func;
  std::string package;        // Go import path of the bound package
  std::string ledger_symbol;  // the ledger key it verifies: `Name` or `Type.Method`
  std::string what;  // the use, for people: `Sample.Histogram`, `*Sample implements fmt.Stringer`
  std::string go_decl;   // the Go declaration, Go syntax
  std::string lis_decl;  // the Lisette declaration, as bound
  std::string text;      // the Lisette items of the probe (helpers and probe_<id>), ending in "\n"
  std::vector<std::string> imports;  // extra `import` lines it needs beyond the package's own
};

// Declarations that were not probed, and why (generic, embedded field, ...).
struct Unprobed {
  std::string package;
  std::string ledger_symbol;
  std::string reason;
};

struct PackageProbes {
  std::string package;
  std::string binding;                    // the name the probe files import the package as
  std::string file_stem;                  // src/<file_stem>.lis
  std::vector<std::string> base_imports;  // import lines every probe file of the package has
  std::vector<Probe> probes;
  std::vector<Unprobed> unprobed;
};

// Which named types of the model implement which interfaces, by Go's method-set rules, for the
// interfaces that can be checked (exported methods only, fully known, non-generic, non-empty).
struct Implementation {
  std::string type_package, type_name;
  bool pointer = false;  // only *T implements it
  std::string interface_package, interface_name;
};
std::vector<Implementation> find_implementations(const model::ApiModel& api,
                                                 const std::string& type_package);

// `first_id` numbers the probes; ids stay unique across packages. `bound_packages`: the Go
// packages that have a typedef (lisbind's or lis's own), so their types can be named.
// `typedefs`: lisbind's typedefs by Go package, where the methods a type promotes from an
// embedded type of another package are declared (none: only promotions within the package).
PackageProbes make_probes(const model::ApiModel& api, const model::Package& package,
                          const lis::File& file, const std::set<std::string>& bound_packages,
                          int first_id, const std::map<std::string, lis::File>* typedefs = nullptr);

// A type as the package's typedef writes it, as code importing the package under `binding` writes
// it: each of `own_types` it names bare gets the binding (`Option<mut Ref<Sample>>` ->
// `Option<mut Ref<model.Sample>>`), and so does one it names through the package's own binding
// name `own_binding` (a typedef writes `gentype.Option` for its own type that looks like the
// prelude's); `Self` becomes `self_type` when there is one.
lis::Type qualify_type(const lis::Type& type, const std::set<std::string>& own_types,
                       const std::string& binding,
                       const std::optional<lis::Type>& self_type = std::nullopt,
                       const std::string& own_binding = "");

// One `.lis` file with the given probes of a package (`main` references each probe so that lis
// emits it). `first_lines[i]`/`last_lines[i]` receive the 1-based line span of probes[i].
struct RenderedFile {
  std::string text;
  std::vector<std::pair<int, int>> spans;  // per probe, [first, last] lines
};
RenderedFile render_probe_file(const PackageProbes& package,
                               const std::vector<const Probe*>& probes);

// src/main.lis: a `main` that references every probe function so none is dead code.
std::string render_main(const std::vector<int>& probe_ids);

}  // namespace lisbind::verify
