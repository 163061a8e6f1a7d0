// digipuls users add | list | remove | invite: accounts from the command line (the first
// administrator is created this way). Invitations go to the outbox; when a mail server is
// configured (DIGIPULS_SMTP_URL) the command sends what is due right away, otherwise the
// running server's sender does.
#include <fmt/format.h>
#include <iostream>
#include <string>

#include "app/cli.h"
#include "app/output.h"
#include "collection/accounts.h"
#include "collection/auth.h"
#include "collection/contacts_import.h"
#include "core/error.h"
#include "core/text.h"
#include "mail/config.h"
#include "mail/sender.h"
#include "storage/store.h"
#include "storage/user_store.h"

namespace dp::app {

namespace {

std::string default_base_url() {
  const char* v = std::getenv("DIGIPULS_BASE_URL");
  return v && *v ? v : "http://127.0.0.1:8080";
}

void flush_outbox(storage::Store& store, const std::string& config_file) {
  auto cfg = mail::load(config_file);
  if (!cfg.configured()) {
    std::cerr
        << "no mail server configured (DIGIPULS_SMTP_URL): the message waits in the outbox for `digipuls serve`\n";
    return;
  }
  mail::Sender sender(store, cfg, mail::make_transport(cfg));
  auto s = sender.run_once();
  std::cerr << fmt::format("mail: {} sent, {} failed (retried later by `digipuls serve`)\n", s.sent, s.failed + s.dead);
}

storage::User require_user(storage::Store& store, const std::string& email) {
  auto u = store.users().find_by_email(trim(email));
  if (!u || !u->active) throw Error::bad_input("no account with the e-mail " + email, Location{{}, 0, 0, "email"});
  return *u;
}

}  // namespace

void register_demo_command(Cli& cli);                       // cli_demo.cpp
void register_privacy_commands(Cli& cli, CLI::App* users);  // cli_privacy.cpp: users erase, purge

void register_user_commands(Cli& cli) {
  register_demo_command(cli);
  auto* grp = cli.root.add_subcommand("users", "Accounts: administrators, county coordinators, respondents");
  grp->require_subcommand(1);
  register_privacy_commands(cli, grp);

  auto* add = grp->add_subcommand("add", "Create an account; invite it by e-mail, or set its password from stdin");
  static std::string db, email, role, org, county, name, lang = "sv", base_url, config, duties;
  static bool password_stdin = false;
  add_db_option(add, db);
  add->add_option("--email", email, "E-mail address (the user name)")->required();
  add->add_option("--role", role, "admin | coordinator | respondent")
      ->required()
      ->check(CLI::IsMember({"admin", "coordinator", "respondent"}));
  add->add_option("--org", org, "Organisation code (respondents), e.g. 0180");
  add->add_option("--county", county, "County code (coordinators), e.g. 01");
  add->add_option("--roles", duties,
                  "A respondent's further roles for its organisation: contact, approver or contact,approver");
  add->add_option("--name", name, "Display name");
  add->add_option("--lang", lang, "Language of e-mails: sv | en")
      ->check(CLI::IsMember({"sv", "en"}))
      ->capture_default_str();
  add->add_flag("--password-stdin", password_stdin,
                "Read the password from the first line of stdin instead of inviting");
  add->add_option("--base-url", base_url,
                  "Public address for links in e-mail (default $DIGIPULS_BASE_URL or http://127.0.0.1:8080)");
  add->add_option("--config", config, "Config file with a mail: section (default $DIGIPULS_CONFIG)");
  cli.on_run(add, [] {
    Role as = parse_account_role(role, {"", 0, 0, "--role"});
    if (as == Role::Respondent && org.empty()) throw Error::usage("--role respondent needs --org CODE");
    if (as == Role::Coordinator && county.empty()) throw Error::usage("--role coordinator needs --county CODE");
    if (as != Role::Respondent && !org.empty()) throw Error::usage("--org is only for respondents");
    if (as != Role::Coordinator && !county.empty()) throw Error::usage("--county is only for coordinators");
    std::string password;
    if (password_stdin) {
      std::getline(std::cin, password);
      if (!password.empty() && password.back() == '\r') password.pop_back();
    }
    auto store = storage::open_sqlite(db, {.create = false});
    collection::Auth auth(*store);
    if (password_stdin) auth.check_password(password, "password");  // before anything is written
    auto u = collection::add_user(*store, {email, name, role, org, county, lang, duties}, 0);
    if (password_stdin) {
      auth.set_password(u.id, password);
      std::cerr << fmt::format("added {} ({}) with the given password\n", u.email, to_string(u.role));
    } else {
      auto id = collection::invite_user(*store, auth, u, base_url.empty() ? default_base_url() : base_url, 0);
      std::cerr << fmt::format("added {} ({}); invitation queued as outbox message {}\n", u.email, to_string(u.role),
                               id);
      flush_outbox(*store, config);
    }
    std::cout << u.id << "\n";
    return 0;
  });

  auto* list = grp->add_subcommand("list", "List accounts");
  static std::string ldb, lrole, lorg, lcounty, format;
  static bool all = false;
  add_db_option(list, ldb);
  list->add_option("--role", lrole, "Only this role");
  list->add_option("--org", lorg, "Only respondents of this organisation");
  list->add_option("--county", lcounty, "Only coordinators of this county");
  list->add_flag("--all", all, "Include removed accounts");
  add_format_option(list, format);
  cli.on_run(list, [] {
    auto store = storage::open_sqlite(ldb, {.create = false});
    Rows r;
    r.columns = {"id", "email", "name", "role", "roles", "org", "county", "password_set", "active", "last_login"};
    std::optional<Role> role;
    if (!lrole.empty()) role = parse_account_role(lrole, {"", 0, 0, "--role"});
    for (const auto& u : store->users().list({role, lorg, lcounty, all}))
      r.rows.push_back({std::to_string(u.id), u.email, u.name, to_string(u.role), to_string(u.duties), u.org_code,
                        u.county_code, u.password_hash.empty() ? "no" : "yes", u.active ? "yes" : "no",
                        u.last_login_at});
    print_rows(r, format);
    return 0;
  });

  auto* rm =
      grp->add_subcommand("remove", "Remove an account (it can no longer sign in; the audit log keeps its name)");
  static std::string rdb, remail;
  add_db_option(rm, rdb);
  rm->add_option("--email", remail, "E-mail address")->required();
  cli.on_run(rm, [] {
    auto store = storage::open_sqlite(rdb, {.create = false});
    auto u = require_user(*store, remail);
    collection::remove_user(*store, u.id, 0);
    std::cerr << "removed " << u.email << "\n";
    return 0;
  });

  auto* imp = grp->add_subcommand("import", "Add municipalities' contacts from a CSV file: org_code,email,name,role");
  static std::string mdb, mfile, mbase, mconfig;
  static bool mdry = false, minvite = false;
  add_db_option(imp, mdb);
  imp->add_option("file", mfile,
                  "CSV file with the header org_code,email,name,role (role: contact, approver or respondent)")
      ->required();
  imp->add_flag("--dry-run", mdry, "Check the file and say what would change; write nothing");
  imp->add_flag("--invite", minvite, "Queue an invitation to every account the import creates");
  imp->add_option("--base-url", mbase, "Public address for links in e-mail");
  imp->add_option("--config", mconfig, "Config file with a mail: section (default $DIGIPULS_CONFIG)");
  cli.on_run(imp, [] {
    std::string text = read_file(mfile);
    auto store = storage::open_sqlite(mdb, {.create = false});
    auto r = collection::import_contacts(*store, text, mfile, mdry, 0);
    for (const auto& p : r.problems) std::cerr << p << "\n";
    if (!r.problems.empty())
      throw Error::bad_input(fmt::format("{} problem(s) in {}; nothing was written", r.problems.size(), mfile));
    for (const auto& n : r.notes) std::cerr << "note: " << n << "\n";
    for (const auto& org : r.without_approver)
      std::cerr << fmt::format("warning: {} ({}) has no approver and cannot submit\n", org,
                               collection::org_name(*store, org));
    std::cerr << fmt::format("{}{} created, {} updated, {} unchanged\n", mdry ? "dry run, nothing written: " : "",
                             r.created, r.updated, r.unchanged);
    if (minvite && !mdry && !r.created_ids.empty()) {
      collection::Auth auth(*store);
      for (int64_t id : r.created_ids)
        collection::invite_user(*store, auth, *store->users().find(id), mbase.empty() ? default_base_url() : mbase, 0);
      std::cerr << fmt::format("{} invitation(s) queued\n", r.created_ids.size());
      flush_outbox(*store, mconfig);
    }
    return 0;
  });

  auto* roles =
      grp->add_subcommand("roles", "Set a respondent's further roles for its organisation (contact, approver)");
  static std::string sdb, semail, sroles;
  add_db_option(roles, sdb);
  roles->add_option("--email", semail, "E-mail address")->required();
  roles->add_option("--set", sroles, "contact, approver, contact,approver or \"\" (contributor only)")->required();
  cli.on_run(roles, [] {
    auto store = storage::open_sqlite(sdb, {.create = false});
    auto u = require_user(*store, semail);
    collection::set_duties(*store, u.id, parse_duties(sroles, {"", 0, 0, "--set"}), 0);
    std::cerr << fmt::format("{}: respondent{}{}\n", u.email, sroles.empty() ? "" : ",",
                             to_string(parse_duties(sroles)));
    return 0;
  });

  auto* inv = grp->add_subcommand("invite", "Send an invitation (again)");
  static std::string idb, iemail, ibase, iconfig;
  add_db_option(inv, idb);
  inv->add_option("--email", iemail, "E-mail address")->required();
  inv->add_option("--base-url", ibase, "Public address for links in e-mail");
  inv->add_option("--config", iconfig, "Config file with a mail: section (default $DIGIPULS_CONFIG)");
  cli.on_run(inv, [] {
    auto store = storage::open_sqlite(idb, {.create = false});
    collection::Auth auth(*store);
    auto u = require_user(*store, iemail);
    auto id = collection::invite_user(*store, auth, u, ibase.empty() ? default_base_url() : ibase, 0);
    std::cerr << fmt::format("invitation queued as outbox message {}\n", id);
    flush_outbox(*store, iconfig);
    return 0;
  });
}

}  // namespace dp::app
