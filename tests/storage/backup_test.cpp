// Backup and restore of the database file (storage/backup.h): a copy taken while a writer runs is
// a consistent snapshot, and a restore checks the backup before it replaces anything.
#include "storage/backup.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <atomic>
#include <chrono>
#include <fstream>
#include <gtest/gtest.h>
#include <thread>

#include "core/error.h"
#include "registry/model.h"
#include "storage/privacy_store.h"
#include "storage/registry_store.h"
#include "storage/user_store.h"
#include "support/sqlite_temp_dir.h"

using dp::testing::TempDir;

namespace {

int64_t count(const std::string& file, const std::string& sql) {
  SQLite::Database db(file);
  return db.execAndGet(sql).getInt64();
}

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const dp::Error& e) {
    EXPECT_EQ(e.code(), dp::ErrorCode::BadInput) << e.what();
    return e.what();
  }
  return "";
}

size_t county_count(const std::string& file) {
  return dp::storage::open_sqlite(file, {.create = false})->registry().counties().size();
}

}  // namespace

TEST(Backup, ACopyTakenWhileAWriterRunsHoldsWholeTransactionsOnly) {
  TempDir dir;
  auto store = dp::storage::open_sqlite(dir.file("live.db"));
  std::atomic<bool> stop{false};
  std::atomic<int> committed{0};
  // Every transaction writes a pair of events; a copy that caught a transaction half-way would
  // hold an odd number.
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      store->write_transaction([&] {
        store->users().log_event({0, "", 0, "pair", "pair " + std::to_string(i), "first"});
        store->users().log_event({0, "", 0, "pair", "pair " + std::to_string(i), "second"});
      });
      committed = i + 1;
    }
  });
  std::vector<int64_t> pairs;
  for (int k = 1; k <= 4; ++k) {
    while (committed < k * 15) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::string copy = dir.file("copy" + std::to_string(k) + ".db");
    auto r = dp::storage::backup_database(dir.file("live.db"), copy, false);
    EXPECT_GT(r.pages, 0);
    EXPECT_GT(r.bytes, 0);
    EXPECT_EQ(count(copy, "SELECT COUNT(*) FROM events WHERE note = 'first'"),
              count(copy, "SELECT COUNT(*) FROM events WHERE note = 'second'"));
    EXPECT_EQ(count(copy,
                    "SELECT COUNT(*) FROM events WHERE note = 'first' AND subject NOT IN "
                    "(SELECT subject FROM events WHERE note = 'second')"),
              0);
    SQLite::Database b(copy);
    EXPECT_EQ(b.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(b.execAndGet("PRAGMA journal_mode").getString(), "delete");  // one self-contained file
    pairs.push_back(count(copy, "SELECT COUNT(*) FROM events WHERE note = 'first'"));
  }
  stop = true;
  writer.join();
  EXPECT_GE(pairs.front(), 15);
  EXPECT_GT(pairs.back(), pairs.front());  // the writer went on while copies were taken
  EXPECT_FALSE(std::filesystem::exists(dir.file(".copy1.db.tmp-" + std::to_string(::getpid()))));
}

TEST(Backup, AnExistingFileIsReplacedOnlyWithForce) {
  TempDir dir;
  dp::storage::open_sqlite(dir.file("a.db"));
  std::ofstream(dir.file("out.db")) << "keep me";
  auto msg = error_of([&] { dp::storage::backup_database(dir.file("a.db"), dir.file("out.db"), false); });
  EXPECT_NE(msg.find("--force"), std::string::npos) << msg;
  EXPECT_NO_THROW(dp::storage::backup_database(dir.file("a.db"), dir.file("out.db"), true));
  EXPECT_EQ(count(dir.file("out.db"), "SELECT COUNT(*) FROM schema_migrations") > 0, true);
  msg = error_of([&] { dp::storage::backup_database(dir.file("none.db"), dir.file("x.db"), false); });
  EXPECT_NE(msg.find("none.db"), std::string::npos) << msg;
}

TEST(Restore, PutsBackTheDatabaseAsItWasBackedUp) {
  TempDir dir;
  {
    auto store = dp::storage::open_sqlite(dir.file("a.db"));
    store->registry().upsert_county({"01", "Stockholms län"});
  }
  dp::storage::backup_database(dir.file("a.db"), dir.file("backup.db"), false);
  {
    auto store = dp::storage::open_sqlite(dir.file("a.db"));
    store->registry().upsert_county({"03", "Uppsala län"});
  }
  ASSERT_EQ(county_count(dir.file("a.db")), 2u);
  auto r = dp::storage::restore_database(dir.file("backup.db"), dir.file("a.db"), true);
  EXPECT_GT(r.pages, 0);
  EXPECT_EQ(county_count(dir.file("a.db")), 1u);
  SQLite::Database db(dir.file("a.db"));
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  // Into a new place, too.
  dp::storage::restore_database(dir.file("backup.db"), dir.file("new.db"), false);
  EXPECT_EQ(county_count(dir.file("new.db")), 1u);
}

