// Temporary files and directories for libraries that write only to files: private, and gone
// however the work ends.
#include "core/temp_path.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

#include "core/error.h"

using namespace dp;
namespace fs = std::filesystem;

TEST(TempPath, ATemporaryFileIsPrivateUniqueAndRemovedWhenItGoesOutOfScope) {
  std::string kept;
  {
    TempFile a("digipuls-test", "a test"), b("digipuls-test", "a test");
    EXPECT_NE(a.path(), b.path());
    ASSERT_TRUE(fs::exists(a.path()));
    EXPECT_EQ(fs::status(a.path()).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
    std::ofstream(a.path()) << "bytes";
    EXPECT_EQ(read_bytes(a.path()), "bytes");
    kept = a.path();
  }
  EXPECT_FALSE(fs::exists(kept));
}

TEST(TempPath, ATemporaryDirectoryIsRemovedWithItsContentsEvenWhenTheWorkThrows) {
  std::string kept;
  try {
    TempDir d("digipuls-test", "a test");
    kept = d.path();
    fs::create_directories(d.path() + "/sub");
    std::ofstream(d.path() + "/sub/file.csv") << "a,b\n";
    throw Error::internal("the writer failed");
  } catch (const Error&) {}
  ASSERT_FALSE(kept.empty());
  EXPECT_FALSE(fs::exists(kept));
}

TEST(TempPath, ReadingAFileThatIsNotThereIsAnInternalErrorNamingIt) {
  try {
    read_bytes("/nonexistent/digipuls-file");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Internal);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/digipuls-file"), std::string::npos);
  }
}
