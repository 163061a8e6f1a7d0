// Opening and migrating an SQLite database (storage/store.h, storage/sqlite/migrations.cpp).
#include "storage/sqlite/migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "core/error.h"
#include "storage/user_store.h"
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

// --- Migrations as files: existing databases upgrade unchanged, unknown ones are refused. ---

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every schema object, as SQLite keeps it: (type, name, table, CREATE text).
std::set<std::tuple<std::string, std::string, std::string, std::string>> schema_of(const std::string& file) {
  SQLite::Database db(file);
  SQLite::Statement q(db, "SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master");
  std::set<std::tuple<std::string, std::string, std::string, std::string>> out;
  while (q.executeStep())
    out.emplace(q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                q.getColumn(3).getString());
  return out;
}

// A database as `digipuls init` at main 4c84b3b left it (schema and ledger), with a little data.
void make_main_database(const std::string& file) {
  SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(slurp(std::string(DIGIPULS_SOURCE_DIR) + "/tests/storage/fixtures/schema-main-4c84b3b.sql"));
  db.exec(
      "INSERT INTO counties VALUES ('01', 'Stockholms län'); INSERT INTO organisations VALUES ('0114', 'municipality');"
      "INSERT INTO users (email, name, role, created_at) VALUES ('owner@example.org', 'Owner', 'admin', "
      "'2026-01-01T00:00:00Z');");
}

int64_t count(const std::string& file, const std::string& sql) {
  SQLite::Database db(file);
  return db.execAndGet(sql).getInt64();
}

}  // namespace

