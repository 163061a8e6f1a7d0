// The response form works without JavaScript: every button posts the whole section, the server
// saves what changed on top of what the page showed, and re-renders the page with messages next
// to the fields, an error summary, or a conflict with both values and the choice between them.
#include <gtest/gtest.h>
#include <regex>

#include "support/site.h"

using namespace dp;
using test::Fields;
using test::Http;

namespace {

const std::string kSection = "/respond/ehalsa-2021/1440/section/strategi";

struct Page {
  std::string csrf, base;
  std::map<std::string, std::string> orig;  // _o:<item> values
};

Page read_page(Http& h) {
  auto r = h.get(kSection);
  EXPECT_EQ(r.status, 200);
  Page p;
  p.csrf = test::page_csrf(r.body);
  std::smatch m;
  std::regex base_re("name=\"_base\" value=\"([0-9]+)\"");
  if (std::regex_search(r.body, m, base_re)) p.base = m[1];
  std::regex orig_re("name=\"_o:([^\"]+)\" value=\"([^\"]*)\"");
  for (std::sregex_iterator it(r.body.begin(), r.body.end(), orig_re), end; it != end; ++it)
    p.orig[(*it)[1]] = (*it)[2];
  return p;
}

// The page's fields as a browser without scripts would post them: every original value, the
// given answers, and the button pressed.
Fields post_of(const Page& p, const Fields& answers, const std::string& action) {
  Fields f = {{"_csrf", p.csrf}, {"_base", p.base}, {"_action", action}};
  for (const auto& [k, v] : p.orig) {
    f.push_back({"_o:" + k, v});
    bool given = false;
    for (const auto& [ak, av] : answers) given = given || ak == k;
    if (!given && !v.empty()) {
      // Unchanged fields are posted with their shown value (multi: one field per code).
      size_t start = 0;
      while (true) {
        auto bar = v.find('|', start);
        f.push_back({k, v.substr(start, bar == std::string::npos ? std::string::npos : bar - start)});
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
    }
  }
  for (const auto& a : answers) f.push_back(a);
  return f;
}

class FormWithoutScript : public ::testing::Test {
 protected:
  static test::Site* site;
  static void SetUpTestSuite() { site = new test::Site(); }
  static void TearDownTestSuite() { delete site; }
};
test::Site* FormWithoutScript::site = nullptr;

}  // namespace

TEST_F(FormWithoutScript, SaveShowsTheFollowUpAndBadValuesComeBackNextToTheirFields) {
  Http anna = site->signed_in("anna@ale.se");
  auto page = read_page(anna);
  ASSERT_FALSE(page.csrf.empty());
  auto before = anna.get(kSection).body;
  EXPECT_NE(before.find("data-q=\"q03a\" hidden"), std::string::npos) << "the follow-up starts hidden";
  auto r = anna.post_form(kSection, post_of(page, {{"q03", "ja"}, {"q07", "annat"}, {"q07", "inget"}}, "save"));
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("id=\"error-summary\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#f-q07-o-"), std::string::npos) << "the summary links to the field";
  EXPECT_NE(r.body.find("Alternativet kan inte kombineras med andra svar."), std::string::npos);
  EXPECT_NE(r.body.find("aria-invalid=\"true\""), std::string::npos);
  // The valid answer was saved and its follow-up is now shown.
  auto after = anna.get(kSection).body;
  EXPECT_NE(after.find("value=\"ja\" checked"), std::string::npos);
  EXPECT_EQ(after.find("data-q=\"q03a\" hidden"), std::string::npos);
}

TEST_F(FormWithoutScript, ConflictingPostShowsBothValuesAndEitherChoiceIsHonoured) {
  Http anna = site->signed_in("anna@ale.se");
  Http spare = site->signed_in("spare@test.se");
  auto anna_page = read_page(anna);  // Anna's page is older than the colleague's change
  auto spare_page = read_page(spare);
  ASSERT_EQ(spare.post_form(kSection, post_of(spare_page, {{"q04", "delar"}}, "save")).status, 303);
  auto r = anna.post_form(kSection, post_of(anna_page, {{"q04", "nej"}}, "save"));
  ASSERT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("En kollega har ändrat det här svaret"), std::string::npos);
  EXPECT_NE(r.body.find("Ja, delar av objekten"), std::string::npos) << "their value";
  EXPECT_NE(r.body.find("value=\"keep_mine:q04\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"keep_theirs:q04\""), std::string::npos);
  // The re-rendered page holds Anna's value and, as the original, the colleague's.
  EXPECT_NE(r.body.find("name=\"_o:q04\" value=\"delar\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"nej\" checked"), std::string::npos);
  // "Use my colleague's answer": nothing of hers is written for q04.
  std::string csrf = test::page_csrf(r.body);
  std::smatch m;
  std::regex base_re("name=\"_base\" value=\"([0-9]+)\"");
  ASSERT_TRUE(std::regex_search(r.body, m, base_re));
  Page again{csrf, m[1], anna_page.orig};
  again.orig["q04"] = "delar";
  ASSERT_EQ(anna.post_form(kSection, post_of(again, {{"q04", "nej"}}, "keep_theirs:q04")).status, 303);
  EXPECT_NE(anna.get(kSection).body.find("value=\"delar\" checked"), std::string::npos);
  // "Keep my answer" from the conflict page writes hers on top of theirs.
  ASSERT_EQ(anna.post_form(kSection, post_of(again, {{"q04", "nej"}}, "keep_mine:q04")).status, 303);
  EXPECT_NE(anna.get(kSection).body.find("value=\"nej\" checked"), std::string::npos);
}

