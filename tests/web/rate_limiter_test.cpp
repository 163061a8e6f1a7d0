// Per-client rate limits (GCRA): a burst, then one call per interval; each client on its own.
#include "web/rate_limiter.h"

#include <gtest/gtest.h>

#include "core/error.h"

using namespace dp;
using namespace dp::web;
using namespace std::chrono_literals;

TEST(RateLimiter, AllowsABurstThenRefusesWithRetryAfter) {
  RateLimiter rl({3, 3});  // 3 calls, then one a second
  auto t = RateLimiter::Clock::now();
  EXPECT_TRUE(rl.check("a", t).allowed);
  EXPECT_TRUE(rl.check("a", t).allowed);
  EXPECT_TRUE(rl.check("a", t).allowed);
  auto d = rl.check("a", t);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after_seconds, 1);
  EXPECT_TRUE(rl.check("a", t + 1s).allowed);
  EXPECT_FALSE(rl.check("a", t + 1s).allowed);
}

TEST(RateLimiter, ClientsAreLimitedSeparately) {
  RateLimiter rl({1, 10});
  auto t = RateLimiter::Clock::now();
  EXPECT_TRUE(rl.check("a", t).allowed);
  EXPECT_FALSE(rl.check("a", t).allowed);
  EXPECT_TRUE(rl.check("b", t).allowed);
  EXPECT_EQ(rl.check("a", t).retry_after_seconds, 10);
}

TEST(RateLimiter, ZeroMeansOff) {
  RateLimiter rl(parse_rate_limit("0"));
  auto t = RateLimiter::Clock::now();
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(rl.check("a", t).allowed);
}

TEST(RateLimiter, ParsesCallsPerSecondsAndRejectsNonsense) {
  auto r = parse_rate_limit("30/10");
  EXPECT_EQ(r.max_calls, 30);
  EXPECT_EQ(r.window_seconds, 10);
  EXPECT_THROW(parse_rate_limit("30"), Error);
  EXPECT_THROW(parse_rate_limit("a/10"), Error);
  EXPECT_THROW(parse_rate_limit("-1/10"), Error);
}

TEST(RateLimiter, TheUsageErrorNamesTheOption) {
  try {
    parse_rate_limit("x", "--heavy-rate-limit");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("--heavy-rate-limit"), std::string::npos);
  }
}
