// Every public page type renders through the App pipeline, charts come with their text
// alternatives, the chart files are valid, and suppressed values leak nowhere.
#include <regex>

#include "publish/page_support.h"
#include "site_fixture.h"

using namespace dp;
using namespace dp::publish;
using namespace dp::publish::testing;

using Pages = SiteFixture;

static size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST_F(Pages, StartPageListsKeyFiguresByThemeWithLatestValueAndChange) {
  auto r = get("/");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("id=\"tema-strategi\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/statistik/K10\""), std::string::npos);
  EXPECT_NE(r.body.find("ej jämförbart"), std::string::npos);  // K10 has a break in 2021
  EXPECT_NE(r.body.find("procentenheter"), std::string::npos);
}

TEST_F(Pages, EnglishIsSwitchable) {
  auto r = get("/?lang=en");
  EXPECT_NE(r.body.find("lang=\"en\""), std::string::npos);
  EXPECT_NE(r.body.find("Municipalities with a welfare technology strategy"), std::string::npos);
}

TEST_F(Pages, KeyFigurePageHasEveryChartWithSummaryTableAndDownloads) {
  auto r = get("/statistik/K12");
  ASSERT_EQ(r.status, 200);
  const auto& b = r.body;
  EXPECT_EQ(count(b, "<figure class=\"chart\""), 5u);  // time series, counties, size groups, two maps
  EXPECT_EQ(count(b, "<svg"), 5u);
  EXPECT_EQ(count(b, "<figcaption"), 5u);
  EXPECT_EQ(count(b, "<table class=\"data\""), 5u);
  EXPECT_NE(b.find("format=csv"), std::string::npos);
  EXPECT_NE(b.find("format=xlsx"), std::string::npos);
  EXPECT_NE(b.find("format=jsonstat"), std::string::npos);
  EXPECT_NE(b.find("/diagram/karta-kommun.svg"), std::string::npos);
  EXPECT_NE(b.find("/diagram/tidsserie.png"), std::string::npos);
  EXPECT_NE(b.find("&lt;iframe src="), std::string::npos);  // embed snippet shown as code
  EXPECT_EQ(b.find("style=\""), std::string::npos);         // no inline styles (CSP)
}

// Counts beside shares: the key-figure page of a share states the number of municipalities
// beside the national value and in every table by region; a sum (K12) has no such column.
TEST_F(Pages, AShareOfMunicipalitiesShowsTheirNumberBesideTheShare) {
  int64_t national = 0;
  for (const auto& v : data->all)
    if (v.key == FigureKey{"K11", "ordinart", "national", "total", 2021}) national = *v.count;
  auto r = get("/statistik/K11?cell=ordinart&year=2021");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<dt>Antal kommuner</dt><dd>" + std::to_string(national) + "</dd>"), std::string::npos);
  // Counties, size groups and the county map: value, count, n.
  EXPECT_EQ(count(r.body,
                  "<th scope=\"col\" class=\"num\">Värde</th><th scope=\"col\" class=\"num\">Antal kommuner</th>"
                  "<th scope=\"col\" class=\"num\">Antal i underlaget (n)</th>"),
            3u);
  auto en = get("/statistik/K11?cell=ordinart&year=2021&lang=en");
  EXPECT_NE(en.body.find("<dt>Number of municipalities</dt>"), std::string::npos);
  EXPECT_EQ(get("/statistik/K12").body.find("Antal kommuner"), std::string::npos);
}

TEST_F(Pages, NumbersAreFormattedTheSwedishWay) {
  auto r = get("/statistik/K11");
  std::regex decimal_comma(">\\d+,\\d\xc2\xa0%<");
  EXPECT_TRUE(std::regex_search(r.body, decimal_comma));
}

