#include "report/report_build.h"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>

#include "core/error.h"
#include "core/ui_text.h"
#include "stats/lineage.h"
#include "stats/rounding.h"
#include "storage/instrument_store.h"
#include "storage/stats_store.h"

namespace dp::report {

namespace {

std::string key(const std::string& kf, const std::string& cell, const std::string& b, const std::string& g) {
  return kf + "|" + cell + "|" + b + "|" + g;
}

// Fills {name} and {K51:svar.count} placeholders.
std::string fill(const std::string& text, const std::map<std::string, std::string>& facts,
                 const std::function<std::string(const std::string&)>& figure) {
  static const std::regex re(R"(\{([A-Za-z0-9_:.\-]+)\})");
  std::string out;
  size_t last = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    out += text.substr(last, (size_t)it->position() - last);
    std::string name = (*it)[1].str();
    auto f = facts.find(name);
    if (f != facts.end()) out += f->second;
    else if (name.find(':') != std::string::npos) out += figure(name);
    else out += (*it)[0].str();
    last = (size_t)(it->position() + it->length());
  }
  return out + text.substr(last);
}

// What disclosure control the shown figures had: the profile the revision applied and the result
// of its audit, from the revision's summary (docs/statistics.md, "The audit").
std::string suppression_fact(const figures::Computed& c, const std::optional<storage::StatRun>& run) {
  const stats::DisclosureProfile& p = c.profile;
  // The quality declaration is written in Swedish; its facts follow it.
  auto sv = [](const char* key, const std::map<std::string, std::string>& values = {}) {
    return ui::text(std::string("report_words.") + key, Lang::sv, values);
  };
  if (p.min_n <= 0) return sv("no_suppression", {{"profile", p.id}});
  std::string text = sv("suppression", {{"profile", p.id}, {"min_n", std::to_string(p.min_n)}});
  nlohmann::json summary = nlohmann::json::object();
  if (run) summary = nlohmann::json::parse(run->summary, nullptr, false);
  const nlohmann::json* audit = summary.is_object() && summary.contains("audit") ? &summary["audit"] : nullptr;
  if (!run) {
    text += sv("suppressed_cells",
               {{"cells", std::to_string(c.suppression.cells + c.plan.added)},
                {"audit", c.plan.audit.passed()
                              ? sv("audit_passed_now")
                              : sv("audit_failed", {{"disclosed", std::to_string(c.plan.audit.disclosed.size())}})}});
  } else if (audit && audit->is_object()) {
    text += sv("suppressed_cells",
               {{"cells", std::to_string(summary.value("suppressed_cells", 0))},
                {"audit", audit->value("passed", false)
                              ? sv("audit_passed", {{"withheld", std::to_string(audit->value("withheld", 0))}})
                              : sv("audit_failed", {{"disclosed", std::to_string(audit->value("disclosed", 0))}})}});
  } else {
    text += sv("not_audited");
  }
  return text;
}

}  // namespace

