#include "publish/xlsx_writer.h"

#include <gtest/gtest.h>

using namespace dp;
using namespace dp::publish;

TEST(XlsxWriter, WritesAZipWorkbookWithTheDataAndAboutSheets) {
  Cube c;
  c.title = {"Titel", "Title"};
  Dimension r{"region", {"Region", "Region"}, "geo", {{"00", {"Riket", "Sweden"}, {}}}};
  c.set_dimensions({r});
  c.set(0, 42.5);
  std::string bytes = to_xlsx(c, Lang::sv);
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  // Member names are stored uncompressed in the zip directory.
  EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(bytes.find("xl/worksheets/sheet2.xml"), std::string::npos);
}
