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
      auto records = registry::parse_registry_csv(resources::require(path), path,
                                                  {county_codes, std::nullopt, std::nullopt}, problems);
      if (!problems.empty()) throw Error::internal("bundled " + path + " is invalid: " + problems.shown()[0]);
      for (const auto& r : records) reg.apply(r);
    }
    reg.put_boundaries("municipalities", resources::require("data/registry/municipalities.geojson"));
    reg.put_boundaries("counties", resources::require("data/registry/counties.geojson"));
  });
}

std::vector<std::string> load_bundled_instruments(storage::Store& store, std::vector<std::string>& warnings) {
  std::vector<std::string> loaded;
  std::map<std::string, bool> in_use;  // instrument id -> has responses
  for (const auto& c : store.campaigns().list())
    if (!store.responses().list(c.id).empty()) in_use[c.instrument_id] = true;
  for (const auto& [path, text] : resources::declaring("instruments/", "digipuls-instrument/1")) {
    auto in = instrument::load_or_throw(text, path);
    auto existing = store.instruments().source(in.id);
    if (existing && *existing == text) continue;
    if (existing && in_use[in.id]) {
      warnings.push_back(
          fmt::format("{}: changed, but campaigns with responses use {}; the stored version is kept "
                      "(publish a new version id instead)",
                      path, in.id));
      continue;
    }
    store.instruments().put(in);
    loaded.push_back(in.id);
  }
  return loaded;
}

namespace {

// One campaign of the file; problems go to the reader's diagnostics.
CampaignSpec read_campaign(yaml::Reader& r, const YAML::Node& n) {
  CampaignSpec spec;
  if (!n.IsMap()) {
    r.error(r.codes().wrong_type, r.pos(n), "campaigns", "a campaign is a map of keys");
    return spec;
  }
  r.check_keys(n, {"slug", "instrument", "year", "population_year", "opens_on", "closes_on", "mandatory_attribute"},
               "a campaign");
  auto required = [&](const char* key) {
    auto v = r.str(n, key, false, "a campaign");
    if (!v && !r.has(n, key)) r.error(r.codes().missing_key, r.pos(n), key, fmt::format("'{}' is required", key));
    return v.value_or("");
  };
  auto year = [&](const char* key) -> std::optional<int> {
    auto y = r.integer(n, key, false, "a campaign");
    if (y && (*y < 1990 || *y > 2100)) {
      r.error(r.codes().wrong_type, r.pos(r.child(n, key)), key,
              fmt::format("'{}' must be a year from 1990 to 2100", key));
      return std::nullopt;
    }
    return y;
  };
  spec.slug = required("slug");
  spec.instrument_id = required("instrument");
  spec.year = year("year").value_or(0);
  spec.population_year = year("population_year");
  spec.opens_on = r.str(n, "opens_on", false, "a campaign").value_or("");
  spec.closes_on = r.str(n, "closes_on", false, "a campaign").value_or("");
  spec.mandatory_attribute = r.str(n, "mandatory_attribute", false, "a campaign").value_or("");
  return spec;
}

}  // namespace

// The file sits with the instruments and names them, so its problems carry the instrument
// files' codes (I002 unknown key, I003 missing key, I004 wrong type).
std::vector<CampaignSpec> parse_bundled_campaigns(std::string_view text, const std::string& file) {
  Diagnostics d;
  yaml::Reader r(file, kInstrumentCodes, d);
  std::vector<CampaignSpec> out;
  if (auto root = r.load(text)) {
    r.guard([&] {
      r.check_keys(*root, {"format", "campaigns"}, "the campaigns file");
      if (r.str(*root, "format", false, "the campaigns file").value_or("") != "digipuls-campaigns/1")
        r.error(r.codes().wrong_type, r.pos(*root), "format", "expected format: digipuls-campaigns/1");
      YAML::Node list = r.child(*root, "campaigns");
      if (!list.IsSequence()) {
        r.error(r.codes().missing_key, r.pos(*root), "campaigns", "expected a list 'campaigns'");
        return;
      }
      for (const auto& n : list)
        if (r.tick()) out.push_back(read_campaign(r, n));
    });
  }
  throw_if_errors(d, "invalid campaigns file:", file);
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
    rep.lines.push_back(fmt::format(
        "campaign: {} (draft, {} municipalities{})", spec.slug, store.campaigns().scope(id).size(),
        spec.population_year ? fmt::format(", sizes by population 31 Dec {}", *spec.population_year) : std::string()));
  }
  return rep;
}

}  // namespace dp::collection
