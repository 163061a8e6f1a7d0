// The bundled disclosure profiles, and the rule that only a profile without a threshold publishes
// each organisation's own figures.
#include <gtest/gtest.h>

#include "core/error.h"
#include "stats/suppression.h"
#include "support.h"

namespace dp::stats {
namespace {

TEST(DisclosureProfiles, OnlyTheReproduceProfilePublishesEachOrganisationsOwnFigures) {
  auto set = parse_profiles(testing::read_source("instruments/disclosure.yaml"), "disclosure.yaml");
  ASSERT_NE(set.find("reproduce-2021"), nullptr);
  EXPECT_TRUE(set.find("reproduce-2021")->organisations);
  EXPECT_FALSE(set.find("standard")->organisations);
  EXPECT_FALSE(set.find("strict")->organisations);
}

TEST(DisclosureProfiles, OrganisationsWithAThresholdAboveOneIsRefusedAtItsLine) {
  const std::string text = R"(format: digipuls-disclosure/1
default: p
profiles:
  - id: p
    label: {sv: "P", en: "P"}
    min_n: 3
    organisations: true
)";
  try {
    parse_profiles(text, "d.yaml");
    FAIL() << "accepted organisations: true with min_n 3";
  } catch (const Error& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("d.yaml:7:"), std::string::npos) << msg;
    EXPECT_NE(msg.find("organisations"), std::string::npos) << msg;
  }
}

}  // namespace
}  // namespace dp::stats
