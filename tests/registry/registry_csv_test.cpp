// Registry CSV import parsing (registry/csv_import.h): every bad cell named by row and column,
// records only when the whole file is valid.
#include <fstream>
#include <gtest/gtest.h>

#include "registry/csv_import.h"

using namespace dp::registry;

namespace {

ImportContext ctx(std::optional<int> year = std::nullopt) { return ImportContext{{"01", "03", "25"}, year}; }

std::vector<std::string> problems_of(const std::string& text, std::optional<int> year = std::nullopt) {
  dp::ProblemList problems;
  auto records = parse_registry_csv(text, "reg.csv", ctx(year), problems);
  EXPECT_TRUE(records.empty()) << "records returned despite problems";
  return problems.lines();
}

void expect_one(const std::string& text, const std::string& where, const std::string& what) {
  auto p = problems_of(text);
  ASSERT_EQ(p.size(), 1u) << text;
  EXPECT_NE(p[0].find(where), std::string::npos) << p[0];
  EXPECT_NE(p[0].find(what), std::string::npos) << p[0];
}

}  // namespace

TEST(RegistryCsv, ParsesAllStandardColumnsAndAttributes) {
  dp::ProblemList problems;
  auto r = parse_registry_csv(
      "code,year,name,kind,county_code,population,skr_group_code,skr_group_name,active,stimulus_requisitioned\n"
      "0114,2021,Upplands Väsby,municipality,01,47 820,A2,Pendlingskommun,ja,true\n"
      "P001,2021,Omsorg AB,private_provider,,,,,false,\n",
      "reg.csv", ctx(), problems);
  ASSERT_EQ(problems.lines(), std::vector<std::string>{});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].code, "0114");
  EXPECT_EQ(r[0].year, 2021);
  EXPECT_EQ(r[0].line, 2);
  EXPECT_EQ(*r[0].name, "Upplands Väsby");
  EXPECT_EQ(*r[0].county_code, "01");
  EXPECT_EQ(*r[0].population, 47820);
  EXPECT_EQ(*r[0].skr_group_code, "A2");
  EXPECT_TRUE(*r[0].active);
  EXPECT_EQ(r[0].attributes.at("stimulus_requisitioned"), "true");
  EXPECT_EQ(*r[1].kind, "private_provider");
  EXPECT_FALSE(r[1].county_code);
  EXPECT_FALSE(r[1].population);
  EXPECT_FALSE(*r[1].active);
  EXPECT_TRUE(r[1].attributes.empty());  // empty cells change nothing
}

TEST(RegistryCsv, YearFromOptionWhenNoYearColumn) {
  dp::ProblemList problems;
  auto r = parse_registry_csv("code,home_health_care\n0114,false\n", "reg.csv", ctx(2022), problems);
  ASSERT_TRUE(problems.empty());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].year, 2022);
}

TEST(RegistryCsv, MissingCodeColumn) { expect_one("name,year\nX,2021\n", "row 1", "'code'"); }

TEST(RegistryCsv, MissingYearColumnWithoutOption) { expect_one("code,name\n0114,X\n", "row 1", "--year"); }

TEST(RegistryCsv, DuplicateColumn) {
  expect_one("code,year,name,name\n0114,2021,a,b\n", "row 1, column name", "twice");
}

TEST(RegistryCsv, BadAttributeColumnName) {
  expect_one("code,year,Has Pets\n0114,2021,x\n", "row 1, column Has Pets", "lower-case");
}

TEST(RegistryCsv, BadOrganisationCode) {
  expect_one("code,year\n01 14,2021\n", "row 2, column code", "not an organisation code");
  expect_one("code,year\n,2021\n", "row 2, column code", "not an organisation code");
}

TEST(RegistryCsv, BadYear) {
  expect_one("code,year\n0114,tjugo\n", "row 2, column year", "not a year");
  expect_one("code,year\n0114,2021.5\n", "row 2, column year", "not a year");
  expect_one("code,year\n0114,1850\n", "row 2, column year", "not a year");
}

