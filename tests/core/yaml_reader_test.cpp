#include "core/yaml_reader.h"

#include <fstream>
#include <gtest/gtest.h>
#include <string>

#include "support/temp_dir.h"

using namespace dp;

namespace {

Diagnostics read(const std::string& text) {
  Diagnostics d;
  yaml::Reader r("f.yaml", kKeyFigureCodes, d);
  r.load(text);
  return d;
}

}  // namespace

TEST(YamlReader, AKeyTwiceInOneMapIsAnErrorNamingBothPositions) {
  auto d = read("format: x\nid: a\nformat: y\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].str(),
            "f.yaml:3:1: error S001 [format]: key 'format' appears twice in one map (first at line 1, column 1)");
}

TEST(YamlReader, ADuplicateInsideAFlowMapIsFoundToo) {
  auto d = read("a:\n  - {id: x, id: y}\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].where.line, 2);
  EXPECT_EQ(d[0].where.column, 13);
  EXPECT_NE(d[0].message.find("first at line 2, column 6"), std::string::npos) << d[0].message;
}

TEST(YamlReader, AnAliasedMapWithADuplicateIsReportedOnce) {
  auto d = read("base: &b {k: 1, k: 2}\none: *b\ntwo: *b\n");
  EXPECT_EQ(d.size(), 1u);
}

TEST(YamlReader, TheSameKeyInTwoMapsIsNoDuplicate) {
  EXPECT_TRUE(read("a: {id: 1}\nb: {id: 2}\nc: [{id: 3}, {id: 4}]\n").empty());
}

TEST(YamlReader, ProblemsUseTheCodesOfTheKindOfFile) {
  Diagnostics d;
  yaml::Reader r("i.yaml", kInstrumentCodes, d);
  EXPECT_FALSE(r.load("a: [unclosed"));
  EXPECT_FALSE(r.load(std::string(70, '[')));
  EXPECT_FALSE(r.load("- a\n- b\n", "an instrument must be a map"));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].id(), "I001");
  EXPECT_EQ(d[1].id(), "I020");
  EXPECT_EQ(d[2].id(), "I004");
  EXPECT_EQ(d[2].message, "an instrument must be a map");
}

// An apostrophe in plain text once hid every bracket after it from the nesting guard of one of
// the two readers this one replaces, handing pathological nesting to yaml-cpp's recursion.
TEST(YamlReader, AnApostropheInPlainTextDoesNotHideDeepNestingFromTheGuard) {
  std::string text = "note: it's here\nx: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  auto d = read(text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].id(), "S017");
}

TEST(YamlReader, ALabelIsASwedishTextOrAMapOfLanguages) {
  Diagnostics d;
  yaml::Reader r("r.yaml", kReportCodes, d);
  auto root = r.load("a: Text\nb: {sv: Sv, en: En}\nc: {en: Only}\n");
  ASSERT_TRUE(root);
  EXPECT_EQ(r.label(*root, "a", true, "x").sv, "Text");
  EXPECT_TRUE(d.empty());  // a plain label needs no English outside instruments
  EXPECT_EQ(r.label(*root, "b", true, "x").en, "En");
  r.label(*root, "c", true, "x");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].id(), "R011");
}

TEST(YamlReader, InstrumentsAskForEnglishWhereAPlainTextGivesTheSwedishLabel) {
  Diagnostics d;
  yaml::Reader r("i.yaml", kInstrumentCodes, d);
  auto root = r.load("a: Text\n");
  r.label(*root, "a", true, "x");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Diagnostic::Severity::Warning);
  EXPECT_EQ(d[0].id(), "I013");
}

TEST(YamlReader, FilesWithoutACatalogueGetTheFirstProblemAsAnError) {
  try {
    yaml::parse_or_throw("mail:\n  from: a\n  from: b\n", "c.yaml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    EXPECT_EQ(e.where().file, "c.yaml");
    EXPECT_EQ(e.where().line, 3);
    EXPECT_EQ(e.where().field, "from");
  }
  EXPECT_THROW(yaml::parse_or_throw("a: \"\xff\"\n", "c.yaml"), Error);
  EXPECT_EQ(yaml::parse_or_throw("a: 1\n", "c.yaml")["a"].as<int>(), 1);
}

// The config file goes through the same checks as every declaration file: a key given twice is
// refused with its position (the server, mail and retention readers all use config_section).
TEST(ConfigSection, ReadsOneSectionThroughTheOneReader) {
  dp::test::ScopedDir dir;
  auto write = [&](const std::string& name, const std::string& text) {
    std::string path = (dir.path / name).string();
    std::ofstream(path) << text;
    return path;
  };
  std::string good = write("good.yaml", "server:\n  port: 8080\nmail:\n  from: a@b.se\n");
  EXPECT_EQ(yaml::config_section(good, "server")["port"].as<int>(), 8080);
  EXPECT_FALSE(yaml::config_section(good, "retention")) << "a missing section is no section";
  std::string twice = write("twice.yaml", "server:\n  port: 8080\n  port: 9090\n");
  try {
    yaml::config_section(twice, "server");
    FAIL() << "a duplicate key was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::BadInput);
    EXPECT_NE(std::string(e.what()).find("twice.yaml:3"), std::string::npos) << e.what();
  }
  std::string list = write("list.yaml", "retention: [1, 2]\n");
  EXPECT_THROW(yaml::config_section(list, "retention"), Error);
  EXPECT_THROW(yaml::config_section((dir.path / "missing.yaml").string(), "server"), Error);
}
