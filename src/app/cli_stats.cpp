// digipuls stats compute | publish | runs | show | series | panel | freetext | history import | check,
// digipuls report, digipuls generate. Thin: parse options, call the report/stats modules.
#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iostream>
#include <map>
#include <set>

#include "app/cli.h"
#include "app/output.h"
#include "core/error.h"
#include "core/resources.h"
#include "core/swedish_time.h"
#include "figures/compute_run.h"
#include "figures/declarations.h"
#include "figures/generate.h"
#include "figures/history_import.h"
#include "figures/publication.h"
#include "figures/published_panel.h"
#include "instrument/load.h"
#include "report/render.h"
#include "report/report_build.h"
#include "stats/coverage.h"
#include "stats/freetext.h"
#include "stats/keyfigures_load.h"
#include "stats/panel.h"
#include "stats/report_load.h"
#include "storage/instrument_store.h"
#include "storage/stats_store.h"
#include "storage/store.h"

namespace dp::app {

namespace {

figures::Progress show_progress() {
  return [](const std::string& label, size_t done, size_t total) { progress(label, done, total); };
}

std::string num(const std::optional<double>& v, int decimals) { return v ? fmt::format("{:.{}f}", *v, decimals) : ""; }
std::string num(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }

void register_compute(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("compute", "Compute every key figure of a campaign and store them as a new revision");
  static std::string db, campaign, profile, note;
  add_db_option(cmd, db);
  cmd->add_option("--campaign", campaign, "Campaign id or slug")->required();
  cmd->add_option("--profile", profile,
                  "Disclosure profile (instruments/disclosure.yaml; default: the campaign's setting)");
  cmd->add_option("--note", note, "What changed since the previous revision (required once a revision is published)");
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto out = figures::compute_campaign(*store, {campaign, profile, note, show_progress()});
    if (!out.stored) {
      std::cerr << fmt::format("{}: unchanged since revision {} ({}); nothing stored\n", campaign, out.run.revision,
                               out.run.computed_at);
      return 0;
    }
    std::cerr << fmt::format(
        "{}: stored revision {} ({} figures; {} of {} organisations responded; profile {}, {} figures "
        "withheld, {} of them planned across linked figures; disclosure audit: {})\n",
        campaign, out.run.revision, out.run.value_count, out.respondents, out.approached, out.run.profile,
        out.suppression.cells + out.plan.added, out.plan.added,
        out.plan.audit.passed() ? "passed" : fmt::format("{} figures disclosed", out.plan.audit.disclosed.size()));
    return 0;
  });
}

void register_publish(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("publish",
                                  "Publish a stored revision of a closed campaign, if its disclosure audit passes "
                                  "(the campaign becomes published), at once or at a set time (--at)");
  static std::string db, campaign, at;
  static int revision = 0;
  static bool cancel = false;
  add_db_option(cmd, db);
  cmd->add_option("--campaign", campaign, "Campaign id or slug")->required();
  cmd->add_option("--revision", revision, "Revision number (default: the latest)");
  cmd->add_option("--at", at,
                  "Publish at this time, Swedish time (\"2027-03-15T09:30\"; UTC with a trailing Z); "
                  "the site announces it and nothing of it is public before");
  cmd->add_flag("--cancel", cancel, "Withdraw the campaign's scheduled publication");
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    if (cancel) {
      auto run = figures::cancel_scheduled(*store, campaign, 0);
      std::cerr << fmt::format("{}: the publication of revision {} at {} is withdrawn\n", campaign, run.revision,
                               run.published_at);
      return 0;
    }
    figures::PublishWhen when;
    if (!at.empty()) {
      auto utc = swedish_to_utc(at);
      if (!utc)
        throw Error::bad_input("--at '" + at + "' is not a date and time like 2027-03-15T09:30 (Swedish time)",
                               Location{"", 0, 0, "at"});
      when.at = *utc;
    }
    auto out = figures::publish_revision(*store, campaign, revision, 0, when);
    if (when.at.empty())
      std::cerr << fmt::format(
          "{}: revision {} is published (disclosure audit passed: {} withheld figures, none disclosed){}\n", campaign,
          out.run.revision, out.audit.withheld, out.campaign_published ? "; the campaign is published" : "");
    else
      std::cerr << fmt::format(
          "{}: revision {} will be published at {} ({} {} Swedish time; disclosure audit passed: {} "
          "withheld figures, none disclosed){}\n",
          campaign, out.run.revision, when.at, utc_to_swedish(when.at).date, utc_to_swedish(when.at).time,
          out.audit.withheld, out.campaign_published ? "; the campaign is final" : "");
    return 0;
  });
}

