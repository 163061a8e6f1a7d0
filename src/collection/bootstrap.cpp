#include "collection/bootstrap.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "collection/campaigns.h"
#include "core/csv.h"
#include "core/error.h"
#include "core/resources.h"
#include "core/yaml_reader.h"
#include "instrument/load.h"
#include "registry/csv_import.h"
#include "storage/campaign_store.h"
#include "storage/instrument_store.h"
#include "storage/registry_store.h"
#include "storage/response_store.h"

namespace dp::collection {

void load_bundled_registry(storage::Store& store) {
  auto& reg = store.registry();
  store.write_transaction([&] {
    auto counties = csv::parse(resources::require("data/registry/counties.csv"), "data/registry/counties.csv");
    for (const auto& r : counties.rows) reg.upsert_county({r.fields[0], r.fields[1]});
    reg.put_size_groups(resources::require("data/registry/size_groups.yaml"));

    // municipalities.csv: facts valid from the first population year, populations per year.
    const std::string muni_file = "data/registry/municipalities.csv";
    auto m = csv::parse(resources::require(muni_file), muni_file);
    int first_year = 0;
    for (const auto& h : m.header)
      if (h.rfind("pop_", 0) == 0) {
        int y = std::stoi(h.substr(4));
        if (!first_year || y < first_year) first_year = y;
      }
    for (const auto& row : m.rows) {
      auto col = [&](const char* name) { return row.fields[m.column(name)]; };
      registry::ImportRecord base;
      base.line = row.line;
      base.year = first_year;
      base.code = col("code");
      base.kind = "municipality";
      base.name = col("name");
      base.county_code = col("county_code");
      base.skr_group_code = col("skr_group_code");
      base.skr_group_name = col("skr_group_name");
      base.active = true;
      reg.apply(base);
      for (size_t i = 0; i < m.header.size(); ++i) {
        if (m.header[i].rfind("pop_", 0) != 0 || row.fields[i].empty()) continue;
        registry::ImportRecord p;
        p.line = row.line;
        p.year = std::stoi(m.header[i].substr(4));
        p.code = base.code;
        p.population = std::stoll(row.fields[i]);
        reg.apply(p);
      }
    }

    // Per-year attributes.
    std::set<std::string> county_codes;
    for (const auto& c : reg.counties()) county_codes.insert(c.code);
    for (const auto& path : resources::list("data/registry/")) {
      if (path.find("/attributes-") == std::string::npos || path.size() < 4 || path.substr(path.size() - 4) != ".csv")
        continue;
      ProblemList problems;
      auto records = registry::parse_registry_csv(resources::require(path), path, {county_codes, std::nullopt, std::nullopt}, problems);
      if (!problems.empty()) throw Error::internal("bundled " + path + " is invalid: " + problems.shown()[0]);
      for (const auto& r : records) reg.apply(r);
    }
    reg.put_boundaries("municipalities", resources::require("data/registry/municipalities.geojson"));
    reg.put_boundaries("counties", resources::require("data/registry/counties.geojson"));
  });
}

static bool is_instrument_file(const std::string& path, const std::string& text) {
  return path.size() > 5 && path.substr(path.size() - 5) == ".yaml" &&
         text.find("format: digipuls-instrument/1") != std::string::npos;
}

std::vector<std::string> load_bundled_instruments(storage::Store& store, std::vector<std::string>& warnings) {
  std::vector<std::string> loaded;
  std::map<std::string, bool> in_use;  // instrument id -> has responses
  for (const auto& c : store.campaigns().list())
    if (!store.responses().list(c.id).empty()) in_use[c.instrument_id] = true;
  for (const auto& path : resources::list("instruments/")) {
    auto text = resources::require(path);
    if (!is_instrument_file(path, text)) continue;
    auto in = instrument::load_or_throw(text, path);
    auto existing = store.instruments().source(in.id);
    if (existing && *existing == text) continue;
    // A version corrected by errata keeps its corrected text: init never undoes a recorded correction.
    if (existing && !store.instruments().errata(in.id).empty()) continue;
    if (existing && in_use[in.id]) {
      warnings.push_back(fmt::format("{}: changed, but campaigns with responses use {}; the stored version is kept "
                                     "(publish a new version id instead)", path, in.id));
      continue;
    }
    store.instruments().put(in);
    loaded.push_back(in.id);
  }
  return loaded;
}

std::vector<CampaignSpec> parse_bundled_campaigns(std::string_view text, const std::string& file) {
  YAML::Node root = yaml::parse_or_throw(text, file);
  auto fail = [&](const YAML::Node& at, const std::string& key, const std::string& message) {
    throw Error::bad_input(message, Location{file, at.Mark().line + 1, at.Mark().column + 1, key});
  };
  if (!root.IsMap() || !root["format"] || root["format"].as<std::string>("") != "digipuls-campaigns/1")
    fail(root, "format", "expected format: digipuls-campaigns/1");
  YAML::Node list = root["campaigns"];
  if (!list || !list.IsSequence()) fail(root, "campaigns", "expected a list 'campaigns'");
  std::vector<CampaignSpec> out;
  for (const auto& n : list) {
    if (!n.IsMap()) fail(n, "campaigns", "a campaign is a map of keys");
    static const std::set<std::string> known = {"slug", "instrument", "year", "population_year", "opens_on", "closes_on",
                                                "mandatory_attribute"};
    for (const auto& kv : n)
      if (!known.count(kv.first.as<std::string>())) fail(kv.first, kv.first.as<std::string>(), "unknown key");
    auto text_of = [&](const char* key, bool required) {
      YAML::Node v = n[key];
      if (!v) {
        if (required) fail(n, key, std::string("'") + key + "' is required");
        return std::string();
      }
      if (!v.IsScalar()) fail(v, key, std::string("'") + key + "' must be text");
      return v.as<std::string>();
    };
    auto year_of = [&](const char* key) -> std::optional<int> {
      YAML::Node v = n[key];
      if (!v) return std::nullopt;
      int y = 0;
      if (!v.IsScalar() || !YAML::convert<int>::decode(v, y) || y < 1990 || y > 2100)
        fail(v, key, std::string("'") + key + "' must be a year from 1990 to 2100");
      return y;
    };
    CampaignSpec spec;
    spec.slug = text_of("slug", true);
    spec.instrument_id = text_of("instrument", true);
    spec.year = year_of("year").value_or(0);
    spec.population_year = year_of("population_year");
    spec.opens_on = text_of("opens_on", false);
    spec.closes_on = text_of("closes_on", false);
    spec.mandatory_attribute = text_of("mandatory_attribute", false);
    out.push_back(std::move(spec));
  }
  return out;
}

std::vector<CampaignSpec> bundled_campaigns() {
  static const char* kFile = "instruments/campaigns.yaml";
  return parse_bundled_campaigns(resources::require(kFile), kFile);
}

InitReport initialise(storage::Store& store) {
  InitReport rep;
  if (store.registry().counties().empty()) {
    load_bundled_registry(store);
    rep.lines.push_back("registry: 21 counties, 290 municipalities, populations 2013–2021, attributes, boundaries");
  }
  std::vector<std::string> warnings;
  auto loaded = load_bundled_instruments(store, warnings);
  for (const auto& id : loaded) rep.lines.push_back("instrument: " + id);
  for (const auto& w : warnings) rep.lines.push_back("warning: " + w);
  for (const auto& spec : bundled_campaigns()) {
    if (store.campaigns().find(spec.slug)) continue;
    int64_t id = create_campaign(store, spec);
    rep.lines.push_back(fmt::format("campaign: {} (draft, {} municipalities{})", spec.slug, store.campaigns().scope(id).size(),
                                    spec.population_year ? fmt::format(", sizes by population 31 Dec {}", *spec.population_year)
                                                         : std::string()));
  }
  return rep;
}

}  // namespace dp::collection
