#pragma once
// SQLite access shared by the sqlite/*.cpp stores: one connection per thread (SQLite
// connections must not be used from two threads at once), WAL, foreign keys, FULL sync so that
// an acknowledged save survives a crash, and write transactions that nest.
#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace dp::storage::sqlite {

class Db {
 public:
  explicit Db(std::string path);
  ~Db();

  // The calling thread's connection.
  SQLite::Database& conn();

  // Runs fn inside a write transaction (BEGIN IMMEDIATE), joining an outer one if present.
  // Failures of the medium (read-only, disk full, I/O error, busy) throw dp::Error Unavailable.
  void write(const std::function<void(SQLite::Database&)>& fn);

  // "" when a write transaction can start here, else why not (read-only file, locked...).
  std::string write_check();

  const std::string& path() const { return path_; }

  struct Conn;

 private:
  void write_unchecked(const std::function<void(SQLite::Database&)>& fn);

  std::string path_;
  uint64_t generation_;
  std::mutex mu_;
  std::vector<std::shared_ptr<Conn>> all_;  // every thread's connection, closed with the Db
  // Threads of this process take turns at writing here instead of in SQLite's busy handler, whose
  // sleep-and-retry makes waiting writers miss turns (long tail latencies under load). Other
  // processes still meet SQLite's own lock and busy timeout.
  std::mutex write_mu_;
  // The last write that failed for a reason of the medium (disk full...), for write_check.
  std::mutex failure_mu_;
  std::string last_failure_;
  std::chrono::steady_clock::time_point failed_at_{};
};

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string now_utc();

}  // namespace dp::storage::sqlite
