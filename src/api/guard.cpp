#include "api/guard.h"

#include <string>

namespace dp::api {

std::optional<web::Response> rate_limited(web::RateLimiter& limiter, const web::Request& req) {
  auto d = limiter.check(req.remote_ip);
  if (d.allowed) return std::nullopt;
  const auto& l = limiter.limit();
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

}  // namespace dp::api
