// digipuls responses export | import | checks
#include <fmt/format.h>
#include <fstream>
#include <iostream>

#include "app/cli.h"
#include "app/output.h"
#include "collection/campaign_context.h"
#include "collection/microdata.h"
#include "collection/verification.h"
#include "core/error.h"
#include "core/text.h"
#include "storage/response_store.h"
#include "storage/store.h"

namespace dp::app {

void register_response_commands(Cli& cli) {
  auto* grp = cli.root.add_subcommand("responses", "Microdata in and out (docs/microdata-format.md)");
  grp->require_subcommand(1);

  auto* exp = grp->add_subcommand("export", "Write a campaign's answers as a wide CSV, one row per organisation");
  static std::string db, campaign, out;
  add_db_option(exp, db);
  exp->add_option("--campaign", campaign, "Campaign id or slug")->required();
  exp->add_option("--out", out, "Output file (default: stdout)");
  cli.on_run(exp, [] {
    auto store = storage::open_sqlite(db, {.create = false});
    auto ctx = collection::load_campaign(*store, campaign);
    auto text = collection::export_microdata(*store, ctx);
    if (out.empty()) {
      std::cout << text;
    } else {
      std::ofstream f(out, std::ios::binary);
      if (!f || !(f << text)) throw Error::bad_input("cannot write file", Location{out, 0, 0, {}});
      std::cerr << fmt::format("wrote {} organisation(s) to {}\n", ctx.orgs.size(), out);
    }
    return 0;
  });

  auto* chk =
      grp->add_subcommand("checks", "The verification list: responses that the instrument's consistency checks flag");
  static std::string cdb, ccampaign, cformat;
  add_db_option(chk, cdb);
  chk->add_option("--campaign", ccampaign, "Campaign id or slug")->required();
  add_format_option(chk, cformat);
  cli.on_run(chk, [] {
    auto store = storage::open_sqlite(cdb, {.create = false});
    auto ctx = collection::load_campaign(*store, ccampaign);
    Rows r;
    r.columns = {"org", "name", "status", "check", "severity", "message"};
    auto flags = collection::verification_list(*store, ctx);
    for (const auto& f : flags)
      r.rows.push_back(
          {f.org_code, f.org_name, to_string(f.status), f.check, f.blocking ? "error" : "warning", f.message.sv});
    print_rows(r, cformat);
    std::cerr << fmt::format("{} flag(s) in {} response(s) checked\n", flags.size(),
                             store->responses().list(ctx.campaign.id).size());
    return 0;
  });

  auto* imp = grp->add_subcommand("import", "Read a wide CSV into a campaign: every row valid, or nothing is written");
  static std::string idb, icampaign, file, routing = "refuse", values = "codes", lang = "sv";
  static bool allow_incomplete = false;
  add_db_option(imp, idb);
  imp->add_option("--campaign", icampaign, "Campaign id or slug")->required();
  imp->add_option("--routing", routing,
                  "Answers that today's routing does not ask: refuse the file (default), drop them, or keep them "
                  "flagged and counted by the statistics")
      ->check(CLI::IsMember({"refuse", "drop", "keep"}));
  imp->add_flag("--allow-incomplete", allow_incomplete,
                "Import submitted rows with unanswered items as submitted (historical responses as they are)");
  imp->add_option("--values", values, "Single-choice cells hold option codes (default) or printed labels")
      ->check(CLI::IsMember({"codes", "labels"}));
  imp->add_option("--lang", lang, "The language of the labels with --values labels (sv, en)")
      ->check(CLI::IsMember({"sv", "en"}));
  imp->add_option("file", file, "CSV file")->required();
  cli.on_run(imp, [] {
    auto store = storage::open_sqlite(idb, {.create = false});
    auto ctx = collection::load_campaign(*store, icampaign);
    auto text = read_file(file);
    collection::ImportOptions options;
    options.routing = routing == "keep"   ? collection::Routing::Keep
                      : routing == "drop" ? collection::Routing::Drop
                                          : collection::Routing::Refuse;
    options.allow_incomplete = allow_incomplete;
    options.labels = values == "labels";
    options.lang = parse_lang(lang);
    auto summary = collection::import_microdata(*store, ctx, text, file, 0, options,
                                                [](size_t done, size_t total) { progress("reading", done, total); });
    std::cerr << fmt::format("imported {} organisation(s) into {}\n", summary.written, ctx.campaign.slug);
    for (const auto& line : collection::summary_lines(summary)) std::cerr << "  " << line << "\n";
    return 0;
  });
}

}  // namespace dp::app
