// One Go package to one `.d.lis` file plus its ledger entries. Every exported declaration is
// decided by a named rule of its construct's rule file (const_rules.h, function_rules.h,
// type_rules.h and the files they use); a construct with no Lisette form is skipped on its own,
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

}  // namespace lisbind::emit
