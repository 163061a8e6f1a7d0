#include "figures/generate.h"

#include <fmt/format.h>
#include <set>

#include "core/error.h"
#include "figures/declarations.h"
#include "instrument/answer_check.h"
#include "stats/response_input.h"
#include "stats/synthetic.h"
#include "storage/campaign_store.h"
#include "storage/registry_store.h"
#include "storage/response_store.h"

namespace dp::figures {

GenerateOutcome generate_campaign(storage::Store& store, const GenerateRequest& req) {
  GenerateOutcome out;
  auto campaign = find_campaign(store, req.campaign);
  auto in = campaign_instrument(store, campaign);
  auto orgs = campaign_orgs(store, campaign);
  if (orgs.empty()) throw Error::bad_input("campaign '" + campaign.slug + "' has no organisations in scope");
  auto decl = load_declarations(store, in);
  size_t n = req.orgs ? req.orgs : orgs.size();
  std::vector<stats::OrgRecord> chosen = stats::synthetic_orgs(orgs, n, req.seed);
  auto history = stats::map_history(decl.keyfigures, decl.history);
  auto marginals = stats::marginals_from_history(decl.keyfigures, history, campaign.year);
  stats::SyntheticOptions opts;
  opts.seed = req.seed;
  // Later rounds answer a little more positively than 2021, as the series do.
  opts.maturity_drift = 0.15 * (campaign.year - 2021);
  if (req.progress) req.progress("generating answers", 0, 1);
  stats::Dataset ds = stats::generate_dataset(in, chosen, marginals, opts);
  if (req.progress) req.progress("generating answers", 1, 1);

  store.write_transaction([&] {
    // Synthetic organisations join the registry (kind municipality) and the campaign's scope.
    std::set<std::string> known;
    for (const auto& o : orgs) known.insert(o.code);
    auto scope = store.campaigns().scope(campaign.id);
    bool scoped = !scope.empty();
    for (const auto& o : chosen) {
      if (known.count(o.code)) continue;
      registry::ImportRecord r;
      r.year = campaign.year;
      r.code = o.code;
      r.kind = "municipality";
      r.name = o.name;
      r.county_code = o.county_code;
      r.skr_group_code = o.skr_group;
      r.skr_group_name = o.skr_group_name;
      r.active = true;
      r.attributes = o.attributes;
      store.registry().apply(r);
      registry::ImportRecord p;
      p.year = campaign.population_year;
      p.code = o.code;
      p.population = (long long)o.population.value_or(10000);
      store.registry().apply(p);
      if (scoped)
        scope.push_back(
            {o.code,
             o.attributes.count("stimulus_requisitioned") && o.attributes.at("stimulus_requisitioned") == "true",
             {}});
      ++out.created;
    }
    if (scoped && out.created) store.campaigns().set_scope(campaign.id, scope);
    std::string note = fmt::format("synthetic data (digipuls generate, seed {})", req.seed);
    for (size_t i = 0; i < chosen.size(); ++i) {
      auto resp = store.responses().get_or_create(campaign.id, chosen[i].code);
      if (ds.responded.test(i)) {
        auto answers = stats::answers_of(ds, in, i);
        auto problems = instrument::check_answers(in, answers, stats::org_attributes_of(chosen[i], in),
                                                  instrument::CheckMode::Import);
        if (!problems.empty())
          throw Error::internal(fmt::format("generated answers for {} break the instrument: {}: {}", chosen[i].code,
                                            problems[0].item, problems[0].message));
        store.responses().replace(resp.id, answers, ResponseStatus::Submitted, 0, "generate", note);
        ++out.respondents;
      } else {
        store.responses().replace(resp.id, {}, ResponseStatus::NotStarted, 0, "generate", note);
      }
      if (req.progress) req.progress("writing responses", i + 1, chosen.size());
    }
    // Organisations beyond --orgs keep no generated answers.
    for (size_t i = chosen.size(); i < orgs.size(); ++i) {
      auto resp = store.responses().get_or_create(campaign.id, orgs[i].code);
      store.responses().replace(resp.id, {}, ResponseStatus::NotStarted, 0, "generate", note);
    }
  });
  out.organisations = chosen.size();
  return out;
}

}  // namespace dp::figures
