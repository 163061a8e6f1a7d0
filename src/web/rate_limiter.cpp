#include "web/rate_limiter.h"

#include <cmath>
#include <functional>

#include "core/error.h"
#include "core/text.h"

namespace dp::web {

RateLimit parse_rate_limit(const std::string& text, const std::string& option) {
  std::string t = trim(text);
  if (t == "0" || t == "off") return {0, 0};
  auto slash = t.find('/');
  auto bad = [&] { return Error::usage(option + " must be CALLS/SECONDS (e.g. 30/10) or 0, not '" + text + "'"); };
  if (slash == std::string::npos) throw bad();
  try {
    size_t p1 = 0, p2 = 0;
    std::string a = t.substr(0, slash), b = t.substr(slash + 1);
    int calls = std::stoi(a, &p1), secs = std::stoi(b, &p2);
    if (p1 != a.size() || p2 != b.size() || calls <= 0 || secs <= 0) throw bad();
    return {calls, secs};
  } catch (const std::logic_error&) {
    throw bad();
  }
}

RateLimiter::RateLimiter(RateLimit limit) : limit_(limit) {
  if (limit_.enabled()) {
    interval_ = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>((double)limit_.window_seconds / (double)limit_.max_calls));
    tolerance_ = std::chrono::seconds(limit_.window_seconds) - interval_;
  }
}

RateLimiter::Decision RateLimiter::check(const std::string& client, Clock::time_point now) {
  if (!limit_.enabled()) return {true, 0, 0};
  Shard& s = shards_[std::hash<std::string>{}(client) % shards_.size()];
  std::lock_guard lock(s.mu);
  if (s.tat.size() > 100000) {  // forget clients whose allowance is full again
    for (auto it = s.tat.begin(); it != s.tat.end();) it = it->second <= now ? s.tat.erase(it) : std::next(it);
  }
  auto [it, fresh] = s.tat.try_emplace(client, now);
  Clock::time_point tat = std::max(it->second, now);
  Clock::time_point earliest = tat - tolerance_;
  if (now < earliest) {
    double wait = std::chrono::duration<double>(earliest - now).count();
    return {false, std::max(1, (int)std::ceil(wait)), 0};
  }
  it->second = tat + interval_;
  auto left = (tolerance_ - (it->second - now - interval_)) / interval_;
  return {true, 0, (int)std::max<long long>(0, (long long)left)};
}

}  // namespace dp::web
