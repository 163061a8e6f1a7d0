// The router: patterns with parameters and a trailing {rest...}, 405 against 404, one way to add
// a route, and what a route declares (policy, CSRF, cost).
#include "web/router.h"

#include <gtest/gtest.h>

#include "core/error.h"

using namespace dp;
using namespace dp::web;

namespace {

Response ok(Request&) { return Response::text("ok"); }

Router table() {
  Router r;
  add_route(r, "GET", "/", "public", ok);
  add_route(r, "GET", "/respond/{campaign}/{org}", "org_write:org", ok);
  add_route(r, "POST", "/respond/{campaign}/{org}/section/{section}", "org_write:org", ok);
  add_route(r, "GET", "/static/{file...}", "public", ok);
  add_route(r, "POST", "/login", "public", ok, {.cost = Cost::Heavy});
  return r;
}

}  // namespace

TEST(Router, ParametersAreTakenFromTheirSegments) {
  auto r = table();
  auto m = r.match("GET", "/respond/ehalsa-2021/1440");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/respond/{campaign}/{org}");
  EXPECT_EQ(m.params.at("campaign"), "ehalsa-2021");
  EXPECT_EQ(m.params.at("org"), "1440");
}

TEST(Router, ARestParameterTakesTheRemainingPathButNeedsOneSegment) {
  auto r = table();
  auto m = r.match("GET", "/static/css/site.css");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("file"), "css/site.css");
  EXPECT_EQ(r.match("GET", "/static").route, nullptr);
  EXPECT_EQ(r.match("GET", "/static/").route, nullptr);
}

TEST(Router, SegmentCountsMustMatchExactly) {
  auto r = table();
  EXPECT_EQ(r.match("GET", "/respond/ehalsa-2021").route, nullptr);
  EXPECT_EQ(r.match("GET", "/respond/ehalsa-2021/1440/extra").route, nullptr);
  EXPECT_NE(r.match("GET", "/").route, nullptr);
}

TEST(Router, EmptySegmentsAndTrailingSlashesAreIgnored) {
  auto r = table();
  EXPECT_NE(r.match("GET", "//respond//ehalsa-2021/1440/").route, nullptr);
}

TEST(Router, AnotherMethodOnAKnownPathIs405NotFound) {
  auto r = table();
  auto m = r.match("GET", "/login");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_matched);
  auto none = r.match("GET", "/nowhere");
  EXPECT_EQ(none.route, nullptr);
  EXPECT_FALSE(none.path_matched);
}

TEST(Router, ARouteNamesItselfAndKeepsItsOptions) {
  auto r = table();
  const auto* login = r.match("POST", "/login").route;
  ASSERT_NE(login, nullptr);
  EXPECT_EQ(login->name, "POST /login");
  EXPECT_EQ(login->options.cost, Cost::Heavy);
  EXPECT_TRUE(login->options.csrf) << "CSRF is checked unless a route opts out";
  EXPECT_EQ(r.match("GET", "/").route->options.cost, Cost::Light);
}

TEST(Router, ARouteWithoutPolicyOrHandlerOrTwiceIsAProgrammingError) {
  Router r;
  EXPECT_THROW(add_route(r, "GET", "/x", "", ok), Error);
  EXPECT_THROW(add_route(r, "GET", "/x", "public", Handler{}), Error);
  add_route(r, "GET", "/x", "public", ok);
  EXPECT_THROW(add_route(r, "GET", "/x", "admin", ok), Error);
  EXPECT_NO_THROW(add_route(r, "POST", "/x", "admin", ok));
}
