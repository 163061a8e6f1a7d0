// digipuls stats verify, digipuls stats audit-published: a campaign's figures against the
// published ones, and the published tables' own consistency (docs/statistics.md, "Checking
// against what was published"). Thin: parse options, call the figures module, print.
#include <fmt/format.h>
#include <iostream>

#include "app/cli.h"
#include "app/output.h"
#include "figures/verify.h"
#include "storage/store.h"

namespace dp::app {

namespace {

std::string place(const FigureKey& k) { return k.breakdown == "national" ? "national" : k.breakdown + "/" + k.group; }

void register_verify(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("verify", "Compare a campaign's figures with the published figures of the same year");
  static std::string db, campaign, profile, format;
  static int revision = 0;
  static bool all = false;
  add_db_option(cmd, db);
  add_format_option(cmd, format);
  cmd->add_option("--campaign", campaign, "Campaign id or slug")->required();
  cmd->add_option("--revision", revision, "Stored revision (default: the latest; computed now if none)");
  cmd->add_option("--profile", profile,
                  "Disclosure profile: the latest revision computed under it, else computed now under it");
  cmd->add_flag("--all", all, "List equal cells too");
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto v = figures::verify_campaign(*store, campaign, revision, profile,
                                      [](const std::string& l, size_t d, size_t t) { progress(l, d, t); });
    Rows rows{{"keyfigure", "cell", "group", "year", "what", "published", "computed", "source", "audit"}, {}};
    for (const auto& c : v.comparisons)
      if (all || !c.equal)
        rows.rows.push_back({c.key.keyfigure, c.key.cell, place(c.key), std::to_string(c.key.year), c.what, c.published,
                             c.computed, c.source,
                             c.flagged ? "not reproducible (audit-published)" : (c.equal ? "" : "differs")});
    print_rows(rows, format);
    size_t diff = v.differences(), flagged = v.flagged_differences();
    std::cerr << fmt::format(
        "{} {}: {} published figures compared ({}, profile {}); {} equal, {} differ, of which {} are cells "
        "`stats audit-published` finds unreproducible\n",
        v.campaign, v.year, v.comparisons.size(),
        v.revision ? fmt::format("revision {}", v.revision) : std::string("computed now, not stored"), v.profile,
        v.comparisons.size() - diff, diff, flagged);
    if (v.synthetic)
      std::cerr << "the campaign's answers are synthetic (digipuls generate): they are not the published microdata, so "
                   "differences are expected\n";
    return diff > 0 ? 1 : 0;
  });
}

void register_audit(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand(
      "audit-published",
      "List the published cells that no microdata can produce (shares, counts and bases, size groups)");
  static std::string format;
  add_format_option(cmd, format);
  cli.on_run(cmd, [] {
    auto found = figures::audit_bundled_history();
    Rows rows{{"keyfigure", "cell", "group", "year", "source", "rule", "finding"}, {}};
    for (const auto& f : found)
      rows.rows.push_back(
          {f.key.keyfigure, f.key.cell, place(f.key), std::to_string(f.key.year), f.source, f.rule, f.message});
    print_rows(rows, format);
    std::cerr << fmt::format("{} published cell(s) are inconsistent with any microdata\n", found.size());
    return 0;
  });
}

}  // namespace

void register_stats_checks(CLI::App* grp, Cli& cli) {
  register_verify(grp, cli);
  register_audit(grp, cli);
}

}  // namespace dp::app
