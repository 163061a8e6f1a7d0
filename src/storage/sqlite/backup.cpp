#include "storage/backup.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <algorithm>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include "core/error.h"
#include "storage/sqlite/db.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/rows.h"
#include "storage/sqlite/stores.h"

namespace dp::storage {

namespace fs = std::filesystem;

namespace {

std::string integrity(SQLite::Database& db) {
  std::string out;
  for (const auto& line : sqlite::all(db, "PRAGMA integrity_check", [](sqlite::Row& r) { return r.text(); }))
    out += (out.empty() ? "" : "; ") + line;
  return out;
}

int64_t page_count(SQLite::Database& db) { return db.execAndGet("PRAGMA page_count").getInt64(); }

// Accounts a database has erased (its privacy log), by id.
std::vector<int64_t> erased_accounts(SQLite::Database& db) {
  if (!db.tableExists("privacy_operations")) return {};
  return sqlite::all(db,
                     "SELECT DISTINCT CAST(substr(subject, 6) AS INTEGER) FROM privacy_operations "
                     "WHERE kind = 'erase' AND done = 1 AND subject LIKE 'user %'",
                     [](sqlite::Row& r) { return r.int64(); });
}

// Makes a written file (and its name in the folder) survive a power cut.
void sync_path(const std::string& path, bool directory) {
  int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) throw Error::internal("cannot open " + path + " to sync it");
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw Error::internal("cannot sync " + path);
}

// Copies every page of `src` into `dst` in one step (one read transaction on `src`).
void copy_pages(SQLite::Database& dst, SQLite::Database& src) {
  SQLite::Backup backup(dst, src);
  int rc = backup.executeStep(-1);
  if (rc != SQLITE_DONE) throw Error::internal(fmt::format("the backup stopped early (SQLite code {})", rc));
}

}  // namespace

BackupReport backup_database(const std::string& db, const std::string& out, bool overwrite) {
  if (!fs::exists(db)) throw Error::bad_input("no database here", Location{db, 0, 0, {}});
  if (fs::exists(out) && !overwrite)
    throw Error::bad_input("the file exists; give --force to replace it", Location{out, 0, 0, {}});
  fs::path target = fs::absolute(out);
  std::string tmp =
      (target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
  fs::remove(tmp);
  BackupReport report;
  try {
    SQLite::Database src(db, SQLite::OPEN_READONLY);
    src.setBusyTimeout(15000);
    if (!src.tableExists("schema_migrations"))
      throw Error::bad_input("not a Digipuls database", Location{db, 0, 0, {}});
    {
      SQLite::Database dst(tmp, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      copy_pages(dst, src);
      // A backup is one self-contained file: no write-ahead log beside it.
      dst.exec("PRAGMA journal_mode = DELETE");
      std::string check = integrity(dst);
      if (check != "ok") throw Error::internal("the copy failed its integrity check: " + check);
      report.pages = page_count(dst);
      report.schema_version = sqlite::schema_version(dst);
    }
    sync_path(tmp, false);
    fs::rename(tmp, target);
    sync_path(target.parent_path().string(), true);
  } catch (const SQLite::Exception& e) {
    fs::remove(tmp);
    throw Error::bad_input(std::string("cannot back up: ") + e.what(), Location{db, 0, 0, {}});
  } catch (...) {
    fs::remove(tmp);
    throw;
  }
  report.bytes = static_cast<int64_t>(fs::file_size(target));
  return report;
}

RestoreReport restore_database(const std::string& from, const std::string& db, bool overwrite) {
  if (!fs::exists(from)) throw Error::bad_input("no backup here", Location{from, 0, 0, {}});
  if (fs::exists(db) && !overwrite)
    throw Error::bad_input("a database exists here; give --force to replace it (stop the server first)",
                           Location{db, 0, 0, {}});
  RestoreReport report;
  try {
    SQLite::Database src(from, SQLite::OPEN_READONLY);
    std::string check = integrity(src);
    if (check != "ok") throw Error::bad_input("the backup is damaged: " + check, Location{from, 0, 0, {}});
    if (!src.tableExists("schema_migrations"))
      throw Error::bad_input("not a Digipuls database", Location{from, 0, 0, {}});
    try {
      sqlite::check_known(src, sqlite::bundled_migrations());
    } catch (const Error& e) {
      throw Error::bad_input(e.message(), Location{from, 0, 0, {}});
    }
    report.schema_version_before = sqlite::schema_version(src);
    SQLite::Database dst(db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    dst.setBusyTimeout(15000);
    dst.exec("PRAGMA foreign_keys = ON");
    dst.exec("PRAGMA secure_delete = ON");
    auto erased_before = erased_accounts(dst);
    copy_pages(dst, src);
    report.schema_version = sqlite::migrate(dst);
    auto erased_in_backup = erased_accounts(dst);
    SQLite::Transaction tx(dst, SQLite::TransactionBehavior::IMMEDIATE);
    for (int64_t id : erased_before) {
      bool known = sqlite::number(dst, "SELECT COUNT(*) FROM users WHERE id = ?", id) > 0;
      if (!known || std::find(erased_in_backup.begin(), erased_in_backup.end(), id) != erased_in_backup.end()) continue;
      sqlite::erase_in(dst, id, 0, sqlite::now_utc());
      ++report.erasures_repeated;
    }
    tx.commit();
    dst.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    report.pages = page_count(dst);
  } catch (const SQLite::Exception& e) {
    throw Error::bad_input(std::string("cannot restore: ") + e.what(), Location{from, 0, 0, {}});
  }
  return report;
}

}  // namespace dp::storage
