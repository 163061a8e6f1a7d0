#pragma once
// Plumbing every /api/v1/ handler shares: parameter parsing whose errors name the parameter
// (400, JSON), the rate limit (429 with Retry-After), CORS for GET, and answers served from the
// cache of encoded responses (ETag, Cache-Control, gzip done once per answer, not per request).
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "publish/response_cache.h"
#include "publish/site.h"
#include "web/http.h"

namespace dp::publish {

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

// Applies the rate limit to an API call: nullopt when allowed, else the 429 answer.
std::optional<web::Response> rate_limited(Site& site, const web::Request& req);

// CORS headers for a public GET answer.
void add_cors(web::Response& res);

// The cache key of a request under a data revision: revision, language and the URL with its
// query parameters in a canonical order.
std::string cache_key(const std::string& revision, const web::Request& req);

// Encodes an answer for the cache: computes the ETag and, for compressible types, the gzip.
CachedResponse encode(int status, std::string content_type, std::string body,
                      std::vector<std::pair<std::string, std::string>> headers = {});

// The answer to a request from a cached entry (gzip when the client accepts it).
web::Response from_cache(const CachedResponse& c, const web::Request& req, const std::string& cache_control);

// Serves `produce()` through the cache under `key`.
web::Response cached(Site& site, const web::Request& req, const std::string& key, const std::string& cache_control,
                     const std::function<CachedResponse()>& produce);

}  // namespace dp::publish
