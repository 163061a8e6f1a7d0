// Responses in SQLite (storage/response_store.h): saves with optimistic concurrency, an
// append-only audit log, replace for imports, and status changes.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "core/error.h"
#include "support/sqlite_temp_dir.h"

using namespace dp;
using dp::instrument::Value;
using dp::testing::SeededDb;

namespace {
std::map<std::string, Value> answers_of(storage::ResponseStore& rs, int64_t id) {
  std::map<std::string, Value> out;
  for (const auto& a : rs.answers(id)) out[a.item] = a.value;
  return out;
}
}  // namespace

TEST(ResponseStore, GetOrCreateIsIdempotent) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto a = rs.get_or_create(db.campaign_id, "0114");
  auto b = rs.get_or_create(db.campaign_id, "0114");
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.status, ResponseStatus::NotStarted);
  EXPECT_EQ(a.version, 0);
  EXPECT_EQ(rs.list(db.campaign_id).size(), 1u);
  EXPECT_ANY_THROW(rs.get_or_create(db.campaign_id, "9999"));  // not in the registry
}

TEST(ResponseStore, SaveStoresValuesBumpsVersionAndStartsTheDraft) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  auto res = rs.save(r.id,
                     {{"q01", Value::code("ja"), -1},
                      {"q02", Value::num(12.5), -1},
                      {"q03", Value::codes_of({"a", "b"}), -1},
                      {"q04", Value::text("Åre, \"citat\"\nrad två"), -1}},
                     42, "answer");
  EXPECT_EQ(res.version, 1);
  EXPECT_EQ(res.saved.size(), 4u);
  EXPECT_TRUE(res.conflicts.empty());
  auto stored = answers_of(rs, r.id);
  EXPECT_EQ(stored.at("q01"), Value::code("ja"));
  EXPECT_EQ(stored.at("q02"), Value::num(12.5));
  EXPECT_EQ(stored.at("q03"), Value::codes_of({"a", "b"}));
  EXPECT_EQ(stored.at("q04").str, "Åre, \"citat\"\nrad två");
  auto after = *rs.find(r.id);
  EXPECT_EQ(after.status, ResponseStatus::Draft);
  EXPECT_EQ(after.version, 1);
  for (const auto& a : rs.answers(r.id)) {
    EXPECT_EQ(a.version, 1);
    EXPECT_EQ(a.updated_by, 42);
  }
}

TEST(ResponseStore, NumbersKeepFullPrecision) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  for (double d : {0.1, 1e-7, 123456789.123, 1e20, -0.5}) {
    rs.save(r.id, {{"q02", Value::num(d), -1}}, 0, "answer");
    EXPECT_EQ(answers_of(rs, r.id).at("q02").number, d);
  }
}

TEST(ResponseStore, UnchangedValueIsNotSavedAgain) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  rs.save(r.id, {{"q01", Value::code("ja"), -1}}, 0, "answer");
  auto res = rs.save(r.id, {{"q01", Value::code("ja"), -1}}, 0, "answer");
  EXPECT_TRUE(res.saved.empty());
  EXPECT_EQ(res.version, 1);
  EXPECT_EQ(rs.audit(r.id).size(), 1u);
}

TEST(ResponseStore, StaleBaseVersionIsAConflictAndNothingIsLost) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  rs.save(r.id, {{"q01", Value::code("ja"), -1}, {"q02", Value::num(1), -1}}, 1, "answer");  // version 1
  rs.save(r.id, {{"q01", Value::code("nej"), 1}}, 2, "answer");                              // user 2: version 2
  // User 1 still sees version 1: its change of q01 conflicts, its change of q04 goes through.
  auto res = rs.save(r.id, {{"q01", Value::code("ja"), 1}, {"q04", Value::text("ny"), 1}}, 1, "answer");
  ASSERT_EQ(res.conflicts.size(), 1u);
  EXPECT_EQ(res.conflicts[0].item, "q01");
  EXPECT_EQ(res.conflicts[0].theirs, Value::code("nej"));
  EXPECT_EQ(res.conflicts[0].version, 2);
  EXPECT_EQ(res.conflicts[0].updated_by, 2);
  EXPECT_EQ(res.saved, std::vector<std::string>{"q04"});
  auto stored = answers_of(rs, r.id);
  EXPECT_EQ(stored.at("q01"), Value::code("nej"));  // the other user's answer survives
  EXPECT_EQ(stored.at("q04"), Value::text("ny"));
  EXPECT_EQ(stored.at("q02"), Value::num(1));
}

