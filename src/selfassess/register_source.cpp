#include "selfassess/register_source.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>

#include "core/resources.h"
#include "figures/declarations.h"
#include "selfassess/context.h"
#include "stats/compute.h"
#include "stats/dataset.h"
#include "stats/keyfigures_load.h"
#include "stats/response_input.h"
#include "storage/campaign_store.h"
#include "storage/response_store.h"

namespace dp::selfassess {

namespace {

// The national survey's key figures with the survey instruments they read (parsed once).
struct SurveyFigures {
  std::vector<std::unique_ptr<instrument::Instrument>> instruments;
  stats::KeyFigureSet set;
};

// The national survey's instruments and key figures as bundled with the program (the same files
// `digipuls init` stores), parsed once.
const SurveyFigures* survey_figures() {
  static std::mutex mu;
  static std::unique_ptr<SurveyFigures> cached;
  std::lock_guard lock(mu);
  if (cached) return cached.get();
  const char* file = "instruments/ehalsa.keyfigures.yaml";
  auto text = resources::get(file);
  if (!text) return nullptr;
  auto sf = std::make_unique<SurveyFigures>();
  std::vector<const instrument::Instrument*> ins;
  auto named = stats::keyfigure_instruments(*text, file);  // the versions the file is written for
  for (auto& in : figures::bundled_instruments())
    if (std::find(named.begin(), named.end(), in.id) != named.end()) {
      sf->instruments.push_back(std::make_unique<instrument::Instrument>(std::move(in)));
      ins.push_back(sf->instruments.back().get());
    }
  sf->set = stats::load_keyfigures_or_throw(*text, file, ins, nullptr);
  cached = std::move(sf);
  return cached.get();
}

}  // namespace

std::optional<RegisterValue> register_value(storage::Store& store, const std::string& org_code, int year,
                                            const std::string& reference) {
  auto colon = reference.find(':');
  if (colon == std::string::npos) return std::nullopt;
  RegisterValue rv;
  rv.keyfigure = reference.substr(0, colon);
  rv.cell = reference.substr(colon + 1);
  const SurveyFigures* sf = survey_figures();
  if (!sf) return std::nullopt;
  const stats::KeyFigure* kf = nullptr;
  for (const auto& k : sf->set.keyfigures)
    if (k.id == rv.keyfigure) kf = &k;
  if (!kf || !kf->cell(rv.cell)) return std::nullopt;

  // The newest campaign of the family, up to the assessment year, with a submitted response.
  std::vector<storage::Campaign> campaigns = store.campaigns().list();
  std::sort(campaigns.begin(), campaigns.end(), [](const auto& a, const auto& b) { return a.year > b.year; });
  for (const auto& c : campaigns) {
    if (c.year > year) continue;
    const instrument::Instrument* in = nullptr;
    for (const auto& i : sf->instruments)
      if (i->id == c.instrument_id) in = i.get();
    if (!in) continue;
    std::optional<storage::Response> resp;
    for (const auto& r : store.responses().list(c.id))
      if (r.org_code == org_code && r.status == ResponseStatus::Submitted) resp = r;
    if (!resp) continue;

    auto reg = organisation(store, org_code, c.year);
    stats::OrgRecord o;
    o.code = org_code;
    if (reg) {
      o.name = reg->name;
      o.county_code = reg->county_code;
      o.county_name = reg->county_name;
      o.size_group = reg->size_group;
      o.attributes = reg->attributes;
      if (reg->population) o.population = static_cast<double>(*reg->population);
    }
    for (const auto& scope : store.campaigns().scope(c.id))
      if (scope.org_code == org_code)
        for (const auto& [k, v] : scope.attributes) o.attributes[k] = v;
    std::vector<stats::OrgRecord> orgs{o};
    stats::DatasetBuilder b(*in, orgs);
    instrument::Answers answers;
    for (const auto& a : store.responses().answers(resp->id)) answers[a.item] = a.value;
    stats::add_response(b, *in, 0, answers, stats::org_attributes_of(o, *in));
    stats::Dataset ds = b.finish();
    ds.instrument_id = in->id;
    ds.year = c.year;
    stats::ComputeOptions opts;
    opts.breakdowns = {"national"};
    auto results = stats::compute(sf->set, ds, opts);
    const auto* f = results.find(rv.keyfigure, rv.cell, "national", "total");
    if (!f || !f->value) return std::nullopt;  // not asked of this organisation, or no answer
    rv.value = *f->value;
    rv.campaign = c.title;
    rv.year = c.year;
    return rv;
  }
  return std::nullopt;
}

}  // namespace dp::selfassess
