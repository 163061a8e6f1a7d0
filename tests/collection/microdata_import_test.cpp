// Microdata import (collection/microdata.h): every kind of bad value is rejected with its row and
// column named, all problems at once, and nothing is written unless the whole file is valid.
#include <gtest/gtest.h>

#include "campaign_fixture.h"
#include "core/error.h"
#include "storage/response_store.h"

using namespace dp;
using dp::instrument::Value;
using dp::testing::InitialisedDb;

namespace {

// Everything an import could change, as text.
std::string snapshot(InitialisedDb& db) {
  auto ctx = db.campaign();
  std::string s = collection::export_microdata(*db.store, ctx);
  for (const auto& r : db.store->responses().list(ctx.campaign.id))
    s += r.org_code + " " + to_string(r.status) + " v" + std::to_string(r.version) + " audit " +
         std::to_string(db.store->responses().audit(r.id).size()) + "\n";
  return s;
}

class MicrodataImport : public ::testing::Test {
 protected:
  InitialisedDb db;
  std::string before;

  void SetUp() override {
    // One existing answer, so that "unchanged" is a real check.
    auto ctx = db.campaign();
    auto r = db.store->responses().get_or_create(ctx.campaign.id, "0115");
    db.store->responses().save(r.id, {{"q03", Value::code("nej"), -1}}, 0, "answer");
    before = snapshot(db);
  }

  // Imports `text`, expects a rejection that names every (row, column, message) fragment given,
  // and checks that the database did not change.
  void expect_rejected(const std::string& text, const std::vector<std::string>& fragments) {
    try {
      collection::import_microdata(*db.store, db.campaign(), text, "in.csv", 0);
      ADD_FAILURE() << "accepted:\n" << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::BadInput);
      std::string msg = e.what();
      EXPECT_NE(msg.find("nothing was imported"), std::string::npos) << msg;
      for (const auto& f : fragments) EXPECT_NE(msg.find(f), std::string::npos) << "missing '" << f << "' in\n" << msg;
    }
    EXPECT_EQ(snapshot(db), before) << "the database changed";
  }
};

// A valid row that, on its own, would be written: rejection must not write it either.
const std::string kGoodRow = "0114,draft,ja,1,0,0,0\n";
const std::string kHeader = "org_code,status,q03,q03a[ks],q03a[socialnamnd],q03a[forvaltningsledning],q03a[annat]\n";

}  // namespace

TEST_F(MicrodataImport, ValidPartialFileIsWritten) {
  auto n = collection::import_microdata(*db.store, db.campaign(), kHeader + kGoodRow, "in.csv", 0);
  EXPECT_EQ(n, 1u);
  auto ctx = db.campaign();
  auto r = db.store->responses().get_or_create(ctx.campaign.id, "0114");
  EXPECT_EQ(r.status, ResponseStatus::Draft);
  std::map<std::string, Value> a;
  for (const auto& x : db.store->responses().answers(r.id)) a[x.item] = x.value;
  EXPECT_EQ(a.at("q03"), Value::code("ja"));
  EXPECT_EQ(a.at("q03a"), Value::codes_of({"ks"}));
}

TEST_F(MicrodataImport, UnknownOrganisation) {
  expect_rejected(kHeader + kGoodRow + "9999,draft,ja,,,,\n", {"in.csv: row 3, column org_code", "'9999'"});
}

TEST_F(MicrodataImport, DuplicateOrganisation) {
  expect_rejected(kHeader + kGoodRow + "0114,draft,nej,,,,\n", {"row 3, column org_code", "earlier row"});
}

TEST_F(MicrodataImport, UnknownColumn) {
  expect_rejected("org_code,status,q03,q99\n0114,draft,ja,\n", {"row 1, column q99", "not an item"});
}

TEST_F(MicrodataImport, DuplicateColumn) {
  expect_rejected("org_code,status,q03,q03\n0114,draft,ja,ja\n", {"row 1, column q03", "twice"});
}

TEST_F(MicrodataImport, MissingOrgCodeColumn) { expect_rejected("status,q03\ndraft,ja\n", {"row 1", "'org_code'"}); }

TEST_F(MicrodataImport, BadZeroOneCell) {
  expect_rejected(kHeader + kGoodRow + "0180,draft,ja,2,0,0,0\n", {"row 3, column q03a[ks]", "'2' must be 1"});
}

TEST_F(MicrodataImport, BadNumber) {
  expect_rejected("org_code,status,s1.forbrukat\n0114,draft,tolv\n",
                  {"row 2, column s1.forbrukat", "'tolv' is not a number"});
}

TEST_F(MicrodataImport, UnknownOption) {
  expect_rejected(kHeader + kGoodRow + "0180,draft,kanske,,,,\n", {"row 3, column q03", "'kanske' is not an option"});
}

TEST_F(MicrodataImport, OutOfRange) {
  expect_rejected(
      "org_code,status,s1.forbrukat,s1.kvarstaende\n0114,draft,-5,2.5\n",
      {"row 2, column s1.forbrukat", "below the minimum 0", "row 2, column s1.kvarstaende", "not a whole number"});
}

TEST_F(MicrodataImport, AnswerToAnItemNotShown) {
  // q03 = nej hides the follow-up q03a.
  expect_rejected(kHeader + kGoodRow + "0180,draft,nej,1,0,0,0\n",
                  {"row 3, column q03a[ks]", "not asked", "condition is false"});
}

TEST_F(MicrodataImport, AnswerToAnItemTheOrganisationIsNotEligibleFor) {
  // 0115 Vallentuna did not requisition stimulus funds: no stimulus section.
  expect_rejected("org_code,status,s1.forbrukat\n0114,draft,100\n0115,draft,100\n",
                  {"row 3, column s1.forbrukat", "not eligible"});
}

TEST_F(MicrodataImport, SubmittedRowMissingAMandatoryAnswer) {
  expect_rejected(kHeader + "0114,submitted,nej,,,,\n", {"row 2, column q01.ifo", "must be answered"});
}

TEST_F(MicrodataImport, DraftRowMayBeIncomplete) {
  EXPECT_NO_THROW(
      collection::import_microdata(*db.store, db.campaign(), kHeader + "0114,draft,nej,,,,\n", "in.csv", 0));
}

TEST_F(MicrodataImport, NotStartedRowWithAnswers) {
  expect_rejected(kHeader + "0114,not_started,ja,,,,\n", {"row 2, column status", "not_started"});
}

TEST_F(MicrodataImport, UnknownStatus) {
  expect_rejected(kHeader + "0114,finished,ja,,,,\n", {"row 2, column status", "'finished'"});
}

TEST_F(MicrodataImport, MalformedCsv) {
  expect_rejected(kHeader + "0114,draft,ja\n", {"row 2", "fields"});
  expect_rejected(kHeader + "0114,draft,\"ja,,,,\n", {"quote"});
}

TEST_F(MicrodataImport, EveryProblemIsReportedAtOnce) {
  expect_rejected(kHeader + "9999,draft,ja,,,,\n0114,draft,kanske,,,,\n0180,draft,nej,1,0,0,0\n0181,draft,ja,x,0,0,0\n",
                  {"row 2, column org_code", "row 3, column q03", "row 4, column q03a[ks]", "row 5, column q03a[ks]"});
}

TEST_F(MicrodataImport, ReportsProgress) {
  size_t last = 0;
  collection::import_microdata(*db.store, db.campaign(), kHeader + kGoodRow, "in.csv", 0,
                               [&](size_t done, size_t total) {
                                 EXPECT_LE(done, total);
                                 last = done;
                               });
  EXPECT_EQ(last, (kHeader + kGoodRow).size());
}
