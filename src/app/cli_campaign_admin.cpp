// digipuls campaigns create | open | close | publish | reopen-response | remind | status: the survey
// owner's campaign work from the command line (the web pages do the same through the same
// functions in src/collection/).
#include <fmt/format.h>
#include <iostream>

#include "app/cli.h"
#include "collection/campaign_admin.h"
#include "collection/campaign_context.h"
#include "collection/campaigns.h"
#include "collection/dashboard.h"
#include "collection/deadline.h"
#include "collection/reminders.h"
#include "collection/responding.h"
#include "core/error.h"
#include "core/text.h"
#include "figures/publication.h"
#include "mail/config.h"
#include "mail/sender.h"
#include "storage/response_store.h"
#include "storage/store.h"

namespace dp::app {

namespace {

std::vector<std::string> list_of(const std::string& s) {
  std::vector<std::string> out;
  for (auto& part : split(s, ','))
    if (!trim(part).empty()) out.push_back(trim(part));
  return out;
}

void add_state_command(CLI::App* grp, Cli& cli, const char* name, const char* to, const char* help) {
  auto* cmd = grp->add_subcommand(name, help);
  auto db = std::make_shared<std::string>();
  auto campaign = std::make_shared<std::string>();
  add_db_option(cmd, *db);
  cmd->add_option("--campaign", *campaign, "Campaign id or slug")->required();
  cli.on_run(cmd, [db, campaign, to] {
    auto store = storage::open_sqlite(*db, {.create = false});
    collection::change_state(*store, *campaign, to, 0);
    std::cerr << fmt::format("campaign {} is {}\n", *campaign, to);
    return 0;
  });
}

}  // namespace

void register_campaign_admin(CLI::App* grp, Cli& cli) {
  auto* create = grp->add_subcommand("create", "Create a campaign (state draft) from an instrument version");
  static std::string db, instrument, slug, opens, closes, reminders, counties, orgs, mandatory;
  static int year = 0, population_year = 0;
  add_db_option(create, db);
  create->add_option("--instrument", instrument, "Instrument version id, e.g. ehalsa-2022")->required();
  create->add_option("--slug", slug, "Campaign id (default: the instrument id)");
  create->add_option("--year", year, "Survey year (default: the instrument's)");
  create->add_option("--population-year", population_year, "Population date for size groups (default: year - 2)");
  create->add_option("--opens", opens, "First day to answer, YYYY-MM-DD");
  create->add_option("--closes", closes, "Last day to answer, YYYY-MM-DD");
  create->add_option("--reminders", reminders, "Reminder dates, comma-separated");
  create->add_option("--counties", counties, "Only municipalities of these counties (codes, comma-separated)");
  create->add_option("--orgs", orgs, "Only these organisations (codes, comma-separated)");
  create->add_option("--mandatory-attribute", mandatory, "Boolean attribute that makes answering mandatory");
  cli.on_run(create, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    collection::CampaignSpec spec;
    spec.slug = slug;
    spec.instrument_id = instrument;
    spec.year = year;
    if (population_year) spec.population_year = population_year;
    spec.opens_on = opens;
    spec.closes_on = closes;
    spec.reminder_dates = collection::parse_reminder_dates(reminders);
    spec.county_codes = list_of(counties);
    spec.org_codes = list_of(orgs);
    spec.mandatory_attribute = mandatory;
    collection::check_spec(*store, spec);
    auto id = collection::create_campaign(*store, spec);
    auto c = store->campaigns().find(id);
    std::cerr << fmt::format(
        "created campaign {} (draft, {} organisations); open it with `digipuls campaigns open "
        "--campaign {}`\n",
        c->slug, store->campaigns().scope(id).size(), c->slug);
    std::cout << c->slug << "\n";
    return 0;
  });

  add_state_command(grp, cli, "open", "open", "Open a campaign for answers (from draft, or again after closing)");
  add_state_command(grp, cli, "close", "closed", "Close a campaign: no more answers except reopened responses");
  auto* publish =
      grp->add_subcommand("publish",
                          "Publish a closed campaign with its latest computed figures, if their disclosure audit "
                          "passes (final)");
  static std::string pdb, pcampaign;
  add_db_option(publish, pdb);
  publish->add_option("--campaign", pcampaign, "Campaign id or slug")->required();
  cli.on_run(publish, [] {
    auto store = storage::open_sqlite(pdb, {.create = false});
    auto out = figures::publish_revision(*store, pcampaign, 0, 0);
    std::cerr << fmt::format("campaign {} is published with revision {} (disclosure audit passed)\n", pcampaign,
                             out.run.revision);
    return 0;
  });

