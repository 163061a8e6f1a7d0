// Hostile input through every route, parameter and form field of the real server: scripts, SQL,
// very long text, invalid UTF-8, NUL bytes, template syntax, path tricks, odd numbers. The server
// must never answer 5xx, never reflect markup unescaped in a page, and never redirect off-site.
// Form fields are not listed by hand: they are read from the forms the pages actually render.
#include <gtest/gtest.h>
#include <iostream>
#include <regex>
#include <set>

#include "support/site.h"

using namespace dp;
using test::Http;
using test::HttpResponse;

namespace {

std::vector<std::string> corpus() {
  return {"<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "'><svg onload=alert(1)>",
          "' OR '1'='1' --",
          "'; DROP TABLE users; --",
          "1; DELETE FROM answers",
          std::string(30000, 'A') + "<script>alert(2)</script>",
          "\xff\xfe\xc3\x28 not UTF-8",
          std::string("NUL\0byte", 8),
          "{{t.site.name}}{{{content}}}{{#user}}x{{/user}}",
          "../../../../etc/passwd",
          "%00%2e%2e%2f%3cscript%3e",
          "-1",
          "99999999999999999999999999",
          "1e309",
          "NaN",
          "\xe2\x80\xae"
          "evil \xf0\x9f\x98\x80",
          "javascript:alert(1)",
          "//evil.example/",
          "",
          " "};
}

// Hostile requests come from other loopback addresses, one per corpus entry and role, as
// distinct clients would: the sign-in throttling and the per-client limit on heavy requests
// they meet stay on, and do not lock the test's own sign-ins (from 127.0.0.1) out.
Http& from_elsewhere(Http& h, size_t corpus_entry = 0, size_t role = 0) {
  h.source = "127.0." + std::to_string(corpus_entry + 1) + "." + std::to_string(role + 2);
  return h;
}

bool has_markup(const std::string& s) { return s.find('<') != std::string::npos; }

class Hostile : public ::testing::Test {
 protected:
  static test::Site* site;
  static nlohmann::json routes;
  static std::set<std::string> field_names;

  static void SetUpTestSuite() {
    site = new test::Site();
    routes = nlohmann::json::parse(test::run_cli({"routes", "--db", site->db, "--format", "json"}));
    // Every field name of every form on the pages an administrator and a respondent see.
    std::vector<std::pair<std::string, std::string>> pages = {
        {"admin@test.se", "/admin"},
        {"admin@test.se", "/admin/users"},
        {"admin@test.se", "/admin/mail"},
        {"admin@test.se", "/admin/campaigns/new"},
        {"admin@test.se", "/admin/campaigns/ehalsa-2021"},
        {"admin@test.se", "/admin/campaigns/ehalsa-2021/settings"},
        {"admin@test.se", "/admin/responses/" + std::to_string(site->response_ale)},
        {"anna@ale.se", "/account"},
        {"anna@ale.se", "/respond/ehalsa-2021/1440"},
        {"anna@ale.se", "/respond/ehalsa-2021/1440/section/strategi"},
        {"anna@ale.se", "/respond/ehalsa-2021/1440/section/socialtjanst"},
        {"anna@ale.se", "/respond/ehalsa-2021/1440/review"},
        {"", "/login"}};
    std::map<std::string, Http> by;
    static const std::regex name_re("name=\"([^\"]+)\"");
    for (const auto& [who, path] : pages) {
      if (!by.count(who)) by.emplace(who, who.empty() ? site->client() : site->signed_in(who));
      auto body = by.at(who).get(path).body;
      for (std::sregex_iterator it(body.begin(), body.end(), name_re), end; it != end; ++it)
        field_names.insert((*it)[1]);
    }
    field_names.erase("_csrf");
    field_names.erase("viewport");
  }
  static void TearDownTestSuite() {
    std::cout << "[cases] " << requests << " hostile requests, none answered 5xx\n";
    delete site;
  }

  static std::string fill(const std::string& pattern, const std::string& value) {
    std::string out;
    size_t i = 0;
    while (i < pattern.size()) {
      if (pattern[i] == '{') {
        auto end = pattern.find('}', i);
        out += test::url_encode(value);
        i = end + 1;
      } else {
        out += pattern[i++];
      }
    }
    return out;
  }

