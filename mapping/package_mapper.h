// One Go package to one `.d.lis` file plus its ledger entries. Every exported declaration is
// decided here, each by a named rule; a construct with no Lisette form is skipped on its own,
// never taking its neighbours with it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "mapping/binding_record.h"
#include "mapping/ledger.h"
#include "mapping/method_sets.h"
#include "mapping/overrides.h"
#include "model/api_model.h"
#include "syntax/lisette_model.h"

namespace lisbind::emit {

struct GeneratorInfo {
  std::string lisbind_version;
  std::string lis_version;
  std::string rules_id{};  // recorded in locks; see cmake/rules_id.cmake
};

struct MapOptions {
  const Overrides* overrides = nullptr;
  bool record_decisions = false;  // for `lisbind explain`
  // Which interfaces each type implements, so that its methods keep the interfaces' shapes.
  const ImplementsIndex* implements = nullptr;
};

struct MappedPackage {
  lis::File file;
  std::vector<LedgerEntry> ledger;
  std::map<std::string, Binding>
      bindings;  // by symbol (functions, methods, fields), with record_decisions
};

MappedPackage map_package(const model::ApiModel& api, const model::Package& package,
                          const GeneratorInfo& info, const MapOptions& options = {});

// `///` lines from a Go doc comment.
std::vector<std::string> doc_lines(const std::string& doc);

// A Go constant's value as a Lisette literal. Throws Unmappable for values Lisette cannot write.
std::string const_literal(const model::ConstValue& value);

// A Go string literal (as constant.Value.ExactString prints it) as a Lisette string literal.
std::string lisette_string_literal(const std::string& go_quoted);

}  // namespace lisbind::emit
