// Every route of the real server × every role, through HTTP: the route list comes from
// `digipuls routes` (the router the server builds), so a new route is tested as soon as it exists.
// Expectations are written here per access policy, independently of web::decide; a route with a
// policy this file does not know fails the test until the matrix is extended.
#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <set>

#include "support/site.h"

using namespace dp;
using test::Http;
using test::HttpResponse;

namespace {

enum class Expect { Allow, SignIn, Forbid, Unknown };

struct Role {
  std::string name, email;  // email "" = anonymous
};

// The roles of the matrix. Path parameters point at Ale (org 1440, county 14): respondent A (Ale's
// contact and approver), contributor A (Ale's respondent with no further role) and coordinator X
// are "own", respondent B (Stockholm's contact and approver) and coordinator Y are "other".
const std::vector<Role> kRoles = {{"public", ""},
                                  {"respondent_A", "anna@ale.se"},
                                  {"contributor_A", "carl@ale.se"},
                                  {"respondent_B", "bo@stockholm.se"},
                                  {"coordinator_X", "vg@lan.se"},
                                  {"coordinator_Y", "sthlm@lan.se"},
                                  {"admin", "admin@test.se"}};

Expect expected(const std::string& policy, const std::string& role) {
  if (policy == "public") return Expect::Allow;
  if (role == "public") return Expect::SignIn;
  auto allow_if = [](bool b) { return b ? Expect::Allow : Expect::Forbid; };
  bool admin = role == "admin";
  std::string kind = policy.substr(0, policy.find(':'));
  if (policy == "signed_in") return Expect::Allow;
  if (policy == "admin") return allow_if(admin);
  if (policy == "staff") return allow_if(admin || role.rfind("coordinator", 0) == 0);
  bool ale = role == "respondent_A" || role == "contributor_A";
  if (policy == "respondent") return allow_if(admin || ale || role == "respondent_B");
  if (kind == "org_read" || kind == "response_read") return allow_if(admin || ale || role == "coordinator_X");
  if (kind == "org_write" || kind == "response_write") return allow_if(admin || ale);
  // Only Ale's approver submits and only Ale's contact manages its team (Anna is both).
  if (kind == "org_submit" || kind == "org_manage") return allow_if(admin || role == "respondent_A");
  if (kind == "county_read") return allow_if(admin || role == "coordinator_X");
  // Self-assessments: as org_read / org_write for the organisation that owns the assessment (Ale's).
  if (kind == "assessment_read") return allow_if(admin || ale || role == "coordinator_X");
  if (kind == "assessment_write") return allow_if(admin || ale);
  return Expect::Unknown;
}

class Matrix : public ::testing::Test {
 protected:
  static test::Site* site;
  static std::map<std::string, Http>* clients;
  static nlohmann::json routes;
  static std::string assessment;

  static void SetUpTestSuite() {
    site = new test::Site();
    clients = new std::map<std::string, Http>();
    for (size_t i = 0; i < kRoles.size(); ++i) {
      const auto& r = kRoles[i];
      // Each role is its own client (address), as real users are: the per-client limits on
      // heavy routes stay on and do not mix the roles up.
      std::string source = "127.0.0." + std::to_string(10 + i);
      Http h = r.email.empty() ? site->client(source) : site->signed_in(r.email, source);
      // JSON errors make the pipeline's answers unambiguous: 401 unauthorized, 403 forbidden.
      h.headers.push_back("Accept: application/json");
      clients->emplace(r.name, h);
    }
    routes = nlohmann::json::parse(test::run_cli({"routes", "--db", site->db, "--format", "json"}));
    // A self-assessment of Ale, started by its respondent, for the {assessment} routes.
    auto& anna = clients->at("respondent_A");
    auto started = anna.post_form("/sjalvskattning/kommun/1440", {{"year", "2025"}, {"_csrf", anna.csrf}});
    assessment = started.location.substr(started.location.rfind('/') + 1);
  }
  static void TearDownTestSuite() {
    delete clients;
    delete site;
  }

  static std::string path_for(const std::string& pattern) {
    std::map<std::string, std::string> values = {{"campaign", "ehalsa-2021"},
                                                 {"org", "1440"},
                                                 {"county", "14"},
                                                 {"response", std::to_string(site->response_ale)},
                                                 {"user", std::to_string(site->spare_user)},
                                                 {"message", std::to_string(site->message)},
                                                 {"section", "strategi"},
                                                 {"token", "not-a-real-token"},
                                                 {"assessment", assessment},
                                                 {"indicator", "ov01"},
                                                 {"file...", "site.css"}};
    std::string out;
    size_t i = 0;
    while (i < pattern.size()) {
      if (pattern[i] == '{') {
        auto end = pattern.find('}', i);
        std::string name = pattern.substr(i + 1, end - i - 1);
        out += values.count(name) ? values[name] : "1";
        i = end + 1;
      } else {
        out += pattern[i++];
      }
    }
    return out;
  }

