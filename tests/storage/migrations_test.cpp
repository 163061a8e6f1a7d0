// Opening and migrating an SQLite database (storage/store.h, storage/sqlite/migrations.cpp).
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>

#include "core/error.h"
#include "support/sqlite_temp_dir.h"

using dp::testing::TempDir;

TEST(Migrations, NewDatabaseGetsTheWholeSchema) {
  TempDir dir;
  auto store = dp::storage::open_sqlite(dir.file("a.db"));
  EXPECT_GE(store->schema_version(), 3);
  EXPECT_EQ(store->integrity_check(), "ok");
  SQLite::Database db(dir.file("a.db"));
  for (const char* t : {"counties", "organisations", "org_facts", "populations", "org_attributes", "instruments",
                        "campaigns", "campaign_orgs", "responses", "answers", "audit_log", "schema_migrations"})
    EXPECT_TRUE(db.tableExists(t)) << t;
}

TEST(Migrations, ReopeningIsIdempotent) {
  TempDir dir;
  int v1 = 0;
  int count1 = 0;
  {
    auto store = dp::storage::open_sqlite(dir.file("a.db"));
    v1 = store->schema_version();
    store->registry().upsert_county({"01", "Stockholms län"});
  }
  {
    SQLite::Database db(dir.file("a.db"));
    count1 = db.execAndGet("SELECT COUNT(*) FROM schema_migrations").getInt();
  }
  auto store = dp::storage::open_sqlite(dir.file("a.db"));
  EXPECT_EQ(store->schema_version(), v1);
  SQLite::Database db(dir.file("a.db"));
  EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM schema_migrations").getInt(), count1);
  EXPECT_EQ(store->registry().counties().size(), 1u);  // data survives a re-open
}

TEST(Migrations, DatabaseUsesWalAndForeignKeys) {
  TempDir dir;
  auto store = dp::storage::open_sqlite(dir.file("a.db"));
  SQLite::Database db(dir.file("a.db"));
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  // Foreign keys are enforced by the store's own connections: a fact for an unknown county fails.
  dp::registry::ImportRecord r;
  r.code = "0114";
  r.year = 2021;
  r.name = "X";
  r.county_code = "99";
  EXPECT_ANY_THROW(store->registry().apply(r));
  EXPECT_TRUE(store->registry().list(2021, 2021, dp::registry::SizeGroupScheme{}).empty());
}

TEST(Migrations, MissingFileWithoutCreateIsBadInput) {
  TempDir dir;
  try {
    dp::storage::open_sqlite(dir.file("none.db"), {.create = false});
    FAIL() << "opened a missing database";
  } catch (const dp::Error& e) {
    EXPECT_EQ(e.code(), dp::ErrorCode::BadInput);
    EXPECT_NE(std::string(e.what()).find("digipuls init"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("none.db")));
}

TEST(Migrations, NonDatabaseFileIsBadInput) {
  TempDir dir;
  {
    std::ofstream f(dir.file("junk.db"), std::ios::binary);
    f << "this is not an SQLite database, just some text that is long enough to have a header............";
  }
  try {
    dp::storage::open_sqlite(dir.file("junk.db"));
    FAIL() << "opened a text file as a database";
  } catch (const dp::Error& e) {
    EXPECT_EQ(e.code(), dp::ErrorCode::BadInput);
  }
}
