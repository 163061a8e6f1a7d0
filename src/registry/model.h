#pragma once
// The registry of organisations that answer: municipalities today, any organisation kind
// (private care providers, regions) tomorrow. Facts are versioned by year: an organisation's
// name, county and group hold from the year they are recorded until a later record replaces
// them; populations are per year (31 December); attributes are per year.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"

namespace dp::registry {

struct County {
  std::string code;  // "01"
  std::string name;  // "Stockholms län"
};

// One organisation as of a year.
struct Organisation {
  std::string code;                   // "0114" for municipalities; any stable code for others
  std::string kind = "municipality";  // municipality | private_provider | region | ...
  std::string name;
  std::string county_code;
  std::string county_name;
  std::optional<long long> population;  // 31 December of population_year
  int population_year = 0;
  std::string size_group;  // id from the size-group scheme, "" when population is unknown
  std::string skr_group_code;
  std::string skr_group_name;
  bool active = true;
  std::map<std::string, std::string> attributes;  // declared attributes, raw text ("true", "12", "x")
};

struct SizeGroup {
  std::string id;  // "0-15000"
  I18n label;
  long long min = 0;
  std::optional<long long> max;
};

struct SizeGroupScheme {
  std::string id;
  std::vector<SizeGroup> groups;

  // The group a population falls in, or "" if none.
  std::string group_of(long long population) const;
  const SizeGroup* find(const std::string& id) const;
};

// Parses data/registry/size_groups.yaml. Throws dp::Error (BadInput) naming the file and line.
SizeGroupScheme parse_size_groups(const std::string& yaml_text, const std::string& file);

// One record of a registry CSV import (docs/registry.md): the columns given for one organisation
// in one year. Absent optional columns are not changed.
struct ImportRecord {
  int line = 0;
  int year = 0;
  std::string code;
  std::optional<std::string> kind, name, county_code, skr_group_code, skr_group_name;
  std::optional<long long> population;
  std::optional<bool> active;
  std::map<std::string, std::string> attributes;
};

}  // namespace dp::registry
