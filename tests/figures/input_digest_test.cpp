#include "figures/input_digest.h"

#include <gtest/gtest.h>

namespace dp::figures {
namespace {

InputDigest of(std::initializer_list<std::string_view> parts) {
  InputDigest d;
  for (auto p : parts) d.add(p);
  return d;
}

TEST(InputDigest, TheOrderOfThePartsDoesNotMatter) {
  EXPECT_EQ(of({"0114|submitted", "0115|draft", "q01=ja"}).hex(), of({"q01=ja", "0114|submitted", "0115|draft"}).hex());
}

TEST(InputDigest, AnyChangedAddedOrRepeatedPartChangesIt) {
  std::string base = of({"0114|submitted", "q01=ja"}).hex();
  EXPECT_NE(of({"0114|submitted", "q01=nej"}).hex(), base);
  EXPECT_NE(of({"0114|submitted", "q01=ja", "0115|submitted"}).hex(), base);
  EXPECT_NE(of({"0114|submitted", "q01=ja", "q01=ja"}).hex(), base);  // a sum, not a set
  EXPECT_NE(of({}).hex(), of({""}).hex());
}

TEST(InputDigest, IsThirtyTwoHexDigitsAndStableAcrossRuns) {
  std::string h = of({"a", "b"}).hex();
  EXPECT_EQ(h.size(), 32u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(h, of({"b", "a"}).hex());
}

}  // namespace
}  // namespace dp::figures
