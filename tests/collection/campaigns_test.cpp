// Creating campaigns (collection/campaigns.h): an instrument version + a year + the organisations
// in scope, with the eligibility attributes copied from the registry.
#include "collection/campaigns.h"

#include <gtest/gtest.h>

#include "campaign_fixture.h"
#include "core/error.h"

using namespace dp;
using dp::testing::InitialisedDb;

TEST(CreateCampaign, ScopeByCountyWithCopiedAttributes) {
  InitialisedDb db;
  collection::CampaignSpec spec;
  spec.slug = "ehalsa-2022-norrbotten";
  spec.instrument_id = "ehalsa-2022";
  spec.year = 2021;  // the registry has 2021 attributes
  spec.county_codes = {"25"};
  auto id = collection::create_campaign(*db.store, spec);
  auto c = *db.store->campaigns().find(id);
  EXPECT_EQ(c.instrument_id, "ehalsa-2022");
  EXPECT_EQ(c.population_year, 2019);  // default: year - 2
  EXPECT_EQ(c.state, CampaignState::Draft);
  auto scope = db.store->campaigns().scope(id);
  EXPECT_EQ(scope.size(), 14u);  // Norrbottens län has 14 municipalities
  for (const auto& o : scope) {
    EXPECT_EQ(o.org_code.substr(0, 2), "25");
    EXPECT_TRUE(o.attributes.count("home_health_care")) << o.org_code;
    EXPECT_TRUE(o.mandatory);
  }
}

TEST(CreateCampaign, ExplicitOrganisationsAndMandatoryAttribute) {
  InitialisedDb db;
  collection::CampaignSpec spec;
  spec.slug = "pilot";
  spec.instrument_id = "ehalsa-2021";
  spec.org_codes = {"0114", "0115"};
  spec.mandatory_attribute = "stimulus_requisitioned";
  auto id = collection::create_campaign(*db.store, spec);
  auto scope = db.store->campaigns().scope(id);
  ASSERT_EQ(scope.size(), 2u);
  EXPECT_TRUE(scope[0].mandatory);   // 0114 requisitioned funds
  EXPECT_FALSE(scope[1].mandatory);  // 0115 did not
}

TEST(CreateCampaign, BadSpecsAreRejectedAndCreateNothing) {
  InitialisedDb db;
  auto before = db.store->campaigns().list().size();
  collection::CampaignSpec spec;
  spec.instrument_id = "ehalsa-2021";  // slug defaults to the instrument id, which init already used
  EXPECT_THROW(collection::create_campaign(*db.store, spec), Error);
  spec.slug = "x";
  spec.org_codes = {"0114", "9999"};
  EXPECT_THROW(collection::create_campaign(*db.store, spec), Error);
  spec.org_codes.clear();
  spec.mandatory_attribute = "no_such_attribute";
  EXPECT_THROW(collection::create_campaign(*db.store, spec), Error);
  spec.mandatory_attribute.clear();
  spec.org_kind = "private_provider";
  EXPECT_THROW(collection::create_campaign(*db.store, spec), Error);  // nobody in scope
  spec.instrument_id = "not-stored";
  EXPECT_THROW(collection::create_campaign(*db.store, spec), Error);
  EXPECT_EQ(db.store->campaigns().list().size(), before);
}
