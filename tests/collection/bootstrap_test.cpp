// `digipuls init` (collection/bootstrap.h): the bundled registry, instruments and the 2021
// campaign, idempotently.
#include "collection/bootstrap.h"

#include <gtest/gtest.h>
#include <map>

#include "campaign_fixture.h"
#include "core/error.h"

using namespace dp;
using dp::testing::InitialisedDb;

TEST(Bootstrap, LoadsRegistryInstrumentsAndThe2021Campaign) {
  InitialisedDb db;
  EXPECT_EQ(db.store->registry().counties().size(), 21u);
  auto scheme = db.store->registry().size_groups();
  EXPECT_EQ(db.store->registry().list(2021, 2021, scheme).size(), 290u);
  EXPECT_TRUE(db.store->registry().boundaries("municipalities"));
  auto ids = db.store->instruments().list();
  ASSERT_GE(ids.size(), 2u);
  auto ctx = db.campaign();
  EXPECT_EQ(ctx.campaign.instrument_id, "ehalsa-2021");
  EXPECT_EQ(ctx.campaign.population_year, 2019);
  EXPECT_EQ(ctx.orgs.size(), 290u);
  EXPECT_EQ(db.store->integrity_check(), "ok");
}

TEST(Bootstrap, SecondRunChangesNothing) {
  InitialisedDb db;
  auto again = collection::initialise(*db.store);
  EXPECT_TRUE(again.lines.empty()) << again.lines[0];
  EXPECT_EQ(db.store->campaigns().list().size(), 1u);
  EXPECT_EQ(db.store->registry().counties().size(), 21u);
}

TEST(Bootstrap, CampaignSizeGroupsFollowThe2019Populations) {
  InitialisedDb db;
  std::map<std::string, int> counts;
  for (const auto& o : db.campaign().orgs) counts[o.size_group]++;
  EXPECT_EQ(counts["0-15000"], 131);
  EXPECT_EQ(counts["15001-30000"], 73);
  EXPECT_EQ(counts["30001-70000"], 54);
  EXPECT_EQ(counts["70001+"], 32);
}

TEST(Bootstrap, AnsweringIsMandatoryForStimulusMunicipalitiesOnly) {
  InitialisedDb db;
  auto ctx = db.campaign();
  int mandatory = 0;
  for (const auto& [code, o] : ctx.scope) {
    auto attrs = ctx.attributes(code);
    bool stimulus = std::get<bool>(attrs.at("stimulus_requisitioned"));
    EXPECT_EQ(o.mandatory, stimulus) << code;
    mandatory += o.mandatory;
  }
  EXPECT_EQ(mandatory, 268);  // the report: 268 of 290 requisitioned
}

TEST(Bootstrap, StockholmCountyHasNoHomeHealthCare) {
  InitialisedDb db;
  auto ctx = db.campaign();
  for (const auto& o : ctx.orgs) {
    auto attrs = ctx.attributes(o.code);
    EXPECT_EQ(std::get<bool>(attrs.at("home_health_care")), o.county_code != "01") << o.code;
  }
}

TEST(BundledCampaigns, TheCampaignsInitCreatesAreDataNotCode) {
  auto specs = dp::collection::bundled_campaigns();
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].slug, "ehalsa-2021");
  EXPECT_EQ(specs[0].instrument_id, "ehalsa-2021");
  EXPECT_EQ(specs[0].population_year, 2019);
  EXPECT_EQ(specs[0].mandatory_attribute, "stimulus_requisitioned");
}

TEST(BundledCampaigns, AnUnknownKeyOrAYearOutOfRangeIsRefusedAtItsPosition) {
  auto refused = [](const std::string& text) {
    try {
      dp::collection::parse_bundled_campaigns(text, "campaigns.yaml");
    } catch (const dp::Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  std::string head = "format: digipuls-campaigns/1\ncampaigns:\n  - slug: x\n    instrument: ehalsa-2021\n";
  std::string unknown = refused(head + "    colour: red\n");
  EXPECT_NE(unknown.find("campaigns.yaml:5:5"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("colour"), std::string::npos) << unknown;
  std::string year = refused(head + "    year: 20x1\n");
  EXPECT_NE(year.find("campaigns.yaml:5:11"), std::string::npos) << year;
  EXPECT_NE(refused("format: digipuls-campaigns/2\ncampaigns: []\n").find("digipuls-campaigns/1"), std::string::npos);
  EXPECT_NE(refused(head.substr(0, head.find("    instrument"))).find("'instrument' is required"), std::string::npos);
}

TEST(BundledCampaigns, EveryProblemIsReportedWithItsCatalogueCodeAndPosition) {
  std::string text =
      "format: digipuls-campaigns/1\ncampaigns:\n  - slug: a\n    instrument: ehalsa-2021\n    colour: red\n"
      "  - slug: b\n    opens_on: [1, 2]\n";
  std::string message;
  try {
    dp::collection::parse_bundled_campaigns(text, "campaigns.yaml");
  } catch (const dp::Error& e) {
    EXPECT_EQ(e.code(), dp::ErrorCode::BadInput);
    message = e.what();
  }
  EXPECT_NE(message.find("campaigns.yaml:5:5: error I002 [colour]"), std::string::npos) << message;
  EXPECT_NE(message.find("campaigns.yaml:6:5: error I003 [instrument]"), std::string::npos) << message;
  EXPECT_NE(message.find("campaigns.yaml:7:15: error I004 [opens_on]"), std::string::npos) << message;
}
