#include "storage/sqlite/db.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <sqlite3.h>
#include <unordered_map>

#include "core/error.h"

namespace dp::storage::sqlite {

struct Db::Conn {
  explicit Conn(const std::string& path)
      : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {}
  SQLite::Database db;
  int depth = 0;
};

namespace {
std::atomic<uint64_t> next_generation{1};
// Keyed by generation, not by pointer: a new Db at a reused address must not get a stale connection.
thread_local std::unordered_map<uint64_t, std::weak_ptr<Db::Conn>> t_conns;
}  // namespace

Db::Db(std::string path) : path_(std::move(path)), generation_(next_generation++) {}

Db::~Db() {
  t_conns.erase(generation_);
  std::lock_guard<std::mutex> lock(mu_);
  all_.clear();
}

SQLite::Database& Db::conn() {
  auto it = t_conns.find(generation_);
  if (it != t_conns.end())
    if (auto c = it->second.lock()) return c->db;
  std::shared_ptr<Conn> c;
  try {
    c = std::make_shared<Conn>(path_);
    c->db.setBusyTimeout(15000);
    c->db.exec("PRAGMA foreign_keys = ON");
    c->db.exec("PRAGMA synchronous = FULL");
    c->db.exec("PRAGMA temp_store = MEMORY");
    // Deleted and overwritten content is zeroed, not left in free pages: an erased e-mail address
    // or a purged session must not survive in the file (docs/operations.md, "Personal data").
    c->db.exec("PRAGMA secure_delete = ON");
  } catch (const SQLite::Exception& e) {
    throw Error::bad_input(std::string("cannot open database: ") + e.what(), Location{path_, 0, 0, {}});
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    all_.push_back(c);
  }
  t_conns[generation_] = c;
  return c->db;
}

// A write that fails because of where the database lives (read-only file or file system, disk
// full, I/O error, locked by another process for too long) is not the request's fault: it
// becomes Unavailable (HTTP 503) with the reason, instead of a generic internal error. "" for
// any other failure.
static std::string medium_failure(const SQLite::Exception& e) {
  switch (e.getErrorCode() & 0xFF) {
    case SQLITE_READONLY: return "the database is read-only; nothing can be saved now";
    case SQLITE_FULL: return "the disk holding the database is full; nothing can be saved now";
    case SQLITE_IOERR: return std::string("the database cannot be written (I/O error: ") + e.what() + ")";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "the database is busy; try again in a moment";
    default: return "";
  }
}

void Db::write(const std::function<void(SQLite::Database&)>& fn) {
  try {
    write_unchecked(fn);
  } catch (const SQLite::Exception& e) {
    std::string why = medium_failure(e);
    if (why.empty()) throw;
    std::lock_guard lock(failure_mu_);
    last_failure_ = why;
    failed_at_ = std::chrono::steady_clock::now();
    throw Error::unavailable(why);
  }
  std::lock_guard lock(failure_mu_);
  last_failure_.clear();
}

std::string Db::write_check() {
  try {
    auto& c = conn();
    if (sqlite3_db_readonly(c.getHandle(), "main") == 1)
      return "read-only: the file or its file system cannot be written";
    {
      // A full disk shows only when something is written: report the last such failure for a
      // minute (or until a write succeeds) rather than an empty transaction's success.
      std::lock_guard lock(failure_mu_);
      if (!last_failure_.empty() && std::chrono::steady_clock::now() - failed_at_ < std::chrono::minutes(1))
        return last_failure_;
    }
    std::lock_guard<std::mutex> turn(write_mu_);
    c.exec("BEGIN IMMEDIATE");
    c.exec("ROLLBACK");
    return "";
  } catch (const SQLite::Exception& e) {
    std::string why = medium_failure(e);
    return why.empty() ? e.what() : why;
  } catch (const Error& e) {
    return e.message();
  }
}

void Db::write_unchecked(const std::function<void(SQLite::Database&)>& fn) {
  conn();
  auto c = t_conns[generation_].lock();
  if (c->depth > 0) {
    ++c->depth;
    try {
      fn(c->db);
    } catch (...) {
      --c->depth;
      throw;
    }
    --c->depth;
    return;
  }
  std::lock_guard<std::mutex> turn(write_mu_);
  SQLite::Transaction tx(c->db, SQLite::TransactionBehavior::IMMEDIATE);
  c->depth = 1;
  try {
    fn(c->db);
  } catch (...) {
    c->depth = 0;
    throw;  // the Transaction destructor rolls back
  }
  c->depth = 0;
  tx.commit();
}

std::string now_utc() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace dp::storage::sqlite
