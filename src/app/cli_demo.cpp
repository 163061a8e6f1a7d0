// digipuls demo: prepares a database for trying both sides of the collection (see
// src/collection/demo.h) and prints the demo accounts. Used by scripts/demo.sh (`make demo`).
#include <fmt/format.h>

#include <iostream>

#include "app/cli.h"
#include "collection/demo.h"
#include "storage/store.h"

namespace dp::app {

void register_demo_command(Cli& cli) {
  auto* demo = cli.root.add_subcommand("demo", "Demo accounts and an open demo campaign (never for a real survey)");
  static std::string db, url = "http://127.0.0.1:8080";
  add_db_option(demo, db);
  demo->add_option("--url", url, "Where the demo server will answer (for the printed link)")->capture_default_str();
  cli.on_run(demo, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto d = collection::setup_demo(*store);
    std::string line(78, '=');
    std::cout << line << "\n"
              << " DEMO ONLY: these accounts are for trying Digipuls on this machine. Do not use this\n"
              << " database for a real survey. The passwords change every time the demo starts.\n\n"
              << fmt::format("   Administrator:       {:<34} password: {}\n", d.admin_email, d.admin_password)
              << fmt::format("   Respondent, {:<8} {:<34} password: {}\n", d.org_name + ":", d.respondent_email,
                             d.respondent_password)
              << fmt::format("\n   Open campaign {}: sign in at {}/login\n", d.campaign_slug, url)
              << (d.seeded_previous ? fmt::format("   (a 2021 answer was created for {} so the form can show last year's answers)\n",
                                                  d.org_name)
                                    : "")
              << "   Without DIGIPULS_SMTP_URL, e-mail is not sent; the administrator reads it at /admin/mail.\n"
              << line << "\n";
    return 0;
  });
}

}  // namespace dp::app
