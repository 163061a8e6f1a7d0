// digipuls check: the database's health, as an operator asks it (never a web request: the
// integrity check reads the whole file).
#include <iostream>

#include "app/cli.h"
#include "storage/store.h"

namespace dp::app {

void register_check_command(Cli& cli) {
  auto* cmd =
      cli.root.add_subcommand("check", "Check a database: SQLite's integrity check, schema version, writability");
  static std::string db;
  add_db_option(cmd, db);
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    std::string integrity = store->integrity_check();
    std::string writable = store->write_check();
    std::cout << "integrity: " << integrity << "\n"
              << "schema version: " << store->schema_version() << "\n"
              << "writable: " << (writable.empty() ? "yes" : "no (" + writable + ")") << "\n";
    if (integrity != "ok") {
      std::cerr << "digipuls: " << db << ": the integrity check found problems; restore a backup\n";
      return 1;
    }
    return 0;
  });
}

}  // namespace dp::app
