#include "collection/accounts.h"

#include <gtest/gtest.h>

#include "collection/field_error.h"
#include "storage/mail_store.h"
#include "storage/user_store.h"
#include "support/temp_db.h"

using namespace dp;
using collection::FieldError;
using collection::NewUser;

namespace {
std::string field_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const FieldError& e) {
    return e.field() + ":" + e.message_key();
  }
  return "no error";
}
}  // namespace

TEST(Accounts, EachRoleNeedsItsPlace) {
  test::TempDb db;
  auto& s = db.store();
  EXPECT_EQ(field_of([&] {
              collection::add_user(s, {"a@x.se", "", "respondent", "", "", "sv"}, 0);
            }),
            "org:org_required");
  EXPECT_EQ(field_of([&] {
              collection::add_user(s, {"a@x.se", "", "respondent", "9999", "", "sv"}, 0);
            }),
            "org:org_unknown");
  EXPECT_EQ(field_of([&] {
              collection::add_user(s, {"a@x.se", "", "coordinator", "", "", "sv"}, 0);
            }),
            "county:county_required");
  EXPECT_EQ(field_of([&] {
              collection::add_user(s, {"a@x.se", "", "coordinator", "", "99", "sv"}, 0);
            }),
            "county:county_unknown");
  EXPECT_EQ(field_of([&] { collection::add_user(s, {"a@x.se", "", "root", "", "", "sv"}, 0); }), "role:role_invalid");
  EXPECT_EQ(field_of([&] {
              collection::add_user(s, {"not an address", "", "admin", "", "", "sv"}, 0);
            }),
            "email:email_invalid");
  EXPECT_EQ(field_of([&] { collection::add_user(s, {"a@x.se", "", "admin", "", "", "fi"}, 0); }), "lang:lang_invalid");
  EXPECT_TRUE(s.users().list({}).empty()) << "nothing half-written";
  auto c = collection::add_user(s, {"c@x.se", "C", "coordinator", "", "14", "en"}, 0);
  EXPECT_EQ(c.county_code, "14");
  EXPECT_EQ(c.org_code, "");
  EXPECT_EQ(c.lang, "en");
}

TEST(Accounts, AnEmailCanHaveOnlyOneActiveAccount) {
  test::TempDb db;
  collection::add_user(db.store(), {"a@x.se", "", "admin", "", "", "sv"}, 0);
  EXPECT_EQ(field_of([&] {
              collection::add_user(db.store(), {"A@X.se", "", "admin", "", "", "sv"}, 0);
            }),
            "email:email_taken");
}

TEST(Accounts, RemovedAccountCanBeAddedBackWithTheSameId) {
  test::TempDb db;
  auto u = collection::add_user(db.store(), {"a@x.se", "", "respondent", "1440", "", "sv"}, 0);
  collection::remove_user(db.store(), u.id, 99);
  EXPECT_TRUE(db.store().users().list({Role::Respondent, "1440", "", false}).empty());
  auto back = collection::add_user(db.store(), {"a@x.se", "", "respondent", "0180", "", "sv"}, 99);
  EXPECT_EQ(back.id, u.id);
  EXPECT_EQ(back.org_code, "0180");
  EXPECT_TRUE(back.active);
  auto events = db.store().users().events("user " + std::to_string(u.id), 10);  // newest first
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[2].action, "user_add");
  EXPECT_EQ(events[1].action, "user_remove");
  EXPECT_EQ(events[1].user_id, 99);
  EXPECT_EQ(events[0].action, "user_add");
}

TEST(Accounts, AdministratorCannotRemoveTheirOwnAccount) {
  test::TempDb db;
  auto u = collection::add_user(db.store(), {"a@x.se", "", "admin", "", "", "sv"}, 0);
  EXPECT_EQ(field_of([&] { collection::remove_user(db.store(), u.id, u.id); }), "user:remove_self");
  EXPECT_TRUE(db.store().users().find(u.id)->active);
}

TEST(Accounts, InvitationGoesToTheOutboxWithAWorkingLinkInTheUsersLanguage) {
  test::TempDb db;
  collection::Auth auth(db.store());
  auto u = collection::add_user(db.store(), {"bo@ale.se", "Bo", "respondent", "1440", "", "en"}, 0);
  auto id = collection::invite_user(db.store(), auth, u, "https://digipuls.example", 0);
  auto m = *db.store().mail().find(id);
  EXPECT_EQ(m.kind, "invitation");
  EXPECT_EQ(m.recipient, "bo@ale.se");
  EXPECT_NE(m.subject.find("Invitation"), std::string::npos);
  EXPECT_NE(m.body_text.find("Ale"), std::string::npos) << "names the municipality";
  auto pos = m.body_text.find("https://digipuls.example/invite/");
  ASSERT_NE(pos, std::string::npos);
  std::string token = m.body_text.substr(pos + 32, m.body_text.find_first_of(" \r\n", pos) - pos - 32);
  EXPECT_EQ(m.secret, "https://digipuls.example/invite/" + token);
  auto who = auth.check_token(token, "invite");
  ASSERT_TRUE(who);
  EXPECT_EQ(who->id, u.id);
}
