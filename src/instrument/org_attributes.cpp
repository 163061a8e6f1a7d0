#include "instrument/org_attributes.h"

#include "core/text.h"

namespace dp::instrument {

Scalar typed_value(const std::string& raw, const std::string& type) {
  if (type == "bool") {
    std::string l = to_lower_ascii(trim(raw));
    if (l == "true" || l == "1" || l == "yes" || l == "ja") return true;
    if (l == "false" || l == "0" || l == "no" || l == "nej") return false;
    return {};
  }
  if (type == "number") {
    if (auto n = parse_number(raw)) return *n;
    return {};
  }
  // An empty cell is no value, as the statistics engine's dataset reads it (stats/dataset.cpp):
  // both must select the same organisations for `org.x == ''`.
  if (raw.empty()) return {};
  return raw;
}

OrgAttributes org_attributes(const registry::Organisation& org, const std::map<std::string, std::string>& overrides,
                             const Instrument& in) {
  OrgAttributes a;
  auto text = [&](const char* name, const std::string& v) {
    if (!v.empty()) a[name] = v;
  };
  text("code", org.code);
  text("name", org.name);
  text("kind", org.kind);
  text("county_code", org.county_code);
  text("size_group", org.size_group);
  text("skr_group", org.skr_group_code);
  if (org.population) a["population"] = (double)*org.population;
  for (const auto& attr : in.attributes) {
    auto o = overrides.find(attr.id);
    if (o != overrides.end()) {
      a[attr.id] = typed_value(o->second, attr.type);
      continue;
    }
    auto r = org.attributes.find(attr.id);
    if (r != org.attributes.end()) a[attr.id] = typed_value(r->second, attr.type);
  }
  return a;
}

}  // namespace dp::instrument
