// PublishedData over the statistics store: only published revisions are read, a computed value
// takes over from the history of the same year, suppressed figures carry no number, and the
// revision changes exactly when what is published changes.
#include "publish/published_store.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>

#include "storage/campaign_store.h"
#include "storage/stats_store.h"
#include "storage/store.h"

using namespace dp;
using namespace dp::publish;

class PublishedStore : public ::testing::Test {
 protected:
  void SetUp() override {
    path =
        (std::filesystem::temp_directory_path() / ("published-store-" + std::to_string(::getpid()) + ".db")).string();
    std::filesystem::remove(path);
    std::string cmd = std::string(DIGIPULS_BINARY) + " init --db " + path + " > /dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    store = storage::open_sqlite(path, {.create = false});
    campaign = store->campaigns().find("ehalsa-2021")->id;
    store->stats().replace_history({});  // init imports the bundled history; each test sets its own
    data = make_published_data(*store);
  }
  void TearDown() override {
    data.reset();
    store.reset();
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  }
  Figure figure(const std::string& group, double v, const std::string& marker = "") {
    Figure x;
    x.key.keyfigure = "K33";
    x.key.cell = "barn_unga";
    x.key.breakdown = group == "total" ? "national" : "county";
    x.key.group = group;
    x.key.year = 2021;
    x.n = 285;
    x.count = 40;
    x.value = v;
    x.marker = parse_marker(marker).value_or(Marker::None);
    return x;
  }
  int64_t compute(std::vector<Figure> values) {
    storage::StatRun r;
    r.campaign_id = campaign;
    r.profile = "standard";
    r.input_hash = "h";
    return store->stats().add_run(r, values).id;
  }
  std::optional<Figure> find(const std::string& group, int year) {
    ValueQuery q;
    q.keyfigure = "K33";
    q.cells = {"barn_unga"};
    for (auto& v : data->values(q))
      if (v.key.group == group && v.key.year == year) return v;
    return std::nullopt;
  }
  std::string path;
  std::unique_ptr<storage::Store> store;
  std::unique_ptr<PublishedData> data;
  int64_t campaign = 0;
};

TEST_F(PublishedStore, HistoryAloneIsPublished) {
  Figure h;
  h.origin = FigureOrigin::History;
  h.key.keyfigure = "K33";
  h.key.cell = "barn_unga";
  h.key.year = 2021;
  h.value = 30;
  h.source = "Socialstyrelsen 2021, Tabell 21 (L1178)";
  store->stats().replace_history({h});
  auto v = find("total", 2021);
  ASSERT_TRUE(v);
  EXPECT_EQ(*v->value, 30);
  auto kf = data->keyfigure("K33");
  ASSERT_TRUE(kf);
  EXPECT_EQ(kf->origins.at(0).kind, "history");
  EXPECT_EQ(kf->origins.at(0).ref, "Socialstyrelsen 2021, Tabell 21");
}

TEST_F(PublishedStore, AComputedRevisionIsInvisibleUntilPublished) {
  std::string before = data->revision();
  int64_t run = compute({figure("total", 44)});
  EXPECT_EQ(data->revision(), before);
  EXPECT_FALSE(find("total", 2021));
  store->stats().publish_run(run);
  EXPECT_NE(data->revision(), before);
  ASSERT_TRUE(find("total", 2021));
  EXPECT_EQ(*find("total", 2021)->value, 44);
}

TEST_F(PublishedStore, TheComputedValueTakesOverFromHistoryOfTheSameYear) {
  Figure h;
  h.origin = FigureOrigin::History;
  h.key.keyfigure = "K33";
  h.key.cell = "barn_unga";
  h.key.year = 2021;
  h.value = 30;
  h.source = "history";
  store->stats().replace_history({h});
  store->stats().publish_run(compute({figure("total", 44)}));
  EXPECT_EQ(*find("total", 2021)->value, 44);
  EXPECT_EQ(data->keyfigure("K33")->origins.at(0).kind, "campaign");
}

TEST_F(PublishedStore, ALaterUnpublishedRevisionDoesNotReplaceThePublishedOne) {
  store->stats().publish_run(compute({figure("total", 44)}));
  compute({figure("total", 55)});
  EXPECT_EQ(*find("total", 2021)->value, 44);
}

TEST_F(PublishedStore, SuppressedFiguresCarryNoNumberEvenIfStored) {
  store->stats().publish_run(compute({figure("total", 44), figure("09", 77.7, "suppressed")}));
  auto v = find("09", 2021);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->marker, Marker::Suppressed);
  EXPECT_FALSE(v->value);
  EXPECT_FALSE(v->n);
  EXPECT_FALSE(v->count);
}

TEST_F(PublishedStore, KeyFigureMetadataComesFromTheDeclarations) {
  store->stats().publish_run(compute({figure("total", 44), figure("01", 50)}));
  auto kf = data->keyfigure("K33");
  ASSERT_TRUE(kf);
  EXPECT_EQ(kf->title.sv, "ICF i myndighetsutövningen");
  EXPECT_EQ(kf->theme, "informationssakerhet");
  EXPECT_EQ(kf->years, std::vector<int>({2021}));
  EXPECT_EQ(kf->breakdowns, (std::vector<std::string>{"national", "county"}));
  ASSERT_EQ(kf->cells.size(), 1u);  // only cells with published values
  EXPECT_EQ(kf->cells[0].id, "barn_unga");
}
