#include "publish/regions.h"

#include <algorithm>
#include <cctype>

#include "core/ui_text.h"

namespace dp::publish {

Regions::Regions(const std::vector<registry::County>& counties, const std::vector<registry::Organisation>& orgs,
                 const registry::SizeGroupScheme& scheme, std::map<std::string, I18n> breakdown_labels)
    : counties_(counties), orgs_(orgs), scheme_(scheme), breakdown_labels_(std::move(breakdown_labels)) {
  std::sort(counties_.begin(), counties_.end(), [](auto& a, auto& b) { return a.code < b.code; });
  std::sort(orgs_.begin(), orgs_.end(), [](auto& a, auto& b) { return a.code < b.code; });
  for (size_t i = 0; i < orgs_.size(); ++i) org_index_[orgs_[i].code] = i;
  for (size_t i = 0; i < counties_.size(); ++i) county_index_[counties_[i].code] = i;
}

std::string Regions::code_of(const RegionRef& r) {
  if (r.breakdown == "national") return "00";
  if (r.breakdown == "county" || r.breakdown == "municipality") return r.group;
  return r.breakdown + ":" + r.group;
}

std::optional<RegionRef> Regions::parse(const std::string& code) {
  if (code.empty() || code.size() > 64) return std::nullopt;
  auto colon = code.find(':');
  if (colon != std::string::npos) {
    std::string b = code.substr(0, colon), g = code.substr(colon + 1);
    if (b.empty() || g.empty() || b == "national" || b == "county" || b == "municipality") return std::nullopt;
    return RegionRef{b, g};
  }
  if (code == "00" || code == "riket" || code == "SE") return RegionRef{"national", "total"};
  bool digits = std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits && code.size() == 2) return RegionRef{"county", code};
  if (std::all_of(code.begin(), code.end(),
                  [](char c) { return std::isalnum((unsigned char)c) || c == '-' || c == '_'; }))
    return RegionRef{"municipality", code};
  return std::nullopt;
}

const registry::Organisation* Regions::organisation(const std::string& code) const {
  auto it = org_index_.find(code);
  return it == org_index_.end() ? nullptr : &orgs_[it->second];
}

const registry::County* Regions::county(const std::string& code) const {
  auto it = county_index_.find(code);
  return it == county_index_.end() ? nullptr : &counties_[it->second];
}

bool Regions::known(const RegionRef& r) const {
  if (r.breakdown == "national") return true;
  if (r.breakdown == "county") return county(r.group) != nullptr;
  if (r.breakdown == "municipality") return organisation(r.group) != nullptr;
  if (r.breakdown == "size_group") return scheme_.find(r.group) != nullptr;
  return true;
}

I18n Regions::label(const RegionRef& r) const {
  if (r.breakdown == "national") return ui::label("cube.national");
  if (r.breakdown == "county") {
    if (auto* c = county(r.group)) return {c->name, c->name};
  } else if (r.breakdown == "municipality") {
    if (auto* o = organisation(r.group)) return {o->name, o->name};
  } else if (r.breakdown == "size_group") {
    if (auto* g = scheme_.find(r.group))
      return {ui::text("cube.size_group", Lang::sv, {{"group", g->label.sv}}),
              ui::text("cube.size_group", Lang::en, {{"group", g->label.get(Lang::en)}})};
  } else if (r.breakdown == "skr_group") {
    for (const auto& o : orgs_)
      if (o.skr_group_code == r.group && !o.skr_group_name.empty())
        return ui::label("cube.skr_group", {{"code", r.group}, {"name", o.skr_group_name}});
  } else if (auto it = breakdown_labels_.find(r.breakdown); it != breakdown_labels_.end()) {
    std::string sv = r.group == "true" ? "ja" : r.group == "false" ? "nej" : r.group;
    std::string en = r.group == "true" ? "yes" : r.group == "false" ? "no" : r.group;
    return {it->second.sv + ": " + sv, it->second.get(Lang::en) + ": " + en};
  }
  std::string s = r.breakdown + " " + r.group;
  return {s, s};
}

I18n Regions::short_label(const RegionRef& r) const {
  if (r.breakdown == "size_group")
    if (auto* g = scheme_.find(r.group)) return g->label;
  return label(r);
}

int Regions::rank(const RegionRef& r) const {
  if (r.breakdown == "national") return 0;
  if (r.breakdown == "size_group") {
    for (size_t i = 0; i < scheme_.groups.size(); ++i)
      if (scheme_.groups[i].id == r.group) return 100 + (int)i;
    return 199;
  }
  if (r.breakdown == "county") return 200;
  if (r.breakdown == "municipality") return 300;
  return 400;
}

bool Regions::less(const RegionRef& a, const RegionRef& b) const {
  int ra = rank(a), rb = rank(b);
  if (ra != rb) return ra < rb;
  if (a.breakdown != b.breakdown) return a.breakdown < b.breakdown;
  return a.group < b.group;
}

}  // namespace dp::publish
