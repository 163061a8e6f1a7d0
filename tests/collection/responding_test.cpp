// Answering: saving on top of what one saw (conflicts instead of lost edits), value problems,
// submitting (mandatory items, hidden answers cleared, receipts), reopening.
#include "collection/responding.h"

#include <array>
#include <gtest/gtest.h>
#include <map>

#include "collection/accounts.h"
#include "collection/campaign_admin.h"
#include "collection/campaign_context.h"
#include "collection/deadline.h"
#include "collection/demo.h"
#include "collection/field_error.h"
#include "core/utc_time.h"
#include "storage/mail_store.h"
#include "storage/user_store.h"
#include "support/temp_db.h"

using namespace dp;
using namespace dp::collection;

namespace {

struct Responding : ::testing::Test {
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
  void refresh() { ctx = load_campaign(store, "ehalsa-2021"); }
  instrument::Answers answers() { return load_state(store, ctx.campaign.id, "1440").answers; }
};

}  // namespace

TEST_F(Responding, FirstSaveMovesTheResponseToDraft) {
  EXPECT_EQ(load_state(store, ctx.campaign.id, "1440").response.status, ResponseStatus::NotStarted);
  auto out = save_changes(store, ctx, rid, {{"q03", "ja", 0}}, 7);
  EXPECT_EQ(out.saved, std::vector<std::string>{"q03"});
  EXPECT_TRUE(out.conflicts.empty());
  auto s = load_state(store, ctx.campaign.id, "1440");
  EXPECT_EQ(s.response.status, ResponseStatus::Draft);
  EXPECT_EQ(s.answers.at("q03").str, "ja");
  EXPECT_EQ(s.stored.at("q03").updated_by, 7);
}

TEST_F(Responding, ChangeMadeOnAStaleVersionIsAConflictAndIsNotSaved) {
  auto a = save_changes(store, ctx, rid, {{"q03", "ja", 0}}, 1);   // Anna saves at version 0
  auto b = save_changes(store, ctx, rid, {{"q03", "nej", 0}}, 2);  // Bo saw version 0 too
  ASSERT_EQ(b.conflicts.size(), 1u);
  EXPECT_EQ(b.conflicts[0].item, "q03");
  EXPECT_EQ(b.conflicts[0].theirs.str, "ja");
  EXPECT_EQ(b.conflicts[0].updated_by, 1);
  EXPECT_TRUE(b.saved.empty());
  EXPECT_EQ(answers().at("q03").str, "ja") << "Anna's answer was not overwritten";
  // Bo chooses his value, now on top of the version he was shown.
  auto c = save_changes(store, ctx, rid, {{"q03", "nej", b.conflicts[0].version}}, 2);
  EXPECT_EQ(c.saved, std::vector<std::string>{"q03"});
  EXPECT_EQ(answers().at("q03").str, "nej");
}

TEST_F(Responding, SameValueFromTwoPeopleIsNoConflict) {
  save_changes(store, ctx, rid, {{"q03", "ja", 0}}, 1);
  auto b = save_changes(store, ctx, rid, {{"q03", "ja", 0}}, 2);
  EXPECT_TRUE(b.conflicts.empty());
}

TEST_F(Responding, ChangesToDifferentItemsOnOldVersionsDoNotConflict) {
  save_changes(store, ctx, rid, {{"q03", "ja", 0}}, 1);
  auto b = save_changes(store, ctx, rid, {{"q04", "alla", 0}}, 2);
  EXPECT_TRUE(b.conflicts.empty());
  EXPECT_EQ(b.saved, std::vector<std::string>{"q04"});
}

TEST_F(Responding, InvalidValuesComeBackAsProblemsWhileValidOnesAreSaved) {
  auto out = save_changes(store, ctx, rid,
                          {{"q03", "ja", 0}, {"q04", "kanske", 0}, {"q07", "annat|inget", 0}, {"q12a", "tolv", 0}}, 1);
  EXPECT_EQ(out.saved, std::vector<std::string>{"q03"});
  std::map<std::string, std::string> codes;
  for (const auto& p : out.problems) codes[p.item] = p.code;
  EXPECT_EQ(codes["q04"], "unknown_option");
  EXPECT_EQ(codes["q07"], "exclusive");
  EXPECT_EQ(codes["q12a"], "bad_value");
  EXPECT_FALSE(answers().count("q04"));
}

