#pragma once
// Answers of the open API served from the site's cache of encoded responses (ETag,
// Cache-Control, gzip done once per answer, not per request). Parameters, the rate limit and
// CORS are in src/api/, shared with the other modules that serve a part of the API.
#include <functional>
#include <string>
#include <vector>

#include "publish/response_cache.h"
#include "publish/site.h"
#include "web/http.h"

namespace dp::publish {

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
