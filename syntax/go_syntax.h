// Go type expressions printed in Go syntax with full import paths (`*text/template/parse.Tree`),
// the form lis uses to identify an unexported interface method across packages.
#pragma once

#include <string>

#include "model/api_model.h"

namespace lisbind::emit {

std::string go_type_text(const model::TypeRef& type);

// `pkg/path.name(param types) result types`, as lis's #[go(unexported, "...")] expects.
// `func (T) Name(a int, b ...string) (int, error)` for display.
std::string go_func_text(const std::string& receiver, const std::string& name,
                         const model::Signature& sig);

std::string go_method_identity(const std::string& package_path, const std::string& name,
                               const model::Signature& sig);

}  // namespace lisbind::emit
