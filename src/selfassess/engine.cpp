#include "selfassess/engine.h"

#include <cstdint>
#include <map>
#include <mutex>

#include "core/error.h"
#include "core/resources.h"
#include "core/yaml_reader.h"
#include "selfassess/context.h"
#include "stats/dataset.h"
#include "stats/keyfigures_load.h"
#include "stats/response_input.h"
#include "storage/instrument_store.h"
#include "storage/registry_store.h"
#include "storage/selfassess_store.h"

namespace dp::selfassess {

namespace {

const char* kKeyFigures = "instruments/mognad.keyfigures.yaml";

// The instrument family the maturity key figures are declared over (their file's `family`), so
// that the family's name is data, not code.
const std::string& maturity_family() {
  static const std::string family = [] {
    YAML::Node root = yaml::parse_or_throw(resources::require(kKeyFigures), kKeyFigures);
    if (!root["family"] || !root["family"].IsScalar())
      throw Error::bad_input(std::string(kKeyFigures) + ": the key figure file names no 'family'");
    return root["family"].as<std::string>();
  }();
  return family;
}

// The key figures over the maturity instruments this store holds: parsed once per set of
// instruments (load_instrument keeps each parsed text, so the same instruments are the same
// objects), never shared between stores that hold different ones.
const stats::KeyFigureSet& keyfigures(storage::Store& store) {
  std::vector<std::shared_ptr<const instrument::Instrument>> keep;
  std::vector<const instrument::Instrument*> ins;
  std::string key;
  for (const auto& info : store.instruments().list())
    if (info.family == maturity_family()) {
      keep.push_back(load_instrument(store, info.id));
      ins.push_back(keep.back().get());
      key += info.id + "@" + std::to_string(reinterpret_cast<uintptr_t>(ins.back())) + "|";
    }
  static std::mutex mu;
  static std::map<std::string, std::pair<std::vector<std::shared_ptr<const instrument::Instrument>>,
                                         std::unique_ptr<stats::KeyFigureSet>>>
      sets;
  std::lock_guard lock(mu);
  auto& entry = sets[key];
  if (!entry.second) {
    entry.first = keep;  // the set points into these instruments
    entry.second = std::make_unique<stats::KeyFigureSet>(
        stats::load_keyfigures_or_throw(resources::require(kKeyFigures), kKeyFigures, ins, nullptr));
  }
  return *entry.second;
}

}  // namespace

const stats::DisclosureProfile& disclosure_profile() {
  static const stats::ProfileSet profiles =
      stats::parse_profiles(resources::require("instruments/disclosure.yaml"), "instruments/disclosure.yaml");
  const auto* p = profiles.find(profiles.default_id);
  if (!p) throw Error::internal("instruments/disclosure.yaml: no default profile");
  return *p;
}

const EngineGroup* EngineRun::group(const std::string& breakdown, const std::string& code) const {
  for (const auto& g : groups)
    if (g.breakdown == breakdown && g.code == code) return &g;
  return nullptr;
}

GroupProfile scores_of(const EngineRun& run, const std::vector<Member>& members, const EngineGroup& g) {
  if (g.suppressed) {
    GroupProfile hidden;
    hidden.kind = g.breakdown;
    hidden.id = g.code;
    hidden.n = static_cast<int>(g.n);
    return hidden;
  }
  return group(members, g.breakdown, g.code, run.min_n);
}

EngineRun run_engine(storage::Store& store, const std::string& instrument_id, const std::vector<Member>& members) {
  auto in = load_instrument(store, instrument_id);
  const auto& profile = disclosure_profile();
  if (members.empty()) {
    EngineRun empty;
    empty.instrument_id = instrument_id;
    empty.profile_id = profile.id;
    empty.min_n = profile.min_n;
    return empty;
  }
  auto scheme = store.registry().size_groups();

  std::vector<stats::OrgRecord> orgs;
  for (const auto& m : members) {
    stats::OrgRecord o;
    o.code = m.assessment.org_code;
    auto reg = organisation(store, o.code, m.assessment.year);
    o.name = reg ? reg->name : o.code;
    o.county_code = m.county_code;
    o.county_name = m.county_name;
    o.size_group = m.size_group;
    for (size_t r = 0; r < scheme.groups.size(); ++r)
      if (scheme.groups[r].id == m.size_group) {
        o.size_group_label = scheme.groups[r].label;
        o.size_group_rank = static_cast<int>(r);
      }
    if (reg && reg->population) o.population = static_cast<double>(*reg->population);
    orgs.push_back(o);
  }
  stats::DatasetBuilder b(*in, orgs);
  for (size_t i = 0; i < members.size(); ++i) {
    instrument::Answers answers;
    for (const auto& [ind, rating] : members[i].ratings) answers[ind] = instrument::Value::code(rating);
    stats::add_response(b, *in, i, answers, stats::org_attributes_of(orgs[i], *in));
  }
  stats::Dataset ds = b.finish();
  ds.instrument_id = instrument_id;
  ds.year = in->year;

  EngineRun run;
  run.instrument_id = instrument_id;
  run.profile_id = profile.id;
  run.min_n = profile.min_n;
  stats::ComputeOptions opts;
  opts.breakdowns = {"national", "county", "size_group"};
  run.results = stats::compute(keyfigures(store), ds, opts);
  stats::suppress(run.results, ds, profile);

  const stats::CellResult* first = run.results.cells.empty() ? nullptr : &run.results.cells.front();
  for (size_t bi = 0; bi < run.results.breakdowns.size(); ++bi) {
    const auto& bd = run.results.breakdowns[bi];
    for (size_t gi = 0; gi < bd.groups.size(); ++gi) {
      EngineGroup g{bd.id, bd.groups[gi].code, bd.groups[gi].label, 0, false};
      if (first) {
        const auto& f = first->figures[run.results.offsets[bi] + gi];
        g.n = f.n.value_or(0);
        g.suppressed = f.marker == Marker::Suppressed;
      }
      run.groups.push_back(g);
    }
  }
  return run;
}

}  // namespace dp::selfassess