TEST(RegistryCsv, HugeYearIsRejectedNotOverflowed) {
  expect_one("code,year\n0114,99999999999999999999999\n", "row 2, column year", "not a year");
}

TEST(RegistryCsv, DuplicateOrganisationInAYear) {
  expect_one("code,year\n0114,2021\n0115,2021\n0114,2021\n", "row 4, column code", "appears twice");
  dp::ProblemList problems;
  auto ok = parse_registry_csv("code,year\n0114,2021\n0114,2022\n", "reg.csv", ctx(), problems);
  EXPECT_EQ(ok.size(), 2u);  // one row per organisation and year
}

TEST(RegistryCsv, UnknownCountyCode) {
  expect_one("code,year,county_code\n0114,2021,99\n", "row 2, column county_code", "unknown county code '99'");
}

TEST(RegistryCsv, BadPopulation) {
  expect_one("code,year,population\n0114,2021,many\n", "row 2, column population", "whole number");
  expect_one("code,year,population\n0114,2021,-5\n", "row 2, column population", "whole number");
  expect_one("code,year,population\n0114,2021,12.5\n", "row 2, column population", "whole number");
}

TEST(RegistryCsv, HugePopulationIsRejectedNotOverflowed) {
  expect_one("code,year,population\n0114,2021,1000000000000000000000000000000\n", "row 2, column population",
             "whole number");
}

TEST(RegistryCsv, BadActiveFlag) {
  expect_one("code,year,active\n0114,2021,kanske\n", "row 2, column active", "not true or false");
}

TEST(RegistryCsv, OverlongAttributeValue) {
  expect_one("code,year,note\n0114,2021," + std::string(1001, 'x') + "\n", "row 2, column note", "longer than 1000");
}

TEST(RegistryCsv, MalformedCsvIsOneProblem) {
  auto p = problems_of("code,year\n0114,2021,extra\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("row 2"), std::string::npos) << p[0];
}

TEST(RegistryCsv, EveryProblemIsReportedAtOnce) {
  auto p = problems_of(
      "code,year,county_code,population,active\n"
      "0114,2021,99,1,true\n"
      "0115,2021,01,x,true\n"
      "0117,2021,01,1,maybe\n"
      "bad code,2021,01,1,true\n");
  ASSERT_EQ(p.size(), 4u);
  EXPECT_NE(p[0].find("reg.csv: row 2, column county_code"), std::string::npos) << p[0];
  EXPECT_NE(p[1].find("reg.csv: row 3, column population"), std::string::npos) << p[1];
  EXPECT_NE(p[2].find("reg.csv: row 4, column active"), std::string::npos) << p[2];
  EXPECT_NE(p[3].find("reg.csv: row 5, column code"), std::string::npos) << p[3];
}

TEST(RegistryCsv, BundledAttributeFileIsValid) {
  std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/data/registry/attributes-2021.csv", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  dp::ProblemList problems;
  ImportContext c;
  for (const char* cc : {"01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13",
                         "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"})
    c.county_codes.insert(cc);
  auto r = parse_registry_csv(text, "attributes-2021.csv", c, problems);
  EXPECT_EQ(problems.lines(), std::vector<std::string>{});
  EXPECT_EQ(r.size(), 290u);
}

TEST(RegistryCsv, EveryNewOrganisationWithoutANameIsReportedWithItsRow) {
  ImportContext c = ctx();
  c.known_codes = std::set<std::string>{"0114"};
  dp::ProblemList problems;
  auto r =
      parse_registry_csv("code,year,population\n0114,2022,48000\nX1,2022,10\nX2,2022,20\n", "reg.csv", c, problems);
  EXPECT_TRUE(r.empty());
  ASSERT_EQ(problems.count(), 2u);
  EXPECT_NE(problems.shown()[0].find("row 3, column name"), std::string::npos) << problems.shown()[0];
  EXPECT_NE(problems.shown()[1].find("row 4, column name"), std::string::npos) << problems.shown()[1];
}
