// Reads the Go helper's JSON document into the API model and writes the model back out.
// Writing back is what `lisbind dump --json` prints, and a round trip is how the tests prove
// that the reader loses nothing.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "model/api_model.h"

namespace lisbind::model {

// The schema version this reader understands; the helper writes the same number.
inline constexpr int kSchemaVersion = 1;

// Throws UserError naming the offending field when the document does not fit the schema.
ApiModel parse_api_model(std::string_view json_text);
ApiModel api_model_from_json(const nlohmann::json& document);

nlohmann::json to_json(const ApiModel& model);

}  // namespace lisbind::model
