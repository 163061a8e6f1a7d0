// Answers kept from historical microdata outside today's routing (`responses import --routing
// keep`) are counted and exported, so the pages that show a response show them too, marked «besvarad
// utanför frågans villkor» and read-only: the admin's response page, the respondent's receipt page
// and the receipt e-mail. The form does not offer them, and no public page shows them unpublished.
#include <gtest/gtest.h>

#include "collection/campaign_context.h"
#include "collection/microdata.h"
#include "collection/receipt.h"
#include "mail/render.h"
#include "storage/mail_store.h"
#include "storage/response_store.h"
#include "support/site.h"

using namespace dp;

namespace {

const char* kMarkSv = "besvarad utanför frågans villkor";
const char* kMarkEn = "answered outside the question&apos;s condition";

class KeptAnswersPages : public ::testing::Test {
 protected:
  static test::Site* site;
  static void SetUpTestSuite() {
    site = new test::Site();
    // Ale (1440) answered q03a («I förvaltningsledning») although q03 = nej, as a historical file has it.
    auto store = storage::open_sqlite(site->db, {.create = false});
    auto ctx = collection::load_campaign(*store, "ehalsa-2021");
    collection::ImportOptions keep;
    keep.routing = collection::Routing::Keep;
    keep.allow_incomplete = true;
    auto sum = collection::import_microdata(
        *store, ctx,
        "org_code,status,q03,q03a[ks],q03a[socialnamnd],q03a[forvaltningsledning],q03a[annat]\n"
        "1440,submitted,nej,0,0,1,0\n0180,draft,nej,0,0,1,0\n",
        "hist.csv", 0, keep);
    ASSERT_EQ(sum.kept, (std::map<std::string, size_t>{{"q03a", 2}}));
  }
  static void TearDownTestSuite() { delete site; }
};
test::Site* KeptAnswersPages::site = nullptr;

}  // namespace

TEST_F(KeptAnswersPages, TheAdminResponsePageShowsTheKeptAnswerMarkedAndReadOnly) {
  auto admin = site->signed_in("admin@test.se");
  auto r = admin.get("/admin/responses/" + std::to_string(site->response_ale));
  ASSERT_EQ(r.status, 200) << r.body;
  auto at = r.body.find("I förvaltningsledning");
  ASSERT_NE(at, std::string::npos) << r.body;
  auto mark = r.body.find(std::string("(") + kMarkSv + ")", at);
  EXPECT_NE(mark, std::string::npos) << "the kept answer is marked";
  EXPECT_LT(mark, r.body.find("</dd>", at)) << "the marking is on the answer itself";
  EXPECT_EQ(r.body.find("name=\"q03a\""), std::string::npos) << "no field to edit it";
  // The answer the routing asks carries no marking.
  auto q03 = r.body.find("<dd>Nej</dd>");
  EXPECT_NE(q03, std::string::npos) << r.body;
  // In English too.
  auto en = admin.get("/admin/responses/" + std::to_string(site->response_ale) + "?lang=en");
  ASSERT_EQ(en.status, 200);
  EXPECT_NE(en.body.find(kMarkEn), std::string::npos) << en.body;
}

TEST_F(KeptAnswersPages, TheReceiptPageShowsItMarkedAndTheFormDoesNotOfferIt) {
  auto anna = site->signed_in("anna@ale.se");
  auto receipt = anna.get("/respond/ehalsa-2021/1440");
  ASSERT_EQ(receipt.status, 200);
  auto at = receipt.body.find("I förvaltningsledning");
  ASSERT_NE(at, std::string::npos) << receipt.body;
  EXPECT_NE(receipt.body.find(kMarkSv, at), std::string::npos) << receipt.body;
}

TEST_F(KeptAnswersPages, TheFormDoesNotOfferTheKeptAnswerAndShowingItChangesNothing) {
  // Stockholm's imported draft is editable: its form shows q03 = nej, and q03a (hidden until q03 =
  // ja) empty, so choosing ja does not bring back the historical answer as the respondent's own.
  auto bo = site->signed_in("bo@stockholm.se");
  auto form = bo.get("/respond/ehalsa-2021/0180/section/strategi");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"q03\" value=\"nej\" checked"), std::string::npos) << "the asked answer is offered";
  EXPECT_NE(form.body.find("name=\"_o:q03a\" value=\"\""), std::string::npos) << form.body;
  EXPECT_EQ(form.body.find("name=\"q03a\" value=\"forvaltningsledning\" checked"), std::string::npos) << form.body;
  auto store = storage::open_sqlite(site->db, {.create = false});
  bool kept = false;
  for (const auto& a : store->responses().answers(site->response_stockholm))
    kept = kept || (a.item == "q03a" && a.outside_routing);
  EXPECT_TRUE(kept) << "viewing the form changes nothing";
}

TEST_F(KeptAnswersPages, TheReceiptMailShowsItMarkedInBothLanguages) {
  auto store = storage::open_sqlite(site->db, {.create = false});
  auto ctx = collection::load_campaign(*store, "ehalsa-2021");
  auto stored = store->responses().answers(site->response_ale);
  instrument::Answers answers;
  for (const auto& a : stored) answers[a.item] = a.value;
  for (auto [lang, mark] : {std::pair{Lang::sv, std::string(kMarkSv)},
                            std::pair{Lang::en, std::string("answered outside the question's condition")}}) {
    auto data = collection::answer_summary(ctx, "1440", answers, lang, collection::outside_routing_items(stored));
    data["campaign_title"] = "E-hälsa 2021";
    data["org_name"] = "Ale";
    data["submitted_at"] = "2021-03-01 10:00 UTC";
    data["submitted_by"] = "Digipuls";
    data["link"] = "http://x";
    auto mail = mail::render("receipt", lang, data);
    EXPECT_NE(mail.text.find("(" + mark + ")"), std::string::npos) << mail.text;
    EXPECT_NE(
        mail.html.find(lang == Lang::sv ? "I förvaltningsledning <strong>(besvarad utanför frågans villkor)</strong>"
                                        : "In the administration&apos;s management <strong>(answered outside"),
        std::string::npos)
        << mail.html;
  }
  // Without the flag the hidden answer stays out, as before.
  auto plain = collection::answer_summary(ctx, "1440", answers, Lang::sv);
  EXPECT_EQ(plain.dump().find("I förvaltningsledning"), std::string::npos);
  EXPECT_FALSE(plain["has_outside"].get<bool>());
}

TEST_F(KeptAnswersPages, NoPublicPageShowsTheUnpublishedAnswer) {
  auto anon = site->client();
  for (const std::string path : {"/kommuner/1440", "/kommuner", "/", "/api/v1/municipalities/1440"}) {
    auto r = anon.get(path);
    EXPECT_LT(r.status, 500) << path;
    EXPECT_EQ(r.body.find("I förvaltningsledning"), std::string::npos) << path;
    EXPECT_EQ(r.body.find(kMarkSv), std::string::npos) << path;
  }
}
