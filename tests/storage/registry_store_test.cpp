// The registry in SQLite (storage/registry_store.h): facts versioned by year, populations per
// year with fallback to the latest earlier year, attributes as of a year, size groups.
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <sstream>

#include "core/csv.h"
#include "core/error.h"
#include "support/sqlite_temp_dir.h"

using namespace dp;
using dp::testing::TempDir;

namespace {

struct RegistryDb {
  TempDir dir;
  std::unique_ptr<storage::Store> store = storage::open_sqlite(dir.file("r.db"));
  registry::SizeGroupScheme scheme;

  RegistryDb() {
    store->registry().upsert_county({"01", "Stockholms län"});
    store->registry().upsert_county({"25", "Norrbottens län"});
    scheme.groups = {{"small", {}, 0, 15000}, {"large", {}, 15001, std::nullopt}};
  }
  storage::RegistryStore& reg() { return store->registry(); }
  void apply(const std::string& code, int year, std::function<void(registry::ImportRecord&)> fill) {
    registry::ImportRecord r;
    r.code = code;
    r.year = year;
    fill(r);
    reg().apply(r);
  }
  std::optional<registry::Organisation> find(const std::string& code, int year, int pop_year) {
    return reg().find(code, year, pop_year, scheme);
  }
};

}  // namespace

TEST(RegistryStore, FactsHoldFromTheirYearUntilReplaced) {
  RegistryDb db;
  db.apply("0999", 2015, [](auto& r) {
    r.name = "Gamla namnet";
    r.county_code = "01";
  });
  db.apply("0999", 2020, [](auto& r) { r.name = "Nya namnet"; });
  EXPECT_FALSE(db.find("0999", 2014, 2014));  // did not exist yet
  EXPECT_EQ(db.find("0999", 2015, 2015)->name, "Gamla namnet");
  EXPECT_EQ(db.find("0999", 2019, 2019)->name, "Gamla namnet");
  EXPECT_EQ(db.find("0999", 2020, 2020)->name, "Nya namnet");
  EXPECT_EQ(db.find("0999", 2030, 2030)->name, "Nya namnet");
  // A later record without a county keeps the earlier county.
  EXPECT_EQ(db.find("0999", 2021, 2021)->county_code, "01");
  EXPECT_EQ(db.find("0999", 2021, 2021)->county_name, "Stockholms län");
}

TEST(RegistryStore, NewOrganisationNeedsAName) {
  RegistryDb db;
  try {
    db.apply("0998", 2021, [](auto& r) {
      r.line = 7;
      r.population = 100;
    });
    FAIL() << "created an organisation without a name";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    EXPECT_EQ(e.where().line, 7);
    EXPECT_EQ(e.where().field, "name");
  }
  EXPECT_FALSE(db.find("0998", 2021, 2021));
}

TEST(RegistryStore, PopulationOfTheYearOrTheLatestEarlier) {
  RegistryDb db;
  db.apply("0999", 2015, [](auto& r) {
    r.name = "K";
    r.population = 10000;
  });
  db.apply("0999", 2017, [](auto& r) { r.population = 20000; });
  auto o = db.find("0999", 2021, 2016);
  ASSERT_TRUE(o);
  EXPECT_EQ(*o->population, 10000);
  EXPECT_EQ(o->population_year, 2015);
  EXPECT_EQ(o->size_group, "small");
  o = db.find("0999", 2021, 2019);
  EXPECT_EQ(*o->population, 20000);
  EXPECT_EQ(o->population_year, 2017);
  EXPECT_EQ(o->size_group, "large");
  o = db.find("0999", 2021, 2014);
  EXPECT_FALSE(o->population);
  EXPECT_EQ(o->size_group, "");
}

TEST(RegistryStore, AttributesAsOfTheYear) {
  RegistryDb db;
  db.apply("0999", 2020, [](auto& r) {
    r.name = "K";
    r.attributes = {{"stimulus_requisitioned", "true"}};
  });
  db.apply("0999", 2022, [](auto& r) {
    r.attributes = {{"stimulus_requisitioned", "false"}, {"home_health_care", "true"}};
  });
  EXPECT_TRUE(db.find("0999", 2019, 2019) == std::nullopt);
  EXPECT_EQ(db.find("0999", 2020, 2020)->attributes.at("stimulus_requisitioned"), "true");
  auto o21 = db.find("0999", 2021, 2021);
  EXPECT_EQ(o21->attributes.at("stimulus_requisitioned"), "true");
  EXPECT_FALSE(o21->attributes.count("home_health_care"));
  auto o22 = db.find("0999", 2022, 2022);
  EXPECT_EQ(o22->attributes.at("stimulus_requisitioned"), "false");
  EXPECT_EQ(o22->attributes.at("home_health_care"), "true");
}

