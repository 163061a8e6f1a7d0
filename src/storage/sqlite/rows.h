#pragma once
// The small vocabulary the sqlite/*.cpp stores share, so that a query reads as its SQL and one
// line of C++: bind all parameters in one call (std::optional binds NULL, bool 0/1), read a
// row's columns in order, and the shapes of a query (run, one row, all rows, one number).
//
//   auto u = one(db, "SELECT " + kUserCols + " FROM users WHERE id = ?", read_user, id);
//   run(db, "DELETE FROM sessions WHERE user_id = ?", id);
#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace dp::storage::sqlite {

namespace detail {
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
}  // namespace detail

template <class T>
void bind_one(SQLite::Statement& q, int index, const T& v) {
  if constexpr (detail::is_optional<T>::value) {
    if (v) bind_one(q, index, *v);
    else q.bind(index);
  } else if constexpr (std::is_same_v<T, std::nullptr_t>) {
    q.bind(index);
  } else if constexpr (std::is_same_v<T, bool>) {
    q.bind(index, v ? 1 : 0);
  } else if constexpr (std::is_integral_v<T>) {
    q.bind(index, static_cast<int64_t>(v));
  } else if constexpr (std::is_floating_point_v<T>) {
    q.bind(index, static_cast<double>(v));
  } else {
    q.bind(index, v);  // std::string, const char*
  }
}

// A text bound as NULL when it is empty (columns where NULL means "none").
inline std::optional<std::string> nullable(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// Binds the parameters ?1, ?2, ... in order.
template <class... Args>
void bind_all(SQLite::Statement& q, const Args&... args) {
  int index = 0;
  (bind_one(q, ++index, args), ...);
}

// The columns of the current row, read in the order of the SELECT list.
class Row {
 public:
  explicit Row(SQLite::Statement& q) : q_(q) {}
  std::string text() { return q_.getColumn(next_++).getString(); }
  int64_t int64() { return q_.getColumn(next_++).getInt64(); }
  int integer() { return q_.getColumn(next_++).getInt(); }
  bool flag() { return q_.getColumn(next_++).getInt() != 0; }
  double real() { return q_.getColumn(next_++).getDouble(); }
  std::optional<int64_t> opt_int64() {
    auto c = q_.getColumn(next_++);
    return c.isNull() ? std::nullopt : std::optional<int64_t>(c.getInt64());
  }
  std::optional<double> opt_real() {
    auto c = q_.getColumn(next_++);
    return c.isNull() ? std::nullopt : std::optional<double>(c.getDouble());
  }

 private:
  SQLite::Statement& q_;
  int next_ = 0;
};

// Runs a statement that returns no rows. Returns the number of rows it changed.
template <class... Args>
int run(SQLite::Database& db, const std::string& sql, const Args&... args) {
  SQLite::Statement q(db, sql);
  bind_all(q, args...);
  return q.exec();
}

// The first row, read by `read(Row&)`, or nothing.
template <class Read, class... Args>
auto one(SQLite::Database& db, const std::string& sql, Read read, const Args&... args)
    -> std::optional<std::invoke_result_t<Read, Row&>> {
  SQLite::Statement q(db, sql);
  bind_all(q, args...);
  if (!q.executeStep()) return std::nullopt;
  Row row(q);
  return read(row);
}

// Every row, each read by `read(Row&)`.
template <class Read, class... Args>
auto all(SQLite::Database& db, const std::string& sql, Read read, const Args&... args)
    -> std::vector<std::invoke_result_t<Read, Row&>> {
  SQLite::Statement q(db, sql);
  bind_all(q, args...);
  std::vector<std::invoke_result_t<Read, Row&>> out;
  while (q.executeStep()) {
    Row row(q);
    out.push_back(read(row));
  }
  return out;
}

// The first column of the first row as a number (COUNT(*), MAX(...)); 0 when there is no row.
template <class... Args>
int64_t number(SQLite::Database& db, const std::string& sql, const Args&... args) {
  SQLite::Statement q(db, sql);
  bind_all(q, args...);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

}  // namespace dp::storage::sqlite
