#pragma once
// Query parameters of the public API (/api/v1/): parsed so that an error names the parameter, so
// the API answers 400 with {"error": {..., "parameter": name}}. Shared by every module that
// serves a part of the API.
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "web/http.h"

namespace dp::api {

// A bad request parameter: a BadInput error whose location names the parameter.
inline Error bad_param(const std::string& name, std::string message) {
  Location where;
  where.field = name;
  return Error::bad_input(std::move(message), std::move(where));
}

// Comma-separated and/or repeated values of a query parameter, trimmed, without empties.
std::vector<std::string> list_param(const web::Request& req, const std::string& name);
// Years: integers 1900..2100. Throws BadInput naming the parameter.
std::vector<int> years_param(const web::Request& req, const std::string& name);
// A positive integer (default when absent), at most max. Throws BadInput naming the parameter.
size_t count_param(const web::Request& req, const std::string& name, size_t fallback, size_t max);
// One of a fixed set of values (default when absent). Throws BadInput naming the parameter.
std::string choice_param(const web::Request& req, const std::string& name, const std::vector<std::string>& allowed,
                         const std::string& fallback);
// Rejects any query parameter not in `allowed` (a typo would otherwise silently return
// everything). Throws BadInput naming the parameter.
void only_params(const web::Request& req, const std::set<std::string>& allowed);

}  // namespace dp::api
