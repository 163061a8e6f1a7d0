#pragma once
// Schema migrations, applied in version order by `digipuls init` and on every start. Each area
// owns a range of versions so that areas evolve independently:
//   1–99 foundation (registry, instruments, campaigns, responses)   schema_foundation.cpp
//   100–199 collection (accounts, sessions, mail)                  schema_collection.cpp
//   200–299 statistics                                             schema_stats.cpp
//   300–399 self-assessment                                        schema_selfassess.cpp
// A migration is never edited once released; add a new one instead.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

namespace dp::storage::sqlite {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

std::vector<Migration> foundation_migrations();
std::vector<Migration> collection_migrations();
std::vector<Migration> stats_migrations();
std::vector<Migration> selfassess_migrations();

// Applies every pending migration, each in its own transaction. Returns the schema version.
int migrate(SQLite::Database& db);
int schema_version(SQLite::Database& db);

}  // namespace dp::storage::sqlite
