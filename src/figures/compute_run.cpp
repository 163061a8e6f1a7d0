#include "figures/compute_run.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "figures/earlier_figures.h"
#include "instrument/visibility.h"
#include "stats/response_input.h"
#include "storage/response_store.h"

namespace dp::figures {

stats::DisclosureProfile campaign_profile(const CampaignData& data, const Declarations& decl,
                                          const std::string& profile_id) {
  std::string pid = profile_id;
  if (pid.empty() && data.campaign.settings.contains("disclosure_profile") &&
      data.campaign.settings["disclosure_profile"].is_string())
    pid = data.campaign.settings["disclosure_profile"].get<std::string>();
  if (pid.empty()) pid = decl.profiles.default_id;
  const auto* p = decl.profiles.find(pid);
  if (!p) {
    std::string known;
    for (const auto& x : decl.profiles.profiles) known += (known.empty() ? "" : ", ") + x.id;
    throw Error::bad_input(fmt::format("unknown disclosure profile '{}' (known: {})", pid, known),
                           Location{"", 0, 0, "profile"});
  }
  return *p;
}

std::string input_hash(const CampaignData& data, const Declarations& decl, const stats::DisclosureProfile& profile) {
  std::string profile_key = profile.id + "|" + std::to_string(profile.min_n) + "|" + join(profile.breakdowns, ",") +
                            (profile.organisations ? "|organisations" : "") + "|" +
                            std::to_string(profile.protection_width) + "|" + std::to_string(profile.protection_percent);
  InputDigest digest = data.input;
  digest.add("keyfigures|" + decl.keyfigures_text);
  digest.add("profile|" + profile_key);
  return digest.hex();
}

Computed compute_in_memory(storage::Store& store, const std::string& campaign, const std::string& profile_id,
                           const Progress& progress, bool plan) {
  Computed c;
  c.data = load_campaign_data(store, campaign, progress);
  c.declarations = load_declarations(store, c.data.instrument);
  c.profile = campaign_profile(c.data, c.declarations, profile_id);
  stats::ComputeOptions opts;
  opts.breakdowns = c.profile.breakdowns;
  opts.organisations = c.profile.organisations;
  if (progress) opts.progress = [&](size_t d, size_t t) { progress("computing key figures", d, t); };
  c.results = stats::compute(c.declarations.keyfigures, c.data.dataset, opts);
  c.suppression = stats::suppress(c.results, c.data.dataset, c.profile);
  if (plan) {
    if (progress) progress("auditing disclosure", 0, 1);
    c.plan = stats::plan_secondary(c.results, c.data.dataset, c.profile,
                                   earlier_published(store, c.data.campaign.id, 0, c.results));
    if (progress) progress("auditing disclosure", 1, 1);
  }
  c.input_hash = input_hash(c.data, c.declarations, c.profile);
  return c;
}

bool publishes_organisation_answers(const stats::DisclosureProfile& profile) {
  return profile.organisations && profile.min_n <= 1;
}

namespace {
// The respondents' answers as the revision counts them: only items the instrument shows them, and
// answers kept outside the routing.
std::map<std::string, instrument::Answers> counted_answers(const CampaignData& d) {
  std::map<std::string, instrument::Answers> out;
  size_t i = 0;
  for (const auto& [code, answers] : d.respondent_answers) {
    while (i < d.orgs.size() && d.orgs[i].code < code) ++i;  // both ordered by code
    if (i == d.orgs.size() || d.orgs[i].code != code) continue;
    instrument::Visibility vis(d.instrument, answers, stats::org_attributes_of(d.orgs[i], d.instrument));
    auto counted = vis.effective(answers);
    if (auto kept = d.outside_routing.find(code); kept != d.outside_routing.end())
      for (const auto& item : kept->second)
        if (auto a = answers.find(item); a != answers.end()) counted.insert(*a);
    out.emplace(code, std::move(counted));
  }
  return out;
}
}  // namespace

std::vector<Figure> keyed_figures(const stats::Results& r, int year) {
  std::vector<Figure> out;
  out.reserve(r.cells.size() * r.group_count());
  for (const auto& c : r.cells) {
    size_t flat = 0;
    for (const auto& b : r.breakdowns)
      for (const auto& g : b.groups) {
        Figure f;
        static_cast<FigureValue&>(f) = c.figures[flat++];
        f.key = {c.keyfigure->id, c.cell->id, b.id, g.code, year};
        out.push_back(std::move(f));
      }
  }
  return out;
}

ComputeOutcome compute_campaign(storage::Store& store, const ComputeRequest& req) {
  Computed c = compute_in_memory(store, req.campaign, req.profile, req.progress);
  ComputeOutcome out;
  out.respondents = c.data.responses;
  out.approached = c.data.orgs.size();
  out.suppression = c.suppression;
  out.plan = c.plan;
  auto& stats = store.stats();
  auto latest = stats.run(c.data.campaign.id, 0);
  bool keep_answers = publishes_organisation_answers(c.profile);
  if (latest && latest->input_hash == c.input_hash) {
    out.run = *latest;
    // A revision stored before answers were kept with revisions gets them now: the input is the same.
    if (keep_answers) store.responses().keep_revision_answers(latest->id, counted_answers(c.data));
    return out;
  }
  // Published or scheduled: either way the public will see it, so a new revision says why.
  std::optional<storage::StatRun> published;
  for (const auto& r : stats.runs(c.data.campaign.id))
    if (!r.published_at.empty()) published = r;
  if (published && req.note.empty())
    throw Error::bad_input(
        fmt::format("revision {} of {} is published; the figures have changed, so this computation will be "
                    "revision {}: say what was corrected with --note",
                    published->revision, c.data.campaign.slug, latest ? latest->revision + 1 : 1),
        Location{"", 0, 0, "note"});
  storage::StatRun run;
  run.campaign_id = c.data.campaign.id;
  run.note = req.note.empty() ? (latest ? "recomputed" : "first computation") : req.note;
  run.profile = c.profile.id;
  run.input_hash = c.input_hash;
  nlohmann::json summary = {{"approached", out.approached},
                            {"respondents", out.respondents},
                            {"profile", c.profile.id},
                            {"min_n", c.profile.min_n},
                            {"suppressed_cells", c.suppression.cells + c.plan.added},
                            {"primary", c.suppression.primary},
                            {"secondary", c.suppression.secondary},
                            {"planned", c.plan.added},
                            {"audit",
                             {{"withheld", c.plan.audit.withheld},
                              {"disclosed", c.plan.audit.disclosed.size()},
                              {"unaudited", c.plan.audit.unaudited},
                              {"split_units", c.plan.audit.split_units},
                              {"passed", c.plan.audit.passed()}}},
                            {"ignored_answers", c.data.ignored}};
  run.summary = summary.dump();
  if (req.progress) req.progress("storing", 0, 1);
  store.write_transaction([&] {
    out.run = stats.add_run(run, keyed_figures(c.results, c.data.campaign.year));
    if (keep_answers) store.responses().keep_revision_answers(out.run.id, counted_answers(c.data));
  });
  if (req.progress) req.progress("storing", 1, 1);
  out.stored = true;
  return out;
}

std::optional<storage::StatRun> choose_run(storage::Store& store, const storage::Campaign& campaign, int revision,
                                           const std::string& profile) {
  std::optional<storage::StatRun> run;
  if (revision > 0) {
    run = store.stats().run(campaign.id, revision);
    if (!run) throw Error::not_found(fmt::format("campaign {} has no revision {}", campaign.slug, revision));
    if (!profile.empty() && run->profile != profile)
      throw Error::bad_input(fmt::format("revision {} of {} was computed under the disclosure profile '{}', not '{}'",
                                         revision, campaign.slug, run->profile, profile),
                             Location{"", 0, 0, "profile"});
  } else if (!profile.empty()) {
    for (auto& r : store.stats().runs(campaign.id))
      if (r.profile == profile) run = r;
  } else {
    run = store.stats().run(campaign.id, 0);
  }
  return run;
}

}  // namespace dp::figures