TEST_F(Responding, NumbersAreReadTheSwedishWayAndKeepTheirRules) {
  // q12c: a head count, whole number, at least 0.
  auto ok = save_changes(store, ctx, rid, {{"q12c", " 1 234 ", 0}}, 1);
  ASSERT_TRUE(ok.problems.empty());
  EXPECT_DOUBLE_EQ(answers().at("q12c").number, 1234);
  auto dec = save_changes(store, ctx, rid, {{"q12c", "12,5", -1}}, 1);
  ASSERT_EQ(dec.problems.size(), 1u);
  EXPECT_EQ(dec.problems[0].code, "not_integer");
  auto neg = save_changes(store, ctx, rid, {{"q12c", "-5", -1}}, 1);
  ASSERT_EQ(neg.problems.size(), 1u);
  EXPECT_EQ(neg.problems[0].code, "below_min");
  EXPECT_EQ(neg.problems[0].args.at("min"), "0");
  EXPECT_DOUBLE_EQ(answers().at("q12c").number, 1234) << "refused values leave the stored one";
}

TEST_F(Responding, UnknownItemIsRefusedAndNothingIsSaved) {
  EXPECT_THROW(save_changes(store, ctx, rid, {{"q03", "ja", 0}, {"zz99", "x", 0}}, 1), FieldError);
  EXPECT_TRUE(answers().empty());
}

TEST_F(Responding, ItemNotAskedOfTheOrganisationIsRefused) {
  // An organisation that did not requisition stimulus funds is not asked the stimulus section
  // (questionnaire version B).
  std::string code, row;
  for (const auto& o : ctx.orgs)
    for (const auto& it : instrument::items(ctx.instrument))
      if (code.empty() && it.row && !it.specify && !instrument::eligible(ctx.instrument, it, ctx.attributes(o.code))) {
        code = o.code;
        row = it.key;
      }
  ASSERT_FALSE(row.empty());
  auto rid2 = load_state(store, ctx.campaign.id, code).response.id;
  auto out = save_changes(store, ctx, rid2, {{row, "1", 0}}, 1);
  ASSERT_EQ(out.problems.size(), 1u);
  EXPECT_EQ(out.problems[0].code, "not_asked");
}

TEST_F(Responding, SubmissionNeedsEveryShownMandatoryItem) {
  save_changes(store, ctx, rid, {{"q03", "ja", 0}}, 1);
  auto problems = submission_problems(ctx, "1440", answers());
  EXPECT_FALSE(problems.empty());
  bool q03a_missing = false;
  for (const auto& p : problems) q03a_missing = q03a_missing || (p.item == "q03a" && p.code == "missing");
  EXPECT_TRUE(q03a_missing) << "the follow-up is shown because q03 = ja";
  EXPECT_THROW(submit_response(store, ctx, rid, 1, "https://d.se"), Error);
  EXPECT_EQ(load_state(store, ctx.campaign.id, "1440").response.status, ResponseStatus::Draft);
}

