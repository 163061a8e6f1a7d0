// The status columns are read into enums at the storage boundary: a row whose status the program
// does not know (a database edited by hand, with its CHECK constraints switched off) is refused
// with a BadInput naming the column, never carried on as text.
#include <SQLiteCpp/SQLiteCpp.h>
#include <functional>
#include <gtest/gtest.h>

#include "core/error.h"
#include "storage/mail_store.h"
#include "storage/selfassess_store.h"
#include "support/sqlite_temp_dir.h"

using namespace dp;
using dp::testing::SeededDb;

namespace {

std::string refused_field(const std::function<void()>& read) {
  try {
    read();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput) << e.what();
    EXPECT_NE(std::string(e.what()).find("'bounced'"), std::string::npos) << e.what();
    return e.where().field;
  }
  return "accepted";
}

void corrupt(SeededDb& db, const std::string& table) {
  SQLite::Database raw(db.dir.file("test.db"), SQLite::OPEN_READWRITE);
  raw.exec("PRAGMA ignore_check_constraints = ON");
  raw.exec("UPDATE " + table + " SET status = 'bounced'");
}

}  // namespace

TEST(StatusColumns, AnOutboxStatusTheProgramDoesNotKnowIsRefusedNamingTheColumn) {
  SeededDb db;
  storage::OutboxMessage m;
  m.kind = "reminder";
  m.recipient = "a@example.org";
  m.subject = "s";
  m.body_text = "b";
  int64_t id = db.store->mail().enqueue(m);
  EXPECT_EQ(db.store->mail().find(id)->status, MailStatus::Queued);
  corrupt(db, "outbox");
  EXPECT_EQ(refused_field([&] { db.store->mail().find(id); }), "outbox.status");
  EXPECT_EQ(refused_field([&] { db.store->mail().counts(); }), "outbox.status");
}

TEST(StatusColumns, ASelfAssessmentStatusTheProgramDoesNotKnowIsRefusedNamingTheColumn) {
  SeededDb db;
  storage::Assessment a;
  a.org_code = "0114";
  a.year = 2025;
  a.instrument_id = "tiny-2021";
  int64_t id = db.store->selfassess().create(a);
  storage::PlanItem item;
  item.indicator = "x";
  db.store->selfassess().replace_plan(id, {item});
  EXPECT_EQ(db.store->selfassess().find(id)->status, AssessmentStatus::Open);
  EXPECT_EQ(db.store->selfassess().plan(id).at(0).status, PlanStatus::Planned);
  corrupt(db, "sa_plan_items");
  EXPECT_EQ(refused_field([&] { db.store->selfassess().plan(id); }), "sa_plan_items.status");
  corrupt(db, "sa_assessments");
  EXPECT_EQ(refused_field([&] { db.store->selfassess().find(id); }), "sa_assessments.status");
}
