// The instrument's consistency checks in the collection: a warning does not stop the submission
// but puts the response on the analyst's verification list; a blocking check stops it.
#include "collection/verification.h"

#include <gtest/gtest.h>

#include "collection/campaign_admin.h"
#include "collection/campaign_context.h"
#include "collection/responding.h"
#include "core/utc_time.h"
#include "support/temp_db.h"

using namespace dp;
using namespace dp::collection;

namespace {

struct Verification : ::testing::Test {
  test::TempDb db;
  storage::Store& store = db.store();
  CampaignContext ctx;
  int64_t rid = 0;
  void SetUp() override {
    change_state(store, "ehalsa-2021", "open", 0);
    // The closing date is enforced (the bundled 2021 round closed in 2021): two months from now.
    update_schedule(store, "ehalsa-2021", "2021-01-11", date_of(utc_plus(utc_now_string(), 60 * 86400)), "", 0);
    ctx = load_campaign(store, "ehalsa-2021");
    rid = load_state(store, ctx.campaign.id, "1440").response.id;
  }
  instrument::Answers answers() { return load_state(store, ctx.campaign.id, "1440").answers; }
};

}  // namespace

TEST_F(Verification, AnOutlierIsFlaggedForTheAnalystButDoesNotStopTheSubmission) {
  EXPECT_TRUE(verification_list(store, ctx).empty());
  auto out = save_changes(store, ctx, rid, {{"q12.gps_larm", "bredd", 0}, {"q12c", "800", 0}}, 1);
  ASSERT_TRUE(out.problems.empty());
  auto flags = verification_list(store, ctx);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].org_code, "1440");
  EXPECT_EQ(flags[0].org_name, "Ale");
  EXPECT_EQ(flags[0].check, "gps_outlier");
  EXPECT_FALSE(flags[0].blocking);
  for (const auto& p : submission_problems(ctx, "1440", answers())) EXPECT_NE(p.code, "check") << p.message;
}

TEST_F(Verification, CorrectingTheAnswerTakesTheResponseOffTheList) {
  save_changes(store, ctx, rid, {{"q12.gps_larm", "bredd", 0}, {"q12c", "0", 0}}, 1);
  ASSERT_EQ(verification_list(store, ctx).size(), 1u);
  EXPECT_EQ(verification_list(store, ctx)[0].check, "gps_none_counted");
  int64_t base = load_state(store, ctx.campaign.id, "1440").response.version;
  save_changes(store, ctx, rid, {{"q12c", "35", base}}, 1);
  EXPECT_TRUE(verification_list(store, ctx).empty());
}

TEST_F(Verification, ABlockingCheckStopsTheSubmissionWithItsItem) {
  // The bundled checks are warnings; make one blocking as an instrument author would.
  for (auto& c : ctx.instrument.checks) c.blocking = c.id == "gps_outlier";
  auto a = answers();
  a["q12.gps_larm"] = instrument::Value::code("bredd");
  a["q12c"] = instrument::Value::num(800);
  bool found = false;
  for (const auto& p : submission_problems(ctx, "1440", a))
    if (p.code == "check") {
      found = true;
      EXPECT_EQ(p.item, "q12c");
      EXPECT_EQ(p.args.at("check"), "gps_outlier");
    }
  EXPECT_TRUE(found);
}
