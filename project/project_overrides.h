// A project's corrections to the mapping, lisbind-overrides.toml beside lisette.toml: applied on
// every regeneration of its bindings, and part of what decides them (its digest is in the lock
// and in the bindings cache key).
#pragma once

#include <filesystem>
#include <string>

#include "mapping/overrides.h"
#include "model/api_model.h"

namespace lisbind::emit {

std::filesystem::path project_overrides_file(const std::filesystem::path& project);

// fnv1a_hex of the file; empty when the project has none.
std::string project_overrides_digest(const std::filesystem::path& project);

// No overrides when the project has no file. Throws UserError for a malformed one.
Overrides load_project_overrides(const std::filesystem::path& project);

// The overrides, refused (UserError naming the first problem) when they name symbols, parameters
// or renames the loaded API does not have: before anything is mapped or written.
Overrides load_project_overrides_checked_against(const std::filesystem::path& project,
                                                 const model::ApiModel& api);

}  // namespace lisbind::emit
