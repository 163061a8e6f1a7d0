// Roles (core/role.h): one stable name each, parsed back to the role; other text refused, and an
// account can never hold the public role.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/role.h"

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
