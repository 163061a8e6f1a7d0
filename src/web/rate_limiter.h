#pragma once
// Per-client rate limits: the open API's (stated in /api/v1/config as PxWebApi 2.0 does,
// "maxCalls" per "timeWindow" seconds) and the server's limit on heavy requests (router.h,
// Cost::Heavy). The generic cell rate algorithm (GCRA): a client may
// make `max_calls` calls at once, then one call every window/max_calls seconds; a refused call
// learns how long to wait (Retry-After). O(1) per call, one timestamp per client; thread-safe.
#include <array>
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dp::web {

struct RateLimit {
  int max_calls = 30;
  int window_seconds = 10;
  bool enabled() const { return max_calls > 0 && window_seconds > 0; }
};

// Parses "30/10" (calls/seconds) or "0" (off). Throws dp::Error (Usage) naming `option` for
// anything else.
RateLimit parse_rate_limit(const std::string& text, const std::string& option = "--api-rate-limit");

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(RateLimit limit);
  const RateLimit& limit() const { return limit_; }

  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;  // >= 1 when refused
    int remaining = 0;            // calls left in the current burst
  };

  Decision check(const std::string& client, Clock::time_point now);
  Decision check(const std::string& client) { return check(client, Clock::now()); }

 private:
  RateLimit limit_;
  Clock::duration interval_;   // window / max_calls
  Clock::duration tolerance_;  // window - interval: the burst
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Clock::time_point> tat;  // theoretical arrival time
  };
  std::array<Shard, 16> shards_;
};

}  // namespace dp::web
