#include "publish/jsonstat.h"

#include <gtest/gtest.h>

using namespace dp;
using namespace dp::publish;

static Cube cube_with_markers() {
  Cube c;
  c.title = {"Andel kommuner", "Share of municipalities"};
  c.source = "Digipuls";
  c.updated = "2022-03-01T10:00:00Z";
  c.legend = {{"x", "suppressed", {"Skyddad uppgift", "Suppressed"}}};
  Dimension r{"region",
              {"Region", "Region"},
              "geo",
              {{"00", {"Riket", "Sweden"}, {}}, {"01", {"Stockholms län", "Stockholms län"}, {}}}};
  Dimension y{"year", {"År", "Year"}, "time", {{"2020", {"2020", "2020"}, {}}, {"2021", {"2021", "2021"}, {}}}};
  Dimension m{
      "measure", {"Mått", "Measure"}, "metric", {{"value", {"Värde", "Value"}, Unit{{"procent", "percent"}, 1, "%"}}}};
  c.set_dimensions({r, y, m});
  c.set(0, 12.345);
  c.set(1, 20);
  c.set(2, std::nullopt, "x");
  c.set(3, 33.3);
  return c;
}

TEST(JsonStat, DatasetHasVersionClassIdSizeAndRoles) {
  auto j = to_jsonstat(cube_with_markers(), {});
  EXPECT_EQ(j["version"], "2.0");
  EXPECT_EQ(j["class"], "dataset");
  EXPECT_EQ(j["id"], nlohmann::json({"region", "year", "measure"}));
  EXPECT_EQ(j["size"], nlohmann::json({2, 2, 1}));
  EXPECT_EQ(j["role"]["time"], nlohmann::json({"year"}));
  EXPECT_EQ(j["role"]["geo"], nlohmann::json({"region"}));
  EXPECT_EQ(j["role"]["metric"], nlohmann::json({"measure"}));
  EXPECT_EQ(j["dimension"]["region"]["category"]["index"]["01"], 1);
  EXPECT_EQ(j["dimension"]["measure"]["category"]["unit"]["value"]["decimals"], 1);
}

TEST(JsonStat, ValuesAreRoundedToTheirDecimalsAndAbsentValuesAreNull) {
  auto j = to_jsonstat(cube_with_markers(), {});
  ASSERT_EQ(j["value"].size(), 4u);
  EXPECT_DOUBLE_EQ(j["value"][0].get<double>(), 12.3);
  EXPECT_TRUE(j["value"][2].is_null());
  EXPECT_EQ(j["value"][0].dump(), "12.3");
}

TEST(JsonStat, StatusIsSparseAndExplainedInTheExtension) {
  auto j = to_jsonstat(cube_with_markers(), {});
  EXPECT_EQ(j["status"], nlohmann::json({{"2", "x"}}));
  EXPECT_EQ(j["extension"]["status"]["x"]["name"], "suppressed");
  bool noted = false;
  for (auto& n : j["note"]) noted |= n.get<std::string>().find("«x» Skyddad uppgift") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(JsonStat, LabelsFollowTheLanguage) {
  auto j = to_jsonstat(cube_with_markers(), {.lang = Lang::en});
  EXPECT_EQ(j["label"], "Share of municipalities");
  EXPECT_EQ(j["dimension"]["region"]["category"]["label"]["00"], "Sweden");
}

TEST(JsonStat, LinksAreGroupedByRelation) {
  JsonStatOptions o;
  o.links = {{"next", "http://x/?page=2", "application/json"}};
  auto j = to_jsonstat(cube_with_markers(), o);
  EXPECT_EQ(j["link"]["next"][0]["href"], "http://x/?page=2");
}
