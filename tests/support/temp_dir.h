#pragma once
// A fresh directory under the system temp folder, removed by its owner.
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

namespace dp::test {

inline std::filesystem::path temp_dir(const std::string& prefix) {
  std::random_device rd;
  auto p = std::filesystem::temp_directory_path() /
           (prefix + "-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(p);
  return p;
}

struct ScopedDir {
  std::filesystem::path path;
  explicit ScopedDir(const std::string& prefix) : path(temp_dir(prefix)) {}
  ~ScopedDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

}  // namespace dp::test
