// The open API through the whole App pipeline: formats, filters, errors naming the parameter,
// conditional GET, compression, CORS, pagination, the Kolada shape and the rate limit.
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "site_fixture.h"
#include "web/compress.h"

using namespace dp;
using namespace dp::publish;
using namespace dp::publish::testing;
using nlohmann::json;

using Api = SiteFixture;

static json body_json(const web::Response& r) { return json::parse(r.body); }

TEST_F(Api, KeyFigureListStatesMetadataForEveryKeyFigure) {
  auto r = get("/api/v1/keyfigures");
  ASSERT_EQ(r.status, 200);
  auto j = body_json(r);
  EXPECT_EQ(j["count"], 3);
  auto k = j["keyfigures"][1];
  EXPECT_EQ(k["id"], "K11");
  EXPECT_EQ(k["title"]["en"], "Digital night supervision by service");
  EXPECT_EQ(k["unit"]["sv"], "procent");
  EXPECT_EQ(k["years"], json({2020, 2021}));
  EXPECT_EQ(k["cells"].size(), 3u);
  EXPECT_EQ(k["cells"][0]["series"], "K11.ordinart");
  EXPECT_FALSE(k["lineage"].empty());
  EXPECT_EQ(j["keyfigures"][0]["breaks"][0]["year"], 2021);
}

TEST_F(Api, JsonStatHasKeyFigureRegionYearAndMeasureDimensions) {
  auto r = get("/api/v1/keyfigures/K11/data?years=2021&groups=00,09");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = body_json(r);
  EXPECT_EQ(j["class"], "dataset");
  EXPECT_EQ(j["id"], json({"keyfigure", "region", "year", "measure"}));
  EXPECT_EQ(j["size"], json({3, 2, 1, 2}));
  EXPECT_EQ(j["dimension"]["region"]["category"]["label"]["00"], "Riket");
  // The suppressed cell: K11.ordinart × 09 × 2021, value and n.
  size_t idx = ((0 * 2 + 1) * 1 + 0) * 2;
  EXPECT_TRUE(j["value"][idx].is_null());
  EXPECT_EQ(j["status"][std::to_string(idx)], "x");
  EXPECT_TRUE(j["value"][idx + 1].is_null());
  EXPECT_EQ(j["extension"]["status"]["x"]["name"], "suppressed");
}

TEST_F(Api, CsvHoldsTheSameCellsAsJsonStat) {
  auto js = body_json(get("/api/v1/keyfigures/K10/data?format=jsonstat"));
  auto csv = get("/api/v1/keyfigures/K10/data?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.content_type.rfind("text/csv", 0), 0u);
  EXPECT_NE(csv.header("Content-Disposition").find("digipuls-K10.csv"), std::string::npos);
  auto t = csv::parse(csv.body);
  ASSERT_EQ(t.rows.size(), js["value"].size());
  int vcol = t.column("value");
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const auto& cell = t.rows[i].fields[vcol];
    if (js["value"][i].is_null()) EXPECT_EQ(cell, "");
    else EXPECT_DOUBLE_EQ(std::stod(cell), js["value"][i].get<double>()) << i;
  }
}

TEST_F(Api, SemicolonCsvUsesDecimalComma) {
  auto r = get("/api/v1/keyfigures/K11/data?format=csv&separator=semicolon&measures=value");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.rfind("\xEF\xBB\xBFkeyfigure;", 0), 0u);
  EXPECT_NE(r.body.find(",0;"), std::string::npos);  // one decimal, comma
}

TEST_F(Api, XlsxIsAWorkbook) {
  auto r = get("/api/v1/keyfigures/K10/data?format=xlsx");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.substr(0, 2), "PK");
  EXPECT_NE(r.content_type.find("spreadsheetml"), std::string::npos);
}

TEST_F(Api, BadParametersAre400sThatNameTheParameter) {
  struct Case {
    std::string url, param;
    int status;
  };
  for (const auto& c : std::vector<Case>{{"/api/v1/keyfigures/K10/data?format=pdf", "format", 400},
                                         {"/api/v1/keyfigures/K10/data?years=20x1", "years", 400},
                                         {"/api/v1/keyfigures/K10/data?years=2015", "years", 400},
                                         {"/api/v1/keyfigures/K10/data?organisations=9999", "organisations", 400},
                                         {"/api/v1/keyfigures/K10/data?groups=size_group:nope", "groups", 400},
                                         {"/api/v1/keyfigures/K10/data?yeras=2021", "yeras", 400},
                                         {"/api/v1/keyfigures/K10/data?page=0", "page", 400},
                                         {"/api/v1/keyfigures/K10/data?page=99", "page", 400},
                                         {"/api/v1/keyfigures/K10/data?lang=de", "lang", 400},
                                         {"/api/v1/keyfigures/K10/data?cells=K10.x", "cells", 400},
                                         {"/api/v1/kolada/data/kpi/K10/municipality/12", "municipality", 400},
                                         {"/api/v1/organisations?county=99", "county", 400}}) {
    auto r = get(c.url);
    EXPECT_EQ(r.status, c.status) << c.url;
    EXPECT_EQ(r.content_type.rfind("application/json", 0), 0u) << c.url;
    auto j = body_json(r);
    EXPECT_EQ(j["error"]["parameter"], c.param) << c.url << " " << r.body;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }
}

TEST_F(Api, UnknownKeyFigureIsA404InJson) {
  auto r = get("/api/v1/keyfigures/K99/data");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(body_json(r)["error"]["code"], "not_found");
}

