// Roles (core/role.h): one stable name each, parsed back to the role; other text refused, and an
// account can never hold the public role.
#include "core/role.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace dp;

TEST(Role, EveryRoleRoundTripsThroughItsName) {
  for (Role r : kAllRoles) EXPECT_EQ(parse_role(to_string(r)), r) << to_string(r);
  EXPECT_STREQ(to_string(Role::Public), "public");
  EXPECT_STREQ(to_string(Role::Respondent), "respondent");
  EXPECT_STREQ(to_string(Role::Coordinator), "coordinator");
  EXPECT_STREQ(to_string(Role::Admin), "admin");
}

TEST(Role, UnknownNamesAreRefusedWithTheNameAndWhere) {
  for (const char* bad : {"", "Admin", "root", "staff", "respondent "}) {
    try {
      parse_role(bad, {"", 0, 0, "role"});
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::BadInput);
      EXPECT_EQ(e.where().field, "role");
      EXPECT_NE(std::string(e.what()).find(std::string("'") + bad + "'"), std::string::npos) << e.what();
    }
  }
}

TEST(Role, AnAccountRoleIsNeverPublic) {
  for (Role r : {Role::Respondent, Role::Coordinator, Role::Admin}) EXPECT_EQ(parse_account_role(to_string(r)), r);
  EXPECT_THROW(parse_account_role("public"), Error);
  EXPECT_THROW(parse_account_role("root"), Error);
}

TEST(Role, TemplatesReceiveTheName) {
  nlohmann::json j = {{"role", Role::Coordinator}};
  EXPECT_EQ(j["role"], "coordinator");
}

TEST(Duties, AreASetWrittenInOneOrderAndParsedBack) {
  EXPECT_TRUE(parse_duties("").empty());
  EXPECT_EQ(to_string(parse_duties("approver, contact")), "contact,approver");
  EXPECT_EQ(to_string(parse_duties("approver,approver")), "approver");
  Duties d = parse_duties("contact");
  EXPECT_TRUE(d.has(Role::Contact));
  EXPECT_FALSE(d.has(Role::Approver));
  d.merge(parse_duties("approver"));
  EXPECT_EQ(to_string(d), "contact,approver");
  d.remove(Role::Contact);
  EXPECT_EQ(to_string(d), "approver");
  try {
    parse_duties("contact,boss", {"", 3, 0, "role"});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("boss"), std::string::npos);
  }
  EXPECT_THROW(d.add(Role::Admin), Error);
}

TEST(Roles, ContactAndApproverAreDutiesNotKindsOfAccount) {
  EXPECT_EQ(parse_role("contact"), Role::Contact);
  EXPECT_EQ(parse_role("approver"), Role::Approver);
  EXPECT_THROW(parse_account_role("contact"), Error);
  EXPECT_THROW(parse_account_role("approver"), Error);
}
