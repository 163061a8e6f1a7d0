// digipuls demo: prepares a database for trying both sides of the collection (see
// src/collection/demo.h) and prints the demo accounts. Used by scripts/demo.sh (`make demo`).
#include <fmt/format.h>
#include <iostream>

#include "app/cli.h"
#include "collection/demo.h"
#include "selfassess/context.h"
#include "selfassess/published.h"
#include "storage/selfassess_store.h"
#include "storage/store.h"

namespace dp::app {

namespace {

// Where to look at the self-assessment's synthetic data (scripts/demo.sh runs `selfassess
// generate`); nothing when the database has no completed assessment.
std::string selfassess_banner(storage::Store& store, const collection::DemoSetup& d, const std::string& url) {
  std::string public_org = selfassess::published_assessments(store, d.org_code).empty() ? "" : d.org_code;
  bool any = false;
  for (const auto& a : store.selfassess().list_all()) {
    if (a.status != AssessmentStatus::Completed) continue;
    any = true;
    if (public_org.empty() && a.part.empty() && a.publish_overall) public_org = a.org_code;
  }
  if (!any) return "";
  auto years = selfassess::maturity_years(store);
  int newest = years.empty() ? 0 : years.front();
  bool has_newest = false, has_before = false;
  for (const auto& a : store.selfassess().list_for_org(d.org_code)) {
    if (!a.part.empty()) continue;
    has_newest |= a.year == newest;
    has_before |= a.year == newest - 1;
  }
  std::string out = "\n   Self-assessment (synthetic demo data, marked 'Syntetisk demo'):\n";
  out += fmt::format("     respondent:     {}/sjalvskattning\n", url);
  if (has_before && !has_newest)
    out += fmt::format("                     ({} has a {} assessment; start {} there to follow up last year's plan)\n",
                       d.org_name, newest - 1, newest);
  out += fmt::format("     administrator:  {}/sjalvskattning/nationellt\n", url);
  if (!public_org.empty())
    out += fmt::format("     public page:    {}/sjalvskattning/publicerat/{}\n", url, public_org);
  return out;
}

}  // namespace

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
              << (d.seeded_previous
                      ? fmt::format("   (a 2021 answer was created for {} so the form can show last year's answers)\n",
                                    d.org_name)
                      : "")
              << selfassess_banner(*store, d, url)
              << "\n   Without DIGIPULS_SMTP_URL, e-mail is not sent; the administrator reads it at /admin/mail.\n"
              << line << "\n";
    return 0;
  });
}

}  // namespace dp::app
