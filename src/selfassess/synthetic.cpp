#include "selfassess/synthetic.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <set>
#include <sstream>

#include "core/error.h"
#include "selfassess/context.h"
#include "selfassess/engine.h"
#include "selfassess/plan_model.h"
#include "storage/instrument_store.h"

namespace dp::selfassess {

namespace {

// splitmix64's finaliser over FNV-1a of each part: a draw depends only on its parts and the seed,
// never on the order in which organisations or indicators are visited (std::hash is not portable).
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t hash(uint64_t seed, std::initializer_list<std::string_view> parts) {
  uint64_t h = mix(seed);
  for (auto p : parts) {
    uint64_t f = 0xcbf29ce484222325ULL;
    for (unsigned char c : p) f = (f ^ c) * 0x100000001b3ULL;
    h = mix(h ^ f);
  }
  return h;
}

double uniform(uint64_t h) { return static_cast<double>(h >> 11) * 0x1.0p-53; }

double normal(uint64_t h) {  // Box-Muller
  double u1 = std::max(uniform(h), 1e-12), u2 = uniform(mix(h));
  return std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
}

// The model's parameters, on the 0-100 score scale (see synthetic.h).
constexpr double kMeanLatent = 45;       // a municipality of ~20 000 inhabitants in 2025
constexpr double kSizeEffect = 9;        // per tenfold population
constexpr double kLatentSpread = 13;     // between municipalities
constexpr double kDriftPerYear = 4;      // later years are somewhat more mature
constexpr int kFirstYear = 2025;         // the first maturity instrument
constexpr double kIndicatorSpread = 12;  // some indicators are hard everywhere
constexpr double kNoise = 20;            // one municipality's indicators around its latent
constexpr double kNotRelevantTargetGroup = 0.06, kNotRelevantCrossCutting = 0.01;
constexpr double kPublished = 0.5, kPublishedTargetGroups = 0.5;

double kind_offset(const std::string& kind) {
  if (kind == "introduced") return 10;  // "is it there" comes before "is it used"
  if (kind == "effect") return -12;     // ... and before "did it give the effect"
  return 0;
}

double latent(const registry::Organisation& org, int year, uint64_t seed) {
  double size = org.population ? std::log10(std::max(1000.0, static_cast<double>(*org.population))) - 4.3 : 0;
  return kMeanLatent + kSizeEffect * size + kLatentSpread * normal(hash(seed, {"latent", org.code})) +
         kDriftPerYear * (year - kFirstYear);
}

PlanStatus status_of(double u, bool early) {
  // Plans are partly done by the next year's assessment, the first (highest-priority) items most.
  double done = early ? 0.45 : 0.10, in_progress = early ? 0.35 : 0.30, dropped = 0.05;
  if (u < done) return PlanStatus::Done;
  if (u < done + in_progress) return PlanStatus::InProgress;
  if (u < done + in_progress + dropped) return PlanStatus::Dropped;
  return PlanStatus::Planned;
}

Error bad(const char* field, const std::string& message) {
  Location where;
  where.field = field;
  return Error::bad_input(message, where);
}

}  // namespace

std::vector<std::string> synthetic_sample(const std::vector<registry::Organisation>& orgs, const SyntheticOptions& o,
                                          int min_n) {
  std::set<std::string> excluded(o.exclude.begin(), o.exclude.end());
  std::set<std::string> chosen;
  std::map<std::string, double> draw;
  for (const auto& org : orgs) {
    if (excluded.count(org.code)) continue;
    draw[org.code] = uniform(hash(o.seed, {"sample", org.code}));
    if (draw[org.code] < o.share) chosen.insert(org.code);
  }
  if (o.share > 0) {
    for (auto key : {&registry::Organisation::county_code, &registry::Organisation::size_group}) {
      std::map<std::string, std::vector<std::pair<double, std::string>>> groups;
      for (const auto& org : orgs)
        if (draw.count(org.code) && !(org.*key).empty()) groups[org.*key].push_back({draw[org.code], org.code});
      for (auto& [id, ms] : groups) {
        if (static_cast<int>(ms.size()) < min_n) {
          // A group that can never reach min n (Gotland's county has one municipality) would be
          // withheld, and the engine's complementary suppression would withhold others with it.
          for (const auto& m : ms) chosen.erase(m.second);
          continue;
        }
        std::sort(ms.begin(), ms.end());
        int n = 0;
        for (const auto& m : ms) n += chosen.count(m.second) ? 1 : 0;
        for (const auto& m : ms) {
          if (n >= min_n) break;
          if (chosen.insert(m.second).second) ++n;
        }
      }
    }
  }
  for (const auto& c : o.include)
    if (!excluded.count(c)) chosen.insert(c);
  return {chosen.begin(), chosen.end()};
}

Ratings synthetic_ratings(const instrument::Instrument& in, const registry::Organisation& org, int year,
                          uint64_t seed) {
  std::vector<const instrument::Option*> scored;
  const instrument::Option* not_relevant = nullptr;
  for (const auto& opt : in.scale) {
    if (opt.score) scored.push_back(&opt);
    else if (!not_relevant) not_relevant = &opt;
  }
  Ratings out;
  if (scored.empty()) return out;
  std::string y = std::to_string(year);
  double m = latent(org, year, seed);
  for (const auto* q : indicators(in)) {
    const auto& meta = *q->maturity;
    // Not relevant is a property of the municipality's services, so the same every year.
    double p_nr = meta.target_group.empty() ? kNotRelevantCrossCutting : kNotRelevantTargetGroup;
    if (not_relevant && uniform(hash(seed, {"not_relevant", org.code, q->id})) < p_nr) {
      out[q->id] = not_relevant->id;
      continue;
    }
    double v = m + kind_offset(meta.indicator) + kIndicatorSpread * normal(hash(seed, {"indicator", q->id})) +
               kNoise * normal(hash(seed, {"rating", org.code, y, q->id}));
    const instrument::Option* best = scored.front();
    for (const auto* opt : scored)
      if (std::abs(*opt->score - v) < std::abs(*best->score - v)) best = opt;
    out[q->id] = best->id;
  }
  return out;
}

bool is_synthetic(storage::Store& store, const storage::Assessment& a) {
  for (const auto& r : store.selfassess().agreed(a.id))
    if (r.comment == kSyntheticMark) return true;
  return false;
}

SyntheticOutcome generate_synthetic(storage::Store& store, const SyntheticOptions& o) {
  // Everything is checked before anything is written.
  if (!(o.share >= 0 && o.share <= 1)) {
    std::ostringstream v;
    v << o.share;
    throw bad("share", v.str() + " is not a share between 0 and 1 (e.g. 0.6)");
  }
  SyntheticOutcome out;
  std::string years;
  for (const auto& i : store.instruments().list()) {
    if (i.kind != "maturity") continue;
    if (i.year == o.year) out.instrument_id = i.id;
    years += (years.empty() ? "" : ", ") + std::to_string(i.year);
  }
  if (out.instrument_id.empty())
    throw bad("year", "there is no maturity instrument of " + std::to_string(o.year) +
                          (years.empty() ? " (none is loaded; run digipuls init)" : " (there is: " + years + ")"));
  auto in = load_instrument(store, out.instrument_id);

  std::map<std::string, registry::Organisation> by_code;
  std::vector<registry::Organisation> orgs;
  for (auto& org : organisations(store, o.year))
    if (org.kind == "municipality") {
      by_code[org.code] = org;
      orgs.push_back(org);
    }
  for (const auto* list : {&o.include, &o.exclude})
    for (const auto& c : *list)
      if (!by_code.count(c))
        throw bad(list == &o.include ? "include" : "exclude", "'" + c + "' is not a municipality in the registry");

  std::set<std::string> taken;  // whole-organisation assessments of the year, real or synthetic
  for (const auto& a : store.selfassess().list_all()) {
    if (a.year != o.year) continue;
    if (a.part.empty()) taken.insert(a.org_code);
    if (is_synthetic(store, a)) ++out.already;
  }
  if (out.already) return out;

  const auto& rules = bundled_rules();
  std::set<std::string> include(o.include.begin(), o.include.end());
  std::string y = std::to_string(o.year);
  store.write_transaction([&] {
    for (const auto& code : synthetic_sample(orgs, o, disclosure_profile().min_n)) {
      if (taken.count(code)) {
        ++out.skipped;
        continue;
      }
      storage::Assessment a;
      a.org_code = code;
      a.year = o.year;
      a.instrument_id = out.instrument_id;
      a.plan_level = rules.plan_default_level;
      a.id = store.selfassess().create(a);
      for (const auto& [indicator, rating] : synthetic_ratings(*in, by_code[code], o.year, o.seed)) {
        storage::AgreedRating r;
        r.indicator = indicator;
        r.rating = rating;
        r.comment = kSyntheticMark;
        store.selfassess().put_agreed(a.id, r);
      }
      // The plan the tool proposes from the stored ratings, then partly carried out.
      regenerate_plan(store, load(store, a, rules), a.plan_level);
      auto plan = store.selfassess().plan(a.id);
      for (auto& it : plan) {
        bool early = it.position * 3 <= static_cast<int>(plan.size());
        it.status =
            status_of(uniform(hash(o.seed, {"plan", code, y, it.indicator, std::to_string(it.measure_no)})), early);
        it.owner = kSyntheticMark;
        it.comment = kSyntheticMark;
        it.due_date = std::to_string(o.year + 1) + (early ? "-06-30" : "-12-31");
        store.selfassess().update_plan_item(a.id, it);
      }
      a.status = AssessmentStatus::Completed;
      if (include.count(code)) {
        a.publish_overall = a.publish_target_groups = true;
      } else {
        a.publish_overall = uniform(hash(o.seed, {"publish", code, y})) < kPublished;
        a.publish_target_groups =
            a.publish_overall && uniform(hash(o.seed, {"publish_target_groups", code, y})) < kPublishedTargetGroups;
      }
      store.selfassess().update(a);
      ++out.created;
      if (a.publish_overall) ++out.published;
    }
  });
  return out;
}

}  // namespace dp::selfassess
