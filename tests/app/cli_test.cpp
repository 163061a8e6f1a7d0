// The command line as a user runs it (docs/cli.md): exit statuses 0/1/2, --help everywhere,
// messages on stderr and data on stdout, idempotent init, all-or-nothing imports, and
// `instrument check` output as file:line:column.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Result {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class Cli : public ::testing::Test {
 protected:
  fs::path dir;

  void SetUp() override {
    std::random_device rd;
    dir = fs::temp_directory_path() / ("digipuls-cli-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  std::string db() const { return (dir / "cli.db").string(); }
  std::string file(const std::string& name, const std::string& content) const {
    std::ofstream(dir / name, std::ios::binary) << content;
    return (dir / name).string();
  }

  // Runs digipuls with the arguments (each shell-quoted), in `dir`, capturing stdout and stderr.
  Result run(const std::vector<std::string>& args, const std::string& env = "") const {
    std::string cmd = "cd " + quote(dir.string()) + " && " + env + " " + quote(DIGIPULS_BINARY);
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " </dev/null >" + quote((dir / "stdout").string()) + " 2>" + quote((dir / "stderr").string());
    int rc = std::system(cmd.c_str());
    Result r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    r.out = slurp(dir / "stdout");
    r.err = slurp(dir / "stderr");
    return r;
  }

  void init() {
    auto r = run({"init", "--db", db()});
    ASSERT_EQ(r.status, 0) << r.err;
  }
};

std::string source(const std::string& rel) { return std::string(DIGIPULS_SOURCE_DIR) + "/" + rel; }

}  // namespace

TEST_F(Cli, NoCommandIsAUsageError) {
  auto r = run({});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err, "");
}

TEST_F(Cli, UnknownCommandOrOptionIsAUsageError) {
  EXPECT_EQ(run({"frobnicate"}).status, 2);
  auto r = run({"campaigns", "list", "--db", db(), "--colour"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--colour"), std::string::npos) << r.err;
  EXPECT_EQ(run({"registry", "list", "--db", db()}).status, 2);  // --year is required
  EXPECT_EQ(run({"registry", "list", "--db", db(), "--year", "2021", "--format", "xml"}).status, 2);
  EXPECT_EQ(run({"responses", "export", "--db", db()}).status, 2);  // --campaign is required
}

TEST_F(Cli, HelpOnEveryCommand) {
  std::vector<std::vector<std::string>> commands = {{},
                                                    {"init"},
                                                    {"registry"},
                                                    {"registry", "list"},
                                                    {"registry", "import"},
                                                    {"instrument"},
                                                    {"instrument", "check"},
                                                    {"campaigns"},
                                                    {"campaigns", "list"},
                                                    {"responses"},
                                                    {"responses", "export"},
                                                    {"responses", "import"},
                                                    {"backup"},
                                                    {"restore"},
                                                    {"users", "erase"},
                                                    {"purge"}};
  for (auto args : commands) {
    args.push_back("--help");
    auto r = run(args);
    std::string name = args.size() > 1 ? args[0] + (args.size() > 2 ? " " + args[1] : "") : "digipuls";
    EXPECT_EQ(r.status, 0) << name;
    EXPECT_NE(r.out.find("Usage:"), std::string::npos) << name << ":\n" << r.out;
    EXPECT_NE(r.out.find("--help"), std::string::npos) << name;
  }
}

TEST_F(Cli, VersionFlag) {
  auto r = run({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("digipuls "), std::string::npos) << r.out;
}

TEST_F(Cli, InitIsIdempotentAndTalksOnStderr) {
  auto first = run({"init", "--db", db()});
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(first.out, "");
  EXPECT_NE(first.err.find("campaign: ehalsa-2021"), std::string::npos) << first.err;
  auto second = run({"init", "--db", db()});
  EXPECT_EQ(second.status, 0);
  EXPECT_EQ(second.out, "");
  EXPECT_NE(second.err.find("already up to date"), std::string::npos) << second.err;
  auto list = run({"campaigns", "list", "--db", db(), "--format", "csv"});
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 2) << list.out;  // header + one campaign
}

TEST_F(Cli, DatabaseDefaultsToEnvironmentVariable) {
  init();
  auto r = run({"campaigns", "list", "--format", "csv"}, "DIGIPULS_DB=" + quote(db()));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("ehalsa-2021"), std::string::npos);
}

TEST_F(Cli, DatabaseDefaultsToTheCurrentDirectory) {
  auto r = run({"init"}, "env -u DIGIPULS_DB");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "digipuls.db"));
}

