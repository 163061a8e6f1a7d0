// The published-history CSVs (stats/history.h, data/history/README.md): every problem of a file is
// reported at once, each with its file, row and column, what is wrong and what was expected; a
// file with a problem gives no cells.
#include "stats/history.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/problems.h"

namespace dp::stats {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

const std::string kHeader =
    "table,section,group,group_code,row_label,column_label,col_no,year,value,marker,unit,n,printed,source_line\n";

std::string row(const std::string& year, const std::string& value, const std::string& marker = "",
                const std::string& col_no = "1", const std::string& n = "", const std::string& line = "1178") {
  return "Tabell 21,,,total,Barn och unga," + year + "," + col_no + "," + year + "," + value + "," + marker +
         ",percent," + n + "," + value + marker + "," + line + "\n";
}

TEST(HistoryCsv, ReadsACellWithItsPlaceInTheFile) {
  ProblemList problems;
  auto data = parse_history({{"tabell_21.csv", kHeader + row("2015", "14") + row("2020", "", "*")}}, problems);
  EXPECT_TRUE(problems.empty()) << problems.report("nothing was imported");
  ASSERT_EQ(data.cells.size(), 2u);
  EXPECT_EQ(data.cells[0].file, "tabell_21.csv");
  EXPECT_EQ(data.cells[0].csv_line, 2);
  EXPECT_EQ(data.cells[0].year, 2015);
  EXPECT_EQ(data.cells[0].number.value, 14);
  EXPECT_EQ(data.cells[1].symbol, "*");
}

TEST(HistoryCsv, ReportsEveryBadRowWithItsRowAndColumnAndKeepsNoCellOfThatFile) {
  std::string bad = kHeader + row("2015", "14") + row("20x6", "18") + row("2017", "abc") + row("2018", "", "");
  ProblemList problems;
  auto data = parse_history({{"tabell_21.csv", bad}, {"tabell_22.csv", kHeader + row("2019", "20")}}, problems);
  ASSERT_EQ(problems.count(), 3u) << problems.report("nothing was imported");
  EXPECT_EQ(problems.shown()[0],
            "tabell_21.csv: row 3, column year: '20x6' is not a year: expected a whole number from 1990 to 2100");
  EXPECT_EQ(problems.shown()[1],
            "tabell_21.csv: row 4, column value: 'abc' is not a number: expected a number with a decimal point (8.14), "
            "or nothing where the cell is a marker");
  EXPECT_EQ(problems.shown()[2],
            "tabell_21.csv: row 5, column value: the cell has neither a value nor a marker: expected a number in value "
            "or a marker (*, -, .) in marker");
  // The good file's cell is read; none of the bad file's, not even its good first row.
  ASSERT_EQ(data.cells.size(), 1u);
  EXPECT_EQ(data.cells[0].file, "tabell_22.csv");
}

TEST(HistoryCsv, TheThrowingReaderNamesEveryProblem) {
  std::string bad = kHeader + row("20x6", "18") + row("2017", "abc");
  try {
    parse_history({{"tabell_21.csv", bad}});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    std::string msg = e.what();
    EXPECT_NE(msg.find("2 problem(s)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("tabell_21.csv: row 2, column year"), std::string::npos) << msg;
    EXPECT_NE(msg.find("tabell_21.csv: row 3, column value"), std::string::npos) << msg;
  }
}

TEST(HistoryCsv, HugeOrFractionalNumbersAreProblemsNotOverflows) {
  // Casting 1e30 to int is undefined behaviour: every whole-number column is range-checked first.
  const std::string huge = "1" + std::string(30, '0');
  std::string bad = kHeader + row(huge, "1") + row("2015", "1", "", huge) + row("2015", "1", "", "1", huge) +
                    row("2015", "1", "", "1", "", huge) + row("2015.5", "1") + row("2015", "1", "", "-3");
  ProblemList problems;
  auto data = parse_history({{"tabell_21.csv", bad}}, problems);
  ASSERT_EQ(problems.count(), 6u) << problems.report("nothing was imported");
  EXPECT_NE(problems.shown()[0].find("row 2, column year"), std::string::npos);
  EXPECT_NE(problems.shown()[1].find("row 3, column col_no"), std::string::npos);
  EXPECT_NE(problems.shown()[2].find("row 4, column n"), std::string::npos);
  EXPECT_NE(problems.shown()[3].find("row 5, column source_line"), std::string::npos);
  EXPECT_NE(problems.shown()[4].find("row 6, column year"), std::string::npos);
  EXPECT_NE(problems.shown()[5].find("row 7, column col_no"), std::string::npos);
  EXPECT_TRUE(data.cells.empty());
}

TEST(HistoryCsv, MissingColumnsAreNamedTogetherAndUnreadableFilesDoNotStopTheOthers) {
  ProblemList problems;
  auto data = parse_history({{"tabell_01.csv", "table,row_label\nTabell 1,x\n"},
                             {"tabell_02.csv", kHeader + "Tabell 2,\"open quote\n"},
                             {"tabell_03.csv", kHeader + row("2015", "bad")},
                             {"index.csv", "table\nTabell 1\n"}},
                            problems);
  ASSERT_EQ(problems.count(), 4u) << problems.report("nothing was imported");
  EXPECT_EQ(
      problems.shown()[0],
      "tabell_01.csv: row 1: the header lacks the column(s) section, group_code, column_label, col_no, year, value, "
      "marker, unit, n, printed, source_line (data/history/README.md lists the columns)");
  EXPECT_NE(problems.shown()[1].find("tabell_02.csv: row 2"), std::string::npos) << problems.shown()[1];
  EXPECT_NE(problems.shown()[2].find("tabell_03.csv: row 2, column value"), std::string::npos);
  EXPECT_EQ(problems.shown()[3],
            "index.csv: row 1: the header lacks the column(s) title (data/history/README.md lists the columns)");
  EXPECT_TRUE(data.cells.empty());
}

TEST(HistoryCsv, AThousandBadRowsGiveABoundedReport) {
  std::string bad = kHeader;
  for (int i = 0; i < 1000; ++i) bad += row("2015", "x");
  ProblemList problems;
  parse_history({{"tabell_21.csv", bad}}, problems);
  EXPECT_EQ(problems.count(), 1000u);
  EXPECT_EQ(problems.shown().size(), ProblemList::kShown);
  EXPECT_EQ(problems.lines().back(), "…and 500 more problem(s)");
}

}  // namespace
}  // namespace dp::stats
