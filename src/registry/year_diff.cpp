#include "registry/year_diff.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace dp::registry {

std::vector<YearChange> diff_years(const std::vector<Organisation>& before, const std::vector<Organisation>& after,
                                   double population_share) {
  std::map<std::string, const Organisation*> old_by_code, new_by_code;
  for (const auto& o : before) old_by_code[o.code] = &o;
  for (const auto& o : after) new_by_code[o.code] = &o;
  std::vector<YearChange> out;
  auto pop = [](const Organisation& o) { return o.population ? std::to_string(*o.population) : std::string(); };
  for (const auto& [code, n] : new_by_code) {
    auto it = old_by_code.find(code);
    if (it == old_by_code.end()) {
      out.push_back({code, n->name, "added", "", "", n->size_group});
      continue;
    }
    const Organisation& o = *it->second;
    if (o.size_group != n->size_group) out.push_back({code, n->name, "size_group", "", o.size_group, n->size_group});
    else if (o.population && n->population && *o.population > 0 &&
             std::abs(double(*n->population - *o.population)) > population_share * double(*o.population))
      out.push_back({code, n->name, "population", "", pop(o), pop(*n)});
    std::set<std::string> keys;
    for (const auto& [k, v] : o.attributes) keys.insert(k);
    for (const auto& [k, v] : n->attributes) keys.insert(k);
    for (const auto& k : keys) {
      auto a = o.attributes.find(k), b = n->attributes.find(k);
      std::string va = a == o.attributes.end() ? "" : a->second, vb = b == n->attributes.end() ? "" : b->second;
      if (va != vb) out.push_back({code, n->name, "attribute", k, va, vb});
    }
  }
  for (const auto& [code, o] : old_by_code)
    if (!new_by_code.count(code)) out.push_back({code, o->name, "removed", "", o->size_group, ""});
  std::stable_sort(out.begin(), out.end(), [](const YearChange& a, const YearChange& b) { return a.code < b.code; });
  return out;
}

}  // namespace dp::registry
