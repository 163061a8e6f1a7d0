// digipuls init (and, from cli_backup.cpp, backup and restore)
#include <iostream>

#include "app/cli.h"
#include "collection/bootstrap.h"
#include "figures/history_import.h"
#include "storage/stats_store.h"
#include "storage/store.h"

namespace dp::app {

void register_backup_commands(Cli& cli);  // cli_backup.cpp

void register_db_commands(Cli& cli) {
  register_backup_commands(cli);
  auto* init =
      cli.root.add_subcommand("init", "Create or upgrade a database: registry, instruments, the 2021 campaign");
  static std::string db;
  add_db_option(init, db);
  cli.on_run(init, [] {
    auto store = storage::open_sqlite(db);
    auto rep = collection::initialise(*store);
    // The published national figures 2015–2021, so every series starts where the report's does.
    if (store->stats().history().empty())
      rep.lines.push_back("history: " + std::to_string(figures::import_history(*store)) +
                          " published values from data/history");
    for (const auto& l : rep.lines) std::cerr << "  " << l << "\n";
    std::cerr << db << ": schema version " << store->schema_version()
              << (rep.lines.empty() ? ", already up to date" : "") << "\n";
    return 0;
  });
}

}  // namespace dp::app
