#pragma once
// A real SQLite database file in a fresh temporary directory, removed after the test.
#include <filesystem>
#include <gtest/gtest.h>
#include <string>

#include "instrument/load.h"
#include "storage/campaign_store.h"
#include "storage/instrument_store.h"
#include "storage/registry_store.h"
#include "storage/response_store.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace dp::testing {

using TempDir = test::ScopedDir;

inline const char* kTinyInstrument = R"YAML(format: digipuls-instrument/1
id: tiny-2021
family: tiny
year: 2021
title: {sv: "Liten", en: "Tiny"}
sections:
  - id: a
    title: {sv: "A", en: "A"}
    questions:
      - {id: q01, type: yesno, label: {sv: "Ja?", en: "Yes?"}}
      - {id: q02, type: number, label: {sv: "Antal", en: "Count"}}
      - {id: q03, type: multi, label: {sv: "Flera", en: "Several"}, options: [{id: a, label: {sv: "A", en: "A"}}, {id: b, label: {sv: "B", en: "B"}}]}
      - {id: q04, type: text, label: {sv: "Text", en: "Text"}}
)YAML";

// A database with two counties, three municipalities, the tiny instrument and one campaign.
struct SeededDb {
  TempDir dir;
  std::unique_ptr<storage::Store> store;
  int64_t campaign_id = 0;

  SeededDb() {
    store = storage::open_sqlite(dir.file("test.db"));
    auto& reg = store->registry();
    reg.upsert_county({"01", "Stockholms län"});
    reg.upsert_county({"25", "Norrbottens län"});
    reg.put_size_groups(
        "scheme: s\ngroups:\n  - {id: small, label: {sv: small}, min: 0, max: 15000}\n"
        "  - {id: large, label: {sv: large}, min: 15001}\n");
    auto org = [&](const char* code, const char* name, const char* county, long long pop) {
      registry::ImportRecord r;
      r.code = code;
      r.year = 2019;
      r.name = name;
      r.county_code = county;
      r.population = pop;
      reg.apply(r);
    };
    org("0114", "Upplands Väsby", "01", 46786);
    org("2584", "Kiruna", "25", 22841);
    org("2521", "Pajala", "25", 6153);
    store->instruments().put(instrument::load_or_throw(kTinyInstrument, "tiny-2021.yaml"));
    storage::Campaign c;
    c.slug = "tiny-2021";
    c.instrument_id = "tiny-2021";
    c.year = 2021;
    c.title = {"Liten", "Tiny"};
    c.population_year = 2019;
    campaign_id = store->campaigns().create(c);
    store->campaigns().set_scope(campaign_id, {{"0114", true, {}}, {"2584", true, {}}, {"2521", false, {}}});
  }
};

}  // namespace dp::testing
