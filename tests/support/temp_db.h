#pragma once
// Real SQLite files for tests. A database initialised with the bundled registry, instruments and
// the 2021 campaign is built once per test program and copied for each test (initialising takes
// a second; copying a file takes milliseconds).
#include <filesystem>
#include <memory>
#include <string>

#include "collection/bootstrap.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace dp::test {

class TempDb {
 public:
  // initialised = false gives an empty, migrated database.
  explicit TempDb(bool initialised = true) {
    path_ = dir_.file("test.db");
    if (initialised) {
      std::filesystem::copy_file(template_path(), path_);
      // SQLite normally folds the log into the file when the last connection closes; copy it
      // too in case it did not.
      if (std::filesystem::exists(template_path() + "-wal"))
        std::filesystem::copy_file(template_path() + "-wal", path_ + "-wal");
    }
    store_ = storage::open_sqlite(path_);
  }
  ~TempDb() { store_.reset(); }  // before the directory goes
  storage::Store& store() { return *store_; }
  const std::string& path() const { return path_; }
  // Closes and opens the database again (as after a restart).
  void reopen() {
    store_.reset();
    store_ = storage::open_sqlite(path_, {.create = false});
  }

 private:
  ScopedDir dir_;
  std::string path_;
  std::unique_ptr<storage::Store> store_;

  static const std::string& template_path() {
    static const std::string path = [] {
      auto dir = temp_dir("digipuls-template");
      std::string p = (dir / "template.db").string();
      {
        auto s = storage::open_sqlite(p);
        collection::initialise(*s);
      }
      return p;
    }();
    return path;
  }
};

}  // namespace dp::test
