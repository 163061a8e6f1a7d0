// Personal data in storage (storage/privacy_store.h): erasing an account leaves no trace of its
// e-mail address or name anywhere in the database (not even in the file's free pages) while the
// rows of the logs remain under a pseudonym; a purge deletes what its cutoffs no longer keep; and
// outside those two operations the logs stay append-only.
#include "storage/privacy_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "core/utc_time.h"
#include "storage/mail_store.h"
#include "storage/selfassess_store.h"
#include "storage/user_store.h"
#include "support/sqlite_temp_dir.h"

using namespace dp;
using dp::instrument::Value;
using dp::testing::SeededDb;

namespace {

const std::string kEmail = "Anna.Andersson@upplandsvasby.se";
const std::string kName = "Anna Andersson";

int64_t add_user(storage::Store& store, const std::string& email, const std::string& name, const std::string& role) {
  storage::User u;
  u.email = email;
  u.name = name;
  u.role = parse_account_role(role);
  if (role == "respondent") u.org_code = "0114";
  return store.users().create(u);
}

// Rows of every table whose text (any column) contains `needle`, compared without case.
std::vector<std::string> traces(const std::string& db_file, const std::string& needle) {
  SQLite::Database db(db_file);
  std::vector<std::string> out;
  SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
  while (tables.executeStep()) {
    std::string t = tables.getColumn(0).getString();
    SQLite::Statement cols(db, "SELECT name FROM pragma_table_info(?)");
    cols.bind(1, t);
    while (cols.executeStep()) {
      std::string c = cols.getColumn(0).getString();
      SQLite::Statement q(
          db, "SELECT COUNT(*) FROM \"" + t + "\" WHERE instr(lower(CAST(\"" + c + "\" AS TEXT)), lower(?)) > 0");
      q.bind(1, needle);
      q.executeStep();
      if (q.getColumn(0).getInt() > 0) out.push_back(t + "." + c);
    }
  }
  return out;
}

std::string bytes_of(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int64_t count(storage::Store& store, const std::string& db_file, const std::string& sql) {
  SQLite::Database db(db_file);
  return db.execAndGet(sql).getInt64();
}

}  // namespace

TEST(Erasure, LeavesNoTraceOfTheEmailOrNameAnywhereInTheDatabaseAndKeepsTheLogsUnderAPseudonym) {
  SeededDb s;
  auto& store = *s.store;
  std::string file = s.dir.file("test.db");
  int64_t admin = add_user(store, "admin@example.org", "Administratör", "admin");
  int64_t anna = add_user(store, kEmail, kName, "respondent");
  std::string now = utc_now_string();
  // What an account leaves behind: events naming it, a session with its address, a link, a
  // failed sign-in, e-mails to it and e-mails about it, answers it changed with notes naming it,
  // a self-assessment it took part in and a plan item it owns.
  store.users().log_event(
      {0, now, admin, "user_add", "user " + std::to_string(anna), kEmail + " as respondent (0114)"});
  store.users().log_event({0, now, admin, "reopen", "response 1", "Samtal med " + kName + ": q02 rättas"});
  store.users().create_session({"digest-1", anna, "csrf", now, now, utc_plus(now, 3600), "192.0.2.7"});
  store.users().create_token("token-1", anna, "login", now, utc_plus(now, 600));
  store.users().record_failure("email", kEmail, now);
  storage::OutboxMessage m;
  m.kind = "invitation";
  m.recipient = kEmail;
  m.subject = "Välkommen " + kName;
  m.body_text = "Hej " + kName + ", du är inbjuden som " + kEmail;
  m.user_id = anna;
  m.next_attempt_at = now;
  store.mail().enqueue(m);
  storage::OutboxMessage other = m;
  other.recipient = "chef@upplandsvasby.se";
  other.subject = "Kvittens";
  other.body_text = "Svaret skickades in av " + kName + " <" + kEmail + ">.";
  other.user_id = admin;
  store.mail().enqueue(other);
  auto resp = store.responses().get_or_create(s.campaign_id, "0114");
  store.responses().save(resp.id, {{"q01", Value::code("ja"), -1}}, anna, "answer");
  store.responses().set_status(resp.id, ResponseStatus::Submitted, anna, "submit", "");
  store.responses().set_status(resp.id, ResponseStatus::Reopened, admin, "reopen", kName + " bad om att få rätta q01");
  storage::Assessment a;
  a.org_code = "0114";
  a.year = 2025;
  a.instrument_id = "tiny-2021";
  a.created_at = now;
  int64_t assessment = store.selfassess().create(a);
  store.selfassess().add_participant({0, assessment, kName, kEmail, "participant-digest", now});
  store.selfassess().replace_plan(
      assessment, {{0, assessment, "q01", 1, "Åtgärd", "Measure", 1.0, 1, kName, "", PlanStatus::Planned, "", ""}});

  auto events_before = count(store, file, "SELECT COUNT(*) FROM events");
  auto audit_before = count(store, file, "SELECT COUNT(*) FROM audit_log");
  ASSERT_FALSE(traces(file, kEmail).empty());

  auto c = store.privacy().erase_user(anna, admin, utc_now_string());
  store.privacy().checkpoint();

  EXPECT_EQ(traces(file, kEmail), std::vector<std::string>{});
  EXPECT_EQ(traces(file, kName), std::vector<std::string>{});
  // Not in the file's free pages or the write-ahead log either.
  for (const auto& f : {file, file + "-wal"}) {
    std::string raw = bytes_of(f);
    EXPECT_EQ(raw.find("Anna.Andersson@"), std::string::npos) << f;
    EXPECT_EQ(raw.find("anna.andersson@"), std::string::npos) << f;
    EXPECT_EQ(raw.find(kName), std::string::npos) << f;
  }
  // The trail remains, under a pseudonym.
  EXPECT_EQ(count(store, file, "SELECT COUNT(*) FROM events"), events_before + 1);  // + the erasure itself
  EXPECT_EQ(count(store, file, "SELECT COUNT(*) FROM audit_log"), audit_before);
  auto events = store.users().events("user " + std::to_string(anna), 10);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action, "user_erase");
  EXPECT_EQ(events[1].note, "[user " + std::to_string(anna) + ", erased] as respondent (0114)");
  bool audit_named = false;
  for (const auto& e : store.responses().audit(resp.id)) {
    if (e.user_id == anna) audit_named = true;  // who changed the answer: still user `anna`
    EXPECT_EQ(e.note.find(kName), std::string::npos);
  }
  EXPECT_TRUE(audit_named);
  auto u = store.users().find(anna);
  ASSERT_TRUE(u);
  EXPECT_EQ(u->email, "erased-" + std::to_string(anna) + "@erased.invalid");
  EXPECT_EQ(u->name, "");
  EXPECT_FALSE(u->active);
  EXPECT_EQ(u->password_hash, "");
  EXPECT_FALSE(store.users().find_by_email(kEmail));
  EXPECT_TRUE(store.privacy().erased(anna));
  EXPECT_FALSE(store.privacy().erased(admin));
  EXPECT_EQ(c.messages, 1);
  EXPECT_GE(c.log_entries, 3);
  // The other person's e-mail stays, without the erased name and address.
  auto kept = store.mail().list({});
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].recipient, "chef@upplandsvasby.se");
  EXPECT_NE(kept[0].body_text.find("[user " + std::to_string(anna) + ", erased]"), std::string::npos);
  // And the address can be given to a new account.
  EXPECT_NO_THROW(add_user(store, kEmail, kName, "respondent"));
}

