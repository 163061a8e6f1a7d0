// Contacts of a national round from CSV (collection/contacts_import.h) on a real SQLite file.
#include "collection/contacts_import.h"

#include <gtest/gtest.h>

#include "collection/accounts.h"
#include "collection/field_error.h"
#include "storage/user_store.h"
#include "support/temp_db.h"

using namespace dp;
using collection::import_contacts;

namespace {

const char* kGood =
    "org_code,email,name,role\n"
    "1440,anna@ale.se,Anna Ek,contact\n"
    "1440,anna@ale.se,,approver\n"
    "1440,carl@ale.se,Carl Lind,respondent\n"
    "0180,bo@stockholm.se,Bo Berg,contact\n";

storage::User user(storage::Store& s, const std::string& email) {
  auto u = s.users().find_by_email(email);
  EXPECT_TRUE(u.has_value()) << email;
  return u ? *u : storage::User{};
}

bool mentions(const std::vector<std::string>& lines, const std::string& text) {
  for (const auto& l : lines)
    if (l.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(ContactsImport, CreatesAccountsWithTheUnionOfTheirRowsRoles) {
  test::TempDb db;
  auto& s = db.store();
  auto r = import_contacts(s, kGood, "contacts.csv", false, 0);
  ASSERT_TRUE(r.problems.empty()) << r.problems.front();
  EXPECT_TRUE(r.written);
  EXPECT_EQ(r.created, 3);
  EXPECT_EQ(r.created_ids.size(), 3u);
  auto anna = user(s, "anna@ale.se");
  EXPECT_EQ(anna.role, Role::Respondent);
  EXPECT_EQ(anna.org_code, "1440");
  EXPECT_EQ(anna.name, "Anna Ek");
  EXPECT_EQ(to_string(anna.duties), "contact,approver");
  EXPECT_TRUE(user(s, "carl@ale.se").duties.empty());
  EXPECT_EQ(to_string(user(s, "bo@stockholm.se").duties), "contact");
  // Stockholm's file names a contact but no approver: it is reported, Ale is not.
  EXPECT_EQ(r.without_approver, std::vector<std::string>{"0180"});
  EXPECT_FALSE(s.users().events("user " + std::to_string(anna.id), 10).empty()) << "who did it is in the event log";
}

TEST(ContactsImport, ImportingTheSameFileAgainChangesNothing) {
  test::TempDb db;
  auto& s = db.store();
  ASSERT_TRUE(import_contacts(s, kGood, "contacts.csv", false, 0).written);
  auto before = s.users().list({});
  auto again = import_contacts(s, kGood, "contacts.csv", false, 0);
  EXPECT_TRUE(again.problems.empty());
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 3);
  auto after = s.users().list({});
  ASSERT_EQ(before.size(), after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].id, after[i].id);
    EXPECT_EQ(before[i].duties, after[i].duties);
    EXPECT_EQ(before[i].name, after[i].name);
  }
}

TEST(ContactsImport, AddsRolesToExistingAccountsAndNeverTakesOneAway) {
  test::TempDb db;
  auto& s = db.store();
  collection::add_user(s, {"anna@ale.se", "", "respondent", "1440", "", "sv", "approver"}, 0);
  auto r = import_contacts(s, "org_code,email,name,role\n1440,anna@ale.se,Anna,contact\n", "c.csv", false, 0);
  ASSERT_TRUE(r.problems.empty());
  EXPECT_EQ(r.updated, 1);
  EXPECT_EQ(to_string(user(s, "anna@ale.se").duties), "contact,approver");
  EXPECT_TRUE(r.without_approver.empty()) << "the approver she already was counts";
}

TEST(ContactsImport, DryRunReportsWhatWouldChangeAndWritesNothing) {
  test::TempDb db;
  auto& s = db.store();
  auto r = import_contacts(s, kGood, "contacts.csv", true, 0);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_FALSE(r.written);
  EXPECT_EQ(r.created, 3);
  EXPECT_EQ(r.without_approver, std::vector<std::string>{"0180"});
  EXPECT_TRUE(s.users().list({}).empty());
}

