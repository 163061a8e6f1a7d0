#pragma once
// What every public API answer gets, whichever module serves it: the per-client rate limit (429
// with Retry-After) and CORS for GET.
#include <optional>

#include "web/http.h"
#include "web/rate_limiter.h"

namespace dp::api {

// Applies the rate limit to an API call: nullopt when allowed, else the 429 answer.
std::optional<web::Response> rate_limited(web::RateLimiter& limiter, const web::Request& req);

// CORS headers for a public GET answer.
void add_cors(web::Response& res);

}  // namespace dp::api
