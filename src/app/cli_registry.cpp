// digipuls registry list | import
#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <set>

#include "app/cli.h"
#include "app/output.h"
#include "core/error.h"
#include "registry/csv_import.h"
#include "registry/year_diff.h"
#include "storage/registry_store.h"
#include "storage/store.h"

namespace dp::app {

void register_registry_commands(Cli& cli) {
  auto* grp = cli.root.add_subcommand("registry", "The registry of organisations (municipalities, ...)");
  grp->require_subcommand(1);

  auto* list = grp->add_subcommand("list", "Print the registry as of a year");
  static std::string db, format;
  static int year = 0, pop_year = 0;
  add_db_option(list, db);
  add_format_option(list, format);
  list->add_option("--year", year, "Registry year")->required()->check(CLI::Range(1900, 2200));
  list->add_option("--population-year", pop_year,
                   "Population date for size groups: 31 December of this year (default: --year; the latest earlier "
                   "year is used when that year has no figures)");
  cli.on_run(list, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto scheme = store->registry().size_groups();
    auto orgs = store->registry().list(year, pop_year ? pop_year : year, scheme);
    std::set<std::string> attrs;
    for (const auto& o : orgs)
      for (const auto& [k, v] : o.attributes) attrs.insert(k);
    Rows r;
    r.columns = {"code",           "name",       "county_code",     "county_name",
                 "population",     "size_group", "population_year", "skr_group_code",
                 "skr_group_name", "kind"};
    for (const auto& a : attrs) r.columns.push_back(a);
    for (const auto& o : orgs) {
      std::vector<std::string> row = {o.code,
                                      o.name,
                                      o.county_code,
                                      o.county_name,
                                      o.population ? std::to_string(*o.population) : "",
                                      o.size_group,
                                      o.population_year ? std::to_string(o.population_year) : "",
                                      o.skr_group_code,
                                      o.skr_group_name,
                                      o.kind};
      for (const auto& a : attrs) row.push_back(o.attributes.count(a) ? o.attributes.at(a) : "");
      r.rows.push_back(row);
    }
    if (orgs.empty()) std::cerr << "no organisations in the registry for " << year << "\n";
    print_rows(r, format);
    return 0;
  });

  auto* imp = grp->add_subcommand("import", "Update the registry from a CSV file, all rows or none (docs/registry.md)");
  static std::string idb, file;
  static int iyear = 0;
  add_db_option(imp, idb);
  imp->add_option("file", file, "CSV file")->required();
  imp->add_option("--year", iyear, "Year for rows when the file has no year column")->check(CLI::Range(1900, 2200));
  cli.on_run(imp, [] {
    auto store = storage::open_sqlite(idb, {.create = false});
    std::set<std::string> counties;
    for (const auto& c : store->registry().counties()) counties.insert(c.code);
    registry::ImportContext ctx{counties, iyear ? std::optional<int>(iyear) : std::nullopt, std::set<std::string>{}};
    auto scheme = store->registry().size_groups();
    for (int y : store->registry().years())
      for (const auto& o : store->registry().list(y, y, scheme)) ctx.known_codes->insert(o.code);
    ProblemList problems;
    auto records = registry::parse_registry_csv(read_file(file), file, ctx, problems);
    if (!problems.empty()) throw Error::bad_input(problems.report("nothing was imported"));
    try {
      store->write_transaction([&] {
        for (const auto& r : records) store->registry().apply(r);
      });
    } catch (const Error& e) {
      // The only per-row rule the store checks: a new organisation needs a name.
      std::cerr << file << ": " << e.what() << "\nnothing was imported\n";
      return 1;
    }
    std::set<int> years;
    for (const auto& r : records) years.insert(r.year);
    std::string ys;
    for (int y : years) ys += (ys.empty() ? "" : ", ") + std::to_string(y);
    std::cerr << fmt::format("imported {} row(s) for {}\n", records.size(), ys);
    // The analyst's check of a new year: what changed since the year before, size groups
    // recomputed from the new population.
    auto known = store->registry().years();
    for (int y : years) {
      if (std::find(known.begin(), known.end(), y - 1) == known.end()) continue;
      auto changes =
          registry::diff_years(store->registry().list(y - 1, y - 1, scheme), store->registry().list(y, y, scheme));
      std::map<std::string, int> by_kind;
      for (const auto& c : changes) ++by_kind[c.what];
      std::cerr << fmt::format(
          "{} against {}: {} added, {} removed, {} in another size group, {} with a population change over "
          "5 %, {} attribute change(s) (`digipuls registry diff --from {} --to {}` lists them)\n",
          y, y - 1, by_kind["added"], by_kind["removed"], by_kind["size_group"], by_kind["population"],
          by_kind["attribute"], y - 1, y);
    }
    return 0;
  });

  auto* diff = grp->add_subcommand("diff", "What changed in the registry between two years (size groups recomputed)");
  static std::string ddb, dformat;
  static int from = 0, to = 0;
  add_db_option(diff, ddb);
  add_format_option(diff, dformat);
  diff->add_option("--from", from, "The earlier year")->required()->check(CLI::Range(1900, 2200));
  diff->add_option("--to", to, "The later year")->required()->check(CLI::Range(1900, 2200));
  cli.on_run(diff, [] {
    auto store = storage::open_sqlite(ddb, {.create = false});
    auto known = store->registry().years();
    for (int y : {from, to})
      if (std::find(known.begin(), known.end(), y) == known.end())
        throw Error::bad_input(fmt::format("the registry has no year {}", y),
                               Location{{}, 0, 0, y == from ? "--from" : "--to"});
    auto scheme = store->registry().size_groups();
    Rows r;
    r.columns = {"code", "name", "change", "attribute", "before", "after"};
    for (const auto& c :
         registry::diff_years(store->registry().list(from, from, scheme), store->registry().list(to, to, scheme)))
      r.rows.push_back({c.code, c.name, c.what, c.detail, c.before, c.after});
    print_rows(r, dformat);
    return 0;
  });
}

}  // namespace dp::app
