#include "collection/campaign_admin.h"

#include <gtest/gtest.h>

#include "collection/campaign_context.h"
#include "collection/campaigns.h"
#include "collection/field_error.h"
#include "instrument/visibility.h"
#include "storage/response_store.h"
#include "storage/user_store.h"
#include "support/temp_db.h"

using namespace dp;
using namespace dp::collection;

TEST(CampaignStates, FollowDraftOpenClosedPublishedAndClosedCanReopen) {
  EXPECT_TRUE(allowed_transition(CampaignState::Draft, CampaignState::Open));
  EXPECT_TRUE(allowed_transition(CampaignState::Open, CampaignState::Closed));
  EXPECT_TRUE(allowed_transition(CampaignState::Closed, CampaignState::Open));
  EXPECT_TRUE(allowed_transition(CampaignState::Closed, CampaignState::Published));
  EXPECT_FALSE(allowed_transition(CampaignState::Draft, CampaignState::Published));
  EXPECT_FALSE(allowed_transition(CampaignState::Open, CampaignState::Published));
  EXPECT_FALSE(allowed_transition(CampaignState::Published, CampaignState::Open));
  EXPECT_FALSE(allowed_transition(CampaignState::Open, CampaignState::Draft));
}

// A past year's answers, collected elsewhere and imported, end in a closed (then published)
// campaign without the campaign ever being open for answers.
TEST(CampaignStates, ADraftClosesWithoutOpeningOnlyWhenItHoldsSubmittedAnswers) {
  EXPECT_FALSE(allowed_transition(CampaignState::Draft, CampaignState::Closed));
  EXPECT_TRUE(allowed_transition(CampaignState::Draft, CampaignState::Closed, true));
  EXPECT_FALSE(allowed_transition(CampaignState::Draft, CampaignState::Published, true));
  test::TempDb db;
  EXPECT_THROW(change_state(db.store(), "ehalsa-2021", "closed", 0), FieldError);
  auto c = *db.store().campaigns().find(std::string("ehalsa-2021"));
  auto r = db.store().responses().get_or_create(c.id, "0114");
  db.store().responses().set_status(r.id, ResponseStatus::Draft, 0, "import", "history");
  EXPECT_THROW(change_state(db.store(), "ehalsa-2021", "closed", 0), FieldError);  // a draft answer is not enough
  db.store().responses().set_status(r.id, ResponseStatus::Submitted, 0, "import", "history");
  change_state(db.store(), "ehalsa-2021", "closed", 0);
  EXPECT_EQ(db.store().campaigns().find(std::string("ehalsa-2021"))->state, CampaignState::Closed);
}

TEST(CampaignStates, ChangeIsLoggedWithWhoAndARefusedOneChangesNothing) {
  test::TempDb db;
  change_state(db.store(), "ehalsa-2021", "open", 5);
  EXPECT_EQ(db.store().campaigns().find(std::string("ehalsa-2021"))->state, CampaignState::Open);
  EXPECT_THROW(change_state(db.store(), "ehalsa-2021", "published", 5), FieldError);
  EXPECT_EQ(db.store().campaigns().find(std::string("ehalsa-2021"))->state, CampaignState::Open);
  auto ev = db.store().users().events("campaign ehalsa-2021", 5);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].user_id, 5);
  EXPECT_EQ(ev[0].note, "draft -> open");
  EXPECT_THROW(change_state(db.store(), "nope", "open", 5), Error);
}

TEST(CampaignStates, AClosedCampaignIsNotPublishedByAStateChangeButByPublishingItsAuditedFigures) {
  test::TempDb db;
  change_state(db.store(), "ehalsa-2021", "open", 5);
  change_state(db.store(), "ehalsa-2021", "closed", 5);
  try {
    change_state(db.store(), "ehalsa-2021", "published", 5);
    FAIL() << "published without its figures";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Conflict);
    EXPECT_NE(std::string(e.what()).find("stats publish"), std::string::npos) << e.what();
  }
  EXPECT_EQ(db.store().campaigns().find(std::string("ehalsa-2021"))->state, CampaignState::Closed);
}

