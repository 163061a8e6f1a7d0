#pragma once
// A bad request parameter: a BadInput error whose location names the parameter, so the API
// answers 400 with {"error": {..., "parameter": name}}.
#include <string>

#include "core/error.h"

namespace dp::publish {

inline Error bad_param(const std::string& name, std::string message) {
  Location where;
  where.field = name;
  return Error::bad_input(std::move(message), std::move(where));
}

}  // namespace dp::publish