  static inline int requests = 0;  // hostile requests made by this suite

  static void check(const HttpResponse& r, const std::string& hostile, const std::string& where) {
    ++requests;
    ASSERT_LT(r.status, 500) << where << ": " << r.body.substr(0, 300);
    if (r.content_type.find("text/html") != std::string::npos && has_markup(hostile)) {
      // The hostile text may come back (escaped) in a form field, but never as markup.
      std::string probe = hostile.size() > 200 ? hostile.substr(hostile.size() - 26) : hostile;
      EXPECT_EQ(r.body.find(probe), std::string::npos) << where << " reflects markup unescaped";
    }
    if (!r.location.empty()) {
      EXPECT_TRUE(r.location[0] == '/' && (r.location.size() < 2 || (r.location[1] != '/' && r.location[1] != '\\')))
          << where << " redirects off-site to " << r.location;
    }
  }
};

test::Site* Hostile::site = nullptr;
nlohmann::json Hostile::routes;
std::set<std::string> Hostile::field_names;

}  // namespace

TEST_F(Hostile, FormsRenderManyFieldsSoTheCorpusReachesThem) {
  EXPECT_GT(field_names.size(), 100u);
  EXPECT_TRUE(field_names.count("email"));
  EXPECT_TRUE(field_names.count("q03"));
  EXPECT_TRUE(field_names.count("slug"));
}

TEST_F(Hostile, PathParametersAndQueryStrings) {
  std::vector<std::pair<std::string, Http>> who = {{"public", site->client()},
                                                   {"respondent", site->signed_in("anna@ale.se")},
                                                   {"admin", site->signed_in("admin@test.se")}};
  const std::vector<std::string> query_names = {"q",   "lang", "next",  "status", "county", "size",
                                                "org", "role", "saved", "done",   "n",      "submitted"};
  auto entries = corpus();
  for (size_t k = 0; k < entries.size(); ++k) {
    const auto& h = entries[k];
    std::string query;
    for (const auto& n : query_names)
      query += (query.empty() ? "?" : "&") + n + "=" + test::url_encode(h.substr(0, 2000));
    for (size_t j = 0; j < who.size(); ++j) {
      auto& [name, client] = who[j];
      from_elsewhere(client, k, j);
      for (const auto& route : routes) {
        std::string method = route["method"], pattern = route["pattern"];
        if (pattern == "/logout") continue;
        std::vector<std::string> extra = {"X-CSRF-Token: " +
                                          (client.csrf.empty() ? client.cookies["dp_csrf"] : client.csrf)};
        std::string path = fill(pattern, h.substr(0, 2000));
        auto r = client.request(method, path, "", "application/x-www-form-urlencoded", extra);
        check(r, h, method + " " + path.substr(0, 80) + " as " + name);
        if (method == "GET") {
          auto q = client.request("GET", fill(pattern, "1") + query, "", "");
          check(q, h, "GET " + pattern + "?... as " + name);
        }
      }
    }
  }
}