ReportTables build_report(storage::Store& store, const std::string& campaign, int revision, const std::string& profile,
                          const figures::Progress& progress, const OtherYears& other_years) {
  ReportTables out;
  figures::Computed& c = out.computed;
  // The campaign year's figures: a stored revision (the one asked for, else the latest computed
  // under the profile asked for, else the latest), or a computation made now under the profile.
  auto run = figures::choose_run(store, figures::find_campaign(store, campaign), revision, profile);
  // Groups, the quality declaration and the symbols follow the profile of what is shown. A stored
  // revision's figures replace the computed ones, so its pattern needs no planning again (planning
  // takes a minute under a strict profile: the site builds a report on its first request).
  c = run ? figures::compute_in_memory(store, campaign, run->profile, progress, /*plan=*/false)
          : figures::compute_in_memory(store, campaign, profile, progress);
  if (!c.declarations.report)
    throw Error::not_found(
        fmt::format("no report tables are declared for {} (instruments/*.report.yaml)", c.data.instrument.id));
  c.declarations.report = c.declarations.report->with_symbols_for(c.profile.id);
  const auto& spec = *c.declarations.report;
  const auto& kfs = c.declarations.keyfigures;
  int year = c.data.campaign.year;

  std::map<std::string, Figure> stored;
  if (run) {
    out.revision = run->revision;
    for (auto& v : store.stats().values(run->id))
      stored.emplace(key(v.key.keyfigure, v.key.cell, v.key.breakdown, v.key.group), v);
    std::map<std::string, std::string> values{
        {"revision", std::to_string(run->revision)}, {"computed_at", run->computed_at}, {"profile", run->profile}};
    out.source_sv = ui::text("report_words.revision", Lang::sv, values);
    out.source_en = ui::text("report_words.revision", Lang::en, values);
  } else {
    out.source_sv = ui::text("report_words.computed_now", Lang::sv, {{"profile", c.profile.id}});
    out.source_en = ui::text("report_words.computed_now", Lang::en, {{"profile", c.profile.id}});
  }
  // Other years: each campaign's chosen revision, else history.
  std::map<std::string, Figure> points;
  for (auto& p : store.stats().all_points(other_years.published_only, other_years.as_of)) {
    std::string k = key(p.key.keyfigure, p.key.cell, p.key.breakdown, p.key.group) + "|" + std::to_string(p.key.year);
    auto it = points.find(k);
    if (it == points.end() || (it->second.origin == FigureOrigin::History && p.origin == FigureOrigin::Computed))
      points[k] = std::move(p);
  }

  stats::BuildContext ctx;
  ctx.keyfigures = &kfs;
  ctx.year = year;
  ctx.groups = [&](const std::string& b) {
    const stats::Breakdown* bd = c.results.breakdown(b);
    return bd ? bd->groups : std::vector<stats::Group>{};
  };
  ctx.lookup = [&](const std::string& kf, const std::string& cell, const std::string& b, const std::string& g, int y) {
    Figure none;  // nothing known: not available, at the cell's precision
    none.marker = Marker::NotAvailable;
    const stats::KeyFigure* k = kfs.find(kf);
    const stats::Cell* decl = k ? k->cell(cell) : nullptr;
    if (!decl) return none;
    none.decimals = decl->decimals;
    bool external = decl->external || !decl->asked;
    if (y == year && !external) {
      if (run) {
        auto it = stored.find(key(kf, cell, b, g));
        return it != stored.end() ? it->second : none;
      }
      const FigureValue* f = c.results.find(kf, cell, b, g);
      if (!f) return none;
      Figure now;
      static_cast<FigureValue&>(now) = *f;
      return now;
    }
    // Other years as stored; a History value keeps the precision it was published with.
    auto it = points.find(key(kf, cell, b, g) + "|" + std::to_string(y));
    if (it != points.end()) return it->second;
    // A cell never asked stays «not asked» in every year without a published value.
    if (!decl->asked) none.marker = Marker::NotAsked;
    return none;
  };

  size_t done = 0;
  for (const auto& t : spec.tables) {
    auto built = stats::build_table(t, ctx);
    if (!built.problems.empty()) throw Error::internal("report table " + t.id + ": " + built.problems.front());
    // Series breaks inside the years a table shows become notes.
    std::set<std::string> kf_ids;
    if (!t.keyfigure.empty()) kf_ids.insert(t.keyfigure);
    std::function<void(const std::vector<stats::AxisEntry>&)> walk = [&](const std::vector<stats::AxisEntry>& es) {
      for (const auto& e : es) {
        if (e.keyfigure) kf_ids.insert(*e.keyfigure);
        walk(e.within);
      }
    };
    walk(t.rows);
    walk(t.columns);
    int min_year = year;
    std::function<void(const std::vector<stats::AxisEntry>&)> years = [&](const std::vector<stats::AxisEntry>& es) {
      for (const auto& e : es) {
        for (int y : e.years) min_year = std::min(min_year, y <= 0 ? year + y : y);
        if (e.year) min_year = std::min(min_year, *e.year <= 0 ? year + *e.year : *e.year);
        years(e.within);
      }
    };
    years(t.columns);
    years(t.rows);
    for (const auto& id : kf_ids) {
      const stats::KeyFigure* kf = kfs.find(id);
      if (!kf) continue;
      std::set<std::string> seen;
      for (const auto& br : stats::series_breaks(*kf, c.declarations.family_ptrs())) {
        if (br.year <= min_year || br.year > year) continue;
        std::string text = fmt::format("{}", br.note.sv);
        if (!seen.insert(text).second) continue;
        built.notes.push_back(I18n{fmt::format("Serien bryts {}: {}", br.year, br.note.sv),
                                   fmt::format("Series break in {}: {}", br.year, br.note.get(Lang::en))});
      }
    }
    out.tables.push_back(std::move(built));
    if (progress) progress("building tables", ++done, spec.tables.size());
  }

  // Bilaga 3: facts of the run.
  std::map<std::string, std::string> facts;
  const auto& camp = c.data.campaign;
  facts["year"] = std::to_string(year);
  facts["population_year"] = std::to_string(camp.population_year);
  facts["instrument"] = c.data.instrument.id;
  facts["instrument_title"] = c.data.instrument.title.sv;
  facts["reference_period"] =
      c.data.instrument.reference_period.empty() ? std::to_string(year - 1) : c.data.instrument.reference_period;
  facts["opens_on"] = camp.opens_on.empty() ? ".." : camp.opens_on;
  facts["closes_on"] = camp.closes_on.empty() ? ".." : camp.closes_on;
  facts["reminders"] =
      camp.reminder_dates.empty() ? ui::text("report_words.no_reminders", Lang::sv) : join(camp.reminder_dates, ", ");
  facts["revision"] = out.revision ? std::to_string(out.revision) : "–";
  facts["computed_at"] = run ? run->computed_at : ui::text("report_words.now", Lang::sv);
  facts["revision_note"] = run ? run->note : ui::text("report_words.not_stored", Lang::sv);
  size_t questions = c.data.instrument.questions().size();
  facts["questions"] = std::to_string(questions);
  facts["items"] = std::to_string(c.data.dataset.items.size());
  // A stored revision's non-response is the one it counted (its summary), not today's.
  size_t approached = c.data.orgs.size(), respondents = c.data.responses;
  if (run) {
    auto summary = nlohmann::json::parse(run->summary, nullptr, false);
    if (summary.is_object() && summary.value("approached", -1) >= 0 && summary.value("respondents", -1) >= 0) {
      approached = summary["approached"].get<size_t>();
      respondents = summary["respondents"].get<size_t>();
    }
  }
  facts["nonresponse"] = ui::text("report_words.nonresponse", Lang::sv,
                                  {{"missing", std::to_string(approached - std::min(respondents, approached))},
                                   {"total", std::to_string(approached)}});
  facts["suppression"] = suppression_fact(c, run ? std::optional<storage::StatRun>(*run) : std::nullopt);
  std::string sizes;
  if (const auto* b = c.results.breakdown("size_group"))
    for (const auto& g : b->groups) sizes += (sizes.empty() ? "" : ", ") + g.label.sv;
  facts["size_groups"] = sizes;
  // Errata of the questionnaire (corrections of its wording while it was in use), for the notes.
  // The analyst's note is in one language, so both languages list the same errata.
  std::string errata;
  for (const auto& e : store.instruments().errata(c.data.instrument.id))
    errata +=
        (errata.empty() ? "" : "; ") + fmt::format("{} ({}): {}", e.recorded_at.substr(0, 10), e.places(), e.note);
  facts["errata_sv"] = errata.empty() ? ui::text("report_words.no_errata", Lang::sv) : errata;
  facts["errata_en"] = errata.empty() ? ui::text("report_words.no_errata", Lang::en) : errata;
  facts["history_source"] = ui::text("report_words.history_source", Lang::sv);
  auto figure = [&](const std::string& ref) {
    // "K51:svar.count": national, this year; stat count | n | value.
    auto colon = ref.find(':'), dot = ref.rfind('.');
    if (colon == std::string::npos || dot == std::string::npos || dot < colon) return std::string("..");
    std::string kf = ref.substr(0, colon), cell = ref.substr(colon + 1, dot - colon - 1), stat = ref.substr(dot + 1);
    auto v = ctx.lookup(kf, cell, "national", "total", year);
    if (stat == "n") return v.n ? std::to_string(*v.n) : std::string("..");
    if (stat == "count") return v.count ? std::to_string(*v.count) : std::string("..");
    if (!v.value) return std::string("..");
    if (v.count && v.n && *v.n > 0)
      return format_number(stats::round_share(*v.count, *v.n, v.decimals), v.decimals, Lang::sv);
    return format_number(stats::round_half_up(*v.value, v.decimals), v.decimals, Lang::sv);
  };
  for (const auto& q : spec.quality) {
    out.quality_sv.push_back({q.level, fill(stats::expand_years(q.heading.sv, year), facts, figure),
                              fill(stats::expand_years(q.text.sv, year), facts, figure)});
    out.quality_en.push_back({q.level, fill(stats::expand_years(q.heading.get(Lang::en), year), facts, figure),
                              fill(stats::expand_years(q.text.get(Lang::en), year), facts, figure)});
  }
  return out;
}

}  // namespace dp::report
