// `digipuls stats history import` (figures/history_import.h) against a real SQLite file: the
// history is replaced whole or not at all, and a file with bad rows names every one of them.
#include "figures/history_import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "core/error.h"
#include "storage/stats_store.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace dp::figures {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

Files source_history() {
  Files files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(DIGIPULS_SOURCE_DIR) + "/data/history")) {
    if (e.path().extension() != ".csv") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    files.emplace_back(e.path().filename().string(), ss.str());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Tabell 21 with a year that is not a number in its second data row (row 3) and a value that is
// not one in its fourth (row 5).
Files with_two_bad_rows(Files files) {
  for (auto& [name, text] : files) {
    if (name != "tabell_21.csv") continue;
    std::istringstream in(text);
    std::string line, out;
    for (int n = 1; std::getline(in, line); ++n) {
      if (n == 3) line.replace(line.find(",2016,2,2016,"), 13, ",2016,2,20x6,");
      if (n == 5) line.replace(line.find(",2018,4,2018,18,"), 16, ",2018,4,2018,1y,");
      out += line + "\n";
    }
    text = out;
  }
  return files;
}

class HistoryImport : public ::testing::Test {
 protected:
  test::ScopedDir dir{"digipuls-history"};
  std::unique_ptr<storage::Store> store = storage::open_sqlite(dir.file("h.db"));
};

TEST_F(HistoryImport, StoresEveryMappedPublishedValue) {
  size_t n = import_history(*store, source_history());
  EXPECT_GT(n, 100u);
  EXPECT_EQ(store->stats().history().size(), n);
}

TEST_F(HistoryImport, TwoBadRowsInDifferentColumnsAreBothReportedAndNothingIsStored) {
  try {
    import_history(*store, with_two_bad_rows(source_history()));
    FAIL() << "the import went through";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    std::string msg = e.what();
    EXPECT_NE(msg.find("2 problem(s); nothing was imported"), std::string::npos) << msg;
    EXPECT_NE(msg.find("tabell_21.csv: row 3, column year: '20x6' is not a year"), std::string::npos) << msg;
    EXPECT_NE(msg.find("tabell_21.csv: row 5, column value: '1y' is not a number"), std::string::npos) << msg;
  }
  EXPECT_TRUE(store->stats().history().empty());
}

TEST_F(HistoryImport, ABadFileLeavesTheHistoryStoredBeforeAsItWas) {
  size_t before = import_history(*store, source_history());
  auto first = store->stats().history();
  EXPECT_THROW(import_history(*store, with_two_bad_rows(source_history())), Error);
  auto after = store->stats().history();
  ASSERT_EQ(after.size(), before);
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].key.keyfigure, first[i].key.keyfigure);
    EXPECT_EQ(after[i].value, first[i].value);
  }
}

}  // namespace
}  // namespace dp::figures
