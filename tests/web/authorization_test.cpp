// web::decide, the one place access is decided, for each policy and role on its own (the route ×
// role matrix over HTTP is tests/collection/authorization_matrix_test.cpp).
#include "web/authorization.h"

#include <gtest/gtest.h>

#include "core/error.h"

using namespace dp;
using namespace dp::web;

namespace {

Principal who(const std::string& role, const std::string& org = "", const std::string& county = "") {
  Principal p;
  p.user_id = role == "public" ? 0 : 7;
  p.role = parse_role(role);
  p.org_code = org;
  p.county_code = county;
  return p;
}

AccessLookups lookups() {
  AccessLookups l;
  l.county_of_org = [](const std::string& org) -> std::optional<std::string> {
    if (org == "1440") return "14";
    if (org == "0180") return "01";
    return std::nullopt;
  };
  l.org_of_response = [](const std::string& id) -> std::optional<std::string> {
    if (id == "5") return "1440";
    return std::nullopt;
  };
  l.org_of_assessment = [](const std::string& id) -> std::optional<std::string> {
    if (id == "9") return "0180";
    return std::nullopt;
  };
  return l;
}

Decision d(const std::string& policy, const Principal& p, std::map<std::string, std::string> params = {}) {
  return decide(policy, p, params, lookups());
}

}  // namespace

TEST(Decide, PublicIsForEveryoneAndEverythingElseAsksVisitorsToSignIn) {
  EXPECT_EQ(d("public", who("public")), Decision::Allow);
  for (const char* policy : {"signed_in", "admin", "staff", "respondent"})
    EXPECT_EQ(d(policy, who("public")), Decision::SignIn);
  EXPECT_EQ(d("org_read:org", who("public"), {{"org", "1440"}}), Decision::SignIn);
}

TEST(Decide, RolePolicies) {
  EXPECT_EQ(d("signed_in", who("respondent", "1440")), Decision::Allow);
  EXPECT_EQ(d("admin", who("admin")), Decision::Allow);
  EXPECT_EQ(d("admin", who("coordinator", "", "14")), Decision::Forbid);
  EXPECT_EQ(d("staff", who("coordinator", "", "14")), Decision::Allow);
  EXPECT_EQ(d("staff", who("respondent", "1440")), Decision::Forbid);
  EXPECT_EQ(d("respondent", who("respondent", "1440")), Decision::Allow);
  EXPECT_EQ(d("respondent", who("admin")), Decision::Allow);
  EXPECT_EQ(d("respondent", who("coordinator", "", "14")), Decision::Forbid);
}

TEST(Decide, OrganisationPoliciesFollowOrganisationAndCounty) {
  std::map<std::string, std::string> ale = {{"org", "1440"}};
  EXPECT_EQ(d("org_read:org", who("respondent", "1440"), ale), Decision::Allow);
  EXPECT_EQ(d("org_read:org", who("respondent", "0180"), ale), Decision::Forbid);
  EXPECT_EQ(d("org_read:org", who("coordinator", "", "14"), ale), Decision::Allow);
  EXPECT_EQ(d("org_read:org", who("coordinator", "", "01"), ale), Decision::Forbid);
  EXPECT_EQ(d("org_write:org", who("respondent", "1440"), ale), Decision::Allow);
  EXPECT_EQ(d("org_write:org", who("coordinator", "", "14"), ale), Decision::Forbid) << "coordinators only read";
  EXPECT_EQ(d("org_write:org", who("admin"), ale), Decision::Allow);
  EXPECT_EQ(d("county_read:county", who("coordinator", "", "14"), {{"county", "14"}}), Decision::Allow);
  EXPECT_EQ(d("county_read:county", who("coordinator", "", "14"), {{"county", "01"}}), Decision::Forbid);
}

TEST(Decide, AThingThatDoesNotExistIsForbiddenNotRevealed) {
  EXPECT_EQ(d("org_read:org", who("coordinator", "", "14"), {{"org", "9999"}}), Decision::Forbid);
  EXPECT_EQ(d("response_read:response", who("respondent", "1440"), {{"response", "404"}}), Decision::Forbid);
  EXPECT_EQ(d("response_read:response", who("respondent", "1440"), {{"response", "5"}}), Decision::Allow);
  EXPECT_EQ(d("response_write:response", who("coordinator", "", "14"), {{"response", "5"}}), Decision::Forbid);
  EXPECT_EQ(d("assessment_write:assessment", who("respondent", "0180"), {{"assessment", "9"}}), Decision::Allow);
  EXPECT_EQ(d("assessment_read:assessment", who("respondent", "1440"), {{"assessment", "9"}}), Decision::Forbid);
}

TEST(Decide, AnUnknownPolicyOrAMissingParameterIsAProgrammingError) {
  EXPECT_THROW(d("nobody", who("admin")), Error);
  EXPECT_THROW(d("org_read:org", who("admin"), {}), Error);
  EXPECT_THROW(d("made_up:org", who("admin"), {{"org", "1440"}}), Error);
}

TEST(Decide, OnlyTheOrganisationsApproverSubmitsAndOnlyItsContactManagesColleagues) {
  Principal contributor = who("respondent", "1440");
  Principal approver = who("respondent", "1440");
  approver.duties.add(Role::Approver);
  Principal contact = who("respondent", "1440");
  contact.duties.add(Role::Contact);
  Principal both_elsewhere = who("respondent", "0180");
  both_elsewhere.duties = parse_duties("contact,approver");
  std::map<std::string, std::string> ale = {{"org", "1440"}};
  EXPECT_EQ(d("org_submit:org", approver, ale), Decision::Allow);
  EXPECT_EQ(d("org_submit:org", contributor, ale), Decision::Forbid);
  EXPECT_EQ(d("org_submit:org", contact, ale), Decision::Forbid);
  EXPECT_EQ(d("org_submit:org", both_elsewhere, ale), Decision::Forbid);
  EXPECT_EQ(d("org_submit:org", who("coordinator", "", "14"), ale), Decision::Forbid);
  EXPECT_EQ(d("org_submit:org", who("admin"), ale), Decision::Allow);
  EXPECT_EQ(d("org_manage:org", contact, ale), Decision::Allow);
  EXPECT_EQ(d("org_manage:org", approver, ale), Decision::Forbid);
  EXPECT_EQ(d("org_manage:org", contributor, ale), Decision::Forbid);
  EXPECT_EQ(d("org_manage:org", both_elsewhere, ale), Decision::Forbid);
  EXPECT_EQ(d("org_manage:org", who("coordinator", "", "14"), ale), Decision::Forbid);
  EXPECT_EQ(d("org_manage:org", who("admin"), ale), Decision::Allow);
  EXPECT_EQ(d("org_manage:org", who("public"), ale), Decision::SignIn);
  // A duty is held for the account's own organisation only, and a coordinator cannot hold one.
  Principal odd = who("coordinator", "", "14");
  odd.org_code = "1440";
  odd.duties.add(Role::Contact);
  EXPECT_EQ(d("org_manage:org", odd, ale), Decision::Forbid);
}
