#include "core/temp_path.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "core/error.h"

namespace dp {

namespace {

// "<tmp>/<prefix>-XXXXXX": the X's are the template mkstemp and mkdtemp replace.
std::string unique_template(const std::string& prefix) {
  return (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
}

}  // namespace

TempFile::TempFile(const std::string& prefix, const std::string& purpose) : path_(unique_template(prefix)) {
  int fd = mkstemp(path_.data());
  if (fd < 0) throw Error::internal("cannot create a temporary file for " + purpose);
  close(fd);
}

TempFile::~TempFile() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

TempDir::TempDir(const std::string& prefix, const std::string& purpose) : path_(unique_template(prefix)) {
  if (!mkdtemp(path_.data())) throw Error::internal("cannot create a temporary directory for " + purpose);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::internal("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace dp
