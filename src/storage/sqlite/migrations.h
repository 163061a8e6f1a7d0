#pragma once
// Schema migrations: src/storage/sqlite/migrations/<area>/NNN_name.sql, embedded in the binary at
// build time (cmake/migrations.cmake) and applied in version order by `digipuls init` and on
// every start, each in its own transaction. Each area owns a range of versions so that areas
// evolve independently (and a second backend can mirror the same files):
//   1–99 foundation (registry, instruments, campaigns, responses)
//   100–199 collection (accounts, sessions, mail)
//   200–299 stats (revisions, figures, history)
//   300–399 selfassess (self-assessments)
// A migration is never edited once released; add a new one instead. The database records every
// applied migration (version and name), and a database holding one this binary does not know,
// in any area, is refused: it was written by a newer or a different build.
#include <SQLiteCpp/SQLiteCpp.h>
#include <string>
#include <vector>

namespace dp::storage::sqlite {

struct Migration {
  const char* area;
  int version;
  const char* name;  // the file name without number and extension: "accounts_and_sessions"
  const char* sql;
};

// Every migration this binary carries, ordered by area and version (generated).
const std::vector<Migration>& bundled_migrations();

// Throws dp::Error (BadInput) when the database records a migration that `known` does not have
// (or has under another name).
void check_known(SQLite::Database& db, const std::vector<Migration>& known);

// Checks, then applies every pending migration of `known`. Returns the schema version.
int migrate(SQLite::Database& db, const std::vector<Migration>& known = bundled_migrations());
// The highest applied version (0 for an empty database).
int schema_version(SQLite::Database& db);

}  // namespace dp::storage::sqlite