TEST(ResponseStore, SameValueOnStaleBaseIsNoConflict) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  rs.save(r.id, {{"q01", Value::code("ja"), -1}}, 1, "answer");
  rs.save(r.id, {{"q01", Value::code("nej"), 1}}, 2, "answer");
  auto res = rs.save(r.id, {{"q01", Value::code("nej"), 1}}, 1, "answer");
  EXPECT_TRUE(res.conflicts.empty());
}

TEST(ResponseStore, ClearingAnAnswerKeepsItsVersionForConflicts) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  rs.save(r.id, {{"q01", Value::code("ja"), -1}}, 1, "answer");
  rs.save(r.id, {{"q01", Value{}, 1}}, 2, "answer");  // cleared at version 2
  EXPECT_FALSE(answers_of(rs, r.id).count("q01"));
  auto res = rs.save(r.id, {{"q01", Value::code("ja"), 1}}, 1, "answer");
  ASSERT_EQ(res.conflicts.size(), 1u);
  EXPECT_TRUE(res.conflicts[0].theirs.empty());
}

TEST(ResponseStore, AuditLogRecordsEveryChange) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  rs.save(r.id, {{"q01", Value::code("ja"), -1}}, 7, "answer");
  rs.save(r.id, {{"q01", Value::code("nej"), -1}}, 8, "answer");
  rs.set_status(r.id, ResponseStatus::Submitted, 8, "submit", "");
  auto log = rs.audit(r.id);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].item, "q01");
  EXPECT_EQ(log[0].old_value, "");
  EXPECT_EQ(log[0].new_value, "\"ja\"");
  EXPECT_EQ(log[0].user_id, 7);
  EXPECT_EQ(log[1].old_value, "\"ja\"");
  EXPECT_EQ(log[1].new_value, "\"nej\"");
  EXPECT_EQ(log[2].action, "submit");
  EXPECT_EQ(log[2].old_value, "\"draft\"");
  EXPECT_EQ(log[2].new_value, "\"submitted\"");
  EXPECT_FALSE(log[0].at.empty());
  EXPECT_LT(log[0].id, log[1].id);
}

TEST(ResponseStore, AuditLogRefusesUpdateAndDelete) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  rs.save(r.id, {{"q01", Value::code("ja"), -1}}, 7, "answer");
  SQLite::Database raw(db.dir.file("test.db"), SQLite::OPEN_READWRITE);
  EXPECT_THROW(raw.exec("UPDATE audit_log SET new_value = '\"nej\"'"), SQLite::Exception);
  EXPECT_THROW(raw.exec("DELETE FROM audit_log"), SQLite::Exception);
  auto log = rs.audit(r.id);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].new_value, "\"ja\"");
}

TEST(ResponseStore, SetStatusSubmittedRecordsWhoAndWhen) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  rs.set_status(r.id, ResponseStatus::Submitted, 5, "submit", "");
  auto s = *rs.find(r.id);
  EXPECT_EQ(s.status, ResponseStatus::Submitted);
  EXPECT_EQ(s.submitted_by, 5);
  EXPECT_FALSE(s.submitted_at.empty());
  EXPECT_EQ(s.version, 1);
  rs.set_status(r.id, ResponseStatus::Reopened, 6, "reopen", "fel i q02");
  s = *rs.find(r.id);
  EXPECT_EQ(s.status, ResponseStatus::Reopened);
  EXPECT_EQ(s.submitted_by, 5);
  EXPECT_EQ(rs.audit(r.id).back().note, "fel i q02");
  // A name that is not a status never reaches the store: tests/core/collection_state_test.cpp.
  EXPECT_EQ(rs.find(r.id)->status, ResponseStatus::Reopened);
  EXPECT_THROW(rs.set_status(9999, ResponseStatus::Draft, 0, "status", ""), Error);
}

