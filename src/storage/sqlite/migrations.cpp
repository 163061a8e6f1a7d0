#include "storage/sqlite/migrations.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.h"
#include "storage/sqlite/db.h"

namespace dp::storage::sqlite {

namespace {
const char* kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}  // namespace

int schema_version(SQLite::Database& db) {
  if (!db.tableExists("schema_migrations")) return 0;
  return db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
}

int migrate(SQLite::Database& db, const std::vector<Migration>& known) {
  db.exec("PRAGMA journal_mode = WAL");
  db.exec(kCreateLedger);
  std::vector<const Migration*> order;
  for (const auto& m : known) order.push_back(&m);
  std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->version < b->version; });
  for (const Migration* m : order) {
    SQLite::Statement seen(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
    seen.bind(1, m->version);
    if (seen.executeStep()) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have applied it while we waited for the write lock.
    SQLite::Statement again(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
    again.bind(1, m->version);
    if (again.executeStep()) continue;
    try {
      db.exec(m->sql);
    } catch (const SQLite::Exception& e) {
      throw Error::internal(fmt::format("migration {}/{:03}_{} failed: {}", m->area, m->version, m->name, e.what()));
    }
    SQLite::Statement rec(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    rec.bind(1, m->version);
    rec.bind(2, m->name);
    rec.bind(3, now_utc());
    rec.exec();
    tx.commit();
  }
  return schema_version(db);
}

}  // namespace dp::storage::sqlite