TEST(RegistryStore, ReapplyingTheSameYearUpdatesInPlace) {
  RegistryDb db;
  db.apply("0999", 2021, [](auto& r) {
    r.name = "Först";
    r.population = 5;
    r.attributes = {{"x", "1"}};
  });
  db.apply("0999", 2021, [](auto& r) {
    r.population = 6;
    r.attributes = {{"x", "2"}};
  });
  auto o = db.find("0999", 2021, 2021);
  EXPECT_EQ(o->name, "Först");  // absent columns are not changed
  EXPECT_EQ(*o->population, 6);
  EXPECT_EQ(o->attributes.at("x"), "2");
  EXPECT_EQ(db.reg().years(), std::vector<int>{2021});
}

TEST(RegistryStore, InactiveOrganisationsDropOutFromTheirYear) {
  RegistryDb db;
  db.apply("0998", 2015, [](auto& r) { r.name = "Uppgår"; });
  db.apply("0999", 2015, [](auto& r) { r.name = "Finns kvar"; });
  db.apply("0998", 2020, [](auto& r) { r.active = false; });
  EXPECT_EQ(db.reg().list(2019, 2019, db.scheme).size(), 2u);
  auto l = db.reg().list(2020, 2020, db.scheme);
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].code, "0999");
}

TEST(RegistryStore, ListIsOrderedByCodeAndKeepsKind) {
  RegistryDb db;
  db.apply("P001", 2021, [](auto& r) {
    r.name = "Omsorg AB";
    r.kind = "private_provider";
  });
  db.apply("0114", 2021, [](auto& r) { r.name = "Upplands Väsby"; });
  auto l = db.reg().list(2021, 2021, db.scheme);
  ASSERT_EQ(l.size(), 2u);
  EXPECT_EQ(l[0].code, "0114");
  EXPECT_EQ(l[0].kind, "municipality");
  EXPECT_EQ(l[1].kind, "private_provider");
}

TEST(RegistryStore, YearsListsEveryYearWithData) {
  RegistryDb db;
  db.apply("0999", 2015, [](auto& r) { r.name = "K"; });
  db.apply("0999", 2017, [](auto& r) { r.population = 3; });
  db.apply("0999", 2021, [](auto& r) { r.attributes = {{"a", "b"}}; });
  EXPECT_EQ(db.reg().years(), (std::vector<int>{2015, 2017, 2021}));
}

TEST(RegistryStore, SizeGroupsAndBoundariesRoundTrip) {
  RegistryDb db;
  EXPECT_THROW(db.reg().size_groups(), Error);  // none stored yet
  db.reg().put_size_groups("scheme: s\ngroups:\n  - {id: all, label: {sv: alla}, min: 0}\n");
  EXPECT_EQ(db.reg().size_groups().groups.size(), 1u);
  EXPECT_THROW(db.reg().put_size_groups("scheme: s\ngroups: []\n"), Error);
  EXPECT_EQ(db.reg().size_groups().groups.size(), 1u);  // a broken scheme replaced nothing
  EXPECT_FALSE(db.reg().boundaries("municipalities"));
  db.reg().put_boundaries("municipalities", "{\"type\":\"FeatureCollection\"}");
  EXPECT_EQ(*db.reg().boundaries("municipalities"), "{\"type\":\"FeatureCollection\"}");
}

TEST(RegistryStore, BundledPopulations2019GiveTheReportSizeGroups) {
  // 131/73/54/32 municipalities by population on 31 December 2019 (the 2021 report).
  RegistryDb db;
  auto slurp = [](const std::string& rel) {
    std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  auto counties = csv::parse(slurp("data/registry/counties.csv"));
  for (const auto& r : counties.rows) db.reg().upsert_county({r.fields[0], r.fields[1]});
  db.reg().put_size_groups(slurp("data/registry/size_groups.yaml"));
  auto t = csv::parse(slurp("data/registry/municipalities.csv"));
  db.store->write_transaction([&] {
    for (const auto& row : t.rows)
      for (int y = 2018; y <= 2021; ++y)
        db.apply(row.fields[t.column("code")], y, [&](auto& r) {
          if (y == 2018) {
            r.name = row.fields[t.column("name")];
            r.county_code = row.fields[t.column("county_code")];
          }
          r.population = std::stoll(row.fields[t.column("pop_" + std::to_string(y))]);
        });
  });
  auto scheme = db.reg().size_groups();
  std::map<std::string, int> counts;
  auto orgs = db.reg().list(2021, 2019, scheme);
  for (const auto& o : orgs) {
    counts[o.size_group]++;
    EXPECT_EQ(o.population_year, 2019);
  }
  EXPECT_EQ(orgs.size(), 290u);
  EXPECT_EQ(counts["0-15000"], 131);
  EXPECT_EQ(counts["15001-30000"], 73);
  EXPECT_EQ(counts["30001-70000"], 54);
  EXPECT_EQ(counts["70001+"], 32);
  // With 2021 populations the groups differ: the population date matters.
  std::map<std::string, int> c21;
  for (const auto& o : db.reg().list(2021, 2021, scheme)) c21[o.size_group]++;
  EXPECT_NE(c21, counts);
}
