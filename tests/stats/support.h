#pragma once
// Shared by the statistics tests: the bundled instruments, key figures and history, read from
// the source tree (the same files the binary embeds).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "instrument/load.h"
#include "stats/history.h"
#include "stats/keyfigures_load.h"

namespace dp::stats::testing {

inline std::string read_source(const std::string& rel) {
  std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline const std::vector<instrument::Instrument>& bundled_instruments() {
  static const std::vector<instrument::Instrument> all = [] {
    std::vector<instrument::Instrument> v;
    for (const char* f : {"instruments/ehalsa-2021.yaml", "instruments/ehalsa-2022.yaml"})
      v.push_back(instrument::load_or_throw(read_source(f), f));
    return v;
  }();
  return all;
}

inline std::vector<const instrument::Instrument*> bundled_instrument_ptrs() {
  std::vector<const instrument::Instrument*> out;
  for (const auto& i : bundled_instruments()) out.push_back(&i);
  return out;
}

inline const HistoryData& bundled_history() {
  static const HistoryData h = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& e : std::filesystem::directory_iterator(std::string(DIGIPULS_SOURCE_DIR) + "/data/history"))
      if (e.path().extension() == ".csv")
        files.emplace_back(e.path().filename().string(), read_source("data/history/" + e.path().filename().string()));
    std::sort(files.begin(), files.end());
    return parse_history(files);
  }();
  return h;
}

inline const KeyFigureSet& bundled_keyfigures() {
  static const KeyFigureSet set =
      load_keyfigures_or_throw(read_source("instruments/ehalsa.keyfigures.yaml"), "instruments/ehalsa.keyfigures.yaml",
                               bundled_instrument_ptrs(), &bundled_history());
  return set;
}

}  // namespace dp::stats::testing

#include "core/csv.h"
#include "registry/model.h"
#include "stats/dataset.h"
#include "stats/synthetic.h"

namespace dp::stats::testing {

// The 290 municipalities of the bundled registry as the 2021 campaign sees them: sizes by the
// population of 31 December 2019, attributes of 2021.
inline std::vector<OrgRecord> bundled_orgs() {
  auto scheme = registry::parse_size_groups(read_source("data/registry/size_groups.yaml"), "size_groups.yaml");
  auto munis = csv::parse(read_source("data/registry/municipalities.csv"), "municipalities.csv");
  auto attrs = csv::parse(read_source("data/registry/attributes-2021.csv"), "attributes-2021.csv");
  std::map<std::string, std::map<std::string, std::string>> by_code;
  for (const auto& r : attrs.rows)
    for (size_t c = 2; c < attrs.header.size(); ++c) by_code[r.fields[1]][attrs.header[c]] = r.fields[c];
  std::vector<OrgRecord> out;
  auto col = [&](const char* n) { return (size_t)munis.column(n); };
  for (const auto& r : munis.rows) {
    OrgRecord o;
    o.code = r.fields[col("code")];
    o.name = r.fields[col("name")];
    o.county_code = r.fields[col("county_code")];
    o.county_name = r.fields[col("county_name")];
    o.population = std::stod(r.fields[col("pop_2019")]);
    o.size_group = scheme.group_of((long long)*o.population);
    for (size_t k = 0; k < scheme.groups.size(); ++k)
      if (scheme.groups[k].id == o.size_group) {
        o.size_group_label = scheme.groups[k].label;
        o.size_group_rank = (int)k;
      }
    o.skr_group = r.fields[col("skr_group_code")];
    o.skr_group_name = r.fields[col("skr_group_name")];
    o.attributes = by_code[o.code];
    out.push_back(o);
  }
  return out;
}

inline Marginals bundled_marginals(int year = 2021) {
  return marginals_from_history(bundled_keyfigures(), map_history(bundled_keyfigures(), bundled_history()), year);
}

}  // namespace dp::stats::testing

#include "stats/report_load.h"

namespace dp::stats::testing {
inline const ReportSpec& bundled_report() {
  static const ReportSpec spec = load_report_or_throw(read_source("instruments/ehalsa-2021.report.yaml"),
                                                      "instruments/ehalsa-2021.report.yaml", &bundled_keyfigures());
  return spec;
}
}  // namespace dp::stats::testing

#include "stats/response_input.h"
#include "support/demo_survey.h"

namespace dp::stats::testing {

// The one-question survey the disclosure tests publish: q1 yes/no; K1 the share answering yes and,
// with the response rate, K51 the share of organisations that responded.
inline const instrument::Instrument& yes_no_instrument() {
  static const auto in = instrument::load_or_throw(
      test::demo_instrument_yaml("      - {id: q1, type: yesno, label: {sv: \"Fråga\", en: \"Question\"}}\n"),
      "demo.yaml");
  return in;
}

inline const KeyFigureSet& yes_no_keyfigures(bool with_response_rate) {
  static const std::string share_yes =
      "  - id: K1\n    title: {sv: \"Ja\", en: \"Yes\"}\n    definition: {sv: \"Andel ja.\", en: \"Share yes.\"}\n"
      "    cells: [{expand: q1, options: [ja]}]\n";
  static const std::string response_rate =
      "  - id: K51\n    title: {sv: \"Svarsfrekvens\", en: \"Response rate\"}\n"
      "    definition: {sv: \"Andel svar.\", en: \"Share responding.\"}\n    base: scope\n"
      "    cells: [{id: svar, label: {sv: \"Svar\", en: \"Responded\"}, count: \"org.responded\"}]\n";
  static const KeyFigureSet k1 = load_keyfigures_or_throw(test::demo_keyfigures_yaml(share_yes), "demo.keyfigures.yaml",
                                                          {&yes_no_instrument()}, nullptr);
  static const KeyFigureSet k1_k51 = load_keyfigures_or_throw(test::demo_keyfigures_yaml(share_yes + response_rate),
                                                              "demo.keyfigures.yaml", {&yes_no_instrument()}, nullptr);
  return with_response_rate ? k1_k51 : k1;
}

// An organisation of a made-up world: code O<i> (two digits), in `county`, of the small (0) or
// large (1) size group.
inline OrgRecord world_org(size_t i, const std::string& county, int size) {
  OrgRecord o;
  o.code = (i < 10 ? "O0" : "O") + std::to_string(i);
  o.county_code = county;
  o.county_name = "Län " + county;
  o.size_group = size ? "large" : "small";
  o.size_group_rank = size;
  return o;
}

// The dataset of a world of yes/no answers: organisation i answers yes[i] when responded[i].
inline Dataset yes_no_dataset(const std::vector<OrgRecord>& orgs, const std::vector<bool>& yes,
                              const std::vector<bool>& responded) {
  const auto& in = yes_no_instrument();
  DatasetBuilder b(in, orgs);
  for (size_t i = 0; i < orgs.size(); ++i)
    if (responded[i])
      add_response(b, in, i, {{"q1", instrument::Value::code(yes[i] ? "ja" : "nej")}}, org_attributes_of(orgs[i], in));
  return b.finish();
}

}  // namespace dp::stats::testing
