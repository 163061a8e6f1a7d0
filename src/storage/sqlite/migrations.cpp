#include "storage/sqlite/migrations.h"

#include <algorithm>

#include "core/error.h"
#include "storage/sqlite/db.h"

namespace dp::storage::sqlite {

static std::vector<Migration> all_migrations() {
  std::vector<Migration> all;
  for (auto part : {foundation_migrations(), collection_migrations(), stats_migrations(), selfassess_migrations()})
    all.insert(all.end(), part.begin(), part.end());
  std::sort(all.begin(), all.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return all;
}

int schema_version(SQLite::Database& db) {
  if (!db.tableExists("schema_migrations")) return 0;
  SQLite::Statement q(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  q.executeStep();
  return q.getColumn(0).getInt();
}

int migrate(SQLite::Database& db) {
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  for (const auto& m : all_migrations()) {
    SQLite::Statement seen(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
    seen.bind(1, m.version);
    if (seen.executeStep()) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have applied it while we waited for the write lock.
    SQLite::Statement again(db, "SELECT 1 FROM schema_migrations WHERE version = ?");
    again.bind(1, m.version);
    if (again.executeStep()) continue;
    try {
      db.exec(m.sql);
    } catch (const SQLite::Exception& e) {
      throw Error::internal(std::string("migration ") + std::to_string(m.version) + " (" + m.name + ") failed: " + e.what());
    }
    SQLite::Statement rec(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    rec.bind(1, m.version);
    rec.bind(2, m.name);
    rec.bind(3, now_utc());
    rec.exec();
    tx.commit();
  }
  return schema_version(db);
}

}  // namespace dp::storage::sqlite