TEST_F(Pages, ChartFilesAreSvgAndPng) {
  auto svg = get("/statistik/K10/diagram/lan.svg");
  ASSERT_EQ(svg.status, 200);
  EXPECT_EQ(svg.content_type.rfind("image/svg+xml", 0), 0u);
  EXPECT_NE(svg.body.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  auto png = get("/statistik/K10/diagram/karta-lan.png");
  ASSERT_EQ(png.status, 200);
  EXPECT_EQ(png.body.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(get("/statistik/K10/diagram/karta-kommun.svg").status, 404);  // K10 is not published per municipality
  EXPECT_EQ(get("/statistik/K10/diagram/nope.svg").status, 404);
}

TEST_F(Pages, EmbedsMayBeFramedByOtherSites) {
  auto r = get("/embed/statistik/K10/tidsserie");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.header("X-Frame-Options").empty());
  EXPECT_NE(r.header("Content-Security-Policy").find("frame-ancestors *"), std::string::npos);
  EXPECT_NE(r.body.find("<table"), std::string::npos);
  auto page = get("/statistik/K10");
  EXPECT_EQ(page.header("X-Frame-Options"), "SAMEORIGIN");
}

TEST_F(Pages, MunicipalityListIsSortedTheSwedishWay) {
  auto r = get("/kommuner");
  ASSERT_EQ(r.status, 200);
  // In Skåne: Åstorp and Ängelholm come after Ystad; Örebro län after Östergötlands län? No: Ö sorts last.
  auto ystad = r.body.find(">Ystad<"), astorp = r.body.find(">Åstorp<"), angel = r.body.find(">Ängelholm<");
  ASSERT_NE(ystad, std::string::npos);
  EXPECT_LT(ystad, astorp);
  EXPECT_LT(astorp, angel);
}

TEST_F(Pages, MunicipalityPageComparesWithCountySizeGroupAndNation) {
  auto r = get("/kommuner/0180");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Stockholm"), std::string::npos);
  EXPECT_NE(r.body.find(">Stockholms län<"), std::string::npos);
  EXPECT_NE(r.body.find(">Riket<"), std::string::npos);
  EXPECT_NE(r.body.find("Kommuner med 70 000 eller fler invånare"), std::string::npos);
  EXPECT_EQ(get("/kommuner/9999").status, 404);
}

TEST_F(Pages, OpenDataPageForPeopleAndLinksForPrograms) {
  auto html = get("/api/v1/", {{"accept", "text/html"}});
  EXPECT_EQ(html.content_type.rfind("text/html", 0), 0u);
  auto json = get("/api/v1/");
  EXPECT_EQ(json.content_type.rfind("application/json", 0), 0u);
}

TEST_F(Pages, ASuppressedValueAppearsInNoPageNoChartAndNoFormat) {
  std::vector<std::string> urls = {"/",
                                   "/statistik",
                                   "/statistik/K11",
                                   "/statistik/K11?cell=ordinart&year=2021",
                                   "/kommuner/0980",
                                   "/embed/statistik/K11/lan?cell=ordinart&year=2021",
                                   "/embed/statistik/K11/karta-lan?cell=ordinart&year=2021",
                                   "/statistik/K11/diagram/lan.svg?cell=ordinart&year=2021",
                                   "/statistik/K11/diagram/karta-lan.svg?cell=ordinart&year=2021",
                                   "/api/v1/keyfigures/K11/data",
                                   "/api/v1/keyfigures/K11/data?format=csv",
                                   "/api/v1/keyfigures/K11/data?format=csv&separator=semicolon",
                                   "/api/v1/kolada/data/kpi/K11",
                                   "/api/v1/kolada/data/kpi/K11/municipality/0009"};
  for (const auto& u : urls) {
    auto r = get(u, {{"accept", "text/html"}});
    ASSERT_EQ(r.status, 200) << u;
    // Pages and charts print Swedish numbers (SVG coordinates use points, so only the comma forms
    // are telling there); the API prints points.
    bool api = u.rfind("/api/", 0) == 0;
    std::vector<std::string> secrets = api ? std::vector<std::string>{"91.37", "91.4", "7919"}
                                           : std::vector<std::string>{"91,37", "91,4", "7919", "7\u00a0919", "7 919"};
    for (const auto& secret : secrets) EXPECT_EQ(r.body.find(secret), std::string::npos) << u << " shows " << secret;
  }
}

TEST_F(Pages, AMunicipalitysOwnAnswerReadsYesOrNoNotAShareOfOne) {
  data->all.push_back(published({"K10", "", "municipality", "0180", 2021}, 100.0, 1, 1, Marker::None, 0));
  data->all.push_back(published({"K11", "ordinart", "municipality", "0180", 2021}, 0.0, 1, 0, Marker::Nil, 1));
  data->rev = "r2";
  auto r = get("/kommuner/0180");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<td class=\"num\">Ja</td>"), std::string::npos);
  EXPECT_NE(r.body.find("<td class=\"num\">Nej</td>"), std::string::npos);
  EXPECT_EQ(r.body.find("<td class=\"num\">100 %</td>"), std::string::npos);
  auto en = get("/kommuner/0180?lang=en");
  EXPECT_NE(en.body.find("<td class=\"num\">Yes</td>"), std::string::npos);
}

