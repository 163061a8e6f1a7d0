#pragma once
// The "region" dimension of the public data: the nation, counties, municipalities and the other
// groups a key figure is broken down by, each under one stable code (docs/api.md, "Regions"):
//   00                     the nation (Riket)
//   01 … 25                counties (SCB county codes)
//   0114 …                 municipalities and other organisations (registry codes)
//   size_group:0-15000     a population size group (the registry's scheme)
//   <breakdown>:<group>    any other breakdown (SKR group, registry attribute)
// Labels come from the registry, in both languages.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "registry/model.h"

namespace dp::publish {

struct RegionRef {
  std::string breakdown;  // national | county | municipality | size_group | ...
  std::string group;      // total | "01" | "0114" | "0-15000" | ...
};

struct RegionInfo {
  std::string code;
  RegionRef ref;
  I18n label;
  std::string county_code;  // municipalities
  std::string size_group;   // municipalities
  std::optional<long long> population;
};

class Regions {
 public:
  Regions() = default;
  // From the registry as of a year (names, counties, size groups).
  Regions(const std::vector<registry::County>& counties, const std::vector<registry::Organisation>& orgs,
          const registry::SizeGroupScheme& scheme);

  static std::string code_of(const RegionRef& r);
  // The reference of a code; nullopt for a malformed code.
  static std::optional<RegionRef> parse(const std::string& code);

  // Label of a region (falls back to the code).
  I18n label(const RegionRef& r) const;
  // A shorter label where the context says what kind of region it is: «0–15 000» for a size
  // group in a chart titled by size group; otherwise the label.
  I18n short_label(const RegionRef& r) const;
  // Display order: nation, size groups, counties, municipalities, other breakdowns.
  int rank(const RegionRef& r) const;
  bool less(const RegionRef& a, const RegionRef& b) const;

  const std::vector<registry::County>& counties() const { return counties_; }
  const std::vector<registry::Organisation>& organisations() const { return orgs_; }
  const registry::SizeGroupScheme& scheme() const { return scheme_; }
  const registry::Organisation* organisation(const std::string& code) const;
  const registry::County* county(const std::string& code) const;
  bool known(const RegionRef& r) const;

 private:
  std::vector<registry::County> counties_;
  std::vector<registry::Organisation> orgs_;
  registry::SizeGroupScheme scheme_;
  std::map<std::string, size_t> org_index_;
  std::map<std::string, size_t> county_index_;
};

}  // namespace dp::publish
