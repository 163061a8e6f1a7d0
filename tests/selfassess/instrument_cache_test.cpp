// Parsed instruments are cached by their text, never per process alone: two databases in one
// process (tests, a recreated database) may hold different texts under the same id.
#include <gtest/gtest.h>

#include "fixture.h"
#include "selfassess/context.h"
#include "storage/instrument_store.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace dp::selfassess {
namespace {

std::string retitled(const std::string& title) {
  std::string text = testing::kFixtureYaml;
  auto at = text.find("title: {sv: \"Fixtur\"");
  return text.replace(at, std::string("title: {sv: \"Fixtur\"").size(), "title: {sv: \"" + title + "\"");
}

TEST(InstrumentCache, TwoDatabasesWithTheSameIdEachGetTheirOwnInstrument) {
  test::ScopedDir dir("digipuls-sa-cache");
  auto a = storage::open_sqlite(dir.file("a.db"));
  auto b = storage::open_sqlite(dir.file("b.db"));
  a->instruments().put(instrument::load_or_throw(retitled("Första"), "fixture.yaml"));
  b->instruments().put(instrument::load_or_throw(retitled("Andra"), "fixture.yaml"));
  EXPECT_EQ(load_instrument(*a, "fixture-2025")->title.sv, "Första");
  EXPECT_EQ(load_instrument(*b, "fixture-2025")->title.sv, "Andra");
  EXPECT_EQ(load_instrument(*a, "fixture-2025").get(), load_instrument(*a, "fixture-2025").get()) << "parsed once";
}

}  // namespace
}  // namespace dp::selfassess