TEST(CampaignSchedule, DatesAreCheckedAndRemindersSorted) {
  test::TempDb db;
  update_schedule(db.store(), "ehalsa-2021", "2022-01-10", "2022-02-20", "2022-02-10, 2022-01-31\n2022-02-10", 1);
  auto c = *db.store().campaigns().find(std::string("ehalsa-2021"));
  EXPECT_EQ(c.reminder_dates, (std::vector<std::string>{"2022-01-31", "2022-02-10"}));
  auto field = [&](auto fn) {
    try {
      fn();
    } catch (const FieldError& e) {
      return e.field() + ":" + e.message_key();
    }
    return std::string("none");
  };
  EXPECT_EQ(field([&] { update_schedule(db.store(), "ehalsa-2021", "2022-02-30", "", "", 1); }),
            "opens_on:date_invalid");
  EXPECT_EQ(field([&] { update_schedule(db.store(), "ehalsa-2021", "2022-03-01", "2022-02-01", "", 1); }),
            "closes_on:closes_before_opens");
  EXPECT_EQ(field([&] { update_schedule(db.store(), "ehalsa-2021", "", "", "2022-13-01", 1); }),
            "reminders:date_invalid");
}

TEST(CampaignScope, CsvChangesTheNamedOrganisationsOnlyOrNothingAtAll) {
  test::TempDb db;
  auto ctx = load_campaign(db.store(), "ehalsa-2021");
  ASSERT_EQ(ctx.scope.at("0180").attributes.at("stimulus_requisitioned"), "true");
  EXPECT_THROW(
      import_scope_csv(db.store(), ctx, "org_code,stimulus_requisitioned\n0180,false\n9999,true\n", "f.csv", 1), Error);
  EXPECT_EQ(load_campaign(db.store(), "ehalsa-2021").scope.at("0180").attributes.at("stimulus_requisitioned"), "true")
      << "a bad row keeps every row out";
  EXPECT_THROW(import_scope_csv(db.store(), ctx, "org_code,colour\n0180,red\n", "f.csv", 1), Error);
  EXPECT_THROW(import_scope_csv(db.store(), ctx, "org_code,mandatory\n0180,maybe\n", "f.csv", 1), Error);
  auto n = import_scope_csv(db.store(), ctx, "org_code,mandatory,stimulus_requisitioned\n0180,nej,false\n0114,ja,\n",
                            "f.csv", 1);
  EXPECT_EQ(n, 2u);
  auto after = load_campaign(db.store(), "ehalsa-2021");
  EXPECT_EQ(after.scope.at("0180").attributes.at("stimulus_requisitioned"), "false");
  EXPECT_FALSE(after.scope.at("0180").mandatory);
  EXPECT_FALSE(after.scope.at("0114").attributes.count("stimulus_requisitioned")) << "an empty cell clears the value";
  EXPECT_EQ(after.scope.at("1440").attributes, ctx.scope.at("1440").attributes) << "others untouched";
  // The attribute drives eligibility: Stockholm no longer gets the stimulus-fund section.
  instrument::Visibility vis(after.instrument, {}, after.attributes("0180"));
  EXPECT_FALSE(vis.section_shown("stimulansmedel"));
}

TEST(CampaignSpecCheck, NamesTheField) {
  test::TempDb db;
  auto code = [&](CampaignSpec s) {
    try {
      check_spec(db.store(), s);
    } catch (const FieldError& e) {
      return e.field() + ":" + e.message_key();
    }
    return std::string("ok");
  };
  CampaignSpec s;
  s.instrument_id = "ehalsa-2022";
  EXPECT_EQ(code(s), "ok");
  s.instrument_id = "nope";
  EXPECT_EQ(code(s), "instrument:instrument_unknown");
  s.instrument_id = "ehalsa-2022";
  s.slug = "Bad Slug";
  EXPECT_EQ(code(s), "slug:slug_invalid");
  s.slug = "ehalsa-2021";
  EXPECT_EQ(code(s), "slug:slug_taken");
  s.slug = "";
  s.opens_on = "2022-05-01";
  s.closes_on = "2022-04-01";
  EXPECT_EQ(code(s), "closes_on:closes_before_opens");
}

TEST(CampaignScope, CsvProblemsUseTheImportersWordingAndLimit) {
  test::TempDb db;
  auto ctx = load_campaign(db.store(), "ehalsa-2021");
  std::string text = "org_code,mandatory\n";
  for (int i = 0; i < 800; ++i) text += "0180,maybe\n";  // a bad value, then 799 duplicates
  try {
    import_scope_csv(db.store(), ctx, text, "scope.csv", 1);
    FAIL() << "accepted a bad file";
  } catch (const Error& e) {
    std::string msg = e.message();
    EXPECT_EQ(msg.rfind("800 problem(s); nothing was changed:\n  scope.csv: row 2, column mandatory: 'maybe'", 0), 0u)
        << msg.substr(0, 200);
    EXPECT_NE(msg.find("\n  scope.csv: row 3, column org_code: 0180 appears twice"), std::string::npos)
        << msg.substr(0, 400);
    EXPECT_NE(msg.find("\n  …and 300 more problem(s)"), std::string::npos);
  }
}
