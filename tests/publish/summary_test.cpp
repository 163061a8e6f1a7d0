// The summary of a campaign's results (docs/statistics.md, "Summary"): generated in Swedish and
// English from the published national figures, with the analyst's edits per paragraph and
// language, through a real server. K04 on the two small campaigns (two_published_years.h): 2022
// 3 of 4 (75 %), 2021 2 of 4 (50 %), the panel 2 of 3 → 3 of 3 (+33 points).
#include <cstdlib>
#include <gtest/gtest.h>
#include <string>

#include "support/server_process.h"
#include "two_published_years.h"

using namespace dp;

namespace {

class Summary : public test::TwoPublishedYears {
 protected:
  void SetUp() override {
    two_years("reproduce-2021");
    data.reset();
    store.reset();
    std::string cmd = "echo 'summary admin password' | " + std::string(DIGIPULS_BINARY) + " users add --db " + db +
                      " --email admin@test.se --role admin --name Admin --password-stdin > /dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    server = std::make_unique<test::ServerProcess>(db, dir.file("server.log"));
  }
  std::unique_ptr<test::ServerProcess> server;
};

const std::string kPage = "/rapporter/ehalsa-2022/sammanfattning";
const std::string kEditor = "/admin/campaigns/ehalsa-2022/summary";
const std::string kK04 = "Uppföljning av informationssäkerhetsrisker under året: 75\u00a0%.";

TEST_F(Summary, IsGeneratedInBothLanguagesFromThePublishedNationalFiguresWithChangeAndPanel) {
  test::Http h(server->url());
  auto sv = h.get(kPage);
  ASSERT_EQ(sv.status, 200) << sv.body;
  EXPECT_NE(sv.body.find(kK04 + " Förändring sedan föregående år: +25 procentenheter (2021). Bland de 3 kommuner som "
                                "ingick både 2021 och i år: +33 procentenheter."),
            std::string::npos)
      << sv.body;
  auto en = h.get(kPage + "?lang=en");
  EXPECT_NE(en.body.find("Follow-up of information security risks during the year: 75\u00a0%. Change since the "
                         "previous year: +25 percentage points (2021)."),
            std::string::npos)
      << en.body;
  EXPECT_NE(h.get("/rapporter/ehalsa-2022").body.find("href=\"/rapporter/ehalsa-2022/sammanfattning\""),
            std::string::npos);
  EXPECT_EQ(h.get("/rapporter/ehalsa-2099/sammanfattning").status, 404);
}

TEST_F(Summary, TheAnalystsEditReplacesAParagraphInOneLanguageUntilReset) {
  test::Http anonymous(server->url());
  EXPECT_NE(anonymous.get(kEditor).status, 200);
  test::Http h(server->url());
  h.sign_in("admin@test.se", "summary admin password");
  auto editor = h.get(kEditor);
  ASSERT_EQ(editor.status, 200) << editor.body;
  EXPECT_NE(editor.body.find("id=\"informationssakerhet-sv\""), std::string::npos);
  auto save = [&](const test::Fields& f) {
    test::Fields all = f;
    all.push_back({"_csrf", h.csrf});
    return h.post_form(kEditor, all);
  };
  EXPECT_EQ(h.post_form(kEditor, {{"paragraph", "informationssakerhet"}, {"lang", "sv"}, {"text", "x"}}).status, 403)
      << "no CSRF token";
  auto saved = save({{"paragraph", "informationssakerhet"},
                     {"lang", "sv"},
                     {"text", "Egen text om <säkerhet>.\r\n\r\nAndra stycket."}});
  EXPECT_EQ(saved.status, 303) << saved.body;
  auto page = anonymous.get(kPage).body;
  EXPECT_NE(page.find("<p>Egen text om &lt;säkerhet&gt;.</p><p>Andra stycket.</p>"), std::string::npos) << page;
  EXPECT_EQ(page.find(kK04), std::string::npos) << "the edited paragraph replaces the generated one";
  EXPECT_NE(anonymous.get(kPage + "?lang=en").body.find("Follow-up of information security risks"), std::string::npos)
      << "the other language keeps its generated text";
  EXPECT_NE(h.get(kEditor).body.find("redigerad"), std::string::npos);

  auto too_long = save({{"paragraph", "informationssakerhet"}, {"lang", "sv"}, {"text", std::string(4001, 'a')}});
  EXPECT_EQ(too_long.status, 422);
  EXPECT_NE(too_long.body.find("högst 4000 tecken"), std::string::npos);
  EXPECT_EQ(save({{"paragraph", "nosuch"}, {"lang", "sv"}, {"text", "x"}}).status, 404);
  EXPECT_EQ(save({{"paragraph", "informationssakerhet"}, {"lang", "de"}, {"text", "x"}}).status, 404);

  EXPECT_EQ(save({{"paragraph", "informationssakerhet"}, {"lang", "sv"}, {"reset", "1"}}).status, 303);
  EXPECT_NE(anonymous.get(kPage + "?lang=sv").body.find(kK04), std::string::npos) << "back to the generated text";
}

}  // namespace
