#include "selfassess/context.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "core/error.h"
#include "instrument/load.h"
#include "storage/instrument_store.h"
#include "storage/registry_store.h"

namespace dp::selfassess {

std::shared_ptr<const instrument::Instrument> load_instrument(storage::Store& store, const std::string& id) {
  auto text = store.instruments().source(id);
  if (!text) throw Error::not_found("no instrument " + id);
  // Parsed once per text: a stored instrument never changes, but another database in the same
  // process (or a recreated one) may hold another text under the same id.
  static std::mutex mu;
  static std::map<std::pair<std::string, std::string>, std::shared_ptr<const instrument::Instrument>> cache;
  std::pair<std::string, std::string> key{id, *text};
  {
    std::lock_guard lock(mu);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  auto in = std::make_shared<const instrument::Instrument>(instrument::load_or_throw(*text, id + ".yaml"));
  if (in->kind != instrument::Kind::Maturity) throw Error::bad_input(id + " is not a maturity instrument");
  std::lock_guard lock(mu);
  return cache.emplace(std::move(key), in).first->second;
}

std::vector<int> maturity_years(storage::Store& store) {
  std::vector<int> years;
  for (const auto& i : store.instruments().list())
    if (i.kind == "maturity") years.push_back(i.year);
  std::sort(years.rbegin(), years.rend());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  return years;
}

std::optional<std::string> instrument_for_year(storage::Store& store, int year) {
  std::optional<storage::InstrumentInfo> best;
  for (const auto& i : store.instruments().list())
    if (i.kind == "maturity" && i.year <= year && (!best || i.year > best->year)) best = i;
  if (!best) return std::nullopt;
  return best->id;
}

// The registry year that stands for `year`: the latest with facts not after it, else the first.
static int registry_year(storage::Store& store, int year) {
  auto years = store.registry().years();
  int ry = 0;
  for (int y : years)
    if (y <= year && y > ry) ry = y;
  if (ry == 0 && !years.empty()) ry = *std::min_element(years.begin(), years.end());
  return ry;
}

std::optional<registry::Organisation> organisation(storage::Store& store, const std::string& code, int year) {
  int ry = registry_year(store, year);
  return store.registry().find(code, ry, ry, store.registry().size_groups());
}

std::vector<registry::Organisation> organisations(storage::Store& store, int year) {
  int ry = registry_year(store, year);
  std::vector<registry::Organisation> out;
  for (auto& o : store.registry().list(ry, ry, store.registry().size_groups()))
    if (o.active) out.push_back(std::move(o));
  return out;
}

int64_t parse_id(const std::string& s, const char* what) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw Error::not_found(std::string("no ") + what + " " + s);
  return std::stoll(s);
}

Loaded load(storage::Store& store, const storage::Assessment& a, const Rules& rules) {
  Loaded l;
  l.assessment = a;
  l.instrument = load_instrument(store, a.instrument_id);
  l.agreed = store.selfassess().agreed(a.id);
  for (const auto& r : l.agreed)
    if (l.instrument->question(r.indicator)) l.ratings[r.indicator] = r.rating;
  l.result = score(*l.instrument, l.ratings, rules);
  l.org = organisation(store, a.org_code, a.year);
  return l;
}

Loaded load(storage::Store& store, const std::string& assessment_id, const Rules& rules) {
  auto a = store.selfassess().find(parse_id(assessment_id, "self-assessment"));
  if (!a) throw Error::not_found("no self-assessment " + assessment_id);
  return load(store, *a, rules);
}

std::optional<storage::Assessment> previous_assessment(storage::Store& store, const storage::Assessment& a) {
  for (const auto& p : store.selfassess().list_for_org(a.org_code))
    if (p.year == a.year - 1 && p.part == a.part) return p;
  return std::nullopt;
}

}  // namespace dp::selfassess
