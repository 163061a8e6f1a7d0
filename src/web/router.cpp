#include "web/router.h"

#include "core/error.h"
#include "core/text.h"

namespace dp::web {

static std::vector<std::string> path_segments(const std::string& path) {
  std::vector<std::string> out;
  for (auto& s : split(path, '/'))
    if (!s.empty()) out.push_back(s);
  return out;
}

void add_route(Router& r, std::string method, std::string pattern, std::string access, Handler handler,
               RouteOptions options) {
  if (access.empty()) throw Error::internal("route " + pattern + " has no access policy");
  if (!handler) throw Error::internal("route " + pattern + " has no handler");
  std::string name = method + " " + pattern;
  for (const auto& existing : r.routes_)
    if (existing.name == name) throw Error::internal("route " + name + " is declared twice");
  r.segments_.push_back(path_segments(pattern));
  r.routes_.push_back(
      {std::move(method), std::move(pattern), std::move(access), std::move(handler), options, std::move(name)});
}

static bool is_param(const std::string& p) { return p.size() > 2 && p.front() == '{' && p.back() == '}'; }
static bool is_rest(const std::string& p) {
  return p.size() > 5 && is_param(p) && p.compare(p.size() - 4, 4, "...}") == 0;
}

Match Router::match(const std::string& method, const std::string& path) const {
  Match m;
  auto segs = path_segments(path);
  for (size_t i = 0; i < routes_.size(); ++i) {
    const auto& pat = segments_[i];
    bool rest = !pat.empty() && is_rest(pat.back());
    size_t fixed = rest ? pat.size() - 1 : pat.size();
    if (rest ? segs.size() <= fixed : segs.size() != fixed) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (size_t j = 0; j < fixed && ok; ++j) {
      if (is_param(pat[j])) params[pat[j].substr(1, pat[j].size() - 2)] = segs[j];
      else ok = pat[j] == segs[j];
    }
    if (!ok) continue;
    if (rest) {
      std::string r;
      for (size_t k = fixed; k < segs.size(); ++k) r += (k > fixed ? "/" : "") + segs[k];
      params[pat.back().substr(1, pat.back().size() - 5)] = r;
    }
    if (routes_[i].method != method) {
      m.path_matched = true;
      continue;
    }
    m.route = &routes_[i];
    m.params = std::move(params);
    return m;
  }
  return m;
}

}  // namespace dp::web