TEST(Migrations, TheMigrationFilesGiveExactlyTheSchemaMainCreated) {
  TempDir dir;
  make_main_database(dir.file("main.db"));
  std::vector<dp::storage::sqlite::Migration> of_main;
  for (const auto& m : dp::storage::sqlite::bundled_migrations())
    if (m.version <= 3 || m.version == 100 || m.version == 101 || m.version == 200 || m.version == 300)
      of_main.push_back(m);
  ASSERT_EQ(of_main.size(), 7u);
  {
    SQLite::Database db(dir.file("files.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    dp::storage::sqlite::migrate(db, of_main);
  }
  EXPECT_EQ(schema_of(dir.file("files.db")), schema_of(dir.file("main.db")));
}

TEST(Migrations, ADatabaseOfMainUpgradesToTodaysSchemaAndKeepsItsData) {
  TempDir dir;
  make_main_database(dir.file("main.db"));
  auto applied_before = count(dir.file("main.db"), "SELECT COUNT(*) FROM schema_migrations");
  {
    auto store = dp::storage::open_sqlite(dir.file("main.db"), {.create = false});
    EXPECT_EQ(store->integrity_check(), "ok");
    EXPECT_EQ(store->users().find_by_email("owner@example.org")->name, "Owner");
  }
  dp::storage::open_sqlite(dir.file("fresh.db"));
  EXPECT_EQ(schema_of(dir.file("main.db")), schema_of(dir.file("fresh.db")));
  // The migrations main had applied are not applied again.
  EXPECT_EQ(
      count(dir.file("main.db"), "SELECT COUNT(*) FROM schema_migrations WHERE applied_at = '2026-01-01T00:00:00Z'"),
      applied_before);
  EXPECT_EQ(count(dir.file("main.db"), "SELECT COUNT(*) FROM schema_migrations"),
            (int64_t)dp::storage::sqlite::bundled_migrations().size());
}

TEST(Migrations, MigrationFilesAreNumberedWithinTheirAreasRange) {
  std::map<std::string, int> block = {{"foundation", 0}, {"collection", 1}, {"stats", 2}, {"selfassess", 3}};
  std::set<int> versions;
  for (const auto& m : dp::storage::sqlite::bundled_migrations()) {
    ASSERT_TRUE(block.count(m.area)) << m.area;
    EXPECT_EQ(m.version / 100, block[m.area]) << m.area << "/" << m.version;
    EXPECT_TRUE(versions.insert(m.version).second) << "version " << m.version << " twice";
  }
}

static std::string refusal(const std::string& file) {
  try {
    dp::storage::open_sqlite(file, {.create = false});
  } catch (const dp::Error& e) {
    EXPECT_EQ(e.code(), dp::ErrorCode::BadInput);
    return e.what();
  }
  return "";
}

TEST(Migrations, AMigrationThisBuildDoesNotKnowIsRefusedInAnyArea) {
  TempDir dir;
  dp::storage::open_sqlite(dir.file("a.db"));
  // A foundation migration from a newer build: the highest version (self-assessment's) is
  // unchanged, so only looking at each area's applied set can tell.
  {
    SQLite::Database db(dir.file("a.db"), SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO schema_migrations VALUES (99, 'from a newer build', '2030-01-01T00:00:00Z')");
  }
  auto tables = count(dir.file("a.db"), "SELECT COUNT(*) FROM sqlite_master");
  auto msg = refusal(dir.file("a.db"));
  EXPECT_NE(msg.find("a.db"), std::string::npos) << msg;
  EXPECT_NE(msg.find("migration 99 'from a newer build' (foundation)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("does not know"), std::string::npos) << msg;
  EXPECT_EQ(count(dir.file("a.db"), "SELECT COUNT(*) FROM sqlite_master"), tables);
}

TEST(Migrations, AMigrationOfTheSameNumberButAnotherNameIsRefused) {
  TempDir dir;
  dp::storage::open_sqlite(dir.file("a.db"));
  {
    SQLite::Database db(dir.file("a.db"), SQLite::OPEN_READWRITE);
    db.exec("UPDATE schema_migrations SET name = 'something else' WHERE version = 100");
  }
  auto msg = refusal(dir.file("a.db"));
  EXPECT_NE(msg.find("migration 100 'something else' (collection)"), std::string::npos) << msg;
}

TEST(Migrations, TheSchemaVersionInDocsCliMatchesTheCode) {
  TempDir dir;
  auto store = dp::storage::open_sqlite(dir.file("a.db"));
  std::string doc = slurp(std::string(DIGIPULS_SOURCE_DIR) + "/docs/cli.md");
  std::string expected = "digipuls.db: schema version " + std::to_string(store->schema_version()) + "\n";
  EXPECT_NE(doc.find(expected), std::string::npos) << "docs/cli.md should show '" << expected << "'";
}

// Before roles were a set any respondent could submit. Migration 103 keeps every organisation
// that had accounts able to submit: its first active respondent becomes contact and approver.
TEST(Migrations, EachOrganisationsFirstActiveRespondentBecomesItsContactAndApprover) {
  TempDir dir;
  std::vector<dp::storage::sqlite::Migration> before, all = dp::storage::sqlite::bundled_migrations();
  for (const auto& m : all)
    if (m.version < 103 || m.version >= 200) before.push_back(m);
  {
    SQLite::Database db(dir.file("old.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA foreign_keys = OFF");
    dp::storage::sqlite::migrate(db, before);
    db.exec(
        "INSERT INTO users (id, email, role, org_code, created_at) VALUES "
        "(1, 'only@a.se', 'respondent', '0114', 'T'), "
        "(2, 'first@b.se', 'respondent', '0180', 'T'), (3, 'second@b.se', 'respondent', '0180', 'T'), "
        "(5, 'live@c.se', 'respondent', '1440', 'T');"
        "INSERT INTO users (id, email, role, org_code, created_at, active) VALUES (4, 'gone@c.se', 'respondent', "
        "'1440', 'T', 0);"
        "INSERT INTO users (id, email, role, created_at) VALUES (6, 'boss@x.se', 'admin', 'T');");
    dp::storage::sqlite::migrate(db, all);
  }
  std::map<int64_t, std::string> duties;
  SQLite::Database db(dir.file("old.db"));
  SQLite::Statement q(db, "SELECT id, duties FROM users");
  while (q.executeStep()) duties[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
  EXPECT_EQ(duties[1], "contact,approver");
  EXPECT_EQ(duties[2], "contact,approver");
  EXPECT_EQ(duties[3], "");
  EXPECT_EQ(duties[4], "") << "a removed account gets nothing";
  EXPECT_EQ(duties[5], "contact,approver");
  EXPECT_EQ(duties[6], "") << "duties are a respondent's";
}