TEST(ResponseStore, ReplaceClearsItemsNotGivenAndSetsStatus) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  rs.save(r.id, {{"q01", Value::code("ja"), -1}, {"q02", Value::num(3), -1}}, 0, "answer");
  rs.replace(r.id, {{"q02", Value::num(4)}, {"q03", Value::codes_of({})}}, ResponseStatus::Submitted, 0, "import",
             "from f.csv");
  auto stored = answers_of(rs, r.id);
  EXPECT_EQ(stored.size(), 2u);
  EXPECT_FALSE(stored.count("q01"));
  EXPECT_EQ(stored.at("q02"), Value::num(4));
  EXPECT_EQ(stored.at("q03"), Value::codes_of({}));  // an empty selection is stored as an answer
  EXPECT_EQ(rs.find(r.id)->status, ResponseStatus::Submitted);
  EXPECT_EQ(rs.audit(r.id).back().note, "from f.csv");
}

TEST(ResponseStore, SaveOnUnknownResponseIsNotFound) {
  SeededDb db;
  try {
    db.store->responses().save(9999, {{"q01", Value::code("ja"), -1}}, 0, "answer");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::NotFound);
  }
}

TEST(ResponseStore, ForEachAnswerStreamsTheCampaign) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto a = rs.get_or_create(db.campaign_id, "2584");
  auto b = rs.get_or_create(db.campaign_id, "0114");
  rs.save(a.id, {{"q01", Value::code("ja"), -1}}, 0, "answer");
  rs.save(b.id, {{"q01", Value::code("nej"), -1}, {"q02", Value::num(2), -1}}, 0, "answer");
  rs.save(b.id, {{"q02", Value{}, -1}}, 0, "answer");  // cleared answers are not streamed
  std::vector<std::string> seen;
  rs.for_each_answer(db.campaign_id,
                     [&](const std::string& org, ResponseStatus status, const std::string& item, const Value& v) {
                       seen.push_back(org + " " + to_string(status) + " " + item + " " + v.to_json_string());
                     });
  EXPECT_EQ(seen, (std::vector<std::string>{"0114 draft q01 \"nej\"", "2584 draft q01 \"ja\""}));
}

TEST(ResponseStore, ReplaceWithTheSameContentChangesNothing) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  rs.replace(r.id, {{"q01", Value::code("ja")}}, ResponseStatus::Submitted, 0, "import", "from a.csv");
  auto version = rs.find(r.id)->version;
  auto entries = rs.audit(r.id).size();
  rs.replace(r.id, {{"q01", Value::code("ja")}}, ResponseStatus::Submitted, 0, "import", "from a.csv");
  EXPECT_EQ(rs.find(r.id)->version, version);
  EXPECT_EQ(rs.audit(r.id).size(), entries);
  rs.replace(r.id, {{"q01", Value::code("nej")}}, ResponseStatus::Submitted, 0, "import", "from b.csv");
  EXPECT_EQ(rs.audit(r.id).back().note, "from b.csv");  // a change keeps its provenance note
}

TEST(ResponseStore, AnAnswerOutsideTheRoutingIsFlaggedUntilItIsChanged) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  rs.replace(r.id, {{"q01", Value::code("ja")}, {"q02", Value::num(3)}}, ResponseStatus::Submitted, 0, "import",
             "from h.csv", {"q02"});
  auto flagged = rs.outside_routing(db.campaign_id);
  EXPECT_EQ(flagged, (std::map<std::string, std::set<std::string>>{{"0114", {"q02"}}}));
  for (const auto& a : rs.answers(r.id)) EXPECT_EQ(a.outside_routing, a.item == "q02") << a.item;
  // Importing the same values without the flag is a change (audited), and clears it.
  auto entries = rs.audit(r.id).size();
  rs.replace(r.id, {{"q01", Value::code("ja")}, {"q02", Value::num(3)}}, ResponseStatus::Submitted, 0, "import",
             "from h2.csv");
  EXPECT_TRUE(rs.outside_routing(db.campaign_id).empty());
  EXPECT_GT(rs.audit(r.id).size(), entries);
  // A form save of a flagged item clears the flag too.
  rs.replace(r.id, {{"q01", Value::code("ja")}, {"q02", Value::num(3)}}, ResponseStatus::Submitted, 0, "import",
             "from h.csv", {"q02"});
  rs.save(r.id, {{"q02", Value::num(4), -1}}, 0, "answer");
  EXPECT_TRUE(rs.outside_routing(db.campaign_id).empty());
}