  static HttpResponse call(Http& h, const std::string& method, const std::string& path, bool with_csrf) {
    std::vector<std::string> extra;
    std::string token = h.csrf.empty() ? h.cookies["dp_csrf"] : h.csrf;
    if (with_csrf) extra.push_back("X-CSRF-Token: " + token);
    if (method == "GET") return h.get(path);
    return h.request(method, path, "", "application/x-www-form-urlencoded", extra);
  }
};

test::Site* Matrix::site = nullptr;
std::map<std::string, Http>* Matrix::clients = nullptr;
nlohmann::json Matrix::routes;
std::string Matrix::assessment;

}  // namespace

TEST_F(Matrix, EveryRouteAnswersEveryRoleAsItsPolicySays) {
  ASSERT_TRUE(routes.is_array());
  ASSERT_FALSE(assessment.empty()) << "the respondent could not start a self-assessment";
  ASSERT_GT(routes.size(), 20u);
  int checked = 0;
  for (const auto& route : routes) {
    std::string method = route["method"], pattern = route["pattern"], policy = route["access"];
    if (pattern == "/logout") continue;  // signs the role out; checked on its own below
    for (const auto& role : kRoles) {
      Expect want = expected(policy, role.name);
      ASSERT_NE(want, Expect::Unknown) << method << " " << pattern << " has policy '" << policy
                                       << "', which the matrix does not know: add it to expected()";
      std::string path = path_for(pattern);
      auto r = call(clients->at(role.name), method, path, true);
      std::string where = method + " " + path + " as " + role.name + " (policy " + policy + ")";
      ASSERT_LT(r.status, 500) << where << ": " << r.body.substr(0, 300);
      switch (want) {
        case Expect::SignIn:
          EXPECT_EQ(r.status, 401) << where;
          EXPECT_EQ(r.error_code(), "unauthorized") << where;
          break;
        case Expect::Forbid:
          EXPECT_EQ(r.status, 403) << where;
          EXPECT_EQ(r.error_code(), "forbidden") << where;
          break;
        case Expect::Allow:
          EXPECT_FALSE(r.status == 403 && (r.error_code() == "forbidden" || r.error_code() == "csrf")) << where;
          EXPECT_FALSE(r.status == 401 && r.error_code() == "unauthorized") << where;
          break;
        default: break;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 100);
  std::cout << "[cases] " << checked << " route × role requests\n";
}

TEST_F(Matrix, EveryStateChangingRouteRefusesARequestWithoutTheCsrfToken) {
  for (const auto& route : routes) {
    // GET and OPTIONS (the API's CORS preflight) are safe methods: no CSRF check applies.
    if (route["method"] == "GET" || route["method"] == "OPTIONS" || route["csrf"] != "yes") continue;
    std::string path = path_for(route["pattern"]);
    auto r = call(clients->at("admin"), route["method"], path, false);
    EXPECT_EQ(r.status, 403) << route["method"] << " " << path;
    EXPECT_EQ(r.error_code(), "csrf") << route["method"] << " " << path;
  }
}

TEST_F(Matrix, RespondentCannotReadOrWriteAnotherMunicipalitysResponse) {
  auto& bo = clients->at("respondent_B");
  EXPECT_EQ(call(bo, "GET", "/admin/responses/" + std::to_string(site->response_ale), true).status, 403);
  EXPECT_EQ(call(bo, "GET", "/respond/ehalsa-2021/1440", true).status, 403);
  auto save = bo.post_json("/api/respond/ehalsa-2021/1440/autosave",
                           R"({"changes":[{"item":"q03","value":"ja","base":0}]})", {"X-CSRF-Token: " + bo.csrf});
  EXPECT_EQ(save.status, 403);
  // His own municipality works.
  auto own = bo.post_json("/api/respond/ehalsa-2021/0180/autosave",
                          R"({"changes":[{"item":"q03","value":"ja","base":0}]})", {"X-CSRF-Token: " + bo.csrf});
  EXPECT_EQ(own.status, 200) << own.body;
  // A response id that does not exist is refused the same way (its existence is not revealed).
  EXPECT_EQ(call(bo, "GET", "/admin/responses/999999", true).status, 403);
}

TEST_F(Matrix, CoordinatorReadsOwnCountyOnlyAndNeverWrites) {
  auto& vg = clients->at("coordinator_X");
  auto& sthlm = clients->at("coordinator_Y");
  EXPECT_EQ(call(vg, "GET", "/admin/responses/" + std::to_string(site->response_ale), true).status, 200);
  EXPECT_EQ(call(sthlm, "GET", "/admin/responses/" + std::to_string(site->response_ale), true).status, 403);
  EXPECT_EQ(call(sthlm, "GET", "/admin/responses/" + std::to_string(site->response_stockholm), true).status, 200);
  auto write =
      vg.post_json("/api/respond/ehalsa-2021/1440/autosave", R"({"changes":[]})", {"X-CSRF-Token: " + vg.csrf});
  EXPECT_EQ(write.status, 403);
  EXPECT_EQ(call(vg, "POST", "/admin/responses/" + std::to_string(site->response_ale) + "/reopen", true).status, 403);
  // The dashboard shows only the coordinator's county.
  Http page = site->signed_in("vg@lan.se");
  auto d = page.get("/admin/campaigns/ehalsa-2021");
  EXPECT_EQ(d.status, 200);
  EXPECT_NE(d.body.find("data-org=\"1440\""), std::string::npos);
  EXPECT_EQ(d.body.find("data-org=\"0180\""), std::string::npos);
  auto csv = page.get("/admin/campaigns/ehalsa-2021/status.csv?county=01");
  EXPECT_EQ(csv.body.find("\n0180,"), std::string::npos) << "a coordinator cannot widen the county by a parameter";
  EXPECT_NE(csv.body.find("\n1440,"), std::string::npos);
}

TEST_F(Matrix, AContributorSavesButOnlyTheApproverSubmits) {
  auto& carl = clients->at("contributor_A");
  auto save = carl.post_json("/api/respond/ehalsa-2021/1440/autosave",
                             R"({"changes":[{"item":"q03","value":"ja","base":0}]})", {"X-CSRF-Token: " + carl.csrf});
  EXPECT_EQ(save.status, 200) << save.body;
  EXPECT_EQ(call(carl, "POST", "/respond/ehalsa-2021/1440/submit", true).status, 403);
  // The review page says who submits instead of offering the button.
  Http page = site->signed_in("carl@ale.se");
  auto review = page.get("/respond/ehalsa-2021/1440/review");
  EXPECT_EQ(review.status, 200);
  EXPECT_EQ(review.body.find("/respond/ehalsa-2021/1440/submit"), std::string::npos);
  // A contributor cannot manage the team, nor a contact another municipality's.
  EXPECT_EQ(call(carl, "GET", "/team/1440", true).status, 403);
  EXPECT_EQ(call(clients->at("respondent_B"), "GET", "/team/1440", true).status, 403);
  EXPECT_EQ(call(clients->at("respondent_A"), "GET", "/team/0180", true).status, 403);
}

TEST_F(Matrix, AContactCannotRemoveOrPromoteSomeoneOfAnotherMunicipality) {
  // Bo is Stockholm's; Anna manages Ale's team: the path names Ale, the account is not Ale's.
  auto bo = site->signed_in("bo@stockholm.se");
  auto bo_id = nlohmann::json::parse(test::run_cli({"users", "list", "--db", site->db, "--format", "json"}));
  std::string id;
  for (const auto& u : bo_id)
    if (u["email"] == "bo@stockholm.se") id = u["id"];
  ASSERT_FALSE(id.empty());
  auto& anna = clients->at("respondent_A");
  EXPECT_EQ(call(anna, "POST", "/team/1440/" + id + "/remove", true).status, 404);
  EXPECT_EQ(call(anna, "POST", "/team/1440/" + id + "/roles", true).status, 404);
  EXPECT_EQ(bo.get("/account").status, 200) << "Bo is still there";
}

TEST_F(Matrix, SigningOutEndsTheSession) {
  Http h = site->signed_in("anna@ale.se");
  EXPECT_EQ(h.get("/account").status, 200);
  auto r = h.post_form("/logout", {{"_csrf", h.csrf}});
  EXPECT_EQ(r.status, 303);
  auto after = h.get("/account");
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(after.location.rfind("/login?next=", 0), 0u);
}

// The matrix above checks that each route behaves as its declared policy says; this pins the
// policies of the collection's own routes, so that loosening one is a deliberate change here.
TEST_F(Matrix, CollectionRoutesDeclareTheirIntendedPolicies) {
  const std::map<std::string, std::string> intended = {
      {"GET /login", "public"},
      {"POST /login", "public"},
      {"POST /login/link", "public"},
      {"GET /login/link/{token}", "public"},
      {"POST /login/link/{token}", "public"},
      {"GET /invite/{token}", "public"},
      {"POST /invite/{token}", "public"},
      {"POST /logout", "public"},
      {"GET /account", "signed_in"},
      {"POST /account/password", "signed_in"},
      {"GET /admin/users", "admin"},
      {"POST /admin/users", "admin"},
      {"POST /admin/users/import", "admin"},
      {"POST /admin/users/{user}/invite", "admin"},
      {"POST /admin/users/{user}/remove", "admin"},
      {"GET /admin/users/{user}/erase", "admin"},
      {"POST /admin/users/{user}/erase", "admin"},
      {"GET /admin/mail", "admin"},
      {"GET /admin/mail/{message}", "admin"},
      {"POST /admin/mail/{message}/retry", "admin"},
      {"GET /respond", "respondent"},
      {"GET /respond/{campaign}/{org}", "org_write:org"},
      {"GET /respond/{campaign}/{org}/section/{section}", "org_write:org"},
      {"POST /respond/{campaign}/{org}/section/{section}", "org_write:org"},
      {"POST /api/respond/{campaign}/{org}/autosave", "org_write:org"},
      {"GET /respond/{campaign}/{org}/review", "org_write:org"},
      {"POST /respond/{campaign}/{org}/submit", "org_submit:org"},
      {"GET /team/{org}", "org_manage:org"},
      {"POST /team/{org}", "org_manage:org"},
      {"POST /team/{org}/{user}/roles", "org_manage:org"},
      {"POST /team/{org}/{user}/remove", "org_manage:org"},
      {"GET /admin", "staff"},
      {"GET /admin/campaigns/new", "admin"},
      {"POST /admin/campaigns", "admin"},
      {"GET /admin/campaigns/{campaign}", "staff"},
      {"GET /admin/campaigns/{campaign}/status.csv", "staff"},
      {"POST /admin/campaigns/{campaign}/state", "admin"},
      {"POST /admin/campaigns/{campaign}/remind", "admin"},
      {"GET /admin/campaigns/{campaign}/settings", "admin"},
      {"POST /admin/campaigns/{campaign}/schedule", "admin"},
      {"POST /admin/campaigns/{campaign}/scope", "admin"},
      {"POST /admin/campaigns/{campaign}/scope.csv", "admin"},
      {"POST /admin/campaigns/{campaign}/extend", "admin"},
      {"GET /admin/campaigns/{campaign}/texts", "admin"},
      {"POST /admin/campaigns/{campaign}/texts", "admin"},
      {"GET /admin/campaigns/{campaign}/summary", "admin"},  // the summary's editor (publish module)
      {"POST /admin/campaigns/{campaign}/summary", "admin"},
      {"GET /admin/responses/{response}", "response_read:response"},
      {"POST /admin/responses/{response}/reopen", "admin"},
  };
  std::set<std::string> seen;
  for (const auto& route : routes) {
    std::string key = route["method"].get<std::string>() + " " + route["pattern"].get<std::string>();
    std::string p = route["pattern"];
    bool ours = p.rfind("/login", 0) == 0 || p.rfind("/invite", 0) == 0 || p == "/logout" ||
                p.rfind("/account", 0) == 0 || p == "/admin" || p.rfind("/admin/users", 0) == 0 ||
                p.rfind("/admin/mail", 0) == 0 || p.rfind("/admin/campaigns", 0) == 0 ||
                p.rfind("/admin/responses", 0) == 0 || p.rfind("/respond", 0) == 0 || p.rfind("/api/respond", 0) == 0 ||
                p.rfind("/team", 0) == 0;
    if (!ours) continue;
    seen.insert(key);
    auto it = intended.find(key);
    ASSERT_NE(it, intended.end()) << key << " is a collection route missing from this table";
    EXPECT_EQ(route["access"], it->second) << key;
    EXPECT_EQ(route["csrf"], "yes") << key << " must check the CSRF token";
  }
  for (const auto& [key, policy] : intended) EXPECT_TRUE(seen.count(key)) << key << " is no longer registered";
}
