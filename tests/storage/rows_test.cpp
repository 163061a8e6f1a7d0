// The small query vocabulary of the SQLite stores (storage/sqlite/rows.h): parameters bound in
// one call (std::optional as NULL, bool as 0/1), columns read in order, one row or all.
#include "storage/sqlite/rows.h"

#include <gtest/gtest.h>

using namespace dp::storage::sqlite;

namespace {

struct Thing {
  int64_t id = 0;
  std::string name;
  std::optional<double> weight;
  bool on = false;
};

Thing read_thing(Row& r) {
  Thing t;
  t.id = r.int64();
  t.name = r.text();
  t.weight = r.opt_real();
  t.on = r.flag();
  return t;
}

}  // namespace

TEST(Rows, BindsInOrderWithNullsAndBooleansAndReadsRowsBack) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, weight REAL, note TEXT, on_ INTEGER)");
  std::optional<double> none;
  EXPECT_EQ(run(db, "INSERT INTO t(name, weight, note, on_) VALUES(?, ?, ?, ?)", "a", 1.5, nullable(""), true), 1);
  EXPECT_EQ(run(db, "INSERT INTO t(name, weight, note, on_) VALUES(?, ?, ?, ?)", std::string("b"), none, nullable("x"),
                false),
            1);
  EXPECT_EQ(number(db, "SELECT COUNT(*) FROM t WHERE note IS NULL"), 1);
  auto things = all(db, "SELECT id, name, weight, on_ FROM t ORDER BY id", read_thing);
  ASSERT_EQ(things.size(), 2u);
  EXPECT_EQ(things[0].name, "a");
  EXPECT_EQ(things[0].weight, 1.5);
  EXPECT_TRUE(things[0].on);
  EXPECT_FALSE(things[1].weight);
  EXPECT_FALSE(things[1].on);
  auto b = one(db, "SELECT id, name, weight, on_ FROM t WHERE name = ?1 OR name = ?2", read_thing, "b", "zzz");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->id, 2);
  EXPECT_FALSE(one(db, "SELECT id, name, weight, on_ FROM t WHERE id = ?", read_thing, 99));
  EXPECT_EQ(number(db, "SELECT MAX(id) FROM t WHERE id > ?", size_t{5}), 0);  // NULL reads as 0
}
