// digipuls backup | restore: a consistent copy of the database while the server runs, and putting
// one back (docs/operations.md).
#include <fmt/format.h>
#include <iostream>

#include "app/cli.h"
#include "storage/backup.h"

namespace dp::app {

void register_backup_commands(Cli& cli) {
  auto* backup = cli.root.add_subcommand("backup", "Copy the database to a file, consistently, while the server runs");
  static std::string db, out;
  static bool force = false;
  add_db_option(backup, db);
  backup->add_option("--out", out, "The backup file to write")->required();
  backup->add_flag("--force", force, "Replace --out if it exists");
  cli.on_run(backup, [] {
    auto r = storage::backup_database(db, out, force);
    std::cerr << fmt::format("backed up {} to {}: {} pages, {:.1f} MB, schema version {}, integrity ok\n", db, out,
                             r.pages, static_cast<double>(r.bytes) / 1e6, r.schema_version);
    return 0;
  });

  auto* restore = cli.root.add_subcommand("restore", "Replace the database with a backup (stop the server first)");
  static std::string rdb, from;
  static bool rforce = false;
  add_db_option(restore, rdb);
  restore->add_option("--from", from, "The backup file")->required();
  restore->add_flag("--force", rforce, "Replace the database at --db if it exists");
  cli.on_run(restore, [] {
    auto r = storage::restore_database(from, rdb, rforce);
    std::cerr << fmt::format("restored {} from {}: {} pages, schema version {}", rdb, from, r.pages, r.schema_version);
    if (r.schema_version_before != r.schema_version)
      std::cerr << fmt::format(" (upgraded from {})", r.schema_version_before);
    if (r.erasures_repeated > 0)
      std::cerr << fmt::format("; erased again {} account(s) erased since the backup was taken", r.erasures_repeated);
    std::cerr << "\n";
    return 0;
  });
}

}  // namespace dp::app
