// StatsStore::publication_stamp changes exactly when the published figures change: a revision
// published, the history replaced; and not when a revision is merely computed.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "instrument/load.h"
#include "storage/campaign_store.h"
#include "storage/instrument_store.h"
#include "storage/stats_store.h"
#include "storage/store.h"

namespace dp::storage {
namespace {

class PublicationStamp : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("stamp_" + std::to_string(::getpid()) + ".db")).string();
    std::filesystem::remove(path_);
    store_ = open_sqlite(path_);
    std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/instruments/ehalsa-2021.yaml");
    std::ostringstream text;
    text << in.rdbuf();
    store_->instruments().put(instrument::load_or_throw(text.str(), "ehalsa-2021.yaml"));
    Campaign c;
    c.slug = "c2021";
    c.instrument_id = "ehalsa-2021";
    c.year = 2021;
    c.title = {"Test", "Test"};
    campaign_ = store_->campaigns().create(c);
  }
  void TearDown() override {
    store_.reset();
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }
  StatRun compute() {
    Figure v;
    v.key.keyfigure = "K01";
    v.key.cell = "any";
    v.key.year = 2021;
    v.value = 50;
    StatRun r;
    r.campaign_id = campaign_;
    r.profile = "standard";
    r.input_hash = "h";
    return store_->stats().add_run(r, {v});
  }
  std::string path_;
  std::unique_ptr<Store> store_;
  int64_t campaign_ = 0;
};

TEST_F(PublicationStamp, IsStableWhileNothingPublishedChanges) {
  auto& s = store_->stats();
  EXPECT_EQ(s.publication_stamp(), s.publication_stamp());
  EXPECT_EQ(s.last_published_at(), "");
}

TEST_F(PublicationStamp, ComputingARevisionDoesNotChangeItButPublishingDoes) {
  auto& s = store_->stats();
  std::string before = s.publication_stamp();
  auto run = compute();
  EXPECT_EQ(s.publication_stamp(), before);
  s.publish_run(run.id);
  EXPECT_NE(s.publication_stamp(), before);
  EXPECT_FALSE(s.last_published_at().empty());
}

TEST_F(PublicationStamp, AScheduledRevisionIsPublishedFromItsTimeOnAndTheStampChangesThen) {
  auto& s = store_->stats();
  auto run = compute();
  const std::string at = "2027-03-15T08:30:00Z", just_before = "2027-03-15T08:29:59Z";
  std::string unpublished = s.publication_stamp(just_before);
  s.publish_run(run.id, at);
  std::string announced = s.publication_stamp(just_before);
  EXPECT_NE(announced, unpublished) << "the calendar announces it, so public pages must be rebuilt";
  EXPECT_FALSE(s.published_run(campaign_, just_before));
  EXPECT_TRUE(s.all_points(true, just_before).empty());
  EXPECT_EQ(s.last_published_at(just_before), "");
  EXPECT_NE(s.publication_stamp(at), announced);
  EXPECT_EQ(s.published_run(campaign_, at)->revision, 1);
  EXPECT_EQ(s.all_points(true, at).size(), 1u);
  EXPECT_EQ(s.last_published_at(at), at);
  s.withdraw_scheduled(campaign_, just_before);
  EXPECT_FALSE(s.published_run(campaign_, at)) << "withdrawn before its time, it never becomes public";
}

TEST_F(PublicationStamp, ReplacingTheHistoryChangesIt) {
  auto& s = store_->stats();
  Figure h;
  h.origin = FigureOrigin::History;
  h.key.keyfigure = "K01";
  h.key.cell = "any";
  h.key.year = 2020;
  h.value = 40;
  h.source = "test";
  s.replace_history({h});
  std::string one = s.publication_stamp();
  h.value = 41;
  s.replace_history({h});
  EXPECT_NE(s.publication_stamp(), one);
}

}  // namespace
}  // namespace dp::storage
