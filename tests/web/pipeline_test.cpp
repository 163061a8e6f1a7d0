// The request pipeline of web::App without a server: text checks, CSRF, read-only mode, errors
// as answers, security headers, admission of heavy requests, what the access log sees.
#include <gtest/gtest.h>

#include "core/error.h"
#include "web/app.h"
#include "web/server.h"

using namespace dp;
using namespace dp::web;

namespace {

struct Pipeline : ::testing::Test {
  Config cfg;
  std::unique_ptr<App> app;
  int handled = 0;

  void make() {
    app = std::make_unique<App>(cfg);
    auto& r = app->router();
    add_route(r, "GET", "/page", "public", [this](Request& req) {
      ++handled;
      return app->page(req, "error", {{"title", "t"}, {"status", 200}, {"message", "hello"}});
    });
    add_route(r, "POST", "/save", "public", [this](Request&) {
      ++handled;
      return Response::text("saved");
    });
    add_route(r, "POST", "/hook", "public",
              [this](Request&) {
                ++handled;
                return Response::text("hooked");
              },
              {.csrf = false});
    add_route(r, "GET", "/full", "public", [](Request&) -> Response {
      throw Error::unavailable("the disk holding the database is full; nothing can be saved now");
    });
    add_route(r, "POST", "/login", "public", [](Request&) { return Response::text("hashed"); }, {.cost = Cost::Heavy});
    add_route(r, "GET", "/login/link/{token}", "public", [](Request&) { return Response::text("link"); });
    add_route(r, "GET", "/chart/{file}", "public", [](Request&) { return Response::text("chart"); },
              {.cost_of = [](const Request& req) { return req.path.ends_with(".png") ? Cost::Heavy : Cost::Light; }});
  }
  void SetUp() override { make(); }

  Request request(const std::string& method, const std::string& target, const std::string& body = "",
                  const std::string& ip = "192.0.2.1") {
    Request req;
    req.method = method;
    req.target = target;
    req.body = body;
    req.remote_ip = ip;
    req.request_id = "test-1";
    if (!body.empty()) req.headers["content-type"] = "application/x-www-form-urlencoded";
    EXPECT_TRUE(build_request(req, req.header("content-type")));
    return req;
  }
  Response handle(Request req) { return app->handle(req); }
};

std::string json_parameter(const Response& r) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  return j.is_object() ? j["error"].value("parameter", "") : "";
}

}  // namespace

TEST_F(Pipeline, TextThatIsNotUtf8IsRefusedNamingTheField) {
  auto form = request("POST", "/save", "_csrf=x&comment=%FF%FE");
  form.headers["accept"] = "application/json";
  auto r = handle(form);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json_parameter(r), "comment");
  auto query = request("GET", "/page?name=%C3%28");
  query.headers["accept"] = "application/json";
  r = handle(query);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json_parameter(r), "name");
  auto nul = request("POST", "/save", "_csrf=x&part=a%00b");
  nul.headers["accept"] = "application/json";
  EXPECT_EQ(json_parameter(handle(nul)), "part") << "NUL is not text either";
  EXPECT_EQ(handle(request("GET", "/page%FF")).status, 400);
  EXPECT_EQ(handled, 0) << "no handler saw the bad text";
}

TEST_F(Pipeline, AnHtmlErrorPageNamesTheFieldToo) {
  auto r = handle(request("POST", "/save", "_csrf=x&plan_owner=%FF"));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("plan_owner"), std::string::npos);
  EXPECT_EQ(r.content_type.rfind("text/html", 0), 0u);
}