void register_disclosure_audit(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("disclosure-audit",
                                  "Audit a revision: every withheld figure that the other published figures disclose");
  static std::string db, campaign;
  static int revision = 0;
  add_db_option(cmd, db);
  cmd->add_option("--campaign", campaign, "Campaign id or slug")->required();
  cmd->add_option("--revision", revision, "Revision number (default: the latest)");
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto out = figures::audit_revision(*store, campaign, revision);
    for (const auto& line : out.lines) std::cout << line << "\n";
    std::cerr << fmt::format(
        "{}: revision {} (profile {}): {} withheld figures audited, {} disclosed{}{}\n", campaign, out.run.revision,
        out.run.profile, out.report.withheld, out.report.disclosed.size(),
        out.report.unaudited ? fmt::format("; {} withheld figures of medians, extremes, pooled shares "
                                           "and ratios are protected by their base's pattern, not audited",
                                           out.report.unaudited)
                             : "",
        out.report.split_units ? fmt::format("; {} groups of linked figures too large for one program were "
                                             "audited figure by figure: {}",
                                             out.report.split_units, fmt::join(out.report.split_names, "; "))
                               : "");
    return out.report.passed() ? 0 : 1;
  });
}

void register_runs(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("runs", "List the stored revisions of a campaign");
  static std::string db, campaign, format;
  add_db_option(cmd, db);
  add_format_option(cmd, format);
  cmd->add_option("--campaign", campaign, "Campaign id or slug")->required();
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto c = figures::find_campaign(*store, campaign);
    Rows rows{{"revision", "computed_at", "profile", "figures", "published_at", "note", "summary"}, {}};
    for (const auto& r : store->stats().runs(c.id))
      rows.rows.push_back({std::to_string(r.revision), r.computed_at, r.profile, std::to_string(r.value_count),
                           r.published_at, r.note, r.summary});
    print_rows(rows, format);
    return 0;
  });
}

void register_show(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("show", "Print the stored figures of a key figure");
  static std::string db, campaign, keyfigure, breakdown, format;
  static int revision = 0;
  add_db_option(cmd, db);
  add_format_option(cmd, format);
  cmd->add_option("--campaign", campaign, "Campaign id or slug")->required();
  cmd->add_option("--keyfigure", keyfigure, "Key figure id (K02...); default: all");
  cmd->add_option("--breakdown", breakdown, "national, county, size_group, skr_group or an attribute (default: all)");
  cmd->add_option("--revision", revision, "Revision (default: the latest)");
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto c = figures::find_campaign(*store, campaign);
    auto run = store->stats().run(c.id, revision);
    if (!run) throw Error::not_found(fmt::format("{} has no stored figures; run `digipuls stats compute`", c.slug));
    Rows rows{{"keyfigure", "cell", "breakdown", "group", "year", "n", "count", "value", "marker"}, {}};
    for (const auto& v : store->stats().values(run->id)) {
      if (!keyfigure.empty() && v.key.keyfigure != keyfigure) continue;
      if (!breakdown.empty() && v.key.breakdown != breakdown) continue;
      rows.rows.push_back({v.key.keyfigure, v.key.cell, v.key.breakdown, v.key.group, std::to_string(v.key.year),
                           num(v.n), num(v.count), num(v.value, std::max(v.decimals, 1)), marker_name(v.marker)});
    }
    print_rows(rows, format);
    return 0;
  });
}

void register_series(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("series", "Print a key-figure cell's series over the years (computed, else history)");
  static std::string db, keyfigure, cell, breakdown = "national", group = "total", format;
  static bool published = false;
  add_db_option(cmd, db);
  add_format_option(cmd, format);
  cmd->add_option("--keyfigure", keyfigure, "Key figure id")->required();
  cmd->add_option("--cell", cell, "Cell id (e.g. barn_unga)")->required();
  cmd->add_option("--breakdown", breakdown, "Breakdown")->capture_default_str();
  cmd->add_option("--group", group, "Group code")->capture_default_str();
  cmd->add_flag("--published", published, "Only published revisions");
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    Rows rows{{"year", "value", "count", "n", "marker", "origin", "source"}, {}};
    for (const auto& p : store->stats().series(keyfigure, cell, breakdown, group, published)) {
      bool history = p.origin == FigureOrigin::History;
      rows.rows.push_back({std::to_string(p.key.year), num(p.value, std::max(p.decimals, 1)), num(p.count), num(p.n),
                           marker_name(p.marker), history ? "history" : "computed",
                           history ? p.source : fmt::format("campaign {} revision {}", p.campaign_id, p.revision)});
    }
    print_rows(rows, format);
    return 0;
  });
}

