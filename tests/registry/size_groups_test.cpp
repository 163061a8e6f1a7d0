// The population size-group scheme (registry/model.h, data/registry/size_groups.yaml).
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <sstream>

#include "core/csv.h"
#include "core/error.h"
#include "registry/model.h"

using namespace dp::registry;

namespace {
std::string slurp(const std::string& rel) {
  std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
SizeGroupScheme bundled() { return parse_size_groups(slurp("data/registry/size_groups.yaml"), "size_groups.yaml"); }
}  // namespace

TEST(SizeGroups, BundledSchemeHasTheFourGroupsOfTheReport) {
  auto s = bundled();
  EXPECT_EQ(s.id, "socialstyrelsen-2021");
  ASSERT_EQ(s.groups.size(), 4u);
  EXPECT_EQ(s.groups[0].id, "0-15000");
  EXPECT_EQ(s.groups[3].id, "70001+");
  EXPECT_FALSE(s.groups[3].max);
  EXPECT_FALSE(s.groups[0].label.en.empty());
}

TEST(SizeGroups, BoundsAreInclusive) {
  auto s = bundled();
  EXPECT_EQ(s.group_of(0), "0-15000");
  EXPECT_EQ(s.group_of(15000), "0-15000");
  EXPECT_EQ(s.group_of(15001), "15001-30000");
  EXPECT_EQ(s.group_of(30000), "15001-30000");
  EXPECT_EQ(s.group_of(30001), "30001-70000");
  EXPECT_EQ(s.group_of(70000), "30001-70000");
  EXPECT_EQ(s.group_of(70001), "70001+");
  EXPECT_EQ(s.group_of(975551), "70001+");
}

TEST(SizeGroups, PopulationOutsideEveryGroupHasNoGroup) {
  auto s = bundled();
  EXPECT_EQ(s.group_of(-1), "");
  EXPECT_EQ(s.find("70001+")->min, 70001);
  EXPECT_EQ(s.find("nope"), nullptr);
}

TEST(SizeGroups, Populations2019GiveTheReportCounts) {
  // The 2021 report grouped by population on 31 December 2019: 131/73/54/32 municipalities.
  auto s = bundled();
  auto t = dp::csv::parse(slurp("data/registry/municipalities.csv"), "municipalities.csv");
  int col = t.column("pop_2019");
  ASSERT_GE(col, 0);
  std::map<std::string, int> counts;
  for (const auto& r : t.rows) counts[s.group_of(std::stoll(r.fields[col]))]++;
  EXPECT_EQ(t.rows.size(), 290u);
  EXPECT_EQ(counts["0-15000"], 131);
  EXPECT_EQ(counts["15001-30000"], 73);
  EXPECT_EQ(counts["30001-70000"], 54);
  EXPECT_EQ(counts["70001+"], 32);
}

TEST(SizeGroups, BrokenSchemeIsABadInputNamingTheFile) {
  try {
    parse_size_groups("scheme: x\ngroups:\n  - id: a\n    min: many\n", "sg.yaml");
    FAIL() << "no error";
  } catch (const dp::Error& e) {
    EXPECT_EQ(e.code(), dp::ErrorCode::BadInput);
    EXPECT_EQ(e.where().file, "sg.yaml");
  }
  EXPECT_THROW(parse_size_groups("scheme: x\ngroups: []\n", "sg.yaml"), dp::Error);
  EXPECT_THROW(parse_size_groups("[", "sg.yaml"), dp::Error);
}
