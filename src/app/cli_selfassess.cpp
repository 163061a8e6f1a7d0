// digipuls selfassess: list assessments, score a ratings file offline, national aggregates,
// synthetic demo assessments.
#include <fmt/format.h>
#include <iostream>

#include "app/cli.h"
#include "app/output.h"
#include "core/csv.h"
#include "core/error.h"
#include "instrument/load.h"
#include "selfassess/aggregate.h"
#include "selfassess/context.h"
#include "selfassess/engine.h"
#include "selfassess/scoring.h"
#include "selfassess/synthetic.h"
#include "storage/selfassess_store.h"
#include "storage/store.h"

namespace dp::app {

namespace {

std::string num(const std::optional<double>& v) { return v ? std::to_string(selfassess::display(*v)) : ""; }

void add_list(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("list", "List self-assessments with their overall score");
  static std::string db, format, org;
  add_db_option(cmd, db);
  add_format_option(cmd, format);
  cmd->add_option("--org", org, "Only this organisation's assessments");
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    Rows r;
    r.columns = {"id", "org", "year", "part", "instrument", "status", "published", "agreed", "overall", "band"};
    auto all = org.empty() ? store->selfassess().list_all() : store->selfassess().list_for_org(org);
    for (const auto& a : all) {
      auto l = selfassess::load(*store, a);
      r.rows.push_back({std::to_string(a.id), a.org_code, std::to_string(a.year), a.part, a.instrument_id,
                        to_string(a.status), a.publish_overall ? "yes" : "no", std::to_string(l.ratings.size()),
                        num(l.result.overall.value), l.result.overall.band ? l.result.overall.band->id : ""});
    }
    print_rows(r, format);
    return 0;
  });
}

void add_score(CLI::App* grp, Cli& cli) {
  auto* cmd =
      grp->add_subcommand("score", "Score a CSV of ratings (columns indicator,rating) against an instrument file");
  static std::string instrument_file, ratings_file, format;
  cmd->add_option("instrument", instrument_file, "Maturity instrument YAML")->required();
  cmd->add_option("ratings", ratings_file, "CSV with columns indicator,rating ('-' = stdin)")->required();
  add_format_option(cmd, format);
  cli.on_run(cmd, [] {
    auto in = instrument::load_or_throw(read_file(instrument_file), instrument_file);
    auto table = csv::parse(read_file(ratings_file), ratings_file);
    int ci = table.column("indicator"), cr = table.column("rating");
    if (ci < 0 || cr < 0)
      throw Error::bad_input(csv::where(ratings_file, 1) + ": the header needs the columns indicator and rating");
    selfassess::Ratings ratings;
    for (const auto& row : table.rows) ratings[row.fields[ci]] = row.fields[cr];
    auto res = selfassess::score(in, ratings, selfassess::bundled_rules());
    Rows r;
    r.columns = {"dimension", "group", "score", "band", "scored", "not_relevant", "unrated"};
    auto put = [&](const std::string& dim, const std::string& id, const selfassess::Score& s) {
      r.rows.push_back({dim, id, num(s.value), s.band ? s.band->id : "", std::to_string(s.scored),
                        std::to_string(s.not_relevant), std::to_string(s.unrated)});
    };
    put("overall", "", res.overall);
    for (const auto& g : res.areas) put("area", g.id, g.score);
    for (const auto& g : res.target_groups) put("target_group", g.id, g.score);
    for (const auto& g : res.perspectives) put("perspective", g.id, g.score);
    print_rows(r, format);
    return 0;
  });
}

void add_aggregates(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand(
      "aggregates",
      "Mean overall score nationally, per county and per size group (the statistics engine's disclosure control)");
  static std::string db, format, instrument;
  add_db_option(cmd, db);
  add_format_option(cmd, format);
  cmd->add_option("--instrument", instrument, "Maturity instrument id, e.g. mognad-2025")->required();
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    const auto& rules = selfassess::bundled_rules();
    auto ms = selfassess::members(*store, instrument, false, rules);
    auto run = selfassess::run_engine(*store, instrument, ms);
    Rows r;
    r.columns = {"breakdown", "group", "label", "n", "overall", "marker"};
    for (const auto& eg : run.groups) {
      auto g = selfassess::scores_of(run, ms, eg);
      auto it = g.mean.find("overall");
      r.rows.push_back({eg.breakdown, eg.code, eg.label.sv, std::to_string(eg.n),
                        it == g.mean.end() ? "" : std::to_string(selfassess::display(it->second)),
                        g.hidden ? "suppressed" : ""});
    }
    print_rows(r, format);
    return 0;
  });
}

void add_generate(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand(
      "generate",
      "Synthetic, completed self-assessments of a year for the demo (marked 'Syntetisk demo'; never for real data)");
  static std::string db;
  static int year = 0;
  static uint64_t seed = 1;
  static double share = 0.6;
  static std::vector<std::string> include, exclude;
  add_db_option(cmd, db);
  cmd->add_option("--year", year, "Year of the assessments; a maturity instrument of that year must exist")->required();
  cmd->add_option("--seed", seed, "Random seed (the same seed gives the same assessments)")->capture_default_str();
  cmd->add_option("--share", share, "Share of municipalities assessed, 0..1")->capture_default_str();
  cmd->add_option("--include", include, "Municipalities always assessed and published (codes, comma-separated)")
      ->delimiter(',');
  cmd->add_option("--exclude", exclude, "Municipalities never assessed (codes, comma-separated)")->delimiter(',');
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto out = selfassess::generate_synthetic(*store, {year, seed, share, include, exclude});
    if (out.already) {
      std::cerr << fmt::format("{}: {} synthetic self-assessments of {} already exist; nothing done\n",
                               out.instrument_id, out.already, year);
      return 0;
    }
    std::cerr << fmt::format(
        "{}: {} synthetic self-assessments of {} (seed {}), {} published{}; marked '{}'\n", out.instrument_id,
        out.created, year, seed, out.published,
        out.skipped ? fmt::format(", {} municipalities skipped (they have their own)", out.skipped) : "",
        selfassess::kSyntheticMark);
    return 0;
  });
}

}  // namespace

void register_selfassess_commands(Cli& cli) {
  auto* grp = cli.root.add_subcommand("selfassess", "Self-assessments of digital maturity");
  grp->require_subcommand(1);
  add_list(grp, cli);
  add_score(grp, cli);
  add_aggregates(grp, cli);
  add_generate(grp, cli);
}

}  // namespace dp::app
