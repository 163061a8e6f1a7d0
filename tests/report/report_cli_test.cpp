// End to end through the binary: init, generate, stats compute, report in every format, and the
// revision rules; then the full 2021 report's structure against the published tables.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>

#include "core/csv.h"
#include "instrument/value.h"
#include "report/report_build.h"
#include "storage/response_store.h"
#include "storage/stats_store.h"
#include "storage/store.h"
#include "support/golden.h"

namespace dp::report {
namespace {

namespace fs = std::filesystem;

struct Run {
  int status;
  std::string output;  // stdout and stderr
};

Run run(const std::string& args) {
  std::string cmd = std::string(DIGIPULS_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (p && fgets(buf, sizeof buf, p)) out += buf;
  int rc = p ? pclose(p) : -1;
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, out};
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ReportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string((fs::temp_directory_path() / ("digipuls_report_" + std::to_string(::getpid()))).string());
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    db_ = new std::string(*dir_ + "/t.db");
    for (const std::string& step :
         {"init --db " + *db_, "stats history import --db " + *db_,
          "generate --db " + *db_ + " --campaign ehalsa-2021 --seed 2021",
          "stats compute --db " + *db_ + " --campaign ehalsa-2021 --profile reproduce-2021"}) {
      auto r = run(step);
      ASSERT_EQ(r.status, 0) << step << "\n" << r.output;
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
  }
  static std::string* dir_;
  static std::string* db_;
};
std::string* ReportCli::dir_ = nullptr;
std::string* ReportCli::db_ = nullptr;

TEST_F(ReportCli, WritesEveryTableAsCsvXlsxAndHtml) {
  auto csv = run("report --db " + *db_ + " --campaign ehalsa-2021 --format csv --out " + *dir_ + "/csv");
  ASSERT_EQ(csv.status, 0) << csv.output;
  for (const char* t : {"T1", "T10", "T33", "B1", "B2-T1", "B2-T34"})
    EXPECT_TRUE(fs::exists(*dir_ + "/csv/" + t + ".csv")) << t;
  auto index = csv::parse(slurp(*dir_ + "/csv/tables.csv"), "tables.csv");
  EXPECT_EQ(index.rows.size(), 73u);  // 33 main, 2 prose, 2 figures, 2 in Bilaga 1, 34 in Bilaga 2
  auto xlsx = run("report --db " + *db_ + " --campaign ehalsa-2021 --format xlsx --out " + *dir_ + "/xlsx");
  ASSERT_EQ(xlsx.status, 0) << xlsx.output;
  std::string book = slurp(*dir_ + "/xlsx/ehalsa-2021-report.xlsx");
  ASSERT_GT(book.size(), 20000u);
  EXPECT_EQ(book.substr(0, 2), "PK");
  auto html = run("report --db " + *db_ + " --campaign ehalsa-2021 --format html --lang en --out " + *dir_ + "/html");
  ASSERT_EQ(html.status, 0) << html.output;
  std::string page = slurp(*dir_ + "/html/ehalsa-2021-report.html");
  EXPECT_NE(page.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(page.find("Table 33"), std::string::npos);
  EXPECT_NE(page.find("Quality declaration"), std::string::npos);
  EXPECT_EQ(page.find("{{"), std::string::npos) << "an unrendered template tag";
}

TEST_F(ReportCli, TheLongFormCsvHoldsEveryCellOfEveryTablesOwnFileWithItsRowAndColumn) {
  auto res = run("report --db " + *db_ + " --campaign ehalsa-2021 --format csv --out " + *dir_ + "/long");
  ASSERT_EQ(res.status, 0) << res.output;
  auto whole = csv::parse(slurp(*dir_ + "/long/ehalsa-2021-report.csv"), "ehalsa-2021-report.csv");
  ASSERT_EQ(whole.header, (std::vector<std::string>{"table", "number", "panel", "row", "column", "value", "marker"}));
  std::map<std::string, std::string> cells;  // table|row|column -> value (single-panel tables)
  for (const auto& r : whole.rows) cells[r.fields[0] + "|" + r.fields[3] + "|" + r.fields[4]] = r.fields[5];
  size_t checked = 0;
  for (const char* id : {"T1", "T10", "T21", "B2-T25"}) {
    auto own = csv::parse(slurp(*dir_ + "/long/" + std::string(id) + ".csv"), id);
    for (const auto& row : own.rows)
      for (size_t c = 1; c < own.header.size(); ++c) {
        if (row.fields[c].empty()) continue;  // a block heading has no cells
        auto it = cells.find(std::string(id) + "|" + row.fields[0] + "|" + own.header[c]);
        ASSERT_NE(it, cells.end()) << id << " " << row.fields[0] << " / " << own.header[c];
        EXPECT_EQ(it->second, row.fields[c]) << id << " " << row.fields[0] << " / " << own.header[c];
        ++checked;
      }
  }
  EXPECT_GT(checked, 30u);
}

TEST_F(ReportCli, BadUsageAndUnknownCampaignExitWithTheConventionalStatus) {
  EXPECT_EQ(run("report --db " + *db_ + " --campaign ehalsa-2021 --format pdf").status, 2);
  auto missing = run("stats compute --db " + *db_ + " --campaign nosuch");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.output.find("no campaign 'nosuch'"), std::string::npos) << missing.output;
  auto profile = run("stats compute --db " + *db_ + " --campaign ehalsa-2021 --profile nosuch");
  EXPECT_EQ(profile.status, 1);
  EXPECT_NE(profile.output.find("unknown disclosure profile"), std::string::npos) << profile.output;
}

TEST_F(ReportCli, CheckValidatesTheBundledFilesAndPositionsErrorsInOthers) {
  auto ok = run("stats check");
  EXPECT_EQ(ok.status, 0) << ok.output;
  std::string bad = *dir_ + "/bad.keyfigures.yaml";
  std::ofstream(bad) << "format: digipuls-keyfigures/1\nfamily: ehalsa\ninstruments: [ehalsa-2021]\nkeyfigures:\n"
                        "  - id: K1\n    title: {sv: T, en: T}\n    definition: {sv: D, en: D}\n"
                        "    cells: [{id: x, label: {sv: L, en: L}, count: \"q99 == 'ja'\"}]\n";
  auto r = run("stats check " + bad);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("bad.keyfigures.yaml:8:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("S008"), std::string::npos) << r.output;
}

TEST_F(ReportCli, CheckWarnsForNewQuestionsNoKeyFigureReadsAndForKeyFiguresWhoseInputsVanished) {
  auto r = run("stats check");
  EXPECT_EQ(r.status, 0) << "coverage findings are warnings\n" << r.output;
  // ehalsa-2022 dropped q11 and asks a new q32 that the key figures do not read.
  EXPECT_NE(r.output.find("warning S020"), std::string::npos) << r.output;
  // K18 reads the rows of q11 (one per area of activity); each is named.
  EXPECT_NE(r.output.find("warning S020 [K18]: K18 reads q11.aldreomsorg, "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("q11.vuxna_missbruk, which ehalsa-2022 no longer asks"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("ehalsa-2022.yaml:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("q32 is new in ehalsa-2022 and no key figure reads it"), std::string::npos) << r.output;
}

TEST_F(ReportCli, AnErratumOfTheQuestionnaireIsPrintedInTheReportsQualityDeclaration) {
  std::string db = *dir_ + "/errata.db";
  fs::copy_file(*db_, db, fs::copy_options::overwrite_existing);
  std::string fixed = *dir_ + "/ehalsa-2021-fixed.yaml";
  std::string text = slurp(std::string(DIGIPULS_SOURCE_DIR) + "/instruments/ehalsa-2021.yaml");
  auto at = text.find("Har kommunen styrande dokument");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 30, "Har kommunen antagna styrande dokument");
  std::ofstream(fixed, std::ios::binary) << text;
  auto rec = run("instrument erratum " + fixed + " --db " + db + " --note 'Antagna dokument avses'");
  ASSERT_EQ(rec.status, 0) << rec.output;
  auto html = run("report --db " + db + " --campaign ehalsa-2021 --format html --out " + *dir_ + "/errata");
  ASSERT_EQ(html.status, 0) << html.output;
  std::string page = slurp(*dir_ + "/errata/ehalsa-2021-report.html");
  EXPECT_NE(page.find("Rättelser i enkäten"), std::string::npos);
  EXPECT_NE(page.find("(q01.label): Antagna dokument avses"), std::string::npos);
}

TEST_F(ReportCli, ARecomputationAfterACorrectionIsANewRevisionAndNeverChangesThePublishedOne) {
  std::string db = *dir_ + "/rev.db";
  fs::copy_file(*db_, db, fs::copy_options::overwrite_existing);
  auto again = run("stats compute --db " + db + " --campaign ehalsa-2021 --profile reproduce-2021");
  ASSERT_EQ(again.status, 0) << again.output;
  EXPECT_NE(again.output.find("unchanged since revision 1"), std::string::npos) << again.output;
  auto draft = run("stats publish --db " + db + " --campaign ehalsa-2021");
  EXPECT_EQ(draft.status, 1);
  EXPECT_NE(draft.output.find("only from a closed campaign"), std::string::npos) << draft.output;
  ASSERT_EQ(run("campaigns open --db " + db + " --campaign ehalsa-2021").status, 0);
  ASSERT_EQ(run("campaigns close --db " + db + " --campaign ehalsa-2021").status, 0);
  auto published = run("stats publish --db " + db + " --campaign ehalsa-2021");
  ASSERT_EQ(published.status, 0) << published.output;
  EXPECT_NE(published.output.find("disclosure audit passed"), std::string::npos) << published.output;
  {
    // A verification call corrects one answer (as Socialstyrelsen did for q17, L1030).
    auto store = storage::open_sqlite(db, {.create = false});
    auto c = store->campaigns().find(std::string("ehalsa-2021"));
    for (const auto& r : store->responses().list(c->id)) {
      if (r.status != ResponseStatus::Submitted) continue;
      store->responses().save(r.id, {{"q17", instrument::Value::code("alla"), -1}}, 0, "correct");
      store->responses().save(r.id, {{"q17", instrument::Value::code("inga"), -1}}, 0, "correct");
      break;
    }
  }
  auto refused = run("stats compute --db " + db + " --campaign ehalsa-2021 --profile reproduce-2021");
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.output.find("--note"), std::string::npos) << refused.output;
  auto noted =
      run("stats compute --db " + db + " --campaign ehalsa-2021 --profile reproduce-2021 --note 'verification call'");
  ASSERT_EQ(noted.status, 0) << noted.output;
  EXPECT_NE(noted.output.find("stored revision 2"), std::string::npos) << noted.output;
  auto store = storage::open_sqlite(db, {.create = false});
  auto c = store->campaigns().find(std::string("ehalsa-2021"));
  EXPECT_EQ(store->stats().published_run(c->id)->revision, 1);
  EXPECT_EQ(store->stats().run(c->id, 0)->note, "verification call");
}

TEST_F(ReportCli, APublicationCanBeScheduledWithdrawnAndNeverMovedAheadOncePublic) {
  std::string db = *dir_ + "/schedule.db";
  fs::copy_file(*db_, db, fs::copy_options::overwrite_existing);
  ASSERT_EQ(run("campaigns open --db " + db + " --campaign ehalsa-2021").status, 0);
  ASSERT_EQ(run("campaigns close --db " + db + " --campaign ehalsa-2021").status, 0);
  std::string publish = "stats publish --db " + db + " --campaign ehalsa-2021";
  auto past = run(publish + " --at 2001-03-15T09:30");
  EXPECT_EQ(past.status, 1);
  EXPECT_NE(past.output.find("is not after now"), std::string::npos) << past.output;
  auto junk = run(publish + " --at 15/3");
  EXPECT_EQ(junk.status, 1);
  EXPECT_NE(junk.output.find("--at '15/3' is not a date and time"), std::string::npos) << junk.output;

  auto scheduled = run(publish + " --at 2099-03-15T09:30");
  ASSERT_EQ(scheduled.status, 0) << scheduled.output;
  EXPECT_NE(scheduled.output.find("will be published at 2099-03-15T08:30:00Z"), std::string::npos) << scheduled.output;
  {
    auto store = storage::open_sqlite(db, {.create = false});
    auto c = store->campaigns().find(std::string("ehalsa-2021"));
    EXPECT_FALSE(store->stats().published_run(c->id)) << "scheduled, not published";
    EXPECT_EQ(store->stats().run(c->id, 1)->published_at, "2099-03-15T08:30:00Z");
    EXPECT_EQ(c->state, CampaignState::Published) << "final at once: the answers it counts cannot change";
  }
  auto cancelled = run(publish + " --cancel");
  ASSERT_EQ(cancelled.status, 0) << cancelled.output;
  EXPECT_EQ(run(publish + " --cancel").status, 1) << "nothing left to withdraw";
  ASSERT_EQ(run(publish).status, 0);
  auto ahead = run(publish + " --at 2099-03-15T09:30");
  EXPECT_EQ(ahead.status, 1);
  EXPECT_NE(ahead.output.find("cannot be moved ahead"), std::string::npos) << ahead.output;
  auto store = storage::open_sqlite(db, {.create = false});
  auto c = store->campaigns().find(std::string("ehalsa-2021"));
  EXPECT_EQ(store->stats().published_run(c->id)->revision, 1) << "still public";
}

// `report --profile P` shows figures computed under P: the latest revision stored under it, else a
// computation made now (never, as before, the default profile without saying so), and the
// report's symbol set for P (reproduce-2021 prints nil as 0, as the 2021 report did).
TEST_F(ReportCli, ReportUsesTheProfileAskedForAndItsSymbols) {
  std::string db = *dir_ + "/profile.db";
  for (const std::string& step : {"init --db " + db, "generate --db " + db + " --campaign ehalsa-2021 --seed 7"}) {
    auto r = run(step);
    ASSERT_EQ(r.status, 0) << step << "\n" << r.output;
  }
  auto nil_symbol = [](const std::string& dir) {
    auto legend = csv::parse(slurp(dir + "/markers.csv"), "markers.csv");
    for (const auto& row : legend.rows)
      if (row.fields[0] == "nil") return row.fields[1];
    return std::string("?");
  };
  auto now = run("report --db " + db +
                 " --campaign ehalsa-2021 --profile reproduce-2021 --lang en --format csv --out " + *dir_ + "/p1");
  ASSERT_EQ(now.status, 0) << now.output;
  EXPECT_NE(now.output.find("computed now, not stored (disclosure profile: reproduce-2021)"), std::string::npos)
      << now.output;
  EXPECT_EQ(nil_symbol(*dir_ + "/p1"), "0");
  auto plain = run("report --db " + db + " --campaign ehalsa-2021 --lang en --format csv --out " + *dir_ + "/p2");
  ASSERT_EQ(plain.status, 0) << plain.output;
  EXPECT_NE(plain.output.find("(disclosure profile: standard)"), std::string::npos) << plain.output;
  EXPECT_EQ(nil_symbol(*dir_ + "/p2"), "–");

  ASSERT_EQ(run("stats compute --db " + db + " --campaign ehalsa-2021 --profile reproduce-2021").status, 0);
  auto stored = run("report --db " + db +
                    " --campaign ehalsa-2021 --profile reproduce-2021 --lang en --format csv --out " + *dir_ + "/p3");
  ASSERT_EQ(stored.status, 0) << stored.output;
  EXPECT_NE(stored.output.find("revision 1"), std::string::npos) << stored.output;
  auto other = run("report --db " + db + " --campaign ehalsa-2021 --profile standard --lang en --format csv --out " +
                   *dir_ + "/p4");
  ASSERT_EQ(other.status, 0) << other.output;
  EXPECT_NE(other.output.find("computed now, not stored (disclosure profile: standard)"), std::string::npos)
      << other.output;
  auto mismatch =
      run("report --db " + db +
          " --campaign ehalsa-2021 --revision 1 --profile standard --lang en --format csv --out " + *dir_ + "/p5");
  EXPECT_EQ(mismatch.status, 1);
  EXPECT_NE(mismatch.output.find("computed under the disclosure profile 'reproduce-2021'"), std::string::npos)
      << mismatch.output;
  EXPECT_EQ(run("report --db " + db + " --campaign ehalsa-2021 --profile nosuch --lang en --format csv --out " + *dir_ +
                "/p6")
                .status,
            1);
}

// A stored revision's report states the non-response that revision counted: a response withdrawn
// after revision 1 changes revision 2's, not revision 1's.
TEST_F(ReportCli, AStoredRevisionsReportStatesTheNonResponseItCounted) {
  std::string db = *dir_ + "/nonresponse.db";
  for (const std::string& step : {"init --db " + db, "generate --db " + db + " --campaign ehalsa-2021 --seed 7",
                                  "stats compute --db " + db + " --campaign ehalsa-2021 --profile reproduce-2021"}) {
    auto r = run(step);
    ASSERT_EQ(r.status, 0) << step << "\n" << r.output;
  }
  size_t respondents = 0;
  {
    auto store = storage::open_sqlite(db, {.create = false});
    auto c = store->campaigns().find(std::string("ehalsa-2021"));
    bool withdrawn = false;
    for (const auto& r : store->responses().list(c->id)) {
      if (r.status != ResponseStatus::Submitted) continue;
      ++respondents;
      if (!withdrawn) store->responses().set_status(r.id, ResponseStatus::Draft, 0, "status", "test");
      withdrawn = true;
    }
  }
  ASSERT_GT(respondents, 1u);
  ASSERT_EQ(run("stats compute --db " + db + " --campaign ehalsa-2021 --profile reproduce-2021").status, 0);
  auto nonresponse = [&](int revision) {
    std::string out = *dir_ + "/nr" + std::to_string(revision);
    auto r = run("report --db " + db + " --campaign ehalsa-2021 --revision " + std::to_string(revision) +
                 " --format html --out " + out);
    EXPECT_EQ(r.status, 0) << r.output;
    return slurp(out + "/ehalsa-2021-report.html");
  };
  auto missing = [](size_t m) { return "Objektsbortfallet är " + std::to_string(m) + " av 290"; };
  EXPECT_NE(nonresponse(1).find(missing(290 - respondents)), std::string::npos);
  EXPECT_NE(nonresponse(2).find(missing(290 - respondents + 1)), std::string::npos);
}

// `stats verify` on synthetic answers: every published 2021 cell is compared, the differences are
// listed with both values, the command says the answers are synthetic and exits 1.
TEST_F(ReportCli, VerifyListsDifferencesFromThePublishedFiguresAndFailsOnSyntheticData) {
  auto r = run("stats verify --db " + *db_ + " --campaign ehalsa-2021 --format csv");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("keyfigure,cell,group,year,what,published,computed,source,audit"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("Socialstyrelsen 2021, Tabell"), std::string::npos);
  EXPECT_NE(r.output.find("synthetic"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("profile reproduce-2021"), std::string::npos) << r.output;
}

// `stats audit-published` needs no database and finds the report's own inconsistencies.
TEST_F(ReportCli, AuditPublishedListsThePublishedCellsNoDataCanProduce) {
  auto r = run("stats audit-published --format csv");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("keyfigure,cell,group,year,source,rule,finding"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("published cell(s) are inconsistent with any microdata"), std::string::npos) << r.output;
  // Tabell 30: requisitioned ≠ used + remaining (K46's declared identity), 500 000 kr apart.
  EXPECT_NE(r.output.find("K46,rekvirerat_kr,national,2021,\"Socialstyrelsen 2021, Tabell 30\",identity,"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("(a difference of 500000)"), std::string::npos) << r.output;
}

TEST_F(ReportCli, TheDisclosureAuditPassesAStoredRevisionAndNamesWhatDisclosesAWithheldFigure) {
  std::string db = *dir_ + "/audit.db";
  fs::copy_file(*db_, db, fs::copy_options::overwrite_existing);
  auto clean = run("stats disclosure-audit --db " + db + " --campaign ehalsa-2021");
  EXPECT_EQ(clean.status, 0) << clean.output;
  EXPECT_NE(clean.output.find(", 0 disclosed"), std::string::npos) << clean.output;
  {
    // A revision withholding one county of a share and nothing else: the national figure minus
    // the other counties gives it.
    auto store = storage::open_sqlite(db, {.create = false});
    auto c = store->campaigns().find(std::string("ehalsa-2021"));
    auto run2 = *store->stats().run(c->id, 0);
    auto values = store->stats().values(run2.id);
    for (auto& f : values)
      if (f.key.keyfigure == "K02" && f.key.breakdown == "county" && f.key.group == "01" && f.count && *f.count > 0 &&
          f.count != f.n) {
        f.marker = Marker::Suppressed;
        f.value.reset();
        f.count.reset();
        break;
      }
    auto bad = run2;
    bad.note = "test: one county withheld alone";
    store->stats().add_run(bad, values);
  }
  auto found = run("stats disclosure-audit --db " + db + " --campaign ehalsa-2021");
  EXPECT_EQ(found.status, 1) << found.output;
  EXPECT_NE(found.output.find("county 01: withheld, but lies in"), std::string::npos) << found.output;
  EXPECT_NE(found.output.find("(count "), std::string::npos) << found.output;  // the figures that disclose it
  ASSERT_EQ(run("campaigns open --db " + db + " --campaign ehalsa-2021").status, 0);
  ASSERT_EQ(run("campaigns close --db " + db + " --campaign ehalsa-2021").status, 0);
  auto refused = run("stats publish --db " + db + " --campaign ehalsa-2021");
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.output.find("is not published: the disclosure audit finds 1 withheld figure"), std::string::npos)
      << refused.output;
  auto via_campaign = run("campaigns publish --db " + db + " --campaign ehalsa-2021");
  EXPECT_EQ(via_campaign.status, 1);
  EXPECT_NE(via_campaign.output.find("disclosure audit"), std::string::npos) << via_campaign.output;
  auto store = storage::open_sqlite(db, {.create = false});
  auto c = store->campaigns().find(std::string("ehalsa-2021"));
  EXPECT_FALSE(store->stats().published_run(c->id));
  EXPECT_EQ(c->state, CampaignState::Closed);
}

// The published table's dimensions (data/history) are the built table's: every main table of the
// 2021 report is reproduced with the same rows and columns, and every earlier year's cell equals
// the published value.
TEST_F(ReportCli, TheFull2021ReportHasThePublishedStructureAndHistory) {
  auto store = storage::open_sqlite(*db_, {.create = false});
  auto report = build_report(*store, "ehalsa-2021", 0);
  std::map<std::string, const stats::BuiltTable*> by_id;
  for (const auto& t : report.tables) by_id[t.id] = &t;
  const auto& history = report.computed.declarations.history;
  for (int i = 1; i <= 33; ++i) {
    std::string table = "Tabell " + std::to_string(i);
    std::set<std::string> rows, cols;
    for (const auto& h : history.cells)
      if (h.table == table) {
        rows.insert(h.row_key());
        cols.insert(h.column_label);
      }
    const auto* t = by_id.at("T" + std::to_string(i));
    size_t built_rows = 0;
    for (const auto& p : t->panels)
      for (const auto& r : p.rows) built_rows += !r.heading;
    EXPECT_EQ(built_rows, rows.size()) << table;
    EXPECT_EQ(t->columns.size(), cols.size()) << table;
  }
  // Earlier years come from the published history, exactly: Tabell 21 ICF 2015–2020.
  const auto* t21 = by_id.at("T21");
  auto hist = csv::parse(slurp(std::string(DIGIPULS_SOURCE_DIR) + "/data/history/tabell_21.csv"), "tabell_21.csv");
  size_t checked = 0;
  for (const auto& row : hist.rows) {
    int year = std::stoi(row.fields[7]);
    if (year >= 2021) continue;
    int r = 0;
    for (const auto& b : t21->panels[0].rows) {
      if (b.label.sv.find(row.fields[4].substr(0, 10)) != std::string::npos) {
        const auto& cell = b.cells[(size_t)(year - 2015)];
        ASSERT_TRUE(cell.value.has_value()) << row.fields[4] << " " << year;
        EXPECT_EQ(*cell.value, std::stod(row.fields[8])) << row.fields[4] << " " << year;
        ++checked;
      }
      ++r;
    }
  }
  EXPECT_EQ(checked, 30u);
  // The appendix tables: the structure recorded in tests/cases/report/ehalsa-2021-structure.txt.
  std::string structure;
  for (const auto& t : report.tables) {
    size_t rows = 0, headings = 0;
    for (const auto& p : t.panels)
      for (const auto& r : p.rows) (r.heading ? headings : rows)++;
    structure += t.id + ": " + std::to_string(t.panels.size()) + " panel(s), " + std::to_string(rows) + " rows, " +
                 std::to_string(headings) + " headings, " + std::to_string(t.columns.size()) + " columns | " +
                 t.number.sv + "\n";
  }
  std::string golden_path = std::string(DIGIPULS_SOURCE_DIR) + "/tests/cases/report/ehalsa-2021-structure.txt";
  if (test::golden_update_mode()) return test::rewrite_golden(golden_path, structure);
  EXPECT_EQ(slurp(golden_path), structure) << "set DIGIPULS_UPDATE_GOLDEN=1 to record a deliberate change";
}

}  // namespace
}  // namespace dp::report
