#include "figures/campaign_data.h"

#include <algorithm>
#include <map>

#include "core/error.h"
#include "instrument/load.h"
#include "stats/response_input.h"
#include "storage/instrument_store.h"
#include "storage/registry_store.h"
#include "storage/response_store.h"

namespace dp::figures {

storage::Campaign find_campaign(storage::Store& store, const std::string& id_or_slug) {
  auto c = store.campaigns().find(id_or_slug);
  if (!c) throw Error::not_found("no campaign '" + id_or_slug + "' (see `digipuls campaigns list`)");
  return *c;
}

instrument::Instrument campaign_instrument(storage::Store& store, const storage::Campaign& c) {
  auto src = store.instruments().source(c.instrument_id);
  if (!src) throw Error::not_found("instrument '" + c.instrument_id + "' is not in the database");
  return instrument::load_or_throw(*src, c.instrument_id + ".yaml");
}

std::vector<stats::OrgRecord> campaign_orgs(storage::Store& store, const storage::Campaign& c) {
  auto scheme = store.registry().size_groups();
  std::map<std::string, storage::CampaignOrg> scope;
  for (auto& o : store.campaigns().scope(c.id)) scope.emplace(o.org_code, o);
  std::vector<stats::OrgRecord> out;
  for (auto& o : store.registry().list(c.year, c.population_year, scheme)) {
    if (scope.empty() ? !o.active : !scope.count(o.code)) continue;
    stats::OrgRecord r;
    r.code = o.code;
    r.name = o.name;
    r.kind = o.kind;
    r.county_code = o.county_code;
    r.county_name = o.county_name;
    r.size_group = o.size_group;
    for (size_t k = 0; k < scheme.groups.size(); ++k)
      if (scheme.groups[k].id == o.size_group) {
        r.size_group_label = scheme.groups[k].label;
        r.size_group_rank = (int)k;
      }
    r.skr_group = o.skr_group_code;
    r.skr_group_name = o.skr_group_name;
    if (o.population) r.population = (double)*o.population;
    r.attributes = o.attributes;
    auto s = scope.find(o.code);
    if (s != scope.end())
      for (const auto& [k, v] : s->second.attributes) r.attributes[k] = v;
    out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  return out;
}

CampaignData load_campaign_data(storage::Store& store, const std::string& id_or_slug, const Progress& progress) {
  CampaignData d;
  d.campaign = find_campaign(store, id_or_slug);
  d.instrument = campaign_instrument(store, d.campaign);
  d.orgs = campaign_orgs(store, d.campaign);
  d.input.add(d.campaign.instrument_id);
  for (const auto& o : d.orgs) {
    std::string facts = o.code + "|" + o.county_code + "|" + o.size_group + "|" + o.skr_group;
    for (const auto& [k, v] : o.attributes) facts += "|" + k + "=" + v;
    d.input.add(facts);
  }
  d.outside_routing = store.responses().outside_routing(d.campaign.id);
  static const std::set<std::string> kNone;
  stats::DatasetBuilder b(d.instrument, d.orgs);
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < d.orgs.size(); ++i) index.emplace(d.orgs[i].code, i);
  std::string current;
  ResponseStatus current_status = ResponseStatus::NotStarted;
  instrument::Answers answers;
  size_t done = 0, total = d.orgs.size();
  auto flush = [&] {
    if (current.empty()) return;
    auto it = index.find(current);
    if (it == index.end()) {
      ++d.ignored;
    } else if (current_status == ResponseStatus::Submitted || current_status == ResponseStatus::Reopened) {
      auto kept = d.outside_routing.find(current);
      stats::add_response(b, d.instrument, it->second, answers,
                          stats::org_attributes_of(d.orgs[it->second], d.instrument),
                          kept == d.outside_routing.end() ? kNone : kept->second);
      ++d.responses;
      d.respondent_answers.emplace(current, std::move(answers));
    }
    answers.clear();
    if (progress) progress("reading answers", ++done, total);
  };
  store.responses().for_each_answer(d.campaign.id, [&](const std::string& org, ResponseStatus status,
                                                       const std::string& item, const instrument::Value& v) {
    if (org != current) {
      flush();
      current = org;
      current_status = status;
    }
    answers[item] = v;
    // A kept answer counts where the same answer unflagged would not: the flag is input too.
    auto kept = d.outside_routing.find(org);
    bool flagged = kept != d.outside_routing.end() && kept->second.count(item);
    d.input.add(org + "|" + to_string(status) + "|" + item + "|" + v.to_json_string() +
                (flagged ? "|outside_routing" : ""));
  });
  flush();
  // Submitted responses without any answer still count as respondents.
  for (const auto& r : store.responses().list(d.campaign.id)) {
    if (r.status != ResponseStatus::Submitted && r.status != ResponseStatus::Reopened) continue;
    auto it = index.find(r.org_code);
    if (it == index.end()) continue;
    d.input.add(r.org_code + "|" + to_string(r.status));
    if (!b.view().responded.test(it->second)) {
      b.set_responded(it->second);
      ++d.responses;
    }
  }
  if (progress) progress("reading answers", total, total);
  d.dataset = b.finish();
  d.dataset.year = d.campaign.year;
  return d;
}

}  // namespace dp::figures