TEST(Erasure, AnUnknownAccountIsNotFound) {
  SeededDb s;
  try {
    s.store->privacy().erase_user(999, 0, utc_now_string());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotFound);
  }
}

TEST(Purge, DeletesWhatTheCutoffsNoLongerKeepAndErasesLongRemovedAccounts) {
  SeededDb s;
  auto& store = *s.store;
  std::string file = s.dir.file("test.db");
  int64_t gone = add_user(store, "gone@example.org", "Gone Person", "admin");
  int64_t stays = add_user(store, "stays@example.org", "Stays Person", "admin");
  store.users().deactivate(gone);  // removed now
  store.users().create_session(
      {"old", stays, "c", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", "192.0.2.1"});
  store.users().create_session(
      {"new", stays, "c", "2030-01-01T00:00:00Z", "2030-01-01T00:00:00Z", "2030-01-02T00:00:00Z", "192.0.2.2"});
  store.users().record_failure("ip", "192.0.2.9", "2020-01-01T00:00:00Z");
  store.users().log_event({0, "2015-01-01T00:00:00Z", 0, "campaign_state", "campaign x", "old"});
  store.users().log_event({0, "2029-01-01T00:00:00Z", 0, "campaign_state", "campaign x", "new"});
  storage::OutboxMessage m;
  m.kind = "reminder";
  m.recipient = "stays@example.org";
  m.subject = "s";
  m.body_text = "b";
  m.next_attempt_at = "2020-01-01T00:00:00Z";
  m.created_at = "2020-01-01T00:00:00Z";
  m.status = MailStatus::Sent;
  store.mail().enqueue(m);
  m.status = MailStatus::Queued;
  store.mail().enqueue(m);  // not sent yet: kept, however old

  storage::PurgeCutoffs cut;
  cut.sessions = "2025-01-01T00:00:00Z";
  cut.removed_accounts = utc_plus(utc_now_string(), 60);  // removed before this: erased
  cut.mail = "2025-01-01T00:00:00Z";
  cut.audit = "2025-01-01T00:00:00Z";
  auto c = store.privacy().purge(cut, "2031-01-01T00:00:00Z");
  EXPECT_EQ(c.sessions, 1);
  EXPECT_EQ(c.failures, 1);
  EXPECT_EQ(c.accounts, 1);
  EXPECT_EQ(c.messages, 1);
  EXPECT_GE(c.events, 1);
  EXPECT_TRUE(store.privacy().erased(gone));
  EXPECT_FALSE(store.privacy().erased(stays));
  EXPECT_EQ(traces(file, "gone@example.org"), std::vector<std::string>{});
  EXPECT_EQ(count(store, file, "SELECT COUNT(*) FROM sessions"), 1);
  EXPECT_EQ(count(store, file, "SELECT COUNT(*) FROM events WHERE note = 'old'"), 0);
  EXPECT_EQ(count(store, file, "SELECT COUNT(*) FROM events WHERE note = 'new'"), 1);
  EXPECT_EQ(count(store, file, "SELECT COUNT(*) FROM outbox"), 1);
  // A second purge erases nobody again.
  EXPECT_EQ(store.privacy().purge(cut, "2031-01-01T00:00:00Z").accounts, 0);
  auto ops = store.privacy().operations(10);
  ASSERT_GE(ops.size(), 3u);  // two purges and the erasure inside the first
  EXPECT_EQ(ops[0].kind, "purge");
}

TEST(Purge, EmptyCutoffsKeepEverything) {
  SeededDb s;
  s.store->users().log_event({0, "2000-01-01T00:00:00Z", 0, "campaign_state", "campaign x", "old"});
  auto c = s.store->privacy().purge({}, utc_now_string());
  EXPECT_EQ(c.events, 0);
  EXPECT_EQ(s.store->users().events("", 10).size(), 1u);
}

TEST(Logs, StayAppendOnlyOutsideAnErasureOrAPurge) {
  SeededDb s;
  s.store->users().log_event({0, "2000-01-01T00:00:00Z", 0, "campaign_state", "campaign x", "note"});
  auto resp = s.store->responses().get_or_create(s.campaign_id, "0114");
  s.store->responses().save(resp.id, {{"q01", Value::code("ja"), -1}}, 0, "answer");
  SQLite::Database db(s.dir.file("test.db"), SQLite::OPEN_READWRITE);
  EXPECT_THROW(db.exec("UPDATE events SET note = 'x'"), SQLite::Exception);
  EXPECT_THROW(db.exec("DELETE FROM events"), SQLite::Exception);
  EXPECT_THROW(db.exec("UPDATE audit_log SET note = 'x'"), SQLite::Exception);
  EXPECT_THROW(db.exec("DELETE FROM audit_log"), SQLite::Exception);
  // Only the note may change during an erasure, never who did what when.
  db.exec("INSERT INTO privacy_operations(kind, at) VALUES ('erase', '2030-01-01T00:00:00Z')");
  EXPECT_NO_THROW(db.exec("UPDATE events SET note = 'x'"));
  EXPECT_THROW(db.exec("UPDATE events SET user_id = 5"), SQLite::Exception);
  EXPECT_THROW(db.exec("UPDATE audit_log SET new_value = '\"nej\"'"), SQLite::Exception);
  EXPECT_THROW(db.exec("DELETE FROM events"), SQLite::Exception);  // an erasure deletes no entry
}
