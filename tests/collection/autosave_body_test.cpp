// The autosave request body, parsed without the web route: every malformed part is refused with
// the field that is wrong, and every change carries the version it was made on.
#include "collection/autosave_body.h"

#include <gtest/gtest.h>

#include "core/error.h"

using namespace dp;
using collection::parse_autosave_body;

namespace {

std::string refused_field(const std::string& body) {
  try {
    parse_autosave_body(body);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput) << body;
    return e.where().field;
  }
  return "(accepted)";
}

}  // namespace

TEST(AutosaveBody, TextNumbersListsAndNullBecomeRawFormValues) {
  auto b = parse_autosave_body(R"({"changes":[{"item":"q04","value":"nej","base":17},
                                              {"item":"q05","value":["a","b"],"base":0},
                                              {"item":"q12c","value":12.5,"base":3},
                                              {"item":"q13","value":null,"base":3},
                                              {"item":"q14","base":3}],"since":17})");
  ASSERT_EQ(b.changes.size(), 5u);
  EXPECT_EQ(b.changes[0].item, "q04");
  EXPECT_EQ(b.changes[0].raw, "nej");
  EXPECT_EQ(b.changes[0].base_version, 17);
  EXPECT_EQ(b.changes[1].raw, "a|b");
  EXPECT_EQ(b.changes[2].raw, "12.5");
  EXPECT_EQ(b.changes[3].raw, "");
  EXPECT_EQ(b.changes[4].raw, "");
  EXPECT_EQ(b.since, 17);
}

TEST(AutosaveBody, SinceIsOptional) {
  EXPECT_EQ(parse_autosave_body(R"({"changes":[]})").since, -1);
  EXPECT_EQ(parse_autosave_body(R"({"changes":[],"since":null})").since, -1);
  EXPECT_EQ(refused_field(R"({"changes":[],"since":-4})"), "since");
  EXPECT_EQ(refused_field(R"({"changes":[],"since":"3"})"), "since");
}

// A base of -1 used to mean "do not check" and skipped the conflict check: a stale edit would
// silently overwrite a colleague's.
TEST(AutosaveBody, ANegativeOrMissingBaseIsRefused) {
  EXPECT_EQ(refused_field(R"({"changes":[{"item":"q04","value":"nej","base":-1}]})"), "base");
  EXPECT_EQ(refused_field(R"({"changes":[{"item":"q04","value":"nej"}]})"), "base");
  EXPECT_EQ(refused_field(R"({"changes":[{"item":"q04","value":"nej","base":"3"}]})"), "base");
  EXPECT_EQ(refused_field(R"({"changes":[{"item":"q04","value":"nej","base":1.5}]})"), "base");
  EXPECT_EQ(refused_field(R"({"changes":[{"item":"q04","value":"nej","base":null}]})"), "base");
}

TEST(AutosaveBody, MalformedChangesAreRefusedNamingTheField) {
  EXPECT_EQ(refused_field("[]"), "body");
  EXPECT_EQ(refused_field("not json"), "body");
  EXPECT_EQ(refused_field(R"({})"), "changes");
  EXPECT_EQ(refused_field(R"({"changes":{"item":"q04"}})"), "changes");
  EXPECT_EQ(refused_field(R"({"changes":[1]})"), "changes");
  EXPECT_EQ(refused_field(R"({"changes":[{"value":"x","base":0}]})"), "item");
  EXPECT_EQ(refused_field(R"({"changes":[{"item":7,"value":"x","base":0}]})"), "item");
  EXPECT_EQ(refused_field(R"({"changes":[{"item":"q04","value":{"a":1},"base":0}]})"), "q04");
  EXPECT_EQ(refused_field(R"({"changes":[{"item":"q05","value":["a",2],"base":0}]})"), "q05");
}

TEST(AutosaveBody, AtMost500ChangesAtOnce) {
  std::string many = R"({"changes":[)";
  for (int i = 0; i < 501; ++i) many += std::string(i ? "," : "") + R"({"item":"q04","value":"ja","base":0})";
  many += "]}";
  EXPECT_EQ(refused_field(many), "changes");
}

TEST(AutosaveBody, DeepNestingIsRefusedBeforeItIsBuilt) {
  EXPECT_EQ(refused_field(R"({"changes":[{"item":"q04","value":)" + std::string(80000, '[')), "body");
}
