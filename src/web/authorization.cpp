#include "web/authorization.h"

#include "core/error.h"

namespace dp::web {

namespace {

Decision read_org(const Principal& who, const std::optional<std::string>& org, const AccessLookups& l) {
  if (!org) return Decision::Forbid;
  if (who.is(Role::Admin)) return Decision::Allow;
  if (who.is(Role::Respondent)) return who.org_code == *org ? Decision::Allow : Decision::Forbid;
  if (who.is(Role::Coordinator)) {
    auto county = l.county_of_org ? l.county_of_org(*org) : std::nullopt;
    return county && !who.county_code.empty() && *county == who.county_code ? Decision::Allow : Decision::Forbid;
  }
  return Decision::Forbid;
}

Decision write_org(const Principal& who, const std::optional<std::string>& org) {
  if (!org) return Decision::Forbid;
  if (who.is(Role::Admin)) return Decision::Allow;
  if (who.is(Role::Respondent) && who.org_code == *org) return Decision::Allow;
  return Decision::Forbid;
}

// A respondent's duty for its own organisation (contact, approver); the admin may do it too.
Decision duty_org(const Principal& who, const std::string& org, Role duty) {
  if (who.is(Role::Admin)) return Decision::Allow;
  return who.is(Role::Respondent) && who.org_code == org && who.is(duty) ? Decision::Allow : Decision::Forbid;
}

}  // namespace

Decision decide(const std::string& policy, const Principal& who, const std::map<std::string, std::string>& params,
                const AccessLookups& l) {
  if (policy == "public") return Decision::Allow;
  if (!who.signed_in()) return Decision::SignIn;
  if (policy == "signed_in") return Decision::Allow;
  if (policy == "admin") return who.is(Role::Admin) ? Decision::Allow : Decision::Forbid;
  if (policy == "staff") return who.is(Role::Admin) || who.is(Role::Coordinator) ? Decision::Allow : Decision::Forbid;
  if (policy == "respondent")
    return who.is(Role::Admin) || who.is(Role::Respondent) ? Decision::Allow : Decision::Forbid;

  auto colon = policy.find(':');
  if (colon == std::string::npos) throw Error::internal("unknown access policy " + policy);
  std::string kind = policy.substr(0, colon);
  auto p = params.find(policy.substr(colon + 1));
  if (p == params.end()) throw Error::internal("access policy " + policy + " names a parameter the route lacks");
  const std::string& value = p->second;

  if (kind == "org_read") return read_org(who, value, l);
  if (kind == "org_write") return write_org(who, value);
  if (kind == "org_submit") return duty_org(who, value, Role::Approver);
  if (kind == "org_manage") return duty_org(who, value, Role::Contact);
  if (kind == "county_read") {
    if (who.is(Role::Admin)) return Decision::Allow;
    return who.is(Role::Coordinator) && who.county_code == value ? Decision::Allow : Decision::Forbid;
  }
  if (kind == "response_read" || kind == "response_write") {
    auto org = l.org_of_response ? l.org_of_response(value) : std::nullopt;
    return kind == "response_read" ? read_org(who, org, l) : write_org(who, org);
  }
  if (kind == "assessment_read" || kind == "assessment_write") {
    auto org = l.org_of_assessment ? l.org_of_assessment(value) : std::nullopt;
    return kind == "assessment_read" ? read_org(who, org, l) : write_org(who, org);
  }
  throw Error::internal("unknown access policy " + policy);
}

}  // namespace dp::web
