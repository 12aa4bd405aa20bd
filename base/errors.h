// The one error type a user sees: a single line saying what went wrong and what to do.
#pragma once

#include <stdexcept>
#include <string>

namespace lisbind {

class UserError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace lisbind
