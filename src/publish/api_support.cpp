#include "publish/api_support.h"

#include <algorithm>
#include <map>

#include "core/error.h"
#include "core/text.h"
#include "web/compress.h"

namespace dp::publish {

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
  res.headers.emplace_back("Access-Control-Expose-Headers",
                           "ETag, Link, Retry-After, Content-Disposition, X-Total-Pages");
  return res;
}

web::Response cached(Site& site, const web::Request& req, const std::string& key, const std::string& cache_control,
                     const std::function<CachedResponse()>& produce) {
  auto hit = site.cache().get(key);
  if (!hit) hit = site.cache().put(key, produce());
  return from_cache(*hit, req, cache_control);
}

}  // namespace dp::publish