// Junk query parameters, or a year the page replaces by the latest, must not make new cache
// entries: each was a way to make the server render a PNG again (and to fill the cache).
TEST_F(Pages, JunkQueryParametersShareTheCacheEntryOfTheChartTheyShow) {
  ASSERT_EQ(get("/statistik/K10/diagram/karta-lan.png").status, 200);
  size_t entries = site->cache().entries();
  for (const std::string junk : {"?x=1", "?x=2&y=3", "?year=1066", "?cell=nope", "?_=123456789", "?x=1&x=2"}) {
    auto r = get("/statistik/K10/diagram/karta-lan.png" + junk);
    ASSERT_EQ(r.status, 200) << junk;
    EXPECT_EQ(site->cache().entries(), entries) << junk << " made a new cache entry";
  }
  for (const std::string junk : {"?x=1", "?year=1066&z=9"}) {
    get("/statistik/K10" + junk);
    get("/embed/statistik/K10/tidsserie" + junk);
  }
  size_t pages = site->cache().entries();
  get("/statistik/K10?x=2");
  get("/embed/statistik/K10/tidsserie?q=3");
  EXPECT_EQ(site->cache().entries(), pages);
  // A parameter the page reads, with a value it uses, is a different answer.
  ASSERT_EQ(get("/statistik/K10/diagram/karta-lan.png?year=2021").status, 200);
  EXPECT_EQ(site->cache().entries(), pages + 1);
}

TEST_F(Pages, TheLanguageSwitchKeepsOnlyTheParametersThePageReads) {
  auto r = get("/statistik/K10?year=2021&evil=%22%3E");
  EXPECT_NE(r.body.find("href=\"/statistik/K10?year=2021&amp;lang=en\""), std::string::npos);
  EXPECT_EQ(r.body.find("evil"), std::string::npos);
}

// One formatter for every change the site prints (the key-figure page's change, the panel table,
// the summary): the published precision, a real minus sign, and "0" for a change that rounds to
// nothing (never "+0").
TEST(SignedNumber, AChangeHasItsSignAtThePublishedPrecisionAndNoneWhenItRoundsToNothing) {
  EXPECT_EQ(publish::signed_number(33.333, 0, Lang::sv), "+33");
  EXPECT_EQ(publish::signed_number(-2.56, 1, Lang::sv), "\u22122,6");
  EXPECT_EQ(publish::signed_number(-2.56, 1, Lang::en), "\u22122.6");
  EXPECT_EQ(publish::signed_number(0.3, 0, Lang::sv), "0");
  EXPECT_EQ(publish::signed_number(-0.04, 1, Lang::sv), "0");
  EXPECT_EQ(publish::signed_number(0.5, 0, Lang::sv), "+1");
}
