// What the operator reads: the metrics exposition and the readiness report.
#include <gtest/gtest.h>
#include <thread>

#include "web/health.h"
#include "web/metrics.h"

using namespace dp::web;

TEST(Metrics, RequestsAreCountedByRouteAndStatusClassWithACumulativeHistogram) {
  Metrics m;
  m.observe_request("GET /login", 200, 0.003, 100);
  m.observe_request("GET /login", 200, 0.2, 100);
  m.observe_request("GET /login", 429, 0.0001, 10);
  auto text = m.exposition();
  EXPECT_NE(text.find("digipuls_http_requests_total{route=\"GET /login\",status=\"2xx\"} 2\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("digipuls_http_requests_total{route=\"GET /login\",status=\"4xx\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("digipuls_http_request_duration_seconds_bucket{route=\"GET /login\",le=\"0.005\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("digipuls_http_request_duration_seconds_bucket{route=\"GET /login\",le=\"0.25\"} 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("digipuls_http_request_duration_seconds_bucket{route=\"GET /login\",le=\"+Inf\"} 3\n"),
            std::string::npos);
  EXPECT_NE(text.find("digipuls_http_request_duration_seconds_count{route=\"GET /login\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("digipuls_http_response_bytes_total{route=\"GET /login\"} 210\n"), std::string::npos);
}

TEST(Metrics, CallbacksAreGroupedByNameEscapedAndSkippedWhenTheyFail) {
  Metrics m;
  m.add_callback("digipuls_mail_messages", "Messages by state.", "gauge", [] { return 3.0; }, {{"state", "queued"}});
  m.add_callback("digipuls_cache_hits_total", "Hits.", "counter", [] { return 7.0; });
  m.add_callback("digipuls_mail_messages", "Messages by state.", "gauge", [] { return 1.0; },
                 {{"state", "say \"hi\""}});
  m.add_callback("digipuls_broken", "Fails.", "gauge", []() -> double { throw std::runtime_error("gone"); });
  auto text = m.exposition();
  auto first = text.find("digipuls_mail_messages{state=\"queued\"} 3\n");
  auto second = text.find("digipuls_mail_messages{state=\"say \\\"hi\\\"\"} 1\n");
  ASSERT_NE(first, std::string::npos) << text;
  ASSERT_NE(second, std::string::npos) << text;
  EXPECT_EQ(text.find("digipuls_cache_hits_total", first), std::string::npos) << "lines of one metric are consecutive";
  EXPECT_EQ(text.find("# HELP digipuls_mail_messages"), text.rfind("# HELP digipuls_mail_messages"));
  EXPECT_EQ(text.find("\ndigipuls_broken "), std::string::npos) << "no value line for a source that failed";
}

TEST(Readiness, ReportsEachCheckAndRunsThemAtMostOncePerPeriod) {
  Readiness r;
  int runs = 0;
  std::string problem;
  r.add("database", [&] {
    ++runs;
    return problem;
  });
  r.add("disk", [] { return std::string(); });
  auto a = r.report(std::chrono::hours(1));
  EXPECT_TRUE(a.ready);
  EXPECT_EQ(a.checks["database"], "ok");
  problem = "the database is read-only";
  for (int i = 0; i < 100; ++i) r.report(std::chrono::hours(1));
  EXPECT_EQ(runs, 1) << "asking often costs nothing";
  auto b = r.report(std::chrono::milliseconds(0));
  EXPECT_FALSE(b.ready);
  EXPECT_EQ(b.checks["database"], "the database is read-only");
  EXPECT_EQ(b.checks["disk"], "ok");
}

TEST(Readiness, TooLittleFreeDiskIsAProblem) {
  EXPECT_EQ(free_disk_problem("/tmp/x.db", 0), "");
  EXPECT_NE(free_disk_problem("/tmp/x.db", 1LL << 40).find("MB free"), std::string::npos);
}
