#include "api/params.h"

#include <algorithm>

#include "core/text.h"

namespace dp::api {

std::vector<std::string> list_param(const web::Request& req, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& v : req.q_all(name))
    for (auto& part : split(v, ',')) {
      auto t = trim(part);
      if (!t.empty()) out.push_back(t);
    }
  return out;
}

std::vector<int> years_param(const web::Request& req, const std::string& name) {
  std::vector<int> out;
  for (const auto& s : list_param(req, name)) {
    bool digits =
        !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    int y = digits ? std::stoi(s) : 0;
    if (!digits || y < 1900 || y > 2100)
      throw bad_param(name, "'" + s + "' is not a year (expected four digits, e.g. 2021)");
    out.push_back(y);
  }
  return out;
}

size_t count_param(const web::Request& req, const std::string& name, size_t fallback, size_t max) {
  auto v = req.q(name);
  if (!v) return fallback;
  std::string s = trim(*v);
  bool digits =
      !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  size_t n = digits ? std::stoul(s) : 0;
  if (!digits || n == 0 || n > max)
    throw bad_param(name, name + " must be a whole number from 1 to " + std::to_string(max) + ", not '" + *v + "'");
  return n;
}

std::string choice_param(const web::Request& req, const std::string& name, const std::vector<std::string>& allowed,
                         const std::string& fallback) {
  auto v = req.q(name);
  if (!v) return fallback;
  if (std::find(allowed.begin(), allowed.end(), *v) != allowed.end()) return *v;
  throw bad_param(name, name + " must be one of " + join(allowed, ", ") + ", not '" + *v + "'");
}

void only_params(const web::Request& req, const std::set<std::string>& allowed) {
  for (const auto& [k, v] : req.query)
    if (!allowed.count(k))
      throw bad_param(k, "unknown parameter '" + k + "'; this address accepts: " +
                             join(std::vector<std::string>(allowed.begin(), allowed.end()), ", "));
}

}  // namespace dp::api