TEST(ContactsImport, ListsEveryProblemWithRowAndColumnAndWritesNothing) {
  test::TempDb db;
  auto& s = db.store();
  collection::add_user(s, {"boss@x.se", "", "admin", "", "", "sv"}, 0);
  const char* bad =
      "org_code,email,name,role\n"
      "1440,ok@ale.se,Ok,respondent\n"    // row 2: fine, but not written either
      "9999,a@ale.se,A,contact\n"         // row 3: unknown organisation
      "1440,not-an-address,B,contact\n"   // row 4: bad e-mail
      "1440,c@ale.se,C,boss\n"            // row 5: unknown role
      "0180,ok@ale.se,Ok,approver\n"      // row 6: the same person in another municipality
      "1440,boss@x.se,Boss,respondent\n"  // row 7: an administrator's address
      ",d@ale.se,D,respondent\n";         // row 8: no organisation
  auto r = import_contacts(s, bad, "contacts.csv", false, 0);
  EXPECT_FALSE(r.written);
  EXPECT_TRUE(mentions(r.problems, "contacts.csv: row 3, column org_code")) << testing::PrintToString(r.problems);
  EXPECT_TRUE(mentions(r.problems, "row 4, column email"));
  EXPECT_TRUE(mentions(r.problems, "row 5, column role"));
  EXPECT_TRUE(mentions(r.problems, "row 6, column org_code"));
  EXPECT_TRUE(mentions(r.problems, "row 7, column email"));
  EXPECT_TRUE(mentions(r.problems, "row 8, column org_code"));
  EXPECT_EQ(r.problems.size(), 6u);
  EXPECT_EQ(s.users().list({}).size(), 1u) << "nothing written: only the administrator";
}

TEST(ContactsImport, RefusesAFileWithoutTheColumnsOrThatIsNotCsv) {
  test::TempDb db;
  auto& s = db.store();
  auto r = import_contacts(s, "org,email\n1440,a@ale.se\n", "c.csv", false, 0);
  EXPECT_TRUE(mentions(r.problems, "lacks the column org_code"));
  EXPECT_TRUE(mentions(r.problems, "lacks the column role"));
  auto q = import_contacts(s, "org_code,email,name,role\n1440,\"a@ale.se,A,contact\n", "c.csv", false, 0);
  ASSERT_FALSE(q.problems.empty());
  EXPECT_TRUE(mentions(q.problems, "row 2"));
  EXPECT_TRUE(import_contacts(s, "org_code,email,name,role\n", "c.csv", false, 0).problems.size() == 1);
  EXPECT_TRUE(s.users().list({}).empty());
}

TEST(ContactsImport, LeavesRemovedAccountsRemoved) {
  test::TempDb db;
  auto& s = db.store();
  auto u = collection::add_user(s, {"gone@ale.se", "", "respondent", "1440", "", "sv"}, 0);
  collection::remove_user(s, u.id, 0);
  auto r = import_contacts(s, "org_code,email,name,role\n1440,gone@ale.se,G,approver\n", "c.csv", false, 0);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_TRUE(mentions(r.notes, "gone@ale.se was removed"));
  EXPECT_FALSE(user(s, "gone@ale.se").active);
  EXPECT_EQ(r.without_approver, std::vector<std::string>{"1440"});
}

TEST(Duties, OnlyARespondentHoldsThemAndAContactCannotDropTheirOwnContactRole) {
  test::TempDb db;
  auto& s = db.store();
  EXPECT_THROW(collection::add_user(s, {"c@x.se", "", "coordinator", "", "14", "sv", "approver"}, 0),
               collection::FieldError);
  EXPECT_THROW(collection::add_user(s, {"a@x.se", "", "respondent", "1440", "", "sv", "boss"}, 0),
               collection::FieldError);
  auto anna = collection::add_user(s, {"anna@ale.se", "", "respondent", "1440", "", "sv", "contact"}, 0);
  EXPECT_THROW(collection::set_duties(s, anna.id, parse_duties("approver"), anna.id), collection::FieldError);
  collection::set_duties(s, anna.id, parse_duties("contact,approver"), anna.id);
  EXPECT_EQ(to_string(user(s, "anna@ale.se").duties), "contact,approver");
  collection::set_duties(s, anna.id, parse_duties(""), 0);  // the administrator may
  EXPECT_TRUE(user(s, "anna@ale.se").duties.empty());
}
