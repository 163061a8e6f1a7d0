// Transactions (storage/store.h): all or nothing, nesting joins the outer transaction, and the
// database stays healthy.
#include <gtest/gtest.h>

#include "core/error.h"
#include "support/sqlite_temp_dir.h"

using namespace dp;
using dp::instrument::Value;
using dp::testing::SeededDb;

TEST(Transactions, ExceptionRollsBackEverything) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  EXPECT_THROW(db.store->write_transaction([&] {
    rs.save(r.id, {{"q01", Value::code("ja"), -1}}, 0, "answer");
    db.store->registry().upsert_county({"99", "Nytt län"});
    throw Error::bad_input("stop");
  }),
               Error);
  EXPECT_TRUE(rs.answers(r.id).empty());
  EXPECT_TRUE(rs.audit(r.id).empty());
  EXPECT_EQ(rs.find(r.id)->version, 0);
  EXPECT_EQ(db.store->registry().counties().size(), 2u);
}

TEST(Transactions, NestedTransactionsCommitWithTheOuterOne) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  db.store->write_transaction([&] {
    db.store->write_transaction([&] { rs.save(r.id, {{"q01", Value::code("ja"), -1}}, 0, "answer"); });
    rs.save(r.id, {{"q02", Value::num(1), -1}}, 0, "answer");
  });
  EXPECT_EQ(rs.answers(r.id).size(), 2u);
}

TEST(Transactions, FailureInANestedTransactionRollsBackTheOuterOne) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  EXPECT_ANY_THROW(db.store->write_transaction([&] {
    rs.save(r.id, {{"q01", Value::code("ja"), -1}}, 0, "answer");
    db.store->write_transaction([&] { rs.set_status(9999, ResponseStatus::Draft, 0, "status", ""); });
  }));
  EXPECT_TRUE(rs.answers(r.id).empty());
  EXPECT_EQ(rs.find(r.id)->status, ResponseStatus::NotStarted);
}

TEST(Transactions, StoreIsUsableAfterARollback) {
  SeededDb db;
  auto& rs = db.store->responses();
  auto r = rs.get_or_create(db.campaign_id, "0114");
  EXPECT_ANY_THROW(db.store->write_transaction([&] { throw std::runtime_error("boom"); }));
  rs.save(r.id, {{"q01", Value::code("ja"), -1}}, 0, "answer");
  EXPECT_EQ(rs.answers(r.id).size(), 1u);
  EXPECT_EQ(db.store->integrity_check(), "ok");
}