TEST_F(Responding, SubmitClearsHiddenAnswersSendsReceiptsAndLocksTheResponse) {
  auto anna = add_user(store, {"anna@ale.se", "Anna", "respondent", "1440", "", "sv"}, 0);
  add_user(store, {"bo@ale.se", "Bo", "respondent", "1440", "", "en"}, 0);
  add_user(store, {"other@x.se", "", "respondent", "0180", "", "sv"}, 0);
  auto full = demo_answers(ctx, "1440");
  std::vector<RawChange> changes;
  for (const auto& [k, v] : full)
    changes.push_back({k,
                       v.kind == instrument::Value::Kind::Number  ? std::to_string(v.number)
                       : v.kind == instrument::Value::Kind::Codes ? v.codes[0]
                                                                  : v.str,
                       -1});
  auto out = save_changes(store, ctx, rid, changes, anna.id);
  ASSERT_TRUE(out.problems.empty()) << out.problems[0].item << " " << out.problems[0].message;
  // A follow-up answered, then hidden again by changing its parent: it must not survive submission.
  save_changes(store, ctx, rid, {{"q03", "ja", -1}}, anna.id);
  save_changes(store, ctx, rid, {{"q03a", "ks", -1}}, anna.id);
  save_changes(store, ctx, rid, {{"q03", "nej", -1}}, anna.id);
  ASSERT_TRUE(answers().count("q03a"));
  submit_response(store, ctx, rid, anna.id, "https://digipuls.example");
  auto s = load_state(store, ctx.campaign.id, "1440");
  EXPECT_EQ(s.response.status, ResponseStatus::Submitted);
  EXPECT_EQ(s.response.submitted_by, anna.id);
  EXPECT_FALSE(s.answers.count("q03a")) << "hidden answer cleared";
  auto receipts = store.mail().list({std::nullopt, false, "receipt", 0, 10});
  ASSERT_EQ(receipts.size(), 2u) << "one per respondent of Ale, none to Stockholm";
  for (const auto& r : receipts) {
    EXPECT_NE(r.body_text.find("https://digipuls.example/respond/ehalsa-2021/1440"), std::string::npos);
    EXPECT_NE(r.subject.find(r.recipient == "bo@ale.se" ? "Receipt" : "Kvitto"), std::string::npos);
  }
  EXPECT_NE(receipts[0].body_text.find("Anna"), std::string::npos) << "names who submitted";
  EXPECT_EQ(edit_state(ctx.campaign.state, s.response.status), EditState::Submitted);
  EXPECT_THROW(save_changes(store, ctx, rid, {{"q04", "nej", -1}}, anna.id), Error);
  EXPECT_THROW(submit_response(store, ctx, rid, anna.id, "x"), Error);
}

TEST_F(Responding, ReopeningNeedsAReasonAndIsAudited) {
  store.responses().replace(rid, demo_answers(ctx, "1440"), ResponseStatus::Submitted, 1, "import", "");
  try {
    reopen_response(store, rid, 9, "  ");
    FAIL();
  } catch (const FieldError& e) {
    EXPECT_EQ(e.field(), "reason");
  }
  reopen_response(store, rid, 9, "q12a should be 14, not 41");
  auto s = load_state(store, ctx.campaign.id, "1440");
  EXPECT_EQ(s.response.status, ResponseStatus::Reopened);
  auto audit = store.responses().audit(rid);
  EXPECT_EQ(audit.back().action, "reopen");
  EXPECT_EQ(audit.back().user_id, 9);
  EXPECT_EQ(audit.back().note, "q12a should be 14, not 41");
  // A reopened response can be edited even after the campaign closes...
  change_state(store, "ehalsa-2021", "closed", 0);
  refresh();
  EXPECT_EQ(edit_state(ctx.campaign.state, s.response.status), EditState::Editable);
  EXPECT_NO_THROW(save_changes(store, ctx, rid, {{"q04", "nej", -1}}, 1));
  // ...and submitted again.
  EXPECT_NO_THROW(submit_response(store, ctx, rid, 1, "x"));
  EXPECT_THROW(reopen_response(store, load_state(store, ctx.campaign.id, "0180").response.id, 9, "why"), Error)
      << "only a submitted response can be reopened";
}

TEST_F(Responding, NothingCanBeEditedBeforeTheCampaignOpensOrAfterItCloses) {
  storage::Response r;
  r.status = ResponseStatus::Draft;
  storage::Campaign c;
  for (CampaignState st : {CampaignState::Draft, CampaignState::Closed, CampaignState::Published}) {
    c.state = st;
    EXPECT_EQ(edit_state(c.state, r.status), EditState::NotOpen) << to_string(st);
  }
  c.state = CampaignState::Open;
  EXPECT_EQ(edit_state(c.state, r.status), EditState::Editable);
  r.status = ResponseStatus::Reopened;
  c.state = CampaignState::Published;
  EXPECT_EQ(edit_state(c.state, r.status), EditState::NotOpen);
}

