#include "stats/response_input.h"

#include "instrument/org_attributes.h"
#include "registry/model.h"

namespace dp::stats {

instrument::OrgAttributes org_attributes_of(const OrgRecord& o, const instrument::Instrument& in) {
  registry::Organisation org;
  org.code = o.code;
  org.name = o.name;
  org.kind = o.kind;
  org.county_code = o.county_code;
  org.county_name = o.county_name;
  org.size_group = o.size_group;
  org.skr_group_code = o.skr_group;
  org.skr_group_name = o.skr_group_name;
  if (o.population) org.population = (long long)*o.population;
  org.attributes = o.attributes;
  return instrument::org_attributes(org, {}, in);
}

void add_response(DatasetBuilder& b, const instrument::Instrument& in, size_t org, const instrument::Answers& answers,
                  const instrument::OrgAttributes& attributes, const std::set<std::string>& outside_routing) {
  instrument::Visibility vis(in, answers, attributes);
  for (const auto& [item, value] : answers)
    if (vis.shown(item) || outside_routing.count(item)) b.add_answer(org, item, value);
  b.set_responded(org);
}

}  // namespace dp::stats