  auto* reopen = grp->add_subcommand("reopen-response", "Reopen one organisation's submitted response for corrections");
  static std::string rdb, rcampaign, rorg, reason;
  add_db_option(reopen, rdb);
  reopen->add_option("--campaign", rcampaign, "Campaign id or slug")->required();
  reopen->add_option("--org", rorg, "Organisation code")->required();
  reopen->add_option("--reason", reason, "Why (kept in the audit log)")->required();
  cli.on_run(reopen, [] {
    auto store = storage::open_sqlite(rdb, {.create = false});
    auto ctx = collection::load_campaign(*store, rcampaign);
    if (!ctx.org(rorg))
      throw Error::bad_input("'" + rorg + "' is not in the campaign's scope", Location{{}, 0, 0, "org"});
    auto resp = store->responses().get_or_create(ctx.campaign.id, rorg);
    collection::reopen_response(*store, resp.id, 0, reason);
    std::cerr << fmt::format("reopened the response of {} in {}\n", rorg, ctx.campaign.slug);
    return 0;
  });

  auto* sched = grp->add_subcommand("schedule", "Set a campaign's dates: first and last day to answer, reminders");
  static std::string hdb, hcampaign, hopens, hcloses, hreminders;
  add_db_option(sched, hdb);
  sched->add_option("--campaign", hcampaign, "Campaign id or slug")->required();
  auto* o_opens = sched->add_option("--opens", hopens, "First day to answer, YYYY-MM-DD (\"\" for none)");
  auto* o_closes = sched->add_option("--closes", hcloses, "Last day to answer, YYYY-MM-DD (\"\" for none); enforced");
  auto* o_rem = sched->add_option("--reminders", hreminders, "Reminder dates, or days before the closing date: -7,-2");
  cli.on_run(sched, [o_opens, o_closes, o_rem] {
    auto store = storage::open_sqlite(hdb, {.create = false});
    auto c = store->campaigns().find(hcampaign);
    if (!c) throw Error::bad_input("no campaign " + hcampaign, Location{{}, 0, 0, "--campaign"});
    // What is not given stays as it is.
    std::string opens = o_opens->count() ? hopens : c->opens_on, closes = o_closes->count() ? hcloses : c->closes_on;
    std::string reminders = o_rem->count() ? hreminders : join(c->reminder_dates, ",");
    collection::update_schedule(*store, hcampaign, opens, closes, reminders, 0);
    std::cerr << fmt::format("campaign {}: {} – {}; reminders {}\n", c->slug, opens, closes, reminders);
    return 0;
  });

  auto* ext = grp->add_subcommand("extend", "Give one organisation a later last day than the campaign's closing date");
  static std::string edb, ecampaign, eorg, euntil;
  add_db_option(ext, edb);
  ext->add_option("--campaign", ecampaign, "Campaign id or slug")->required();
  ext->add_option("--org", eorg, "Organisation code")->required();
  ext->add_option("--until", euntil, "Its last day, YYYY-MM-DD (\"\" = back to the campaign's)")->required();
  cli.on_run(ext, [] {
    auto store = storage::open_sqlite(edb, {.create = false});
    collection::extend_for_org(*store, ecampaign, eorg, euntil, 0);
    std::cerr << fmt::format("{} may answer {} until {}\n", eorg, ecampaign,
                             euntil.empty() ? "the closing date" : euntil);
    return 0;
  });

  auto* remind = grp->add_subcommand("remind", "Queue reminders to every organisation that has not submitted");
  static std::string mdb, mcampaign, base_url, config;
  add_db_option(remind, mdb);
  remind->add_option("--campaign", mcampaign, "Campaign id or slug")->required();
  remind->add_option("--base-url", base_url, "Public address for links in e-mail (default $DIGIPULS_BASE_URL)");
  remind->add_option("--config", config, "Config file with a mail: section (default $DIGIPULS_CONFIG)");
  cli.on_run(remind, [] {
    auto store = storage::open_sqlite(mdb, {.create = false});
    auto ctx = collection::load_campaign(*store, mcampaign);
    std::string url = base_url;
    if (url.empty())
      url = std::getenv("DIGIPULS_BASE_URL") ? std::getenv("DIGIPULS_BASE_URL") : "http://127.0.0.1:8080";
    auto r = collection::remind_non_responders(*store, ctx, url, 0);
    std::cerr << fmt::format("queued {} reminder(s) to {} organisation(s); {} without respondent accounts\n",
                             r.messages, r.organisations, r.without_accounts);
    auto cfg = mail::load(config);
    if (cfg.configured()) mail::Sender(*store, cfg, mail::make_transport(cfg)).run_once();
    return 0;
  });

  auto* status = grp->add_subcommand("status", "The status of every organisation in a campaign, as CSV");
  static std::string sdb, scampaign, county;
  add_db_option(status, sdb);
  status->add_option("--campaign", scampaign, "Campaign id or slug")->required();
  status->add_option("--county", county, "Only this county");
  cli.on_run(status, [] {
    auto store = storage::open_sqlite(sdb, {.create = false});
    auto ctx = collection::load_campaign(*store, scampaign);
    auto d = collection::build_dashboard(*store, ctx, county, Lang::sv);
    std::cout << collection::status_csv(d);
    std::cerr << fmt::format("{} of {} submitted ({:.1f} %)\n", d.overall.answers, d.overall.orgs, d.overall.share());
    return 0;
  });
}

}  // namespace dp::app
