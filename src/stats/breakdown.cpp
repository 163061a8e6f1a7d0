#include "stats/breakdown.h"

#include <algorithm>
#include <numeric>

#include "core/error.h"
#include "core/ui_text.h"

namespace dp::stats {

int Breakdown::group_index(const std::string& code) const {
  for (size_t i = 0; i < groups.size(); ++i)
    if (groups[i].code == code) return (int)i;
  return -1;
}

Breakdown make_breakdown(const Dataset& ds, const std::string& id) {
  Breakdown b;
  b.id = id;
  if (id == "national") {
    b.label = ui::label("breakdowns.national");
    b.groups.push_back({"total", b.label});
    b.sets.emplace_back(ds.size(), true);
    return b;
  }
  if (id == kOrganisationBreakdown) {
    // Every organisation its own group, in code order: the municipality's own figures.
    b.label = ui::label("breakdowns.municipality");
    std::vector<size_t> order(ds.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t c) { return ds.org_codes[a] < ds.org_codes[c]; });
    for (size_t i : order) {
      b.groups.push_back({ds.org_codes[i], I18n{ds.org_names[i], ds.org_names[i]}});
      b.sets.emplace_back(ds.size());
      b.sets.back().set(i);
    }
    return b;
  }
  const AttrColumn* col = ds.attr(id == "county" ? "county_code" : id);
  if (!col || col->type == "number" || id == "code")
    throw Error::bad_input("unknown breakdown '" + id +
                           "' (national, county, size_group, skr_group or a registry attribute)");
  b.label = col->label;
  std::vector<size_t> order(col->values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t c) { return col->sort_keys[a] < col->sort_keys[c]; });
  std::vector<int> slot(col->values.size() + 1, -1);
  for (size_t k : order) {
    slot[k + 1] = (int)b.groups.size();
    b.groups.push_back({col->values[k], col->labels[k]});
    b.sets.emplace_back(ds.size());
  }
  for (size_t i = 0; i < ds.size(); ++i) {
    uint32_t c = col->codes[i];
    if (c) b.sets[(size_t)slot[c]].set(i);
  }
  return b;
}

std::vector<std::string> default_breakdowns(const Dataset& ds) {
  std::vector<std::string> out = {"national"};
  if (ds.attr("county_code")) out.push_back("county");
  for (const char* a : {"size_group", "skr_group"})
    if (const auto* c = ds.attr(a); c && !c->values.empty()) out.push_back(a);
  for (const auto& a : ds.attrs) {
    if (a.type == "number" || a.values.empty()) continue;
    if (a.name == "code" || a.name == "kind" || a.name == "county_code" || a.name == "size_group" ||
        a.name == "skr_group")
      continue;
    out.push_back(a.name);
  }
  return out;
}

}  // namespace dp::stats
