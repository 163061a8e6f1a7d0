// Campaign states and response statuses (core/collection_state.h): each has one stable name, the
// name parses back to it, and any other text is refused with a message naming it.
#include "core/collection_state.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace dp;

TEST(CampaignState, EveryStateRoundTripsThroughItsName) {
  for (CampaignState s : kAllCampaignStates) EXPECT_EQ(parse_campaign_state(to_string(s)), s) << to_string(s);
  EXPECT_STREQ(to_string(CampaignState::Draft), "draft");
  EXPECT_STREQ(to_string(CampaignState::Open), "open");
  EXPECT_STREQ(to_string(CampaignState::Closed), "closed");
  EXPECT_STREQ(to_string(CampaignState::Published), "published");
}

TEST(ResponseStatus, EveryStatusRoundTripsThroughItsName) {
  for (ResponseStatus s : kAllResponseStatuses) EXPECT_EQ(parse_response_status(to_string(s)), s) << to_string(s);
  EXPECT_STREQ(to_string(ResponseStatus::NotStarted), "not_started");
  EXPECT_STREQ(to_string(ResponseStatus::Draft), "draft");
  EXPECT_STREQ(to_string(ResponseStatus::Submitted), "submitted");
  EXPECT_STREQ(to_string(ResponseStatus::Reopened), "reopened");
}

TEST(CampaignState, UnknownNamesAreRefusedWithTheNameAndWhere) {
  for (const char* bad : {"", "Open", "exploded", " open", "not_started"}) {
    try {
      parse_campaign_state(bad, {"", 0, 0, "to"});
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::BadInput);
      EXPECT_EQ(e.where().field, "to");
      EXPECT_NE(std::string(e.what()).find(std::string("'") + bad + "'"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("draft, open, closed, published"), std::string::npos) << e.what();
    }
  }
}

TEST(ResponseStatus, UnknownNamesAreRefusedWithTheNameAndWhere) {
  for (const char* bad : {"", "lost", "Submitted", "open"}) {
    try {
      parse_response_status(bad, {"f.csv", 3, 0, "status"});
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::BadInput);
      EXPECT_EQ(e.where().line, 3);
      EXPECT_NE(std::string(e.what()).find("not_started, draft, submitted, reopened"), std::string::npos) << e.what();
    }
  }
}

TEST(CollectionStateJson, TemplatesReceiveTheNames) {
  nlohmann::json j = {{"state", CampaignState::Closed}, {"status", ResponseStatus::NotStarted}};
  EXPECT_EQ(j["state"], "closed");
  EXPECT_EQ(j["status"], "not_started");
}
