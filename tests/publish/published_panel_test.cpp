// Panels on the public side (docs/statistics.md, "Panels on the site and in the API"): a published
// campaign is compared with the earlier published campaign of its family over the organisations in
// the base both years, from the answers the published revisions counted, under the published
// revision's disclosure profile. Two campaigns small enough to count by hand, built through the
// binary as an analyst would: 2021 0114 ja, 0115 nej, 0117 ja, 0120 nej on q03 (K04
// «uppföljning»); 2022 0114 ja, 0115 ja, 0117 ja, 0125 nej (not a 2021 respondent).
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

#include "publish/published_store.h"
#include "storage/store.h"
#include "support/server_process.h"
#include "support/temp_dir.h"
#include "two_published_years.h"

using namespace dp;
using namespace dp::publish;

namespace {

using PublishedPanel = test::TwoPublishedYears;

TEST_F(PublishedPanel, ComparesTheLaterYearWithTheEarlierOverTheOrganisationsInBothBases) {
  two_years("reproduce-2021");
  auto meta = data->keyfigure("K04");
  ASSERT_TRUE(meta);
  EXPECT_EQ(meta->panels, (std::vector<std::pair<int, int>>{{2022, 2021}}));
  EXPECT_TRUE(meta->has_panel());

  // Panel 0114, 0115, 0117: 2021 two of three ja (66.7 %), 2022 all three (100 %).
  auto national = k04("national");
  ASSERT_EQ(national.size(), 1u);
  const auto& v = national[0];
  EXPECT_EQ(v.key.year, 2022);
  EXPECT_EQ(v.previous, 2021);
  EXPECT_EQ(v.marker, Marker::None);
  EXPECT_EQ(v.n, 3);
  EXPECT_NEAR(*v.before, 200.0 / 3, 1e-9);
  EXPECT_NEAR(*v.now, 100.0, 1e-9);
  EXPECT_NEAR(*v.change(), 100.0 / 3, 1e-9);

  // By county: all are in Stockholm county (01); a county with nobody in the panel has no numbers.
  auto counties = k04("county");
  ASSERT_TRUE(group(counties, "01"));
  EXPECT_EQ(group(counties, "01")->n, 3);
  ASSERT_TRUE(group(counties, "03"));
  EXPECT_EQ(group(counties, "03")->marker, Marker::NotAvailable);
  EXPECT_FALSE(group(counties, "03")->before);
  EXPECT_FALSE(k04("size_group").empty());
  // The earliest year has nothing to be compared with.
  ValueQuery q2021{"K04", {}, {}, {}, {2021}};
  EXPECT_TRUE(data->panel(q2021).empty());
}

TEST_F(PublishedPanel, FollowsThePublishedProfileAndGivesNoNumberOfAWithheldComparison) {
  two_years("standard");
  // At least 3 organisations: 2022's figure (4) minus the panel (3) would give 0125's answer.
  auto national = k04("national");
  ASSERT_EQ(national.size(), 1u);
  EXPECT_EQ(national[0].marker, Marker::Suppressed);
  EXPECT_FALSE(national[0].n);
  EXPECT_FALSE(national[0].before);
  EXPECT_FALSE(national[0].now);
  for (const auto& v : k04("county")) EXPECT_FALSE(v.before) << v.key.group;
}

TEST_F(PublishedPanel, IsNotComputedFromAnswersOtherThanThePublishedRevisionsCounted) {
  two_years("reproduce-2021");
  ASSERT_EQ(k04("national").size(), 1u);
  // A correction of 2021's answers after publication, not yet computed and published: the panel
  // would no longer agree with the published 2021 figures, so there is none until it is.
  sh("responses import --allow-incomplete --db " + db + " --campaign ehalsa-2021 " +
     csv("fix.csv", "org_code,status,q03\n0115,submitted,ja\n"));
  data = make_published_data(*store);
  EXPECT_TRUE(k04("national").empty());
  sh("stats compute --db " + db + " --campaign ehalsa-2021 --profile reproduce-2021 --note 'Rättelse 0115'");
  sh("stats publish --db " + db + " --campaign ehalsa-2021");
  data = make_published_data(*store);
  auto national = k04("national");
  ASSERT_EQ(national.size(), 1u);
  EXPECT_NEAR(*national[0].before, 100.0, 1e-9);  // 0114, 0115, 0117 all ja in 2021 now
}

// The rows of a CSV answer whose line holds every one of `parts`.
std::vector<std::string> lines_with(const std::string& csv, const std::vector<std::string>& parts) {
  std::vector<std::string> out;
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);)
    if (std::all_of(parts.begin(), parts.end(), [&](const auto& p) { return line.find(p) != std::string::npos; }))
      out.push_back(line);
  return out;
}

TEST_F(PublishedPanel, TheApiServesThePanelAsItsOwnMeasuresAndTheKeyFigurePageShowsIt) {
  two_years("reproduce-2021");
  data.reset();
  store.reset();
  test::ServerProcess server(db, dir.file("server.log"));
  test::Http h(server.url());
  auto meta = nlohmann::json::parse(h.get("/api/v1/keyfigures/K04").body);
  EXPECT_EQ(meta["measures"],
            nlohmann::json({"value", "n", "count", "panel_n", "panel_previous", "panel_value", "panel_change"}));
  EXPECT_EQ(meta["panels"], nlohmann::json::parse(R"([{"year": 2022, "previous": 2021}])"));

  auto csv = h.get(
      "/api/v1/keyfigures/K04/data?format=csv&groups=00&years=2022&measures=panel_n,panel_previous,"
      "panel_value,panel_change");
  ASSERT_EQ(csv.status, 200) << csv.body;
  auto value = [&](const std::string& measure) {
    auto rows = lines_with(csv.body, {",00,", "," + measure + ","});
    EXPECT_EQ(rows.size(), 1u) << measure << "\n" << csv.body;
    return rows.empty() ? "" : rows[0].substr(rows[0].rfind(',', rows[0].size() - 2) + 1);
  };
  EXPECT_EQ(value("panel_n"), "3,");
  EXPECT_EQ(value("panel_previous"), "67,");
  EXPECT_EQ(value("panel_value"), "100,");
  EXPECT_EQ(value("panel_change"), "33,");
  EXPECT_EQ(lines_with(csv.body, {",00,", ",value,"}).size(), 1u) << "value is always included\n" << csv.body;
  EXPECT_TRUE(lines_with(csv.body, {",count,"}).empty()) << "only the measures asked for";

  auto js = nlohmann::json::parse(h.get("/api/v1/keyfigures/K04/data?groups=00&measures=panel_n").body);
  EXPECT_EQ(js["extension"]["panels"], nlohmann::json::parse(R"({"2022": 2021})"));
  auto bad = h.get("/api/v1/keyfigures/K04/data?measures=panel_total");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("panel_change"), std::string::npos) << bad.body;

  auto page = h.get("/statistik/K04");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Samma kommuner 2021 och 2022"), std::string::npos);
  EXPECT_NE(page.body.find("år 2022 bland de 3 kommuner som ingick båda åren, en förändring med +33 procentenheter"),
            std::string::npos)
      << page.body.substr(page.body.find("panel-h"), 3000);
  EXPECT_EQ(h.get("/statistik/K04?year=2021").body.find("panel-h"), std::string::npos)
      << "2021 has no earlier campaign to compare with";
  EXPECT_NE(h.get("/statistik/K04?lang=en").body.find("The same municipalities in 2021 and 2022"), std::string::npos);
}

}  // namespace
