#include "api/params.h"

#include <gtest/gtest.h>

#include "api/guard.h"

using namespace dp;
using namespace dp::api;

namespace {

web::Request with_query(std::initializer_list<std::pair<const std::string, std::string>> q) {
  web::Request r;
  r.query = q;
  return r;
}

std::string parameter_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    return e.where().field;
  }
  return "";
}

}  // namespace

TEST(ApiParams, ListsSplitOnCommasAndRepeatsWithoutEmpties) {
  auto r = with_query({{"cells", "a, b,,"}, {"cells", "c"}});
  EXPECT_EQ(list_param(r, "cells"), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(ApiParams, EveryRefusalNamesTheParameter) {
  EXPECT_EQ(parameter_of([] { years_param(with_query({{"years", "2021,21"}}), "years"); }), "years");
  EXPECT_EQ(parameter_of([] { count_param(with_query({{"limit", "0"}}), "limit", 10, 100); }), "limit");
  EXPECT_EQ(parameter_of([] {
              choice_param(with_query({{"format", "xml"}}), "format", {"csv", "json"}, "json");
            }),
            "format");
  EXPECT_EQ(parameter_of([] {
              only_params(with_query({{"lang", "sv"}, {"yeras", "2021"}}), {"lang", "years"});
            }),
            "yeras");
}

TEST(ApiParams, AbsentParametersTakeTheirDefaults) {
  auto r = with_query({});
  EXPECT_EQ(count_param(r, "limit", 10, 100), 10u);
  EXPECT_EQ(choice_param(r, "format", {"csv", "json"}, "json"), "json");
  EXPECT_TRUE(years_param(r, "years").empty());
}

TEST(ApiGuard, ACallBeyondTheLimitIsRefusedWith429RetryAfterAndCors) {
  web::RateLimiter limiter({1, 60});
  auto r = with_query({});
  r.remote_ip = "192.0.2.1";
  EXPECT_FALSE(rate_limited(limiter, r));
  auto refused = rate_limited(limiter, r);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 429);
  EXPECT_EQ(refused->header("Retry-After"), "60");
  EXPECT_EQ(refused->header("Access-Control-Allow-Origin"), "*");
}
