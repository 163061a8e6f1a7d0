// The dashboard counts every organisation in scope once, by status, overall, per county and per
// size group, and a coordinator's view holds only their county.
#include "collection/dashboard.h"

#include <gtest/gtest.h>

#include "collection/accounts.h"
#include "collection/campaign_admin.h"
#include "collection/campaign_context.h"
#include "collection/field_error.h"
#include "collection/reminders.h"
#include "core/csv.h"
#include "core/error.h"
#include "storage/mail_store.h"
#include "storage/response_store.h"
#include "support/temp_db.h"

using namespace dp;
using namespace dp::collection;

namespace {
void set(storage::Store& s, int64_t campaign, const std::string& org, const std::string& status) {
  auto r = s.responses().get_or_create(campaign, org);
  s.responses().set_status(r.id, parse_response_status(status), 0, "status", "");
}
}  // namespace

TEST(Dashboard, CountsStatusesAndRatesLikeBilaga1) {
  test::TempDb db;
  auto ctx = load_campaign(db.store(), "ehalsa-2021");
  set(db.store(), ctx.campaign.id, "0180", "submitted");  // Stockholm, county 01
  set(db.store(), ctx.campaign.id, "0114", "draft");      // Upplands Väsby, county 01
  set(db.store(), ctx.campaign.id, "1440", "submitted");  // Ale, county 14
  set(db.store(), ctx.campaign.id, "1480", "reopened");   // Göteborg, county 14
  auto d = build_dashboard(db.store(), ctx, "", Lang::sv);
  EXPECT_EQ(d.orgs.size(), 290u);
  EXPECT_EQ(d.overall.orgs, 290);
  EXPECT_EQ(d.overall.answers, 2);
  EXPECT_EQ(d.submitted, 2);
  EXPECT_EQ(d.draft, 1);
  EXPECT_EQ(d.reopened, 1);
  EXPECT_EQ(d.not_started, 286);
  int county_total = 0, size_total = 0;
  for (const auto& r : d.by_county) county_total += r.orgs;
  for (const auto& r : d.by_size) size_total += r.orgs;
  EXPECT_EQ(county_total, 290);
  EXPECT_EQ(size_total, 290);
  auto stockholm = std::find_if(d.by_county.begin(), d.by_county.end(), [](auto& r) { return r.key == "01"; });
  ASSERT_NE(stockholm, d.by_county.end());
  EXPECT_EQ(stockholm->orgs, 26);
  EXPECT_EQ(stockholm->answers, 1);
  EXPECT_NEAR(stockholm->share(), 100.0 / 26, 1e-9);
  EXPECT_EQ(d.mandatory.orgs, 268) << "the 268 municipalities that requisitioned stimulus funds";
}

TEST(Dashboard, CoordinatorSeesOnlyTheirCounty) {
  test::TempDb db;
  auto ctx = load_campaign(db.store(), "ehalsa-2021");
  auto d = build_dashboard(db.store(), ctx, "14", Lang::sv);
  EXPECT_EQ(d.orgs.size(), 49u);
  for (const auto& o : d.orgs) EXPECT_EQ(o.county_code, "14");
  ASSERT_EQ(d.by_county.size(), 1u);
}

TEST(Dashboard, StatusCsvHasOneRowPerOrganisation) {
  test::TempDb db;
  auto ctx = load_campaign(db.store(), "ehalsa-2021");
  set(db.store(), ctx.campaign.id, "1440", "submitted");
  auto t = csv::parse(status_csv(build_dashboard(db.store(), ctx, "", Lang::sv)), "status.csv");
  EXPECT_EQ(t.rows.size(), 290u);
  int c = t.column("status"), code = t.column("org_code");
  for (const auto& r : t.rows) {
    if (r.fields[code] == "1440") {
      EXPECT_EQ(r.fields[c], "submitted");
    }
  }
}