TEST_F(Hostile, EveryFormFieldOfEveryStateChangingRoute) {
  std::vector<std::pair<std::string, Http>> who = {{"respondent", site->signed_in("anna@ale.se")},
                                                   {"admin", site->signed_in("admin@test.se")}};
  std::map<std::string, std::string> params = {{"campaign", "ehalsa-2021"},
                                               {"org", "1440"},
                                               {"section", "strategi"},
                                               {"response", std::to_string(site->response_ale)},
                                               {"user", "999999"},
                                               {"message", std::to_string(site->message)},
                                               {"token", "x"}};
  auto entries = corpus();
  for (size_t k = 0; k < entries.size(); ++k) {
    const auto& h = entries[k];
    for (size_t j = 0; j < who.size(); ++j) {
      auto& [name, client] = who[j];
      from_elsewhere(client, k, j);
      for (const auto& route : routes) {
        std::string method = route["method"], pattern = route["pattern"];
        if (method == "GET" || pattern == "/logout") continue;
        std::string path;
        for (size_t i = 0; i < pattern.size();) {
          if (pattern[i] == '{') {
            auto end = pattern.find('}', i);
            path += params[pattern.substr(i + 1, end - i - 1)];
            i = end + 1;
          } else {
            path += pattern[i++];
          }
        }
        test::Fields fields = {{"_csrf", client.csrf}};
        for (const auto& f : field_names) fields.push_back({f, h});
        auto r = client.post_form(path, fields);
        check(r, h, "POST " + path + " (all fields) as " + name);
      }
      // The autosave endpoint takes JSON.
      std::string item = nlohmann::json(h).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      for (const std::string& body :
           {h, R"({"changes":)" + item + "}",
            R"({"changes":[{"item":)" + item + R"(,"value":)" + item + R"(,"base":0}]})",
            R"({"changes":[{"item":"q03","value":)" + item + R"(,"base":0}],"since":)" + item + "}",
            R"({"changes":[{"item":"q12c","value":)" + item + R"(,"base":)" + item + "}]}"}) {
        auto r = client.post_json("/api/respond/ehalsa-2021/1440/autosave", body, {"X-CSRF-Token: " + client.csrf});
        check(r, h, "autosave as " + name);
        EXPECT_NE(r.content_type.find("json"), std::string::npos);
      }
    }
  }
}

TEST_F(Hostile, SignInNeverRedirectsOffSite) {
  for (const std::string next :
       {"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
    Http h = site->client();
    h.get("/login");
    auto r = h.post_form("/login", {{"_csrf", h.cookies["dp_csrf"]},
                                    {"email", "anna@ale.se"},
                                    {"password", test::Site::kPassword},
                                    {"next", next}});
    ASSERT_EQ(r.status, 303);
    EXPECT_EQ(r.location, "/respond") << next;
    EXPECT_EQ(h.get("/login?next=" + test::url_encode(next)).location, "/respond") << next;
  }
}

// An oversized body is refused with 413, and the client reads that answer: the server drains the
// rest of the upload before closing instead of resetting the connection under the sender.
TEST_F(Hostile, AnOversizedBodyIsAnsweredWith413NotAResetConnection) {
  const std::string body(60u << 20, 'A');
  for (int i = 0; i < 3; ++i) {
    Http h = site->client();
    auto r = from_elsewhere(h).request("POST", "/login", body, "application/x-www-form-urlencoded");
    EXPECT_EQ(r.status, 413);
  }
}

// JSON nested 80 000 deep (480 KB) overflowed the stack of the autosave handler and ended the
// process. It is refused with 400, and the server goes on serving.
TEST_F(Hostile, DeeplyNestedAutosaveJsonIsRefusedAndTheServerLives) {
  Http anna = site->signed_in("anna@ale.se");
  for (const std::string& body : {std::string(80000, '[') + std::string(80000, ']'),
                                  R"({"changes":[{"item":"q03","value":)" + std::string(80000, '[') +
                                      std::string(80000, ']') + R"(,"base":0}]})"}) {
    auto r = anna.post_json("/api/respond/ehalsa-2021/1440/autosave", body, {"X-CSRF-Token: " + anna.csrf});
    EXPECT_EQ(r.status, 400) << r.body.substr(0, 200);
    EXPECT_EQ(r.error_code(), "bad_input");
  }
  EXPECT_EQ(site->client().get("/healthz").status, 200);
}

// A base of -1 skipped the conflict check, so a stale edit overwrote a colleague's answer.
TEST_F(Hostile, AutosaveWithANegativeOrMissingBaseIsRefused) {
  Http anna = site->signed_in("anna@ale.se");
  for (const std::string change : {R"({"item":"q03","value":"ja","base":-1})", R"({"item":"q03","value":"ja"})"}) {
    auto r = anna.post_json("/api/respond/ehalsa-2021/1440/autosave", R"({"changes":[)" + change + "]}",
                            {"X-CSRF-Token: " + anna.csrf});
    EXPECT_EQ(r.status, 400) << change;
    EXPECT_EQ(r.json()["error"].value("parameter", ""), "base") << r.body;
  }
}
