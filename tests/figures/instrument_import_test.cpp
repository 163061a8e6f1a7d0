// `instrument import` into a database in use: validated with its lineage and declarations, stored
// all together or not at all, idempotent, and a stored version never replaced.
#include "figures/instrument_import.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

#include "core/error.h"
#include "figures/declarations.h"
#include "instrument/load.h"
#include "instrument/versions.h"
#include "storage/instrument_store.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace dp::figures {
namespace {

std::string source(const std::string& rel) {
  std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

class InstrumentImport : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = storage::open_sqlite(dir_.file("test.db"));
    for (const char* id : {"ehalsa-2021", "ehalsa-2022"}) {
      std::string f = std::string("instruments/") + id + ".yaml";
      store_->instruments().put(instrument::load_or_throw(source(f), f));
    }
    next_ = instrument::next_version(source("instruments/ehalsa-2022.yaml"), "ehalsa-2022.yaml", 2023).yaml;
  }
  void TearDown() override { store_.reset(); }
  ImportRequest request(const std::string& text) {
    return {{"drafts/ehalsa-2023.yaml", text}, std::nullopt, std::nullopt};
  }
  std::string keyfigures_with_2023() {
    return replaced(source("instruments/ehalsa.keyfigures.yaml"), "instruments: [ehalsa-2021, ehalsa-2022]",
                    "instruments: [ehalsa-2021, ehalsa-2022, ehalsa-2023]");
  }

  test::ScopedDir dir_;
  std::unique_ptr<storage::Store> store_;
  std::string next_;
};

TEST_F(InstrumentImport, StoresANewVersionOnceAndASecondImportOfTheSameFileChangesNothing) {
  auto first = import_instrument(*store_, request(next_));
  EXPECT_EQ(first.id, "ehalsa-2023");
  EXPECT_TRUE(first.instrument_stored);
  EXPECT_EQ(store_->instruments().source("ehalsa-2023"), next_);
  auto again = import_instrument(*store_, request(next_));
  EXPECT_FALSE(again.instrument_stored);
  EXPECT_EQ(store_->instruments().list().size(), 3u);
}

TEST_F(InstrumentImport, RefusesOtherContentUnderAStoredIdAndKeepsTheStoredVersion) {
  import_instrument(*store_, request(next_));
  auto other = replaced(next_, "E-hälsa och välfärdsteknik i kommunerna 2022", "E-hälsa 2023");
  try {
    import_instrument(*store_, request(other));
    FAIL() << "replaced a stored version";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Conflict);
    EXPECT_NE(std::string(e.what()).find("already holds ehalsa-2023"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store_->instruments().source("ehalsa-2023"), next_);
}

TEST_F(InstrumentImport, RefusesABrokenLineageWithItsPositionAndStoresNothing) {
  auto bad = replaced(next_, "continues: {id: q05, comparability: same}", "continues: {id: q99, comparability: same}");
  try {
    import_instrument(*store_, request(bad));
    FAIL() << "imported a link to a question ehalsa-2022 does not have";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    std::string msg = e.what();
    EXPECT_NE(msg.find("drafts/ehalsa-2023.yaml:"), std::string::npos) << msg;
    EXPECT_NE(msg.find("error I018 [continues]: q05 continues 'q99', which ehalsa-2022 does not have"),
              std::string::npos)
        << msg;
  }
  EXPECT_FALSE(store_->instruments().source("ehalsa-2023"));
}

TEST_F(InstrumentImport, RefusesAVersionWhosePreviousVersionIsUnknown) {
  auto orphan = replaced(next_, "previous: ehalsa-2022", "previous: ehalsa-2019");
  EXPECT_THROW(import_instrument(*store_, request(orphan)), Error);
  EXPECT_FALSE(store_->instruments().source("ehalsa-2023"));
}

TEST_F(InstrumentImport, StoresTheKeyFiguresWithTheVersionAndTheStatisticsRunUsesThem) {
  auto req = request(next_);
  req.keyfigures = DeclarationFile{"drafts/ehalsa.keyfigures.yaml", keyfigures_with_2023()};
  auto out = import_instrument(*store_, req);
  ASSERT_EQ(out.declarations_stored, std::vector<std::string>{"instruments/ehalsa.keyfigures.yaml"});
  auto in = instrument::load_or_throw(next_, "ehalsa-2023.yaml");
  auto d = load_declarations(*store_, in);
  EXPECT_EQ(d.keyfigures_text, keyfigures_with_2023());
  EXPECT_TRUE(d.instrument("ehalsa-2023"));
  EXPECT_TRUE(d.instrument("ehalsa-2021"));
}

TEST_F(InstrumentImport, WarnsWhenTheKeyFiguresInUseDoNotNameTheNewVersion) {
  auto out = import_instrument(*store_, request(next_));
  bool warned = false;
  for (const auto& w : out.warnings)
    warned = warned || w.message.find("does not name ehalsa-2023") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST_F(InstrumentImport, AnInvalidKeyFigureFileStopsTheWholeImport) {
  auto req = request(next_);
  req.keyfigures =
      DeclarationFile{"drafts/ehalsa.keyfigures.yaml", replaced(keyfigures_with_2023(), "q01.ifo", "q01.nowhere")};
  try {
    import_instrument(*store_, req);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("drafts/ehalsa.keyfigures.yaml:"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(store_->instruments().source("ehalsa-2023"));
  EXPECT_FALSE(store_->instruments().declaration("instruments/ehalsa.keyfigures.yaml"));
}

}  // namespace
}  // namespace dp::figures

namespace dp::figures {
namespace {

TEST_F(InstrumentImport, AnErratumCorrectsTheStoredWordingAndIsRecordedWithItsNote) {
  std::string fixed = replaced(source("instruments/ehalsa-2022.yaml"), "Har kommunen styrande dokument",
                               "Har kommunen antagna styrande dokument");
  auto changes = record_erratum(*store_, {"fix.yaml", fixed}, "Förtydligat att dokumenten ska vara antagna");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(store_->instruments().source("ehalsa-2022"), fixed);
  auto errata = store_->instruments().errata("ehalsa-2022");
  ASSERT_EQ(errata.size(), 1u);
  EXPECT_EQ(errata[0].note, "Förtydligat att dokumenten ska vara antagna");
  ASSERT_EQ(errata[0].changes.size(), 1u);
  EXPECT_EQ(errata[0].changes[0].where, "q01.label");
  EXPECT_NE(errata[0].changes[0].after.sv.find("antagna"), std::string::npos);
}

TEST_F(InstrumentImport, AnErratumThatChangesAnOptionIsRefusedAndNothingIsRecorded) {
  std::string text = source("instruments/ehalsa-2022.yaml");
  std::string changed = replaced(text, "{id: tjansteman,", "{id: tjanstemannen,");
  try {
    record_erratum(*store_, {"fix.yaml", changed}, "note");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("q01.options"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(store_->instruments().errata("ehalsa-2022").empty());
  EXPECT_EQ(store_->instruments().source("ehalsa-2022"), text);
  EXPECT_THROW(record_erratum(*store_, {"same.yaml", text}, "note"), Error);  // nothing to correct
  EXPECT_THROW(record_erratum(*store_, {"fix.yaml", text}, " "), Error);      // no note
}

}  // namespace
}  // namespace dp::figures
