#pragma once
// Backup and restore of a whole database file (docs/operations.md). A backup is a consistent
// snapshot taken with SQLite's online backup API while the server keeps reading and writing: one
// read transaction copies every page, so the copy is the database as of one instant and never
// holds half a transaction. The copy is written beside the target under a temporary name, checked
// (integrity_check), synced and then renamed into place, so a crash leaves either no backup or a
// whole one. A restore checks the backup before it touches anything, copies it over the database
// with the same API, upgrades it to this build's schema, and erases again every account that the
// replaced database had erased (an erasure must not come back with an older backup).
#include <cstdint>
#include <string>

namespace dp::storage {

struct BackupReport {
  int64_t bytes = 0;
  int64_t pages = 0;
  int schema_version = 0;
};

// Copies the database at `db` to `out`. Throws dp::Error (BadInput) when there is no database at
// `db`, or when `out` exists and `overwrite` is false; Internal when the copy fails its check.
BackupReport backup_database(const std::string& db, const std::string& out, bool overwrite);

struct RestoreReport {
  int64_t pages = 0;
  int schema_version_before = 0;  // of the backup
  int schema_version = 0;         // after upgrading to this build
  int erasures_repeated = 0;      // accounts erased in the replaced database but not in the backup
};

// Replaces the database at `db` (created if missing) with the backup at `from`. Throws
// dp::Error (BadInput), changing nothing, when the backup is missing, damaged, not a Digipuls
// database or written by a build this one does not know, or when `db` exists and `overwrite` is
// false. Stop the server first: it would keep serving from its caches.
RestoreReport restore_database(const std::string& from, const std::string& db, bool overwrite);

}  // namespace dp::storage