// The keys that disclosure control withheld in a campaign's published revision or its latest one
// (none without a revision): a panel figure must not give away either.
std::set<FigureKey> withheld_keys(storage::Store& store, int64_t campaign_id) {
  std::set<FigureKey> out;
  for (const auto& run : {store.stats().published_run(campaign_id), store.stats().run(campaign_id, 0)})
    if (run) out.merge(figures::suppressed_keys(store, *run));
  return out;
}

void register_panel(CLI::App* grp, Cli& cli) {
  auto* cmd =
      grp->add_subcommand("panel", "Change between two campaigns over the organisations in the base both years");
  static std::string db, campaign, previous, keyfigure, breakdowns = "national", profile, format;
  add_db_option(cmd, db);
  add_format_option(cmd, format);
  cmd->add_option("--campaign", campaign, "This year's campaign")->required();
  cmd->add_option("--previous", previous, "The earlier campaign")->required();
  cmd->add_option("--keyfigure", keyfigure, "Key figure id (default: all)");
  cmd->add_option("--breakdown", breakdowns, "Breakdowns, comma-separated (national, county, size_group, ...)")
      ->capture_default_str();
  cmd->add_option("--profile", profile,
                  "Disclosure profile (default: that of the campaign's latest revision, else the default profile)");
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto now = figures::load_campaign_data(*store, campaign, show_progress());
    auto before = figures::load_campaign_data(*store, previous, show_progress());
    auto decl = figures::load_declarations(*store, now.instrument);
    std::string pid = profile;
    if (pid.empty())
      if (auto run = store->stats().run(now.campaign.id, 0)) pid = run->profile;
    if (pid.empty()) pid = decl.profiles.default_id;
    const auto* p = decl.profiles.find(pid);
    if (!p) throw Error::bad_input(fmt::format("unknown disclosure profile '{}'", pid), Location{"", 0, 0, "profile"});
    stats::PanelOptions opts;
    opts.breakdowns = split(breakdowns, ',');
    opts.profile = p;
    auto withheld_now = withheld_keys(*store, now.campaign.id),
         withheld_before = withheld_keys(*store, before.campaign.id);
    opts.figure_withheld = [&](const FigureKey& k) { return withheld_now.count(k) || withheld_before.count(k); };
    Rows rows{{"keyfigure", "cell", "breakdown", "group", "comparable", "panel_n", "share_before", "share_now",
               "change_pp", "n_returning", "share_returning", "n_new", "share_new", "withheld"},
              {}};
    auto pct = [](int64_t c, int64_t n) {
      return n ? fmt::format("{:.1f}", 100.0 * (double)c / (double)n) : std::string();
    };
    const std::string x = "x";
    for (const auto& f : stats::panel(decl.keyfigures, before.dataset, now.dataset, keyfigure, opts)) {
      bool shown = f.panel_n && !f.withheld, split_shown = !f.split_withheld;
      rows.rows.push_back(
          {f.keyfigure, f.cell, f.breakdown, f.group, f.comparable ? "yes" : "no",
           f.withheld ? x : std::to_string(f.panel_n),
           shown        ? fmt::format("{:.1f}", f.share_before)
           : f.withheld ? x
                        : "",
           shown        ? fmt::format("{:.1f}", f.share_now)
           : f.withheld ? x
                        : "",
           shown        ? fmt::format("{:+.1f}", f.change)
           : f.withheld ? x
                        : "",
           split_shown ? std::to_string(f.n_returning) : x, split_shown ? pct(f.count_returning, f.n_returning) : x,
           split_shown ? std::to_string(f.n_new) : x, split_shown ? pct(f.count_new, f.n_new) : x, f.reason});
    }
    print_rows(rows, format);
    std::cerr << fmt::format("disclosure profile {}: x = withheld\n", p->id);
    return 0;
  });
}

void register_freetext(CLI::App* grp, Cli& cli) {
  auto* cmd =
      grp->add_subcommand("freetext", "List free-text answers per question (for the analyst; names organisations)");
  static std::string db, campaign, question, format;
  add_db_option(cmd, db);
  add_format_option(cmd, format);
  cmd->add_option("--campaign", campaign, "Campaign id or slug")->required();
  cmd->add_option("--question", question, "One question id (default: all)");
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto d = figures::load_campaign_data(*store, campaign, show_progress());
    Rows rows{{"question", "item", "org_code", "org_name", "text"}, {}, true};
    for (const auto& e : stats::free_text(d.dataset, d.instrument, question))
      rows.rows.push_back({e.question, e.item, e.org_code, e.org_name, e.text});
    print_rows(rows, format);
    std::cerr << fmt::format("{} answer(s); not for publication: the list names organisations\n", rows.rows.size());
    return 0;
  });
}

