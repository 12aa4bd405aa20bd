// The readable form of a model that `lisbind dump` prints: one line per package with counts per
// declaration kind, then totals and load errors.
#pragma once

#include <string>

#include "model/api_model.h"

namespace lisbind::model {

struct DeclCounts {
  int consts = 0, vars = 0, funcs = 0, types = 0, methods = 0, unexported_types = 0;
  DeclCounts& operator+=(const DeclCounts& o);
};

DeclCounts count_decls(const Package& package);

std::string format_summary(const ApiModel& model);

}  // namespace lisbind::model
