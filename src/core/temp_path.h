#pragma once
// Private temporary files and directories, removed however the work ends: for libraries that
// write only to files (libxlsxwriter 1.1.4 has no memory output) when the bytes are wanted in
// memory. Placed in $TMPDIR, else the system's temporary directory.
#include <string>

namespace dp {

// An empty file only this process can name ("<prefix>-XXXXXX" made unique by mkstemp).
class TempFile {
 public:
  // Throws dp::Error (Internal) naming `purpose` when no file can be made.
  TempFile(const std::string& prefix, const std::string& purpose);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// An empty directory only this process can name (mkdtemp), removed with its contents.
class TempDir {
 public:
  TempDir(const std::string& prefix, const std::string& purpose);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The whole file as bytes; throws dp::Error (Internal) when it cannot be read.
std::string read_bytes(const std::string& path);

}  // namespace dp
