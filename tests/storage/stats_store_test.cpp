// StatsStore on SQLite: revisions are numbered and immutable, withheld figures keep no value,
// history is replaced as a whole, and a series prefers a computed value over history.
#include "storage/stats_store.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "instrument/load.h"
#include "storage/campaign_store.h"
#include "storage/instrument_store.h"
#include "storage/store.h"

namespace dp::storage {
namespace {

std::string source(const std::string& rel) {
  std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/" + rel);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class StatsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("stats_store_" + std::to_string(::getpid()) + ".db")).string();
    std::filesystem::remove(path_);
    store_ = open_sqlite(path_);
    auto in = instrument::load_or_throw(source("instruments/ehalsa-2021.yaml"), "ehalsa-2021.yaml");
    store_->instruments().put(in);
    Campaign c;
    c.slug = "c2021";
    c.instrument_id = in.id;
    c.year = 2021;
    c.population_year = 2019;
    c.title = {"Test", "Test"};
    campaign_ = store_->campaigns().create(c);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_ + "-wal");
    std::filesystem::remove(path_ + "-shm");
  }
  Figure value(const std::string& cell, double v, int year = 2021) {
    Figure x;
    x.key.keyfigure = "K33";
    x.key.cell = cell;
    x.key.year = year;
    x.n = 285;
    x.count = (int64_t)(v * 2.85);
    x.value = v;
    return x;
  }
  std::string path_;
  std::unique_ptr<Store> store_;
  int64_t campaign_ = 0;
};

TEST_F(StatsStoreTest, RevisionsAreNumberedPerCampaignAndKeepTheirFigures) {
  StatRun r;
  r.campaign_id = campaign_;
  r.profile = "standard";
  r.input_hash = "a";
  auto first = store_->stats().add_run(r, {value("barn_unga", 20)});
  r.input_hash = "b";
  r.note = "corrected q21 for 0114";
  auto second = store_->stats().add_run(r, {value("barn_unga", 21)});
  EXPECT_EQ(first.revision, 1);
  EXPECT_EQ(second.revision, 2);
  auto runs = store_->stats().runs(campaign_);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1].note, "corrected q21 for 0114");
  EXPECT_EQ(store_->stats().run(campaign_, 0)->revision, 2);
  EXPECT_EQ(*store_->stats().values(first.id).at(0).value, 20);
}

TEST_F(StatsStoreTest, AStoredFigureCannotBeChanged) {
  StatRun r;
  r.campaign_id = campaign_;
  r.profile = "standard";
  r.input_hash = "a";
  store_->stats().add_run(r, {value("barn_unga", 20)});
  // The table's trigger refuses any UPDATE, from any connection: corrections are new revisions.
  SQLite::Database raw(path_, SQLite::OPEN_READWRITE);
  try {
    raw.exec("UPDATE stat_values SET value = 99");
    FAIL() << "the update was accepted";
  } catch (const SQLite::Exception& e) {
    EXPECT_NE(std::string(e.what()).find("never changed"), std::string::npos) << e.what();
  }
  auto runs = store_->stats().runs(campaign_);
  EXPECT_EQ(*store_->stats().values(runs[0].id).at(0).value, 20);
}

TEST_F(StatsStoreTest, WithheldFiguresAreStoredWithoutValueOrCount) {
  StatRun r;
  r.campaign_id = campaign_;
  r.profile = "standard";
  r.input_hash = "a";
  Figure x = value("barn_unga", 20);
  x.key.breakdown = "county";
  x.key.group = "09";
  x.n = 1;
  x.count.reset();
  x.value.reset();
  x.marker = Marker::Suppressed;
  auto run = store_->stats().add_run(r, {x});
  auto back = store_->stats().values(run.id).at(0);
  EXPECT_FALSE(back.value.has_value());
  EXPECT_FALSE(back.count.has_value());
  EXPECT_EQ(back.n, 1);
  EXPECT_STREQ(marker_name(back.marker), "suppressed");
}

TEST_F(StatsStoreTest, SeriesTakesHistoryUntilAComputedValueExistsAndPublishedOnlyHidesDrafts) {
  Figure h;
  h.origin = FigureOrigin::History;
  h.key.keyfigure = "K33";
  h.key.cell = "barn_unga";
  h.source = "Socialstyrelsen 2021, Tabell 21 (L1178)";
  for (int y = 2015; y <= 2021; ++y) {
    h.key.year = y;
    h.value = 10 + y - 2015;
    store_->stats().replace_history({});  // replacing is total
  }
  std::vector<Figure> all;
  for (int y = 2015; y <= 2021; ++y) {
    h.key.year = y;
    h.value = 10 + y - 2015;
    all.push_back(h);
  }
  EXPECT_EQ(store_->stats().replace_history(all), 7u);
  auto s = store_->stats().series("K33", "barn_unga", "national", "total", false);
  ASSERT_EQ(s.size(), 7u);
  EXPECT_EQ(s.back().origin, FigureOrigin::History);
  StatRun r;
  r.campaign_id = campaign_;
  r.profile = "standard";
  r.input_hash = "a";
  auto run = store_->stats().add_run(r, {value("barn_unga", 42)});
  s = store_->stats().series("K33", "barn_unga", "national", "total", false);
  EXPECT_EQ(s.back().origin, FigureOrigin::Computed);
  EXPECT_EQ(*s.back().value, 42);
  EXPECT_EQ(s.front().origin, FigureOrigin::History);
  // Not published yet: the public series still ends with the published report's value.
  auto pub = store_->stats().series("K33", "barn_unga", "national", "total", true);
  EXPECT_EQ(pub.back().origin, FigureOrigin::History);
  store_->stats().publish_run(run.id);
  pub = store_->stats().series("K33", "barn_unga", "national", "total", true);
  EXPECT_EQ(pub.back().origin, FigureOrigin::Computed);
  EXPECT_EQ(store_->stats().published_run(campaign_)->revision, 1);
}

}  // namespace
}  // namespace dp::storage
