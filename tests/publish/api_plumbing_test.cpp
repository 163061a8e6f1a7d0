#include <gtest/gtest.h>

#include "core/error.h"
#include "publish/pagination.h"
#include "publish/response_cache.h"

using namespace dp;
using namespace dp::publish;
using namespace std::chrono_literals;

TEST(Pagination, RowsAreCutIntoPagesNumberedFromOne) {
  auto s = page_of_rows(12, 5, 3);
  EXPECT_EQ(s.pages, 3u);
  EXPECT_EQ(s.first, 10u);
  EXPECT_EQ(s.count, 2u);
}

TEST(Pagination, APagePastTheEndIsABadInputNamingPage) {
  try {
    page_of_rows(12, 5, 4);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    EXPECT_EQ(e.where().field, "page");
  }
  EXPECT_THROW(page_of_rows(12, 0, 1), Error);
  EXPECT_EQ(page_of_rows(0, 5, 1).pages, 1u);
}

TEST(Pagination, CubePagesHoldWholeRegionsAndTogetherEveryCell) {
  Cube c;
  Dimension r{"region", {}, "geo", {}};
  for (int i = 0; i < 7; ++i) r.categories.push_back({std::to_string(i), {}, {}});
  Dimension y{"year", {}, "time", {{"2020", {}, {}}, {"2021", {}, {}}, {"2022", {}, {}}}};
  c.set_dimensions({r, y});
  for (size_t i = 0; i < c.size(); ++i) c.set(i, (double)i);
  double sum = 0;
  size_t cells = 0;
  auto first = page_of_cube(c, 0, 7, 1);  // 7 cells a page -> 2 regions (6 cells) a page
  EXPECT_EQ(first.span.pages, 4u);
  for (size_t p = 1; p <= first.span.pages; ++p) {
    auto pg = page_of_cube(c, 0, 7, p);
    EXPECT_LE(pg.cube.size(), 7u);
    for (size_t i = 0; i < pg.cube.size(); ++i) sum += *pg.cube.value(i), ++cells;
  }
  EXPECT_EQ(cells, c.size());
  EXPECT_EQ(sum, 20 * 21 / 2);
}

TEST(ResponseCache, ReturnsWhatWasStored) {
  ResponseCache c;
  EXPECT_EQ(c.get("k"), nullptr);
  CachedResponse r;
  r.body = std::make_shared<const std::string>("a,b\n");
  c.put("k", r);
  auto e = c.get("k");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(*e->body, "a,b\n");
}

TEST(ResponseCache, EvictsTheLeastRecentlyUsedBeyondItsBudget) {
  ResponseCache c(4000);  // entries of ~1.3 KB: three fit
  auto entry = [] {
    CachedResponse r;
    r.body = std::make_shared<const std::string>(1000, 'x');
    return r;
  };
  c.put("a", entry());
  c.put("b", entry());
  c.put("c", entry());
  c.get("a");  // a is now the most recent
  c.put("d", entry());
  EXPECT_NE(c.get("a"), nullptr);
  EXPECT_EQ(c.get("b"), nullptr);
  EXPECT_LE(c.bytes(), 4000u);
}