// The *.csv files of a folder (name, text), in name order.
std::vector<std::pair<std::string, std::string>> history_files(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) throw Error::bad_input(fmt::format("{}: no such folder", dir));
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".csv")
      files.emplace_back(e.path().filename().string(), read_file(e.path().string()));
  if (files.empty())
    throw Error::bad_input(fmt::format("{}: no *.csv files (data/history/README.md describes them)", dir));
  std::sort(files.begin(), files.end());
  return files;
}

void register_history(CLI::App* grp, Cli& cli) {
  auto* h = grp->add_subcommand("history", "The published figures of earlier reports");
  h->require_subcommand(1);
  auto* imp = h->add_subcommand(
      "import", "Store the bundled history (data/history) as historical key-figure values, all or nothing");
  static std::string db, dir;
  add_db_option(imp, db);
  imp->add_option("--dir", dir, "Read the history CSVs from this folder instead (same files as data/history)");
  cli.on_run(imp, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    size_t n = dir.empty() ? figures::import_history(*store) : figures::import_history(*store, history_files(dir));
    std::cerr << fmt::format("stored {} historical values\n", n);
    return 0;
  });
}

void register_check(CLI::App* grp, Cli& cli) {
  auto* cmd = grp->add_subcommand("check", "Validate key-figure and report files (default: the bundled ones)");
  static std::vector<std::string> files;
  static std::string db;
  cmd->add_option("files", files, "*.keyfigures.yaml and *.report.yaml files");
  cmd->add_option("--db", db, "Check against the instrument versions of this database too (imported ones included)");
  cli.on_run(cmd, [] {
    auto history = figures::bundled_history();
    std::vector<instrument::Instrument> instruments;
    std::set<std::string> ids;
    // The database's versions (imported ones included) first, then the bundled ones it lacks.
    std::unique_ptr<storage::Store> store;
    if (!db.empty()) {
      store = storage::open_sqlite(db, {.create = false});
      for (const auto& info : store->instruments().list())
        if (auto src = store->instruments().source(info.id)) {
          instruments.push_back(
              instrument::load_or_throw(*src, info.source_file.empty() ? info.id + ".yaml" : info.source_file));
          ids.insert(info.id);
        }
    }
    for (auto& in : figures::bundled_instruments())
      if (ids.insert(in.id).second) instruments.push_back(std::move(in));
    std::vector<const instrument::Instrument*> ptrs;
    for (const auto& i : instruments) ptrs.push_back(&i);
    std::vector<std::pair<std::string, std::string>> inputs;
    if (files.empty()) {
      std::map<std::string, std::string> named;  // the database's imported files over the bundled ones
      for (const auto& p : figures::bundled_keyfigure_files()) named[p] = resources::require(p);
      for (const auto& p : figures::bundled_report_files()) named[p] = resources::require(p);
      if (store)
        for (const char* kind : {"keyfigures", "report"})
          for (auto& [p, text] : store->instruments().declarations(kind)) named[p] = std::move(text);
      for (auto& [p, text] : named) inputs.emplace_back(p, std::move(text));
    } else {
      for (const auto& f : files) inputs.emplace_back(f, read_file(f));
    }
    // Report files resolve against the key figures of their family: key-figure files go first.
    std::stable_sort(inputs.begin(), inputs.end(), [](const auto& a, const auto& b) {
      return (a.second.find("digipuls-keyfigures/1") != std::string::npos) >
             (b.second.find("digipuls-keyfigures/1") != std::string::npos);
    });
    std::map<std::string, stats::KeyFigureSet> families;
    bool errors = false;
    for (const auto& [name, text] : inputs) {
      Diagnostics diags;
      if (text.find("digipuls-report/1") != std::string::npos) {
        const stats::KeyFigureSet* kfs = nullptr;
        for (const auto& [fam, set] : families)
          if (text.find("keyfigures: " + fam) != std::string::npos) kfs = &set;
        if (!kfs)
          for (const auto& p : figures::bundled_keyfigure_files()) {
            auto res = stats::load_keyfigures(resources::require(p), p, ptrs, &history);
            if (res.set && text.find("keyfigures: " + res.set->family) != std::string::npos)
              kfs = &families.emplace(res.set->family, std::move(*res.set)).first->second;
          }
        diags = stats::load_report(text, name, kfs).diagnostics;
      } else {
        auto res = stats::load_keyfigures(text, name, ptrs, &history);
        diags = res.diagnostics;
        if (res.set) {
          // Coverage: what the versions it names ask that no key figure reads, and what they no longer ask.
          std::vector<const instrument::Instrument*> family;
          for (const auto* i : ptrs)
            if (std::find(res.set->instruments.begin(), res.set->instruments.end(), i->id) !=
                res.set->instruments.end())
              family.push_back(i);
          auto cov = stats::coverage_warnings(*res.set, family);
          diags.insert(diags.end(), cov.begin(), cov.end());
          families.emplace(res.set->family, std::move(*res.set));
        }
      }
      for (const auto& d : diags) std::cerr << d.str() << "\n";
      errors = errors || has_errors(diags);
      if (!has_errors(diags)) std::cerr << name << ": ok\n";
    }
    return errors ? 1 : 0;
  });
}

