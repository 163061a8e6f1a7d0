#include "selfassess/comparison.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace dp::selfassess {
namespace {

TEST(Comparison, GroupBelowMinimumNIsHiddenWithoutValues) {
  std::vector<Profile> ps(4, Profile{{"overall", 50}});
  std::vector<const Profile*> members;
  for (auto& p : ps) members.push_back(&p);
  auto g = group_profile("county", "01", members, 5);
  EXPECT_TRUE(g.hidden);
  EXPECT_EQ(g.n, 4);
  EXPECT_TRUE(g.mean.empty());
}

TEST(Comparison, GroupAtMinimumNShowsTheMeanPerDimension) {
  std::vector<Profile> ps;
  for (double v : {10.0, 20.0, 30.0, 40.0, 50.0}) ps.push_back({{"overall", v}, {"area.infra", v * 2}});
  ps[0].erase("area.infra");  // only 4 members have an infrastructure score
  std::vector<const Profile*> members;
  for (auto& p : ps) members.push_back(&p);
  auto g = group_profile("national", "", members, 5);
  EXPECT_FALSE(g.hidden);
  EXPECT_DOUBLE_EQ(g.mean.at("overall"), 30);
  EXPECT_EQ(g.mean.count("area.infra"), 0u) << "a dimension with fewer than min n values is hidden too";
}

TEST(Comparison, ProfileHoldsEveryScoredDimension) {
  auto r = score(testing::fixture(), {{"i1", "uppnadd"}, {"i3", "ej_relevant"}}, testing::fixture_rules());
  auto p = profile_of(r);
  EXPECT_DOUBLE_EQ(p.at("overall"), 100);
  EXPECT_DOUBLE_EQ(p.at("area.infra"), 100);
  EXPECT_DOUBLE_EQ(p.at("target_group.a"), 100);
  EXPECT_EQ(p.count("target_group.b"), 0u);
  EXPECT_EQ(p.count("area.sak"), 0u);
}

}  // namespace
}  // namespace dp::selfassess