TEST(Restore, RefusesToReplaceADatabaseWithoutForce) {
  TempDir dir;
  dp::storage::open_sqlite(dir.file("a.db"))->registry().upsert_county({"01", "Stockholms län"});
  dp::storage::open_sqlite(dir.file("b.db"));
  dp::storage::backup_database(dir.file("b.db"), dir.file("backup.db"), false);
  auto msg = error_of([&] { dp::storage::restore_database(dir.file("backup.db"), dir.file("a.db"), false); });
  EXPECT_NE(msg.find("--force"), std::string::npos) << msg;
  EXPECT_EQ(county_count(dir.file("a.db")), 1u);
}

TEST(Restore, ADamagedOrForeignBackupChangesNothing) {
  TempDir dir;
  dp::storage::open_sqlite(dir.file("a.db"))->registry().upsert_county({"01", "Stockholms län"});
  dp::storage::backup_database(dir.file("a.db"), dir.file("good.db"), false);
  // Junk, a truncated copy, an SQLite file of something else, a backup from a newer build.
  std::ofstream(dir.file("junk.db")) << std::string(8192, 'x');
  auto size = std::filesystem::file_size(dir.file("good.db"));
  std::filesystem::copy_file(dir.file("good.db"), dir.file("cut.db"));
  std::filesystem::resize_file(dir.file("cut.db"), size / 2);
  {
    SQLite::Database other(dir.file("other.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t(x)");
  }
  std::filesystem::copy_file(dir.file("good.db"), dir.file("newer.db"));
  {
    SQLite::Database newer(dir.file("newer.db"), SQLite::OPEN_READWRITE);
    newer.exec("INSERT INTO schema_migrations VALUES (250, 'later', '2030-01-01T00:00:00Z')");
  }
  for (const char* bad : {"junk.db", "cut.db", "other.db", "newer.db", "missing.db"}) {
    auto msg = error_of([&] { dp::storage::restore_database(dir.file(bad), dir.file("a.db"), true); });
    EXPECT_NE(msg.find(bad), std::string::npos) << bad << ": " << msg;
    EXPECT_EQ(county_count(dir.file("a.db")), 1u) << bad;
  }
  EXPECT_NE(error_of([&] { dp::storage::restore_database(dir.file("newer.db"), dir.file("a.db"), true); }).find("250"),
            std::string::npos);
}

TEST(Restore, AnOlderBackupIsUpgradedToThisBuildsSchema) {
  TempDir dir;
  {
    SQLite::Database old(dir.file("old.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/tests/storage/fixtures/schema-main-4c84b3b.sql");
    std::stringstream ss;
    ss << in.rdbuf();
    old.exec(ss.str());
  }
  auto r = dp::storage::restore_database(dir.file("old.db"), dir.file("a.db"), false);
  auto fresh = dp::storage::open_sqlite(dir.file("fresh.db"));
  EXPECT_EQ(r.schema_version, fresh->schema_version());
  EXPECT_EQ(count(dir.file("a.db"), "SELECT COUNT(*) FROM schema_migrations"),
            count(dir.file("fresh.db"), "SELECT COUNT(*) FROM schema_migrations"));
}

TEST(Restore, AnAccountErasedSinceTheBackupIsErasedAgain) {
  TempDir dir;
  int64_t id = 0;
  {
    auto store = dp::storage::open_sqlite(dir.file("a.db"));
    dp::storage::User u;
    u.email = "kim@example.org";
    u.name = "Kim Karlsson";
    u.role = dp::Role::Admin;
    id = store->users().create(u);
  }
  dp::storage::backup_database(dir.file("a.db"), dir.file("backup.db"), false);
  dp::storage::open_sqlite(dir.file("a.db"))->privacy().erase_user(id, 0, "2027-01-01T00:00:00Z");
  auto r = dp::storage::restore_database(dir.file("backup.db"), dir.file("a.db"), true);
  EXPECT_EQ(r.erasures_repeated, 1);
  auto store = dp::storage::open_sqlite(dir.file("a.db"));
  EXPECT_FALSE(store->users().find_by_email("kim@example.org"));
  EXPECT_TRUE(store->privacy().erased(id));
  EXPECT_EQ(count(dir.file("a.db"), "SELECT COUNT(*) FROM users WHERE name = 'Kim Karlsson'"), 0);
  // Into a new file there is nothing to repeat: the backup is restored as it is.
  EXPECT_EQ(dp::storage::restore_database(dir.file("backup.db"), dir.file("b.db"), false).erasures_repeated, 0);
}
