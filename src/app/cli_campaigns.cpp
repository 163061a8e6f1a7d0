// digipuls campaigns: the command group and its list command (state changes: cli_campaign_admin.cpp)
#include "app/cli.h"
#include "app/output.h"
#include "storage/campaign_store.h"
#include "storage/response_store.h"
#include "storage/store.h"

namespace dp::app {

void register_campaign_list(CLI::App* grp, Cli& cli) {
  auto* list = grp->add_subcommand("list", "List campaigns (the campaign id is the first column)");
  static std::string db, format;
  add_db_option(list, db);
  add_format_option(list, format);
  cli.on_run(list, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    Rows r;
    r.columns = {"id",   "slug",      "year", "instrument", "state", "opens_on", "closes_on", "population_year",
                 "orgs", "submitted", "title"};
    for (const auto& c : store->campaigns().list()) {
      size_t submitted = 0;
      for (const auto& resp : store->responses().list(c.id)) submitted += resp.status == ResponseStatus::Submitted;
      r.rows.push_back({std::to_string(c.id), c.slug, std::to_string(c.year), c.instrument_id, to_string(c.state),
                        c.opens_on, c.closes_on, std::to_string(c.population_year),
                        std::to_string(store->campaigns().scope(c.id).size()), std::to_string(submitted), c.title.sv});
    }
    print_rows(r, format);
    return 0;
  });
}

void register_campaign_admin(CLI::App* grp, Cli& cli);  // cli_campaign_admin.cpp

void register_campaign_commands(Cli& cli) {
  auto* grp =
      cli.root.add_subcommand("campaigns", "Campaigns: an instrument version, a year and the organisations asked");
  grp->require_subcommand(1);
  register_campaign_list(grp, cli);
  register_campaign_admin(grp, cli);
}

}  // namespace dp::app