TEST_F(FormWithoutScript, ButtonsMoveBetweenSectionsAndToTheReview) {
  Http anna = site->signed_in("anna@ale.se");
  auto page = read_page(anna);
  auto next = anna.post_form(kSection, post_of(page, {}, "next"));
  EXPECT_EQ(next.status, 303);
  EXPECT_EQ(next.location, "/respond/ehalsa-2021/1440/section/socialtjanst");
  auto review = anna.post_form(kSection, post_of(page, {}, "review"));
  EXPECT_EQ(review.location, "/respond/ehalsa-2021/1440/review");
  auto rev = anna.get("/respond/ehalsa-2021/1440/review");
  EXPECT_EQ(rev.status, 200);
  EXPECT_NE(rev.body.find("Obesvarade frågor"), std::string::npos);
  // Mandatory questions are unanswered: posting submit anyway is refused with the review page,
  // which says why and still lists what is missing.
  auto submit = anna.post_form("/respond/ehalsa-2021/1440/submit", {{"_csrf", test::page_csrf(rev.body)}});
  EXPECT_EQ(submit.status, 422);
  EXPECT_NE(submit.body.find("Obesvarade frågor"), std::string::npos);
  EXPECT_NE(submit.body.find("Svaren kunde inte skickas in"), std::string::npos);
}

TEST_F(FormWithoutScript, MissingOrForgedBaseVersionIsABadRequestNotAnOverwrite) {
  Http anna = site->signed_in("anna@ale.se");
  auto page = read_page(anna);
  Fields f = post_of(page, {{"q04", "alla"}}, "save");
  for (auto& [k, v] : f)
    if (k == "_base") v = "not-a-number";
  auto r = anna.post_form(kSection, f);
  EXPECT_EQ(r.status, 400);
}

TEST_F(FormWithoutScript, TheReviewPageAsksToCheckUnusualAnswersWithoutBlocking) {
  Http anna = site->signed_in("anna@ale.se");
  anna.get("/respond/ehalsa-2021/1440");
  auto save = anna.post_json(
      "/api/respond/ehalsa-2021/1440/autosave",
      R"({"changes":[{"item":"q12.gps_larm","value":"bredd","base":0},{"item":"q12c","value":"800","base":0}]})",
      {"X-CSRF-Token: " + anna.csrf});
  ASSERT_EQ(save.status, 200) << save.body;
  auto rev = anna.get("/respond/ehalsa-2021/1440/review");
  EXPECT_NE(rev.body.find("Kontrollera gärna"), std::string::npos);
  EXPECT_NE(rev.body.find("Mer än 700 personer med gps-larm"), std::string::npos);
  EXPECT_NE(rev.body.find("/section/socialtjanst#"), std::string::npos) << "the warning links to the question";
}

TEST_F(FormWithoutScript, TheAdministratorSeesWhatTheChecksFlagOnTheResponse) {
  Http anna = site->signed_in("anna@ale.se");
  anna.get("/respond/ehalsa-2021/1440");
  ASSERT_EQ(
      anna.post_json(
              "/api/respond/ehalsa-2021/1440/autosave",
              R"({"changes":[{"item":"q12.gps_larm","value":"bredd","base":0},{"item":"q12c","value":"900","base":0}]})",
              {"X-CSRF-Token: " + anna.csrf})
          .status,
      200);
  Http admin = site->signed_in("admin@test.se");
  auto page = admin.get("/admin/responses/" + std::to_string(site->response_ale));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Att verifiera"), std::string::npos);
  EXPECT_NE(page.body.find("gps_outlier"), std::string::npos);
}