void register_report(Cli& cli) {
  auto* cmd = cli.root.add_subcommand("report", "Write every table of a campaign's report (HTML, XLSX or CSV)");
  static std::string db, campaign, format = "html", out, lang = "sv", profile;
  static int revision = 0;
  add_db_option(cmd, db);
  cmd->add_option("--campaign", campaign, "Campaign id or slug")->required();
  cmd->add_option("--format", format, "html, xlsx or csv")
      ->check(CLI::IsMember({"html", "xlsx", "csv"}))
      ->capture_default_str();
  cmd->add_option("--out", out, "Output folder (default: ./report-<campaign>)");
  cmd->add_option("--revision", revision, "Stored revision to report (default: the latest; computed now if none)");
  cmd->add_option(
      "--profile", profile,
      "Disclosure profile: the latest revision computed under it, else computed now under it (default: as stored)");
  cmd->add_option("--lang", lang, "sv or en")->check(CLI::IsMember({"sv", "en"}))->capture_default_str();
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto tables = report::build_report(*store, campaign, revision, profile, show_progress());
    std::string dir = out.empty() ? "report-" + tables.computed.data.campaign.slug : out;
    Lang l = parse_lang(lang);
    std::vector<std::string> files = format == "xlsx"  ? report::write_xlsx(tables, dir, l)
                                     : format == "csv" ? report::write_csv(tables, dir, l)
                                                       : report::write_html(tables, dir, l);
    for (const auto& f : files) std::cout << f << "\n";
    std::cerr << fmt::format("{} tables from {} ({} file(s) in {})\n", tables.tables.size(),
                             l == Lang::sv ? tables.source_sv : tables.source_en, files.size(), dir);
    return 0;
  });
}

void register_generate(Cli& cli) {
  auto* cmd =
      cli.root.add_subcommand("generate", "Fill a campaign with synthetic, plausible responses (replaces its answers)");
  static std::string db, campaign;
  static size_t orgs = 0;
  static uint64_t seed = 1;
  add_db_option(cmd, db);
  cmd->add_option("--campaign", campaign, "Campaign id or slug")->required();
  cmd->add_option("--orgs", orgs, "Number of organisations (beyond the registry: synthetic municipalities are added)");
  cmd->add_option("--seed", seed, "Random seed (the same seed gives the same answers)")->capture_default_str();
  cli.on_run(cmd, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto outcome = figures::generate_campaign(*store, {campaign, orgs, seed, show_progress()});
    std::cerr << fmt::format(
        "{}: {} organisations, {} responses submitted{}\n", campaign, outcome.organisations, outcome.respondents,
        outcome.created ? fmt::format(", {} synthetic municipalities added to the registry", outcome.created) : "");
    return 0;
  });
}

}  // namespace

void register_stats_commands(Cli& cli) {
  auto* grp = cli.root.add_subcommand("stats", "Key figures: compute, publish, inspect (docs/statistics.md)");
  grp->require_subcommand(1);
  register_compute(grp, cli);
  register_publish(grp, cli);
  register_disclosure_audit(grp, cli);
  register_runs(grp, cli);
  register_show(grp, cli);
  register_series(grp, cli);
  register_panel(grp, cli);
  register_freetext(grp, cli);
  register_history(grp, cli);
  register_check(grp, cli);
  register_stats_checks(grp, cli);
  register_report(cli);
  register_generate(cli);
}

}  // namespace dp::app
