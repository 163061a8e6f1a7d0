// Outbox and self-assessment statuses (core/mail_status.h, core/selfassess_status.h): each has one
// stable name, the name parses back to it, and any other text is refused naming it and where.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/mail_status.h"
#include "core/selfassess_status.h"

using namespace dp;

TEST(MailStatus, EveryStatusRoundTripsThroughItsName) {
  for (MailStatus s : kAllMailStatuses) EXPECT_EQ(parse_mail_status(to_string(s)), s) << to_string(s);
  EXPECT_STREQ(to_string(MailStatus::Queued), "queued");
  EXPECT_STREQ(to_string(MailStatus::Sent), "sent");
  EXPECT_STREQ(to_string(MailStatus::Failed), "failed");
  EXPECT_STREQ(to_string(MailStatus::Dead), "dead");
  EXPECT_STREQ(to_string(MailStatus::Logged), "logged");
}

TEST(MailStatus, OnlyFailedDeadAndLoggedMessagesCanBeSentAgain) {
  EXPECT_FALSE(can_retry(MailStatus::Queued));
  EXPECT_FALSE(can_retry(MailStatus::Sent));
  EXPECT_TRUE(can_retry(MailStatus::Failed));
  EXPECT_TRUE(can_retry(MailStatus::Dead));
  EXPECT_TRUE(can_retry(MailStatus::Logged));
}

TEST(MailStatus, UnknownNamesAreRefusedWithTheNameAndWhere) {
  for (const char* bad : {"", "Sent", "problem", "bounced"}) {
    try {
      parse_mail_status(bad, {"", 0, 0, "outbox.status"});
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::BadInput);
      EXPECT_EQ(e.where().field, "outbox.status");
      EXPECT_NE(std::string(e.what()).find(std::string("mail status '") + bad + "'"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("queued, sent, failed, dead, logged"), std::string::npos) << e.what();
    }
  }
}

TEST(AssessmentStatus, EveryStatusRoundTripsThroughItsName) {
  for (AssessmentStatus s : kAllAssessmentStatuses) EXPECT_EQ(parse_assessment_status(to_string(s)), s) << to_string(s);
  EXPECT_STREQ(to_string(AssessmentStatus::Open), "open");
  EXPECT_STREQ(to_string(AssessmentStatus::Completed), "completed");
}

TEST(PlanStatus, EveryStatusRoundTripsThroughItsName) {
  for (PlanStatus s : kAllPlanStatuses) EXPECT_EQ(parse_plan_status(to_string(s)), s) << to_string(s);
  EXPECT_STREQ(to_string(PlanStatus::Planned), "planned");
  EXPECT_STREQ(to_string(PlanStatus::InProgress), "in_progress");
  EXPECT_STREQ(to_string(PlanStatus::Done), "done");
  EXPECT_STREQ(to_string(PlanStatus::Dropped), "dropped");
}

TEST(AssessmentStatus, UnknownNamesAreRefusedWithTheNameAndWhere) {
  for (const char* bad : {"", "closed", "Completed"}) {
    try {
      parse_assessment_status(bad, {"", 0, 0, "status"});
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::BadInput);
      EXPECT_EQ(e.where().field, "status");
      EXPECT_NE(std::string(e.what()).find("open, completed"), std::string::npos) << e.what();
    }
  }
}

TEST(PlanStatus, UnknownNamesAreRefusedWithTheNameAndWhere) {
  for (const char* bad : {"", "in progress", "finished"}) {
    try {
      parse_plan_status(bad, {"", 0, 0, "status"});
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::BadInput);
      EXPECT_EQ(e.where().field, "status");
      EXPECT_NE(std::string(e.what()).find("planned, in_progress, done, dropped"), std::string::npos) << e.what();
    }
  }
}

TEST(StatusJson, TemplatesReceiveTheNames) {
  nlohmann::json j = {
      {"mail", MailStatus::Logged}, {"assessment", AssessmentStatus::Completed}, {"plan", PlanStatus::InProgress}};
  EXPECT_EQ(j["mail"], "logged");
  EXPECT_EQ(j["assessment"], "completed");
  EXPECT_EQ(j["plan"], "in_progress");
}