TEST_F(Pipeline, TheLanguageSwitchNeverLinksOffSite) {
  for (const std::string path : {"//evil.example/x", "/\\evil.example/x", "///evil.example"}) {
    Request req;
    req.path = path;
    EXPECT_EQ(language_switch_url(req, Lang::en).rfind("/evil.example", 0), 0u) << path;
  }
  auto r = handle(request("GET", "//evil.example/x"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body.find("href=\"//evil"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/evil.example/x?lang=en\""), std::string::npos);
}

TEST_F(Pipeline, UnsafeRequestsNeedTheVisitorsOrSessionsToken) {
  auto none = request("POST", "/save", "a=1");
  none.cookies["dp_csrf"] = "visitor-token-0123456789";
  EXPECT_EQ(handle(none).status, 403);
  auto wrong = request("POST", "/save", "_csrf=visitor-token-0123456780");
  wrong.cookies["dp_csrf"] = "visitor-token-0123456789";
  EXPECT_EQ(handle(wrong).status, 403);
  auto right = request("POST", "/save", "_csrf=visitor-token-0123456789");
  right.cookies["dp_csrf"] = "visitor-token-0123456789";
  EXPECT_EQ(handle(right).status, 200);
  auto header = request("POST", "/save", "a=1");
  header.cookies["dp_csrf"] = "visitor-token-0123456789";
  header.headers["x-csrf-token"] = "visitor-token-0123456789";
  EXPECT_EQ(handle(header).status, 200);
  auto no_cookie = request("POST", "/save", "_csrf=anything-at-all-000000");
  EXPECT_EQ(handle(no_cookie).status, 403) << "a token must match something the server gave out";
  EXPECT_EQ(handle(request("POST", "/hook", "a=1")).status, 200) << "a route that opts out";
  EXPECT_EQ(handled, 3);
}

TEST_F(Pipeline, ASessionsTokenIsCheckedNotTheVisitorCookie) {
  app->authenticate = [](Request&) {
    Principal p;
    p.user_id = 7;
    p.role = Role::Respondent;
    p.csrf = "session-token-0123456789";
    return p;
  };
  auto visitor = request("POST", "/save", "_csrf=visitor-token-0123456789");
  visitor.cookies["dp_csrf"] = "visitor-token-0123456789";
  EXPECT_EQ(handle(visitor).status, 403) << "a signed-in session must send its own token";
  EXPECT_EQ(handle(request("POST", "/save", "_csrf=session-token-0123456789")).status, 200);
}

TEST_F(Pipeline, ReadOnlyModeRefusesChangesWith503AndServesPages) {
  cfg.read_only = true;
  make();
  auto post = request("POST", "/save", "_csrf=visitor-token-0123456789");
  post.cookies["dp_csrf"] = "visitor-token-0123456789";
  auto r = handle(post);
  EXPECT_EQ(r.status, 503);
  EXPECT_FALSE(r.header("Retry-After").empty());
  EXPECT_EQ(handle(request("GET", "/page")).status, 200);
}

TEST_F(Pipeline, AWriteThatCannotBeDoneIs503WithItsReason) {
  auto html = handle(request("GET", "/full"));
  EXPECT_EQ(html.status, 503);
  EXPECT_NE(html.body.find("the disk holding the database is full"), std::string::npos);
  auto json = request("GET", "/full");
  json.headers["accept"] = "application/json";
  auto j = handle(json);
  EXPECT_EQ(j.status, 503);
  EXPECT_NE(j.body.find("\"unavailable\""), std::string::npos);
}

TEST_F(Pipeline, EveryAnswerCarriesTheSecurityHeadersAndItsRequestId) {
  for (const std::string target : {"/page", "/nowhere", "/full"}) {
    auto r = handle(request("GET", target));
    EXPECT_NE(r.header("Content-Security-Policy").find("script-src 'self'"), std::string::npos) << target;
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(r.header("X-Frame-Options"), "SAMEORIGIN") << target;
    EXPECT_EQ(r.header("X-Request-Id"), "test-1") << target;
  }
}

TEST_F(Pipeline, HeavyRequestsAreLimitedPerClient) {
  cfg.limits.heavy_per_client = {3, 60};
  make();
  for (int i = 0; i < 3; ++i) {
    auto req = request("POST", "/login", "a=1");
    auto a = app->admit(req);
    EXPECT_EQ(a.cost, Cost::Heavy);
    EXPECT_FALSE(a.refusal) << i;
  }
  auto over = request("POST", "/login", "a=1");
  auto a = app->admit(over);
  ASSERT_TRUE(a.refusal);
  EXPECT_EQ(a.refusal->status, 429);
  EXPECT_FALSE(a.refusal->header("Retry-After").empty());
  EXPECT_EQ(a.refusal->header("X-Content-Type-Options"), "nosniff") << "a refusal is a finished answer";
  auto other = request("POST", "/login", "a=1", "192.0.2.2");
  EXPECT_FALSE(app->admit(other).refusal) << "another client is not affected";
  auto light = request("GET", "/page");
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(app->admit(light).refusal) << "light routes are not limited here";
}

TEST_F(Pipeline, ARouteMayDecideItsCostPerRequest) {
  cfg.limits.heavy_per_client = {2, 60};
  make();
  auto svg = request("GET", "/chart/map.svg");
  for (int i = 0; i < 10; ++i) {
    auto a = app->admit(svg);
    EXPECT_EQ(a.cost, Cost::Light);
    EXPECT_FALSE(a.refusal) << "an SVG chart is cheap and not limited";
  }
  auto png = request("GET", "/chart/map.png");
  EXPECT_EQ(app->admit(png).cost, Cost::Heavy);
  EXPECT_FALSE(app->admit(png).refusal);
  EXPECT_EQ(app->admit(png).refusal->status, 429) << "the PNG of the same route is heavy and limited";
}

TEST_F(Pipeline, TheAccessLogNeverSeesAOneTimeToken) {
  auto req = request("GET", "/login/link/Zk3-secret-token_value");
  app->handle(req);
  EXPECT_EQ(req.route, "GET /login/link/{token}");
  EXPECT_EQ(req.log_path.find("secret"), std::string::npos) << req.log_path;
  EXPECT_EQ(req.log_path, "/login/link/…");
}