TEST(EditRule, TruthTableOfEveryCampaignStateAndResponseStatus) {
  using enum CampaignState;
  using R = ResponseStatus;
  const EditState E = EditState::Editable, S = EditState::Submitted, N = EditState::NotOpen;
  // Rows: campaign state; columns: not_started, draft, submitted, reopened.
  const std::map<CampaignState, std::array<EditState, 4>> expected = {
      {Draft, {N, N, S, E}},  // a reopened response stays editable until publication
      {Open, {E, E, S, E}},
      {Closed, {N, N, S, E}},
      {Published, {N, N, S, N}},
  };
  const R statuses[] = {R::NotStarted, R::Draft, R::Submitted, R::Reopened};
  for (const auto& [campaign, row] : expected)
    for (size_t i = 0; i < 4; ++i) {
      EXPECT_EQ(edit_state(campaign, statuses[i]), row[i]) << to_string(campaign) << " / " << to_string(statuses[i]);
      EXPECT_EQ(editable(campaign, statuses[i]), row[i] == E) << to_string(campaign) << " / " << to_string(statuses[i]);
    }
}

TEST_F(Responding, AfterTheClosingDateNothingIsSavedUntilTheAdministratorGivesMoreTime) {
  std::string yesterday = date_of(utc_plus(utc_now_string(), -86400));
  std::string next_week = date_of(utc_plus(utc_now_string(), 7 * 86400));
  update_schedule(store, "ehalsa-2021", "2021-01-11", yesterday, "", 0);
  refresh();
  EXPECT_EQ(edit_state(ctx.campaign, "1440", ResponseStatus::Draft, deadline_today()), EditState::PastDeadline);
  try {
    save_changes(store, ctx, rid, {{"q03", "ja", -1}}, 7);
    FAIL() << "saved after the closing date";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Conflict);
    EXPECT_NE(std::string(e.what()).find(yesterday), std::string::npos) << e.what();
  }
  EXPECT_FALSE(answers().count("q03"));
  // One municipality gets a week more; the others do not.
  EXPECT_THROW(extend_for_org(store, "ehalsa-2021", "1440", yesterday, 0), FieldError) << "not after the closing date";
  EXPECT_THROW(extend_for_org(store, "ehalsa-2021", "9999", next_week, 0), FieldError) << "not in scope";
  extend_for_org(store, "ehalsa-2021", "1440", next_week, 0);
  refresh();
  EXPECT_EQ(last_day(ctx.campaign, "1440"), next_week);
  EXPECT_EQ(last_day(ctx.campaign, "0180"), yesterday);
  EXPECT_EQ(save_changes(store, ctx, rid, {{"q03", "ja", -1}}, 7).saved.size(), 1u);
  auto sthlm = load_state(store, ctx.campaign.id, "0180").response.id;
  EXPECT_THROW(save_changes(store, ctx, sthlm, {{"q03", "ja", -1}}, 7), Error);
  EXPECT_FALSE(store.users().events("campaign ehalsa-2021", 5).empty());
  // Taken back: closed again.
  extend_for_org(store, "ehalsa-2021", "1440", "", 0);
  refresh();
  EXPECT_THROW(save_changes(store, ctx, rid, {{"q03", "nej", -1}}, 7), Error);
  // A response the administrator reopens stays editable after the date.
  store.responses().replace(rid, demo_answers(ctx, "1440"), ResponseStatus::Submitted, 1, "import", "");
  reopen_response(store, rid, 9, "a correction after the closing date");
  EXPECT_EQ(edit_state(ctx.campaign, "1440", ResponseStatus::Reopened, deadline_today()), EditState::Editable);
  EXPECT_NO_THROW(save_changes(store, ctx, rid, {{"q03", "ja", -1}}, 7));
  EXPECT_EQ(answers().at("q03").str, "ja");
}
