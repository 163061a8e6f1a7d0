#include "publish/api_support.h"

#include <algorithm>
#include <map>

#include "core/error.h"
#include "publish/param_error.h"
#include "core/text.h"
#include "web/compress.h"

namespace dp::publish {

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
    bool digits = !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
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
  bool digits = !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
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

std::optional<web::Response> rate_limited(Site& site, const web::Request& req) {
  auto d = site.limiter().check(req.remote_ip);
  if (d.allowed) return std::nullopt;
  const auto& l = site.limiter().limit();
  auto res = web::Response::json_error(429, "too_many_requests",
                                       "Rate limit: at most " + std::to_string(l.max_calls) + " calls per " +
                                           std::to_string(l.window_seconds) + " seconds per client. Retry after " +
                                           std::to_string(d.retry_after_seconds) + " s.");
  res.set_header("Retry-After", std::to_string(d.retry_after_seconds));
  res.set_header("Cache-Control", "no-store");
  add_cors(res);
  return res;
}

void add_cors(web::Response& res) {
  res.set_header("Access-Control-Allow-Origin", "*");
  res.set_header("Access-Control-Expose-Headers", "ETag, Link, Retry-After, Content-Disposition, X-Total-Pages");
}

std::string cache_key(const std::string& revision, const web::Request& req) {
  std::string key = revision;
  key += '\x1f';
  key += lang_code(req.lang);
  key += '\x1f';
  key += req.path;
  std::vector<std::pair<std::string, std::string>> q(req.query.begin(), req.query.end());
  std::stable_sort(q.begin(), q.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (const auto& [k, v] : q) {
    if (k == "lang") continue;
    key += '\x1f';
    key += k;
    key += '=';
    key += v;
  }
  return key;
}

CachedResponse encode(int status, std::string content_type, std::string body,
                      std::vector<std::pair<std::string, std::string>> headers) {
  CachedResponse c;
  c.status = status;
  c.etag = web::etag_of(body);
  if (body.size() > 860 && web::compressible(content_type))
    if (auto z = web::gzip(body)) c.gzip = std::make_shared<const std::string>(std::move(*z));
  c.content_type = std::move(content_type);
  c.body = std::make_shared<const std::string>(std::move(body));
  c.headers = std::move(headers);
  return c;
}

web::Response from_cache(const CachedResponse& c, const web::Request& req, const std::string& cache_control) {
  web::Response res;
  res.status = c.status;
  res.content_type = c.content_type;
  bool gz = c.gzip && req.header("accept-encoding").find("gzip") != std::string::npos;
  res.headers.reserve(c.headers.size() + 8);
  res.headers = c.headers;
  if (c.status == 200) res.headers.emplace_back("ETag", c.etag);
  res.headers.emplace_back("Cache-Control", cache_control);
  if (gz) {
    res.shared_body = c.gzip;
    res.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    res.shared_body = c.body;
  }
  if (c.gzip || web::compressible(c.content_type)) res.headers.emplace_back("Vary", "Accept-Encoding");
  res.headers.emplace_back("Access-Control-Allow-Origin", "*");
  res.headers.emplace_back("Access-Control-Expose-Headers", "ETag, Link, Retry-After, Content-Disposition, X-Total-Pages");
  return res;
}

web::Response cached(Site& site, const web::Request& req, const std::string& key, const std::string& cache_control,
                     const std::function<CachedResponse()>& produce) {
  auto hit = site.cache().get(key);
  if (!hit) hit = site.cache().put(key, produce());
  return from_cache(*hit, req, cache_control);
}

}  // namespace dp::publish