TEST(Reminders, GoToEveryRespondentOfOrganisationsThatHaveNotSubmitted) {
  test::TempDb db;
  auto& s = db.store();
  add_user(s, {"a@ale.se", "", "respondent", "1440", "", "sv"}, 0);
  add_user(s, {"b@ale.se", "", "respondent", "1440", "", "en"}, 0);
  add_user(s, {"sthlm@x.se", "", "respondent", "0180", "", "sv"}, 0);
  add_user(s, {"vasby@x.se", "", "respondent", "0114", "", "sv"}, 0);
  auto ctx = load_campaign(s, "ehalsa-2021");
  EXPECT_THROW(remind_non_responders(s, ctx, "https://d.se", 1), Error) << "only while open";
  change_state(s, "ehalsa-2021", "open", 0);
  ctx = load_campaign(s, "ehalsa-2021");
  set(s, ctx.campaign.id, "0180", "submitted");
  set(s, ctx.campaign.id, "0114", "draft");
  auto r = remind_non_responders(s, ctx, "https://d.se", 1);
  EXPECT_EQ(r.messages, 3);  // two in Ale (not started), one in Upplands Väsby (draft)
  EXPECT_EQ(r.organisations, 2);
  EXPECT_EQ(r.without_accounts, 287);
  auto sent = s.mail().list({std::nullopt, false, "reminder", 0, 10});
  std::set<std::string> to;
  for (const auto& m : sent) to.insert(m.recipient);
  EXPECT_EQ(to, (std::set<std::string>{"a@ale.se", "b@ale.se", "vasby@x.se"}));
  for (const auto& m : sent) {
    if (m.recipient == "vasby@x.se") {
      EXPECT_NE(m.body_text.find("påbörjad"), std::string::npos) << "a draft is told so";
    }
  }
}

TEST(Reminders, ScheduledDateRunsOnceEvenWhenCheckedAgain) {
  test::TempDb db;
  auto& s = db.store();
  add_user(s, {"a@ale.se", "", "respondent", "1440", "", "sv"}, 0);
  update_schedule(s, "ehalsa-2021", "2030-01-01", "2030-02-01", "2030-01-15, 2030-01-25", 0);
  change_state(s, "ehalsa-2021", "open", 0);
  EXPECT_EQ(run_scheduled_reminders(s, "2030-01-14", "https://d.se"), 0);
  EXPECT_EQ(run_scheduled_reminders(s, "2030-01-15", "https://d.se"), 1);
  EXPECT_EQ(run_scheduled_reminders(s, "2030-01-15", "https://d.se"), 0);
  EXPECT_EQ(run_scheduled_reminders(s, "2030-01-16", "https://d.se"), 0);
  EXPECT_EQ(run_scheduled_reminders(s, "2030-01-26", "https://d.se"), 1);
  auto runs = s.mail().reminder_runs(load_campaign(s, "ehalsa-2021").campaign.id);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0], (std::pair<std::string, int>{"2030-01-15", 1}));
}

TEST(Reminders, DatesRelativeToTheClosingDateMoveWithIt) {
  test::TempDb db;
  auto& s = db.store();
  add_user(s, {"a@ale.se", "", "respondent", "1440", "", "sv"}, 0);
  update_schedule(s, "ehalsa-2021", "2030-01-01", "2030-02-01", "-7, -2", 0);
  change_state(s, "ehalsa-2021", "open", 0);
  EXPECT_EQ(run_scheduled_reminders(s, "2030-01-24", "https://d.se"), 0);
  EXPECT_EQ(run_scheduled_reminders(s, "2030-01-25", "https://d.se"), 1) << "seven days before 1 February";
  // The closing date moves a week later: so do the reminders.
  update_schedule(s, "ehalsa-2021", "2030-01-01", "2030-02-08", "-7, -2", 0);
  EXPECT_EQ(run_scheduled_reminders(s, "2030-01-30", "https://d.se"), 0)
      << "no longer two days before the closing date";
  EXPECT_EQ(run_scheduled_reminders(s, "2030-02-01", "https://d.se"), 1);
  EXPECT_EQ(run_scheduled_reminders(s, "2030-02-06", "https://d.se"), 1);
  // Relative reminders need a closing date.
  EXPECT_THROW(update_schedule(s, "ehalsa-2021", "2030-01-01", "", "-7", 0), FieldError);
  EXPECT_THROW(update_schedule(s, "ehalsa-2021", "2030-01-01", "2030-02-08", "-0, -400", 0), FieldError);
}
