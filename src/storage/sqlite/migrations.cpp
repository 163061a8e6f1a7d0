#include "storage/sqlite/migrations.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "core/error.h"
#include "storage/sqlite/db.h"
#include "storage/sqlite/rows.h"

namespace dp::storage::sqlite {

namespace {

// Names were recorded as prose before migrations became files ("accounts and sessions"); both
// spellings compare equal.
std::string name_key(const std::string& name) {
  std::string out;
  for (char c : name) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a'), alnum = true;
    if (alnum) out += c;
    else if (!out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::string area_of(int version) {
  static const char* areas[] = {"foundation", "collection", "stats", "selfassess"};
  int block = version / 100;
  return block >= 0 && block < 4 ? areas[block] : "an area this build does not have";
}

const char* kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT "
    "NOT NULL)";

}  // namespace

int schema_version(SQLite::Database& db) {
  if (!db.tableExists("schema_migrations")) return 0;
  return db.execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").getInt();
}

void check_known(SQLite::Database& db, const std::vector<Migration>& known) {
  if (!db.tableExists("schema_migrations")) return;
  std::map<int, const Migration*> by_version;
  for (const auto& m : known) by_version[m.version] = &m;
  auto applied = all(db, "SELECT version, name FROM schema_migrations ORDER BY version", [](Row& r) {
    int version = r.integer();
    return std::pair(version, r.text());
  });
  for (const auto& [version, name] : applied) {
    auto it = by_version.find(version);
    std::string problem;
    if (it == by_version.end())
      problem = fmt::format("holds schema migration {} '{}' ({}), which this digipuls does not know", version, name,
                            area_of(version));
    else if (name_key(name) != name_key(it->second->name))
      problem = fmt::format("holds schema migration {} '{}' ({}), but this digipuls's migration {} is '{}'", version,
                            name, area_of(version), version, it->second->name);
    if (!problem.empty())
      throw Error::bad_input("the database " + problem +
                             ": it was written by a newer or a different build. Run that build, or restore a backup "
                             "made before it (docs/operations.md); nothing was changed");
  }
}

int migrate(SQLite::Database& db, const std::vector<Migration>& known) {
  check_known(db, known);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec(kCreateLedger);
  std::vector<const Migration*> order;
  for (const auto& m : known) order.push_back(&m);
  std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->version < b->version; });
  for (const Migration* m : order) {
    const char* applied_already = "SELECT COUNT(*) FROM schema_migrations WHERE version = ?";
    if (number(db, applied_already, m->version) > 0) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have applied it while we waited for the write lock.
    if (number(db, applied_already, m->version) > 0) continue;
    try {
      db.exec(m->sql);
    } catch (const SQLite::Exception& e) {
      throw Error::internal(fmt::format("migration {}/{:03}_{} failed: {}", m->area, m->version, m->name, e.what()));
    }
    run(db, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", m->version, m->name,
        now_utc());
    tx.commit();
  }
  return schema_version(db);
}

}  // namespace dp::storage::sqlite
