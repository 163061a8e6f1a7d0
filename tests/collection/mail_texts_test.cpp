// The analyst's invitation and reminder texts per campaign (collection/mail_texts.h) on a real
// SQLite file: checked before they are stored, used for the campaign's messages, reset to the
// bundled default.
#include "collection/mail_texts.h"

#include <gtest/gtest.h>

#include "collection/accounts.h"
#include "collection/auth.h"
#include "collection/campaign_admin.h"
#include "collection/campaign_context.h"
#include "collection/field_error.h"
#include "collection/reminders.h"
#include "mail/render.h"
#include "storage/mail_store.h"
#include "support/temp_db.h"

using namespace dp;
using namespace dp::collection;

namespace {
const char* kReminder =
    "Subject: Glöm inte {{campaign_title}}\n\nHej {{org_name}}!\n{{#has_draft}}Ni har "
    "börjat.{{/has_draft}}\n\n<b>Sista dag</b> {{closes_on}}: {{link}}\n";
}

TEST(MailTexts, AnAnalystsTextIsCheckedStoredAndUsedForTheCampaignsReminders) {
  test::TempDb db;
  auto& s = db.store();
  add_user(s, {"a@ale.se", "", "respondent", "1440", "", "sv", "approver"}, 0);
  update_schedule(s, "ehalsa-2021", "2030-01-01", "2030-02-01", "", 0);
  change_state(s, "ehalsa-2021", "open", 0);
  try {
    set_campaign_mail_text(s, "ehalsa-2021", "reminder", Lang::sv, "Subject: Hej {{password}}\n\nx", 0);
    FAIL() << "an unknown placeholder was accepted";
  } catch (const FieldError& e) {
    EXPECT_EQ(e.field(), "text");
    EXPECT_NE(std::string(e.what()).find("{{password}}"), std::string::npos) << e.what();
  }
  EXPECT_THROW(set_campaign_mail_text(s, "ehalsa-2021", "reminder", Lang::sv, "Hej\n\nno subject line", 0), FieldError);
  EXPECT_THROW(set_campaign_mail_text(s, "ehalsa-2021", "reminder", Lang::sv, "Subject: {{#has_draft}}open", 0),
               FieldError);
  EXPECT_EQ(campaign_mail_text(*s.campaigns().find(std::string("ehalsa-2021")), "reminder", Lang::sv), "")
      << "nothing stored";

  set_campaign_mail_text(s, "ehalsa-2021", "reminder", Lang::sv, kReminder, 0);
  auto ctx = load_campaign(s, "ehalsa-2021");
  remind_non_responders(s, ctx, "https://d.se", 0);
  auto sent = s.mail().list({std::nullopt, false, "reminder", 0, 10});
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].subject.rfind("Glöm inte E-hälsa", 0), 0u) << sent[0].subject;
  EXPECT_NE(sent[0].body_text.find("Hej Ale!"), std::string::npos) << sent[0].body_text;
  EXPECT_NE(sent[0].body_text.find("2030-02-01: https://d.se/respond/ehalsa-2021/1440"), std::string::npos);
  // The HTML alternative escapes what the analyst typed.
  EXPECT_NE(sent[0].body_html.find("&lt;b&gt;Sista dag&lt;/b&gt;"), std::string::npos) << sent[0].body_html;
  EXPECT_FALSE(s.users().events("campaign ehalsa-2021", 10).empty());

  // Back to the bundled text.
  set_campaign_mail_text(s, "ehalsa-2021", "reminder", Lang::sv, "", 0);
  remind_non_responders(s, load_campaign(s, "ehalsa-2021"), "https://d.se", 0);
  EXPECT_EQ(s.mail().list({std::nullopt, false, "reminder", 0, 10})[0].subject.rfind("Påminnelse", 0), 0u);
}

TEST(MailTexts, InvitationsOfAMunicipalityUseTheOpenCampaignsText) {
  test::TempDb db;
  auto& s = db.store();
  change_state(s, "ehalsa-2021", "open", 0);
  set_campaign_mail_text(s, "ehalsa-2021", "invitation", Lang::sv,
                         "Subject: Välkommen {{name}}\n\nDu svarar för {{org_name}}: {{link}}\n", 0);
  Auth auth(s);
  auto u = add_user(s, {"b@ale.se", "Bo", "respondent", "1440", "", "sv"}, 0);
  invite_user(s, auth, u, "https://d.se", 0);
  auto admin = add_user(s, {"boss@x.se", "Boss", "admin", "", "", "sv"}, 0);
  invite_user(s, auth, admin, "https://d.se", 0);
  for (const auto& m : s.mail().list({std::nullopt, false, "invitation", 0, 10})) {
    if (m.recipient == "b@ale.se") EXPECT_EQ(m.subject, "Välkommen Bo");
    else
      EXPECT_EQ(m.subject.rfind("Inbjudan till Digipuls", 0), 0u) << "an administrator has no municipality's campaign";
  }
}

TEST(MailTexts, EveryEditableKindsDefaultPassesItsOwnCheck) {
  for (const auto& kind : editable_mail_kinds())
    for (Lang lang : {Lang::sv, Lang::en}) {
      auto problems = mail::check_text(mail::default_text(kind, lang), mail_placeholders(kind));
      EXPECT_TRUE(problems.empty()) << kind << ": " << (problems.empty() ? "" : problems[0]);
      auto r = mail::render(kind, lang, sample_mail_data(kind, lang), mail::default_text(kind, lang));
      EXPECT_FALSE(r.subject.empty());
    }
}