TEST_F(Cli, MissingDatabaseIsBadInputNamingInit) {
  auto r = run({"campaigns", "list", "--db", (dir / "none.db").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("digipuls init"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "none.db"));
}

TEST_F(Cli, CampaignsListFormats) {
  init();
  auto csv = run({"campaigns", "list", "--db", db(), "--format", "csv"});
  EXPECT_EQ(csv.status, 0);
  EXPECT_EQ(csv.out.rfind("id,slug,", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("\n1,ehalsa-2021,2021,ehalsa-2021,draft"), std::string::npos) << csv.out;
  auto json = run({"campaigns", "list", "--db", db(), "--format", "json"});
  auto j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["slug"], "ehalsa-2021");
  EXPECT_EQ(j[0]["orgs"], "290");
  auto table = run({"campaigns", "list", "--db", db()});
  EXPECT_EQ(table.out.rfind("id ", 0), 0u) << table.out;
}

TEST_F(Cli, RegistryListHasTheDocumentedColumns) {
  init();
  auto r = run({"registry", "list", "--db", db(), "--year", "2021", "--population-year", "2019", "--format", "json"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 290u);
  for (const char* col : {"code", "name", "county_code", "county_name", "population", "size_group"})
    EXPECT_TRUE(j[0].contains(col)) << col;
  EXPECT_EQ(j[0]["code"], "0114");
  EXPECT_EQ(j[0]["population"], "46786");  // 31 December 2019
  EXPECT_EQ(j[0]["county_name"], "Stockholms län");
  auto csv = run({"registry", "list", "--db", db(), "--year", "2021", "--format", "csv"});
  EXPECT_EQ(csv.out.rfind("code,name,county_code,county_name,population,size_group", 0), 0u) << csv.out.substr(0, 200);
}

TEST_F(Cli, RegistryImportIsAllOrNothing) {
  init();
  auto bad = file("bad.csv",
                  "code,year,name,population\n"
                  "0114,2021,Nytt namn,47820\n"
                  "0115,2021,Vallentuna,många\n");
  auto r = run({"registry", "import", "--db", db(), bad});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("row 3, column population"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
  auto list = run({"registry", "list", "--db", db(), "--year", "2021", "--format", "csv"});
  EXPECT_NE(list.out.find("0114,Upplands Väsby,"), std::string::npos);

  auto good = file("good.csv", "code,year,name\n0114,2021,Nytt namn\n");
  r = run({"registry", "import", "--db", db(), good});
  EXPECT_EQ(r.status, 0) << r.err;
  list = run({"registry", "list", "--db", db(), "--year", "2021", "--format", "csv"});
  EXPECT_NE(list.out.find("0114,Nytt namn,"), std::string::npos);
  list = run({"registry", "list", "--db", db(), "--year", "2020", "--format", "csv"});
  EXPECT_NE(list.out.find("0114,Upplands Väsby,"), std::string::npos);  // earlier years keep the old name
}

// Every importer: one wording («FILE: row N, column X») for bad bytes, the row where an open
// quote began, and one limit on the problems shown (500, then "…and N more").
TEST_F(Cli, ImportersNameRowAndColumnOfBadBytesAndOpenQuotes) {
  init();
  std::string with_nul = "code,year,name\n0114,2021,Ok\n0115,2021,A";
  with_nul += '\0';
  auto nul = file("nul.csv", with_nul + "B\n");
  auto reg = run({"registry", "import", "--db", db(), nul});
  EXPECT_EQ(reg.status, 1);
  EXPECT_NE(reg.err.find("nul.csv: row 3, column name: not valid UTF-8, or contains a NUL byte"), std::string::npos)
      << reg.err;
  auto bad_utf8 = file("utf8.csv", "org_code,status,q03,q03:comment\n0114,draft,ja,ok\n0115,draft,nej,fel\xC3\x28\n");
  auto resp = run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", bad_utf8});
  EXPECT_EQ(resp.status, 1);
  EXPECT_NE(resp.err.find("utf8.csv: row 3, column q03:comment: not valid UTF-8"), std::string::npos) << resp.err;
  auto open_quote =
      file("quote.csv",
           "org_code,status,q03,q03:comment\n0114,draft,ja,\"opened here\n0115,draft,nej,x\n0116,draft,nej,y\n");
  resp = run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", open_quote});
  EXPECT_EQ(resp.status, 1);
  EXPECT_NE(resp.err.find("quote.csv: row 2, column q03:comment: the quote that opens this field is never closed"),
            std::string::npos)
      << resp.err;
  std::string junk = "code,year\n";
  for (int i = 0; i < 3000; ++i) junk += static_cast<char>((i * 7919 + 13) % 256);
  reg = run({"registry", "import", "--db", db(), file("junk.csv", junk)});
  EXPECT_EQ(reg.status, 1);
  EXPECT_NE(reg.err.find("junk.csv: row "), std::string::npos) << reg.err;
  EXPECT_EQ(reg.err.find("strict"), std::string::npos) << reg.err;  // not libcsv's message
}

TEST_F(Cli, ImportersShowAtMost500ProblemsAndCountTheRest) {
  init();
  std::string reg_text = "code,year,population\n", resp_text = "org_code,status\n";
  for (int i = 0; i < 1200; ++i) {
    reg_text += "0114,2021,many\n";  // one problem a row: a bad population, then duplicates
    resp_text += "9" + std::to_string(1000 + i) + ",draft\n";
  }
  auto reg = run({"registry", "import", "--db", db(), file("reg.csv", reg_text)});
  EXPECT_EQ(reg.status, 1);
  EXPECT_NE(reg.err.find("1200 problem(s); nothing was imported:"), std::string::npos) << reg.err.substr(0, 300);
  EXPECT_NE(reg.err.find("\n  …and 700 more problem(s)\n"), std::string::npos) << reg.err.substr(reg.err.size() - 300);
  EXPECT_EQ(std::count(reg.err.begin(), reg.err.end(), '\n'), 502);
  auto resp = run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", file("resp.csv", resp_text)});
  EXPECT_EQ(resp.status, 1);
  EXPECT_NE(resp.err.find("1200 problem(s); nothing was imported:"), std::string::npos) << resp.err.substr(0, 300);
  EXPECT_NE(resp.err.find("\n  …and 700 more problem(s)\n"), std::string::npos)
      << resp.err.substr(resp.err.size() - 300);
  EXPECT_EQ(std::count(resp.err.begin(), resp.err.end(), '\n'), 502);
}

// `stats history import --dir`: every bad row of a history CSV named by row and column, exit 1,
// and the stored history as it was; a good folder replaces it.
TEST_F(Cli, HistoryImportNamesEveryBadRowAndStoresNothing) {
  init();
  fs::create_directories(dir / "history");
  for (const auto& e : fs::directory_iterator(source("data/history")))
    if (e.path().extension() == ".csv") fs::copy_file(e.path(), dir / "history" / e.path().filename());
  std::string t21 = slurp(dir / "history" / "tabell_21.csv");
  auto edit = [&](std::string text, const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  std::vector<std::string> series = {"stats", "series", "--db",      db(),       "--keyfigure",
                                     "K33",   "--cell", "barn_unga", "--format", "csv"};
  auto before = run(series);
  ASSERT_NE(before.out.find("2015,14.0,"), std::string::npos) << before.out << before.err;

  file("history/tabell_21.csv",
       edit(edit(t21, ",2016,2,2016,18,", ",2016,2,20x6,18,"), ",2018,4,2018,18,", ",2018,4,2018,1y,"));
  auto r = run({"stats", "history", "import", "--db", db(), "--dir", (dir / "history").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("2 problem(s); nothing was imported:"), std::string::npos) << r.err;
  EXPECT_NE(
      r.err.find("tabell_21.csv: row 3, column year: '20x6' is not a year: expected a whole number from 1990 to 2100"),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("tabell_21.csv: row 5, column value: '1y' is not a number"), std::string::npos) << r.err;
  EXPECT_EQ(run(series).out, before.out);

  file("history/tabell_21.csv", edit(t21, ",2015,1,2015,14,", ",2015,1,2015,15,"));
  r = run({"stats", "history", "import", "--db", db(), "--dir", (dir / "history").string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(run(series).out.find("2015,15.0,"), std::string::npos);

  r = run({"stats", "history", "import", "--db", db(), "--dir", (dir / "nowhere").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("nowhere: no such folder"), std::string::npos) << r.err;
}

TEST_F(Cli, BackupAndRestoreThroughTheCommandLine) {
  init();
  auto backup = (dir / "backup.db").string();
  auto b = run({"backup", "--db", db(), "--out", backup});
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_EQ(b.out, "");
  EXPECT_NE(b.err.find("integrity ok"), std::string::npos) << b.err;
  EXPECT_EQ(run({"backup", "--db", db(), "--out", backup}).status, 1);  // exists: needs --force
  auto f = file("in.csv", "org_code,status,q03\n0114,draft,ja\n");
  ASSERT_EQ(run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", f}).status, 0);
  auto refused = run({"restore", "--db", db(), "--from", backup});
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
  auto r = run({"restore", "--db", db(), "--from", backup, "--force"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("restored"), std::string::npos) << r.err;
  auto exp = run({"responses", "export", "--db", db(), "--campaign", "ehalsa-2021"});
  EXPECT_NE(exp.out.find("\n0114,not_started,"), std::string::npos);  // as it was when backed up
}

TEST_F(Cli, UsersEraseAndPurgeRemovePersonalData) {
  init();
  auto add = run({"users", "add", "--db", db(), "--email", "kim@ale.se", "--role", "respondent", "--org", "1440",
                  "--name", "Kim Karlsson"});
  ASSERT_EQ(add.status, 0) << add.err;
  auto erase = run({"users", "erase", "--db", db(), "--email", "kim@ale.se"});
  ASSERT_EQ(erase.status, 0) << erase.err;
  EXPECT_NE(erase.err.find("erased the personal data of user"), std::string::npos) << erase.err;
  auto list = run({"users", "list", "--db", db(), "--all", "--format", "csv"});
  EXPECT_EQ(list.out.find("kim@ale.se"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("Kim Karlsson"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("@erased.invalid"), std::string::npos) << list.out;
  auto again = run({"users", "erase", "--db", db(), "--email", "kim@ale.se"});
  EXPECT_EQ(again.status, 1);
  EXPECT_EQ(run({"users", "erase", "--db", db()}).status, 2);

  // A removed account is erased by the purge once its retention period has passed.
  ASSERT_EQ(run({"users", "add", "--db", db(), "--email", "lo@ale.se", "--role", "admin"}).status, 0);
  ASSERT_EQ(run({"users", "remove", "--db", db(), "--email", "lo@ale.se"}).status, 0);
  auto config = file("digipuls.yaml", "retention:\n  removed_account_days: 30\n");
  auto early = run({"purge", "--db", db(), "--config", config});
  ASSERT_EQ(early.status, 0) << early.err;
  EXPECT_NE(early.err.find("erased 0 removed account(s)"), std::string::npos) << early.err;
  auto later = run({"purge", "--db", db(), "--config", config, "--now", "2099-01-01T00:00:00Z"});
  ASSERT_EQ(later.status, 0) << later.err;
  EXPECT_NE(later.err.find("erased 1 removed account(s)"), std::string::npos) << later.err;
  list = run({"users", "list", "--db", db(), "--all", "--format", "csv"});
  EXPECT_EQ(list.out.find("lo@ale.se"), std::string::npos) << list.out;
  EXPECT_EQ(run({"purge", "--db", db(), "--now", "yesterday"}).status, 1);
}

TEST_F(Cli, RegistryImportNewOrganisationWithoutNameWritesNothing) {
  init();
  auto f = file("new.csv", "code,year,population\n0114,2022,48000\n9999,2022,100\n");
  auto r = run({"registry", "import", "--db", db(), f});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("9999"), std::string::npos) << r.err;
  auto list = run({"registry", "list", "--db", db(), "--year", "2022", "--format", "csv"});
  EXPECT_EQ(list.out.find("48000"), std::string::npos);  // the first row was rolled back too
}

TEST_F(Cli, RegistryImportOfAMissingFileIsBadInput) {
  init();
  auto r = run({"registry", "import", "--db", db(), (dir / "none.csv").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("none.csv"), std::string::npos);
}

TEST_F(Cli, InstrumentCheckValidFiles) {
  auto r = run({"instrument", "check", source("instruments/ehalsa-2021.yaml"), source("instruments/ehalsa-2022.yaml")});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("ehalsa-2021.yaml: ok"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ehalsa-2022.yaml: ok"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST_F(Cli, InstrumentCheckReportsFileLineColumnAndFails) {
  auto path = source("tests/cases/instrument/condition_unknown_question.yaml");
  auto r = run({"instrument", "check", path});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(path + ":13:19: error I008 [q99]: unknown question 'q99'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 error(s)"), std::string::npos) << r.err;
}

TEST_F(Cli, InstrumentCheckReportsEveryFileAndEveryProblem) {
  auto a = source("tests/cases/instrument/condition_cycle.yaml");
  auto b = source("tests/cases/instrument/unknown_key.yaml");
  auto r = run({"instrument", "check", a, source("instruments/ehalsa-2021.yaml"), b});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(a + ":"), std::string::npos);
  EXPECT_NE(r.err.find(b + ":"), std::string::npos);
  EXPECT_NE(r.out.find("ehalsa-2021.yaml: ok"), std::string::npos);
}

TEST_F(Cli, InstrumentCheckWarningsAloneSucceed) {
  auto r = run({"instrument", "check", source("tests/cases/instrument/missing_english_label.yaml")});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("warning I013"), std::string::npos) << r.err;
}

TEST_F(Cli, InstrumentCheckOfAMissingFileIsBadInput) {
  auto r = run({"instrument", "check", (dir / "none.yaml").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("none.yaml"), std::string::npos) << r.err;
}

TEST_F(Cli, ResponsesExportImportRoundTrip) {
  init();
  auto exp = run({"responses", "export", "--db", db(), "--campaign", "ehalsa-2021"});
  ASSERT_EQ(exp.status, 0) << exp.err;
  EXPECT_EQ(exp.out.rfind("org_code,status,", 0), 0u);
  EXPECT_EQ(std::count(exp.out.begin(), exp.out.end(), '\n'), 291);
  // Answer q03 for one municipality, import, export again: the answer is there.
  std::string header = exp.out.substr(0, exp.out.find('\n'));
  auto f = file("in.csv", "org_code,status,q03\n0114,draft,ja\n");
  auto imp = run({"responses", "import", "--db", db(), "--campaign", "1", f});
  EXPECT_EQ(imp.status, 0) << imp.err;
  EXPECT_EQ(imp.out, "");
  EXPECT_NE(imp.err.find("imported 1 organisation"), std::string::npos) << imp.err;
  auto out_file = (dir / "out.csv").string();
  auto exp2 = run({"responses", "export", "--db", db(), "--campaign", "ehalsa-2021", "--out", out_file});
  EXPECT_EQ(exp2.status, 0);
  EXPECT_EQ(exp2.out, "");
  std::string text = slurp(out_file);
  EXPECT_NE(text.find("\n0114,draft,"), std::string::npos);
  auto again = run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", out_file});
  EXPECT_EQ(again.status, 0) << again.err;
  auto exp3 = run({"responses", "export", "--db", db(), "--campaign", "ehalsa-2021"});
  EXPECT_EQ(exp3.out, text);
}

TEST_F(Cli, FreeTextCsvNeutralisesFormulasButJsonKeepsTheText) {
  init();
  auto f = file("in.csv",
                "org_code,status,q03,q03:comment,q04,q04:comment\n"
                "0114,reopened,ja,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",nej,-2+3+cmd|' /C calc'!A0\n");
  auto imp = run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", f});
  ASSERT_EQ(imp.status, 0) << imp.err;
  auto csv = run({"stats", "freetext", "--db", db(), "--campaign", "ehalsa-2021", "--format", "csv"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_NE(csv.out.find(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\n"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find(",'-2+3+cmd|' /C calc'!A0\n"), std::string::npos) << csv.out;
  auto json = run({"stats", "freetext", "--db", db(), "--campaign", "ehalsa-2021", "--format", "json"});
  ASSERT_EQ(json.status, 0) << json.err;
  auto texts = nlohmann::json::parse(json.out);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0]["text"], "=HYPERLINK(\"http://evil.example\",\"x\")");
}

TEST_F(Cli, ResponsesImportRejectsBadFileWithRowAndColumn) {
  init();
  auto f = file("bad.csv", "org_code,status,q03\n0114,draft,ja\n0115,draft,kanske\n");
  auto r = run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", f});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("row 3, column q03"), std::string::npos) << r.err;
  auto exp = run({"responses", "export", "--db", db(), "--campaign", "ehalsa-2021"});
  EXPECT_NE(exp.out.find("\n0114,not_started,"), std::string::npos);  // row 2 was not written either
}

TEST_F(Cli, UnknownCampaignIsBadInput) {
  init();
  auto r = run({"responses", "export", "--db", db(), "--campaign", "nope"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("nope"), std::string::npos);
}

TEST_F(Cli, InstrumentCheckGoesOnAfterAMissingFile) {
  auto r = run({"instrument", "check", (dir / "none.yaml").string(), source("instruments/ehalsa-2021.yaml")});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("none.yaml"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("ehalsa-2021.yaml: ok"), std::string::npos) << r.out;
}

TEST_F(Cli, RegistryImportNamesEveryNewOrganisationWithoutAName) {
  init();
  auto f = file("new2.csv", "code,year,population\nX1,2022,10\nX2,2022,20\n");
  auto r = run({"registry", "import", "--db", db(), f});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("row 2, column name"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("row 3, column name"), std::string::npos) << r.err;
}

// `selfassess generate` (docs/cli.md): bad input exits 1 naming the option and writes nothing;
// a second run on the same database does nothing and says so.
TEST_F(Cli, SelfassessGenerateRefusesAnUnknownYearOrAShareOutsideZeroToOne) {
  init();
  auto year = run({"selfassess", "generate", "--db", db(), "--year", "2019"});
  EXPECT_EQ(year.status, 1);
  EXPECT_NE(year.err.find("no maturity instrument of 2019"), std::string::npos) << year.err;
  for (const char* share : {"1.5", "-0.2"}) {
    auto r = run({"selfassess", "generate", "--db", db(), "--year", "2025", "--share", share});
    EXPECT_EQ(r.status, 1) << share;
    EXPECT_NE(r.err.find("not a share between 0 and 1"), std::string::npos) << r.err;
  }
  auto unknown = run({"selfassess", "generate", "--db", db(), "--year", "2025", "--include", "9999"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_NE(unknown.err.find("'9999' is not a municipality"), std::string::npos) << unknown.err;
  EXPECT_EQ(run({"selfassess", "generate", "--db", db()}).status, 2);  // --year is required
  auto list = run({"selfassess", "list", "--db", db(), "--format", "csv"});
  EXPECT_EQ(list.out, "id,org,year,part,instrument,status,published,agreed,overall,band\n");
}

TEST_F(Cli, SelfassessGenerateTwiceWritesOnce) {
  init();
  auto first = run({"selfassess", "generate", "--db", db(), "--year", "2025", "--seed", "3", "--include", "1440"});
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("synthetic self-assessments of 2025"), std::string::npos) << first.err;
  auto before = run({"selfassess", "list", "--db", db(), "--format", "csv"});
  EXPECT_NE(before.out.find(",1440,2025,,mognad-2025,completed,yes,48,"), std::string::npos) << before.out;
  auto second = run({"selfassess", "generate", "--db", db(), "--year", "2025", "--seed", "4"});
  EXPECT_EQ(second.status, 0);
  EXPECT_NE(second.err.find("already exist; nothing done"), std::string::npos) << second.err;
  EXPECT_EQ(run({"selfassess", "list", "--db", db(), "--format", "csv"}).out, before.out);
  auto agg = run({"selfassess", "aggregates", "--db", db(), "--instrument", "mognad-2025", "--format", "csv"});
  EXPECT_EQ(agg.out.find("suppressed"), std::string::npos) << agg.out;
}

// Historical microdata (docs/microdata-format.md, "Historical microdata"): two municipalities
// that answered q09c although their elderly-care row of q09 says «inga e-tjänster», and that left
// the rest of the form unanswered. Refused by default with the rule and the deciding answers,
// nothing written; kept, the answers are flagged and `stats compute` counts them; dropped, not.
TEST_F(Cli, HistoricalAnswersOutsideTheRoutingAreRefusedKeptAndCountedOrDropped) {
  init();
  auto f = file("hist.csv",
                "org_code,status,q09.aldreomsorg[inga],q09.aldreomsorg[chatt],q09c\n"
                "0114,submitted,1,0,ja\n0180,submitted,1,0,ja\n");
  auto empty = run({"responses", "export", "--db", db(), "--campaign", "ehalsa-2021"});
  auto refused = run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", f});
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("hist.csv: row 2, column q09c: q09c is answered, but it is not asked of this organisation "
                             "(its condition is false): the condition of q09c \"not (q09.aldreomsorg has 'inga')\" is "
                             "false, with q09.aldreomsorg = 'inga' (Inom detta område finns inga e-tjänster) in column "
                             "q09.aldreomsorg[inga]"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("row 3, column q01.ifo: q01.ifo must be answered"), std::string::npos) << refused.err;
  EXPECT_EQ(run({"responses", "export", "--db", db(), "--campaign", "ehalsa-2021"}).out, empty.out);

  auto kept = run(
      {"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", "--routing", "keep", "--allow-incomplete", f});
  ASSERT_EQ(kept.status, 0) << kept.err;
  EXPECT_NE(
      kept.err.find("imported 2 organisation(s) into ehalsa-2021\n  kept 2 answer(s) to q09c that today's routing "
                    "does not ask (flagged; counted by the statistics)\n  2 submitted response(s) with unanswered "
                    "items imported as submitted\n"),
      std::string::npos)
      << kept.err;
  auto status = run({"campaigns", "status", "--db", db(), "--campaign", "ehalsa-2021"});
  EXPECT_NE(status.err.find("2 of 290 submitted"), std::string::npos) << status.err;

  // K16 «förenklad ansökan» counts q09c = ja among all respondents.
  auto count_of_q09c = [&](const std::string& database) {
    auto c = run({"stats", "compute", "--db", database, "--campaign", "ehalsa-2021", "--profile", "reproduce-2021"});
    EXPECT_EQ(c.status, 0) << c.err;
    auto show = run({"stats", "show", "--db", database, "--campaign", "ehalsa-2021", "--keyfigure", "K16",
                     "--breakdown", "national", "--format", "json"});
    EXPECT_EQ(show.status, 0) << show.err;
    for (const auto& row : nlohmann::json::parse(show.out))
      if (row["cell"] == "forenklad_ansokan")
        return row["count"].get<std::string>() + " of " + row["n"].get<std::string>();
    return std::string("no figure in ") + show.out;
  };
  EXPECT_EQ(count_of_q09c(db()), "2 of 2");

  auto other = (dir / "drop.db").string();
  ASSERT_EQ(run({"init", "--db", other}).status, 0);
  auto dropped = run({"responses", "import", "--db", other, "--campaign", "ehalsa-2021", "--routing", "drop",
                      "--allow-incomplete", f});
  ASSERT_EQ(dropped.status, 0) << dropped.err;
  EXPECT_NE(dropped.err.find("  dropped 2 answer(s) to q09c that today's routing does not ask\n"), std::string::npos)
      << dropped.err;
  EXPECT_EQ(count_of_q09c(other), "0 of 2");
}

TEST_F(Cli, ResponsesImportReadsPrintedLabelsAndNamesAnUnknownOne) {
  init();
  auto f =
      file("labels.csv", "org_code,status,q03,q04\n0114,draft,Ja,\"Ja, delar av objekten\"\n0115,draft,Nej,Kanske\n");
  auto r = run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", "--values", "labels", f});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("labels.csv: row 3, column q04: 'Kanske' is not a label (sv) of q04"), std::string::npos)
      << r.err;
  auto en = file("en.csv", "org_code,status,q03,q04\n0114,draft,Yes,\"Yes, some of the objects\"\n");
  r = run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", "--values", "labels", "--lang", "en", en});
  ASSERT_EQ(r.status, 0) << r.err;
  auto exp = run({"responses", "export", "--db", db(), "--campaign", "ehalsa-2021"});
  auto at = exp.out.find("\n0114,draft,");
  ASSERT_NE(at, std::string::npos);
  std::string row = exp.out.substr(at + 1, exp.out.find('\n', at + 1) - at - 1);
  EXPECT_NE(row.find(",ja,"), std::string::npos) << row;  // codes on export
  EXPECT_NE(row.find(",delar,"), std::string::npos) << row;
  EXPECT_EQ(run({"responses", "import", "--db", db(), "--campaign", "ehalsa-2021", "--values", "names", en}).status, 2);
}

// The empty template of docs/microdata-format.md: an export of a campaign without answers, which
// imports back as nothing.
TEST_F(Cli, AnExportOfAnEmptyCampaignIsTheImportTemplate) {
  init();
  auto created = run(
      {"campaigns", "create", "--db", db(), "--instrument", "ehalsa-2021", "--slug", "mall", "--orgs", "0114,0180"});
  ASSERT_EQ(created.status, 0) << created.err;
  auto tpl = (dir / "template.csv").string();
  auto exp = run({"responses", "export", "--db", db(), "--campaign", "mall", "--out", tpl});
  ASSERT_EQ(exp.status, 0) << exp.err;
  std::string text = slurp(tpl);
  EXPECT_EQ(text.rfind("org_code,status,q01.ifo,", 0), 0u) << text.substr(0, 100);
  EXPECT_NE(text.find("\n0114,not_started,,"), std::string::npos);
  EXPECT_NE(text.find("\n0180,not_started,,"), std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
  auto imp = run({"responses", "import", "--db", db(), "--campaign", "mall", tpl});
  EXPECT_EQ(imp.status, 0) << imp.err;
  EXPECT_NE(imp.err.find("imported 0 organisation(s) into mall"), std::string::npos) << imp.err;
}

TEST_F(Cli, UsersImportChecksWritesOnceAndNamesEveryBadRow) {
  init();
  auto good = file("contacts.csv",
                   "org_code,email,name,role\n1440,anna@ale.se,Anna Ek,contact\n1440,anna@ale.se,,approver\n"
                   "1440,carl@ale.se,Carl Lind,respondent\n0180,bo@stockholm.se,Bo Berg,contact\n");
  auto dry = run({"users", "import", "--db", db(), good, "--dry-run"});
  ASSERT_EQ(dry.status, 0) << dry.err;
  EXPECT_NE(dry.err.find("dry run, nothing written: 3 created"), std::string::npos) << dry.err;
  EXPECT_NE(dry.err.find("0180 (Stockholm) has no approver"), std::string::npos) << dry.err;
  EXPECT_EQ(run({"users", "list", "--db", db(), "--format", "csv"}).out.find("anna@ale.se"), std::string::npos);

  auto first = run({"users", "import", "--db", db(), good});
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("3 created, 0 updated, 0 unchanged"), std::string::npos) << first.err;
  auto second = run({"users", "import", "--db", db(), good});
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("0 created, 0 updated, 3 unchanged"), std::string::npos) << second.err;
  auto list = run({"users", "list", "--db", db(), "--org", "1440", "--format", "json"});
  auto rows = nlohmann::json::parse(list.out);
  ASSERT_EQ(rows.size(), 2u) << list.out;
  for (const auto& r : rows) EXPECT_EQ(r["roles"], r["email"] == "anna@ale.se" ? "contact,approver" : "") << r.dump();

  auto bad = file(
      "bad.csv", "org_code,email,name,role\n9999,x@ale.se,X,contact\n1440,y@ale.se,Y,boss\n1440,z@ale.se,Z,approver\n");
  auto refused = run({"users", "import", "--db", db(), bad});
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("bad.csv: row 2, column org_code"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("bad.csv: row 3, column role"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("nothing was written"), std::string::npos) << refused.err;
  EXPECT_EQ(run({"users", "list", "--db", db(), "--format", "csv"}).out.find("z@ale.se"), std::string::npos)
      << "the good row of a bad file is not written";

  ASSERT_EQ(run({"users", "roles", "--db", db(), "--email", "carl@ale.se", "--set", "approver"}).status, 0);
  EXPECT_NE(run({"users", "list", "--db", db(), "--org", "1440", "--format", "csv"})
                .out.find("carl@ale.se,Carl Lind,respondent,approver"),
            std::string::npos);
  EXPECT_EQ(run({"users", "roles", "--db", db(), "--email", "carl@ale.se", "--set", "boss"}).status, 1);
}
