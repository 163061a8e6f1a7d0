#pragma once
// A running Digipuls for black-box tests: a fresh database with the bundled data, the 2021
// campaign open, one account per role, and `digipuls serve` on a free port.
//   admin@test.se          administrator
//   anna@ale.se            respondent of Ale (1440, Västra Götalands län 14), its contact and approver
//   carl@ale.se            respondent of Ale, a contributor (neither contact nor approver)
//   bo@stockholm.se        respondent of Stockholm (0180, Stockholms län 01), its contact and approver
//   vg@lan.se              coordinator of county 14
//   sthlm@lan.se           coordinator of county 01
//   spare@test.se          a respondent of Ale that tests may remove
#include <memory>
#include <string>

#include "collection/accounts.h"
#include "collection/auth.h"
#include "collection/bootstrap.h"
#include "collection/campaign_admin.h"
#include "core/utc_time.h"
#include "mail/outbox.h"
#include "storage/response_store.h"
#include "storage/store.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace dp::test {

struct Site {
  static constexpr const char* kPassword = "correct horse battery";
  ScopedDir dir{"digipuls-site"};
  std::string db = (dir.path / "site.db").string();
  int64_t response_ale = 0, response_stockholm = 0, spare_user = 0, message = 0;
  std::unique_ptr<ServerProcess> server;

  // `serve_args`: more options for `digipuls serve` (e.g. --secure-cookies).
  explicit Site(std::vector<std::string> serve_args = {}) {
    {
      auto store = storage::open_sqlite(db);
      collection::initialise(*store);
      collection::Auth auth(*store);
      auto add = [&](const char* email, const char* role, const char* org, const char* county,
                     const char* duties = "") {
        auto u = collection::add_user(*store, {email, "", role, org, county, "sv", duties}, 0);
        auth.set_password(u.id, kPassword);
        return u.id;
      };
      add("admin@test.se", "admin", "", "");
      add("anna@ale.se", "respondent", "1440", "", "contact,approver");
      add("bo@stockholm.se", "respondent", "0180", "", "contact,approver");
      add("carl@ale.se", "respondent", "1440", "");
      add("vg@lan.se", "coordinator", "", "14");
      add("sthlm@lan.se", "coordinator", "", "01");
      spare_user = add("spare@test.se", "respondent", "1440", "");
      collection::change_state(*store, "ehalsa-2021", "open", 0);
      // The closing date is enforced: the bundled 2021 round closed in February 2021, so the
      // site answers it as if it closed in two months.
      collection::update_schedule(*store, "ehalsa-2021", "2021-01-11", date_of(utc_plus(utc_now_string(), 60 * 86400)),
                                  "", 0);
      auto c = store->campaigns().find(std::string("ehalsa-2021"));
      response_ale = store->responses().get_or_create(c->id, "1440").id;
      response_stockholm = store->responses().get_or_create(c->id, "0180").id;
      mail::Letter l;
      l.kind = "login_link";
      l.to = "anna@ale.se";
      l.data = {{"email", "anna@ale.se"}, {"link", "http://x/login/link/T"}, {"minutes", 20}};
      message = mail::queue(*store, l);
    }
    server = std::make_unique<ServerProcess>(db, (dir.path / "server.log").string(), serve_args);
  }

  // `source`: the loopback address the client's requests leave from (see Http::source).
  Http client(const std::string& source = "") const {
    Http h(server->url());
    h.source = source;
    return h;
  }
  Http signed_in(const std::string& email, const std::string& source = "") const {
    Http h = client(source);
    h.sign_in(email, kPassword);
    return h;
  }
};

}  // namespace dp::test
