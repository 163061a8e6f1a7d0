#include "collection/campaigns.h"

#include <algorithm>

#include "collection/campaign_context.h"
#include "core/error.h"
#include "instrument/org_attributes.h"
#include "storage/registry_store.h"

namespace dp::collection {

int64_t create_campaign(storage::Store& store, const CampaignSpec& spec) {
  auto in = load_instrument(store, spec.instrument_id);
  storage::Campaign c;
  c.slug = spec.slug.empty() ? in.id : spec.slug;
  c.instrument_id = in.id;
  c.year = spec.year ? spec.year : in.year;
  c.title = in.title;
  c.population_year = spec.population_year.value_or(c.year - 2);
  c.opens_on = spec.opens_on;
  c.closes_on = spec.closes_on;
  c.reminder_dates = spec.reminder_dates;
  if (!spec.mandatory_attribute.empty() && std::none_of(in.attributes.begin(), in.attributes.end(), [&](const auto& a) {
        return a.id == spec.mandatory_attribute;
      }))
    throw Error::bad_input("the instrument declares no attribute '" + spec.mandatory_attribute + "'");

  auto scheme = store.registry().size_groups();
  std::vector<storage::CampaignOrg> scope;
  for (const auto& o : store.registry().list(c.year, c.population_year, scheme)) {
    if (!spec.org_codes.empty()) {
      if (std::find(spec.org_codes.begin(), spec.org_codes.end(), o.code) == spec.org_codes.end()) continue;
    } else if (o.kind != spec.org_kind) {
      continue;
    }
    if (!spec.county_codes.empty() &&
        std::find(spec.county_codes.begin(), spec.county_codes.end(), o.county_code) == spec.county_codes.end())
      continue;
    storage::CampaignOrg co;
    co.org_code = o.code;
    for (const auto& a : in.attributes) {
      auto it = o.attributes.find(a.id);
      if (it != o.attributes.end()) co.attributes[a.id] = it->second;
    }
    if (!spec.mandatory_attribute.empty()) {
      auto it = co.attributes.find(spec.mandatory_attribute);
      auto v = it == co.attributes.end() ? instrument::Scalar{} : instrument::typed_value(it->second, "bool");
      co.mandatory = std::holds_alternative<bool>(v) && std::get<bool>(v);
    }
    scope.push_back(co);
  }
  if (!spec.org_codes.empty() && scope.size() != spec.org_codes.size())
    throw Error::bad_input("some organisation codes are not in the registry for " + std::to_string(c.year));
  if (scope.empty()) throw Error::bad_input("no organisations in scope");
  int64_t id = 0;
  store.write_transaction([&] {
    id = store.campaigns().create(c);
    store.campaigns().set_scope(id, scope);
  });
  return id;
}

}  // namespace dp::collection
