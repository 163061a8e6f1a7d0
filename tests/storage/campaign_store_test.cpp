// Campaigns in SQLite (storage/campaign_store.h): create, find by id or slug, update, state, scope.
#include <gtest/gtest.h>

#include "core/error.h"
#include "support/sqlite_temp_dir.h"

using namespace dp;
using dp::testing::SeededDb;

TEST(CampaignStore, CreateAndFindByIdOrSlug) {
  SeededDb db;
  auto& cs = db.store->campaigns();
  auto by_id = cs.find(db.campaign_id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->slug, "tiny-2021");
  EXPECT_EQ(by_id->state, CampaignState::Draft);
  EXPECT_EQ(by_id->population_year, 2019);
  EXPECT_FALSE(by_id->created_at.empty());
  EXPECT_EQ(cs.find("tiny-2021")->id, db.campaign_id);
  EXPECT_EQ(cs.find(std::to_string(db.campaign_id))->slug, "tiny-2021");
  EXPECT_FALSE(cs.find("nope"));
  EXPECT_FALSE(cs.find(int64_t{9999}));
}

TEST(CampaignStore, DuplicateSlugIsAConflict) {
  SeededDb db;
  storage::Campaign c = *db.store->campaigns().find(db.campaign_id);
  try {
    db.store->campaigns().create(c);
    FAIL() << "duplicate slug accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Conflict);
  }
  EXPECT_EQ(db.store->campaigns().list().size(), 1u);
}

TEST(CampaignStore, CampaignNeedsAStoredInstrument) {
  SeededDb db;
  storage::Campaign c;
  c.slug = "x";
  c.instrument_id = "not-stored";
  c.year = 2021;
  c.population_year = 2019;
  EXPECT_ANY_THROW(db.store->campaigns().create(c));
  EXPECT_FALSE(db.store->campaigns().find("x"));
}

TEST(CampaignStore, UpdateKeepsEveryField) {
  SeededDb db;
  auto c = *db.store->campaigns().find(db.campaign_id);
  c.opens_on = "2021-01-11";
  c.closes_on = "2021-02-16";
  c.reminder_dates = {"2021-01-25", "2021-02-08"};
  c.settings = {{"suppression_profile", "small-n"}};
  c.title.en = "Tiny survey";
  db.store->campaigns().update(c);
  auto back = *db.store->campaigns().find(db.campaign_id);
  EXPECT_EQ(back.opens_on, "2021-01-11");
  EXPECT_EQ(back.closes_on, "2021-02-16");
  EXPECT_EQ(back.reminder_dates, c.reminder_dates);
  EXPECT_EQ(back.settings["suppression_profile"], "small-n");
  EXPECT_EQ(back.title.en, "Tiny survey");
  c.id = 9999;
  EXPECT_THROW(db.store->campaigns().update(c), Error);
}

TEST(CampaignStore, StateChangesAndPublicationTime) {
  SeededDb db;
  auto& cs = db.store->campaigns();
  cs.set_state(db.campaign_id, CampaignState::Open);
  EXPECT_EQ(cs.find(db.campaign_id)->state, CampaignState::Open);
  EXPECT_EQ(cs.find(db.campaign_id)->published_at, "");
  cs.set_state(db.campaign_id, CampaignState::Published);
  EXPECT_FALSE(cs.find(db.campaign_id)->published_at.empty());
  // A name that is not a state never reaches the store: tests/core/collection_state_test.cpp.
  EXPECT_EQ(cs.find(db.campaign_id)->state, CampaignState::Published);
  EXPECT_THROW(cs.set_state(9999, CampaignState::Open), Error);
}

TEST(CampaignStore, ScopeIsReplacedWholeWithAttributes) {
  SeededDb db;
  auto& cs = db.store->campaigns();
  auto scope = cs.scope(db.campaign_id);
  ASSERT_EQ(scope.size(), 3u);
  EXPECT_EQ(scope[0].org_code, "0114");
  EXPECT_FALSE(scope[1].mandatory);  // 2521 ordered before 2584
  EXPECT_EQ(scope[1].org_code, "2521");
  cs.set_scope(db.campaign_id, {{"2584", true, {{"stimulus_requisitioned", "true"}}}});
  scope = cs.scope(db.campaign_id);
  ASSERT_EQ(scope.size(), 1u);
  EXPECT_EQ(scope[0].attributes.at("stimulus_requisitioned"), "true");
}

TEST(CampaignStore, ScopeWithUnknownOrganisationChangesNothing) {
  SeededDb db;
  auto& cs = db.store->campaigns();
  EXPECT_ANY_THROW(cs.set_scope(db.campaign_id, {{"0114", true, {}}, {"9999", true, {}}}));
  EXPECT_EQ(cs.scope(db.campaign_id).size(), 3u);  // the old scope survives
}

TEST(InstrumentStore, KeepsTheExactSourceText) {
  SeededDb db;
  EXPECT_EQ(*db.store->instruments().source("tiny-2021"), dp::testing::kTinyInstrument);
  auto list = db.store->instruments().list();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].family, "tiny");
  EXPECT_EQ(list[0].kind, "survey");
  EXPECT_EQ(list[0].title.en, "Tiny");
  EXPECT_FALSE(db.store->instruments().source("none"));
}
