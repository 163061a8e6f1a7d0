#pragma once
// The one temporary-directory helper of the tests: a fresh directory under the system temp folder,
// removed by its owner (support/sqlite_temp_dir.h and support/temp_db.h build on it).
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <unistd.h>

namespace dp::test {

inline std::filesystem::path temp_dir(const std::string& prefix) {
  std::random_device rd;
  auto p =
      std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(p);
  return p;
}

struct ScopedDir {
  std::filesystem::path path;
  explicit ScopedDir(const std::string& prefix = "digipuls-test") : path(temp_dir(prefix)) {}
  ScopedDir(const ScopedDir&) = delete;
  ScopedDir& operator=(const ScopedDir&) = delete;
  std::string file(const std::string& name) const { return (path / name).string(); }
  // DIGIPULS_KEEP_TEST_DIRS=1 keeps the directory (server logs, databases) for a post-mortem.
  ~ScopedDir() {
    if (const char* keep = std::getenv("DIGIPULS_KEEP_TEST_DIRS"); keep && std::string(keep) == "1") return;
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

}  // namespace dp::test
