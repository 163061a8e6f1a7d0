// JSON request bodies: parsed once, with a depth limit that holds before a deep tree exists.
#include "web/json_body.h"

#include <gtest/gtest.h>

#include "core/error.h"

using namespace dp;

namespace {

std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string field_of_error(const std::string& body) {
  try {
    web::parse_json_body(body);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    return e.where().field;
  }
  return "(accepted)";
}

}  // namespace

TEST(JsonBody, NestingUpToTheLimitIsAccepted) {
  auto j = web::parse_json_body(nested(web::kMaxJsonDepth));
  EXPECT_TRUE(j.is_array());
  auto o = web::parse_json_body(R"({"changes":[{"item":"q03","value":["a","b"],"base":0}],"since":3})");
  EXPECT_EQ(o["since"], 3);
}

TEST(JsonBody, NestingBeyondTheLimitIsRefusedNamingTheBody) {
  EXPECT_EQ(field_of_error(nested(web::kMaxJsonDepth + 1)), "body");
  std::string objects;
  for (int i = 0; i <= web::kMaxJsonDepth; ++i) objects += "{\"a\":";
  objects += "1" + std::string(web::kMaxJsonDepth + 1, '}');
  EXPECT_EQ(field_of_error(objects), "body");
}

// 80 000 levels (480 KB) overflowed the stack of the autosave handler, which copied the tree.
TEST(JsonBody, EightyThousandLevelsAreRefusedWithoutBuildingTheTree) {
  EXPECT_EQ(field_of_error(nested(80000)), "body");
  EXPECT_EQ(field_of_error("{\"changes\":" + std::string(80000, '[')), "body");
}

TEST(JsonBody, TextThatIsNotJsonOrNotUtf8IsRefused) {
  EXPECT_EQ(field_of_error(""), "body");
  EXPECT_EQ(field_of_error("{\"changes\": ["), "body");
  EXPECT_EQ(field_of_error("{\"item\": \"\xff\xfe\"}"), "body");
  EXPECT_EQ(field_of_error("changes=1"), "body");
  EXPECT_EQ(field_of_error("{\"since\": 1e309}"), "body") << "a number beyond a double";
}