TEST_F(Api, ConditionalGetAnswers304ForTheSameETag) {
  auto first = get("/api/v1/keyfigures/K10/data");
  std::string tag = first.header("ETag");
  ASSERT_FALSE(tag.empty());
  EXPECT_EQ(first.header("Cache-Control"), "public, max-age=300");
  auto again = get("/api/v1/keyfigures/K10/data", {{"if-none-match", tag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(Api, ANewRevisionChangesTheAnswer) {
  std::string tag = get("/api/v1/keyfigures/K10/data").header("ETag");
  data->rev = "r2";
  data->all[0].value = 3.0;  // K10, national, 2019
  auto r = get("/api/v1/keyfigures/K10/data", {{"if-none-match", tag}});
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.header("ETag"), tag);
}

TEST_F(Api, GzipWhenTheClientAcceptsIt) {
  auto plain = get("/api/v1/keyfigures/K12/data");
  auto z = get("/api/v1/keyfigures/K12/data", {{"accept-encoding", "gzip, br"}});
  EXPECT_EQ(z.header("Content-Encoding"), "gzip");
  EXPECT_LT(z.body.size(), plain.body.size());
  EXPECT_EQ(z.header("ETag"), plain.header("ETag"));
  EXPECT_EQ(z.header("Vary"), "Accept-Encoding");
}

TEST_F(Api, CorsAllowsAnyOriginToGetAndPreflight) {
  auto r = get("/api/v1/keyfigures");
  EXPECT_EQ(r.header("Access-Control-Allow-Origin"), "*");
  EXPECT_NE(r.header("Access-Control-Expose-Headers").find("ETag"), std::string::npos);
  web::Request pre;
  pre.method = "OPTIONS";
  pre.target = "/api/v1/keyfigures/K10/data";
  pre.headers = {{"origin", "https://example.org"}, {"access-control-request-method", "GET"}};
  web::build_request(pre, "");
  auto p = app->handle(pre);
  EXPECT_EQ(p.status, 204);
  EXPECT_NE(p.header("Access-Control-Allow-Methods").find("GET"), std::string::npos);
}

TEST_F(Api, LargeAnswersComeInPagesWithLinks) {
  auto all = body_json(get("/api/v1/keyfigures/K12/data?years=2021&measures=value"));
  size_t regions = all["size"][1];
  size_t cells = 0, pages = 0;
  std::string next = "/api/v1/keyfigures/K12/data?years=2021&measures=value&per_page=100";
  while (!next.empty()) {
    auto r = get(next);
    ASSERT_EQ(r.status, 200) << next;
    auto j = body_json(r);
    EXPECT_LE(j["value"].size(), 100u);
    cells += j["value"].size();
    ++pages;
    next.clear();
    if (j.contains("link") && j["link"].contains("next")) {
      next = j["link"]["next"][0]["href"].get<std::string>().substr(std::string("http://stat.test").size());
      EXPECT_NE(r.header("Link").find("rel=\"next\""), std::string::npos);
    }
  }
  EXPECT_EQ(cells, regions);
  EXPECT_GT(pages, 3u);
}

TEST_F(Api, KoladaShapedValuesByKeyFigureMunicipalityAndYear) {
  auto r = get("/api/v1/kolada/data/kpi/K12/municipality/0180,0000,0001/year/2021");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = body_json(r);
  EXPECT_EQ(j["count"], 3);
  EXPECT_TRUE(j["next_page"].is_null());
  std::set<std::string> ids;
  for (auto& v : j["values"]) {
    ids.insert(v["municipality"]);
    EXPECT_EQ(v["kpi"], "K12");
    EXPECT_EQ(v["period"], 2021);
    EXPECT_EQ(v["values"][0]["gender"], "T");
    EXPECT_TRUE(v["values"][0]["value"].is_number());
  }
  EXPECT_EQ(ids, (std::set<std::string>{"0000", "0001", "0180"}));
}

TEST_F(Api, KoladaPagesAtMostPerPageRows) {
  auto j = body_json(get("/api/v1/kolada/data/kpi/K12?per_page=50"));
  EXPECT_EQ(j["values"].size(), 50u);
  EXPECT_FALSE(j["next_page"].is_null());
  EXPECT_GT(j["count"].get<int>(), 50);
}

TEST_F(Api, ConfigStatesTheLimits) {
  auto j = body_json(get("/api/v1/config"));
  EXPECT_EQ(j["maxDataCells"], 150000);
  EXPECT_EQ(j["maxCallsPerTimeWindow"], 30);
  EXPECT_EQ(j["timeWindow"], 10);
  EXPECT_EQ(j["defaultLanguage"], "sv");
}

TEST_F(Api, OpenApiDocumentDescribesEveryApiRoute) {
  auto j = body_json(get("/api/v1/openapi.json"));
  EXPECT_EQ(j["openapi"].get<std::string>().substr(0, 2), "3.");
  EXPECT_EQ(j["servers"][0]["url"], "http://stat.test/api/v1");
  for (const auto& route : app->router().routes()) {
    if (route.pattern.rfind("/api/v1/", 0) != 0 || route.method != "GET" || route.pattern == "/api/v1/" ||
        route.pattern == "/api/v1/openapi.json")
      continue;
    std::string path = route.pattern.substr(7);
    EXPECT_TRUE(j["paths"].contains(path)) << path;
  }
}

TEST_F(Api, BeyondTheRateLimitAnswers429WithRetryAfter) {
  SiteConfig cfg;
  cfg.rate_limit = {2, 60};
  make_site(cfg);
  EXPECT_EQ(get("/api/v1/config").status, 200);
  EXPECT_EQ(get("/api/v1/keyfigures").status, 200);
  auto r = get("/api/v1/keyfigures");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.header("Retry-After"), "30");
  EXPECT_EQ(body_json(r)["error"]["code"], "too_many_requests");
  EXPECT_EQ(get("/statistik").status, 200);  // pages are not rate limited
}
