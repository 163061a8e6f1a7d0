// Issue 14's «Done when» check through the binary on a real database: 2021 answers built to
// reproduce the published tables (tests/support/consistent_2021.h) are imported, computed under
// reproduce-2021 and verified; `stats verify` then lists, in the tables the answers cover, exactly
// the cells `stats audit-published` finds unreproducible, compared as the two commands print them.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sstream>
#include <tuple>

#include "core/csv.h"
#include "support/consistent_2021.h"

namespace dp::report {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int status;
  std::string out;  // stdout
  std::string err;  // stderr
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CliRun run(const std::string& dir, const std::string& args) {
  std::string err = dir + "/stderr.txt";
  std::string cmd = std::string(DIGIPULS_BINARY) + " " + args + " 2>" + err;
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (p && fgets(buf, sizeof buf, p)) out += buf;
  int rc = p ? pclose(p) : -1;
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, out, slurp(err)};
}

using Key = std::tuple<std::string, std::string, std::string, std::string>;  // keyfigure, cell, group, year

// The cells of a `--format csv` listing whose source is one of `tables`.
std::set<Key> cells_in(const std::string& text, const std::set<std::string>& tables, size_t* rows = nullptr) {
  auto t = csv::parse(text, "output");
  int kf = t.column("keyfigure"), cell = t.column("cell"), group = t.column("group"), year = t.column("year"),
      source = t.column("source");
  EXPECT_TRUE(kf >= 0 && cell >= 0 && group >= 0 && year >= 0 && source >= 0) << text.substr(0, 200);
  std::set<Key> out;
  if (source < 0) return out;
  for (const auto& r : t.rows)
    if (tables.count(r.fields[source])) {
      out.insert({r.fields[kf], r.fields[cell], r.fields[group], r.fields[year]});
      if (rows) ++*rows;
    }
  return out;
}

class VerifyConsistent2021 : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (fs::temp_directory_path() / ("digipuls_verify2021_" + std::to_string(::getpid()))).string();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = dir_ + "/t.db";
  }
  void TearDown() override { fs::remove_all(dir_); }
  CliRun cli(const std::string& args) { return run(dir_, args); }
  std::string dir_, db_;
};

TEST_F(VerifyConsistent2021, VerifyListsExactlyTheCellsTheAuditFlagsOnAnswersThatReproduceThePublishedTables) {
  ASSERT_EQ(cli("init --db " + db_).status, 0);
  // The campaign's organisations from its empty template (docs/microdata-format.md).
  auto exported = cli("responses export --db " + db_ + " --campaign ehalsa-2021 --out " + dir_ + "/template.csv");
  ASSERT_EQ(exported.status, 0) << exported.err;
  auto tmpl = csv::parse(slurp(dir_ + "/template.csv"), "template.csv");
  std::vector<std::string> orgs;
  for (const auto& r : tmpl.rows) orgs.push_back(r.fields[0]);
  ASSERT_EQ(orgs.size(), 290u);

  auto fixture = testing::make_consistent_2021(orgs);
  EXPECT_EQ(fixture.respondents, 285);
  // The tables the answers cover (13 of the 33; the others need routed items, derived indicators
  // or sums, see the generator): governing documents (Tabell 1), cooperation with counts (3),
  // secure communication (4), forms of operation (5), automation (8, 9), welfare technology per
  // area with «totalt» (10–13), strong authentication (16), structured documentation (20), ICF (21).
  for (int t : {1, 3, 4, 5, 8, 9, 10, 11, 12, 13, 16, 20, 21})
    EXPECT_TRUE(fixture.tables.count(fmt::format("Socialstyrelsen 2021, Tabell {}", t)))
        << "Tabell " << t << " is not covered";
  {
    std::ofstream f(dir_ + "/answers-2021.csv", std::ios::binary);
    f << fixture.csv;
  }
  auto imported =
      cli("responses import --db " + db_ + " --campaign ehalsa-2021 --allow-incomplete " + dir_ + "/answers-2021.csv");
  ASSERT_EQ(imported.status, 0) << imported.out << imported.err;
  auto computed = cli("stats compute --db " + db_ + " --campaign ehalsa-2021 --profile reproduce-2021");
  ASSERT_EQ(computed.status, 0) << computed.out << computed.err;

  auto verify = cli("stats verify --db " + db_ + " --campaign ehalsa-2021 --profile reproduce-2021 --format csv");
  auto all = cli("stats verify --db " + db_ + " --campaign ehalsa-2021 --profile reproduce-2021 --all --format csv");
  auto audit = cli("stats audit-published --format csv");
  ASSERT_EQ(audit.status, 0) << audit.err;
  EXPECT_EQ(verify.err.find("synthetic"), std::string::npos) << verify.err;

  size_t compared = 0;
  cells_in(all.out, fixture.tables, &compared);
  EXPECT_GT(compared, 350u) << "the covered tables' cells are compared";
  auto differing = cells_in(verify.out, fixture.tables);
  auto flagged = cells_in(audit.out, fixture.tables);
  for (const auto& k : differing)
    EXPECT_TRUE(flagged.count(k)) << "verify lists " << std::get<0>(k) << " " << std::get<1>(k) << " " << std::get<2>(k)
                                  << " " << std::get<3>(k) << ", which audit-published does not flag\n"
                                  << verify.out;
  for (const auto& k : flagged) {
    if (std::get<3>(k) != "2021") continue;
    EXPECT_TRUE(differing.count(k)) << "audit-published flags " << std::get<0>(k) << " " << std::get<1>(k)
                                    << ", which verify finds equal";
  }
  // Exit status: 1 when anything differs (the tables not covered differ), as documented.
  EXPECT_EQ(verify.status, verify.out.find('\n') == verify.out.size() - 1 ? 0 : 1) << verify.out;
}

// On synthetic answers verify says they are synthetic and exits 1.
TEST_F(VerifyConsistent2021, VerifyOnSyntheticAnswersSaysSoAndFails) {
  for (const std::string& step : {"init --db " + db_, "generate --db " + db_ + " --campaign ehalsa-2021 --seed 7"})
    ASSERT_EQ(cli(step).status, 0) << step;
  auto r = cli("stats verify --db " + db_ + " --campaign ehalsa-2021 --profile reproduce-2021 --format csv");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("the campaign's answers are synthetic"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find(",differs"), std::string::npos) << r.out.substr(0, 500);
}

}  // namespace
}  // namespace dp::report
