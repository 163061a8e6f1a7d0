// The registry's year-on-year check (registry/year_diff.h).
#include "registry/year_diff.h"

#include <gtest/gtest.h>

using namespace dp::registry;

namespace {
Organisation org(std::string code, long long population, std::string group,
                 std::map<std::string, std::string> attrs = {}) {
  Organisation o;
  o.code = std::move(code);
  o.name = "Kommun " + o.code;
  o.population = population;
  o.size_group = std::move(group);
  o.attributes = std::move(attrs);
  return o;
}
}  // namespace

TEST(YearDiff, ListsNewAndGoneOrganisationsSizeGroupMovesBigPopulationChangesAndAttributes) {
  std::vector<Organisation> last = {org("0114", 49000, "medium", {{"stimulus_requisitioned", "true"}}),
                                    org("0115", 10100, "small"), org("0117", 20000, "small"),
                                    org("0999", 500, "small")};
  std::vector<Organisation> now = {org("0114", 49500, "medium", {{"stimulus_requisitioned", "false"}}),
                                   org("0115", 9900, "tiny"), org("0117", 23000, "small"), org("1000", 700, "tiny")};
  auto d = diff_years(last, now);
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[0].code, "0114");
  EXPECT_EQ(d[0].what, "attribute");
  EXPECT_EQ(d[0].detail, "stimulus_requisitioned");
  EXPECT_EQ(d[0].before, "true");
  EXPECT_EQ(d[0].after, "false");
  EXPECT_EQ(d[1].what, "size_group");
  EXPECT_EQ(d[1].before, "small");
  EXPECT_EQ(d[1].after, "tiny");
  EXPECT_EQ(d[2].what, "population") << "15 % growth is listed, 1 % is not";
  EXPECT_EQ(d[2].after, "23000");
  EXPECT_EQ(d[3].code, "0999");
  EXPECT_EQ(d[3].what, "removed");
  EXPECT_EQ(d[4].code, "1000");
  EXPECT_EQ(d[4].what, "added");
  EXPECT_TRUE(diff_years(now, now).empty());
}
