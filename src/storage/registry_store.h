#pragma once
#include <optional>
#include <string>
#include <vector>

#include "registry/model.h"

namespace dp::storage {

class RegistryStore {
 public:
  virtual ~RegistryStore() = default;

  virtual void upsert_county(const registry::County& c) = 0;
  virtual std::vector<registry::County> counties() = 0;

  // Applies one import record: creates the organisation if new, records its facts for the
  // record's year (name, county, kind, group, active), its population and its attributes.
  virtual void apply(const registry::ImportRecord& r) = 0;

  // The registry as of a year: each organisation's latest facts at or before `year`, its
  // population on 31 December of `population_year` (or the latest earlier year available) and
  // the size group from that population, and its attributes as of `year`.
  virtual std::vector<registry::Organisation> list(int year, int population_year,
                                                   const registry::SizeGroupScheme& scheme) = 0;
  virtual std::optional<registry::Organisation> find(const std::string& code, int year, int population_year,
                                                     const registry::SizeGroupScheme& scheme) = 0;
  // Years that have any registry facts or populations.
  virtual std::vector<int> years() = 0;

  // Boundaries for maps: kind "municipalities" or "counties", GeoJSON text.
  virtual void put_boundaries(const std::string& kind, const std::string& geojson) = 0;
  virtual std::optional<std::string> boundaries(const std::string& kind) = 0;

  // The size-group scheme in force (stored by init from data/registry/size_groups.yaml).
  virtual void put_size_groups(const std::string& yaml_text) = 0;
  virtual registry::SizeGroupScheme size_groups() = 0;
};

}  // namespace dp::storage
