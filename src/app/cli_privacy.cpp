// digipuls users erase | purge: personal data (docs/operations.md, "Personal data"). Erasure on
// request keeps the audit trail under a pseudonym; the purge enforces the retention periods of
// the config file's `retention:` section (the running server also does so daily).
#include <fmt/format.h>
#include <iostream>

#include "app/cli.h"
#include "collection/privacy.h"
#include "core/error.h"
#include "core/text.h"
#include "core/utc_time.h"
#include "storage/store.h"
#include "storage/user_store.h"

namespace dp::app {

void register_privacy_commands(Cli& cli, CLI::App* users) {
  auto* erase = users->add_subcommand(
      "erase", "Erase an account's personal data; the audit trail keeps a pseudonym (cannot be undone)");
  static std::string db, email;
  static int64_t id = 0;
  add_db_option(erase, db);
  auto* by_email = erase->add_option("--email", email, "E-mail address of the account");
  auto* by_id = erase->add_option("--id", id, "Id of the account (see `users list --all`)");
  by_email->excludes(by_id);
  cli.on_run(erase, [] {
    if (email.empty() && id == 0) throw Error::usage("give --email or --id");
    auto store = storage::open_sqlite(db, {.create = false});
    std::optional<storage::User> u =
        email.empty() ? store->users().find(id) : store->users().find_by_email(trim(email));
    if (!u) throw Error::bad_input("no such account", Location{{}, 0, 0, email.empty() ? "id" : "email"});
    auto c = collection::erase_account(*store, u->id, 0);
    std::cerr << fmt::format(
        "erased the personal data of user {}: {} session(s) and link(s), {} e-mail(s), {} log note(s) and "
        "{} other text(s) now read \"[user {}, erased]\"\n",
        u->id, c.sessions, c.messages, c.log_entries, c.other_texts, u->id);
    return 0;
  });

  auto* purge =
      cli.root.add_subcommand("purge", "Delete personal data older than its retention period (docs/operations.md)");
  static std::string pdb, config, now;
  add_db_option(purge, pdb);
  purge->add_option("--config", config, "Config file with a retention: section (default $DIGIPULS_CONFIG)");
  purge->add_option("--now", now, "Purge as of this UTC time, YYYY-MM-DDTHH:MM:SSZ (default: now)");
  cli.on_run(purge, [] {
    auto policy = collection::load_retention(config);
    std::string at = now.empty() ? utc_now_string() : now;
    if (!parse_utc(at)) throw Error::bad_input("not a UTC time like 2027-03-01T00:00:00Z", Location{{}, 0, 0, "now"});
    auto store = storage::open_sqlite(pdb, {.create = false});
    auto c = collection::purge_personal_data(*store, policy, at);
    std::cerr << fmt::format(
        "purged {} session(s), {} link(s), {} sign-in failure(s), {} e-mail(s), {} event(s) and {} audit "
        "entr(ies); erased {} removed account(s)\n",
        c.sessions, c.tokens, c.failures, c.messages, c.events, c.audit_entries, c.accounts);
    return 0;
  });
}

}  // namespace dp::app
