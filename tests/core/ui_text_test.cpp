// The UI strings are read from templates/i18n/{sv,en}.yaml, not written in C++: the words C++
// puts on pages and into files come from those files in both languages, every key the code names
// is in both files, and no Swedish literal slips back into src/.
#include "core/ui_text.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <sstream>
#include <yaml-cpp/yaml.h>

#include "core/error.h"

namespace dp {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = DIGIPULS_SOURCE_DIR;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string from_file(const char* lang, const std::string& section, const std::string& key) {
  return YAML::LoadFile((kSource / "templates/i18n" / (std::string(lang) + ".yaml")).string())[section][key]
      .as<std::string>();
}

// The C++ source without comments, so that a comment's example does not count as a literal.
// Scanned by hand: std::regex recurses per character of a match, and a long block comment
// overflowed the stack under ASan.
std::string code_of(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "//") == 0) {
      i = text.find('\n', i);
      if (i == std::string::npos) break;
    } else if (text.compare(i, 2, "/*") == 0) {
      size_t end = text.find("*/", i + 2);
      i = end == std::string::npos ? text.size() : end + 2;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::vector<fs::path> sources() {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(kSource / "src"))
    if (e.is_regular_file() && (e.path().extension() == ".cpp" || e.path().extension() == ".h"))
      out.push_back(e.path());
  return out;
}

TEST(UiText, AMovedStringIsReadFromTheMessageFilesInBothLanguages) {
  I18n legend = ui::label("markers.suppressed");
  EXPECT_EQ(legend.sv, from_file("sv", "markers", "suppressed"));
  EXPECT_EQ(legend.en, from_file("en", "markers", "suppressed"));
  EXPECT_NE(legend.sv, legend.en);
  EXPECT_EQ(ui::text("role_names.coordinator", Lang::sv), from_file("sv", "role_names", "coordinator"));
  EXPECT_EQ(ui::text("role_names.coordinator", Lang::en), from_file("en", "role_names", "coordinator"));
}

TEST(UiText, PlaceholdersAreFilledInEachLanguage) {
  I18n note = ui::label("lineage.changed", {{"item", "q7"}, {"year", "2021"}, {"previous_year", "2020"}});
  EXPECT_EQ(note.sv, "q7 ändrades 2021 och är inte jämförbar med 2020");
  EXPECT_EQ(note.en, "q7 changed in 2021 and is not comparable with 2020");
  EXPECT_EQ(ui::fill("{a} and {b}", {{"a", "x"}}), "x and {b}");
}

TEST(UiText, AMissingKeyIsAnInternalErrorNamingTheKey) {
  EXPECT_FALSE(ui::has("markers.no_such_marker"));
  try {
    ui::text("markers.no_such_marker", Lang::en);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Internal);
    EXPECT_NE(std::string(e.what()).find("markers.no_such_marker"), std::string::npos);
  }
}

TEST(UiText, EveryKeyTheCodeNamesIsInBothMessageFiles) {
  // ui::text("a.b", ...) and ui::label("a.b") with a literal key; keys built at run time
  // (markers.<name>, role_names.<role>) are covered by the tests of their modules.
  // A literal key after `ui::text("` or `ui::label("`: [a-z_]+ '.' [a-z_.]+ then '"'. Scanned by
  // hand: std::regex recurses per character and overflowed the stack under ASan on long sources.
  auto literal_keys = [](const std::string& code) {
    std::vector<std::string> keys;
    for (const char* call : {"ui::text(\"", "ui::label(\""})
      for (size_t at = code.find(call); at != std::string::npos; at = code.find(call, at + 1)) {
        size_t b = at + std::string(call).size(), e = b;
        while (e < code.size() && (std::islower((unsigned char)code[e]) || code[e] == '_' || code[e] == '.')) ++e;
        std::string key = code.substr(b, e - b);
        size_t dot = key.find('.');
        if (e < code.size() && code[e] == '"' && dot != std::string::npos && dot > 0 && dot + 1 < key.size())
          keys.push_back(key);
      }
    return keys;
  };
  auto sv = YAML::LoadFile((kSource / "templates/i18n/sv.yaml").string());
  auto en = YAML::LoadFile((kSource / "templates/i18n/en.yaml").string());
  auto has = [](const YAML::Node& root, const std::string& key) {
    YAML::Node n;
    n.reset(root);  // reset, not =: assigning a yaml-cpp node writes into the tree it refers to
    std::stringstream parts(key);
    std::string part;
    while (std::getline(parts, part, '.')) {
      if (!n.IsMap() || !n[part]) return false;
      n.reset(n[part]);
    }
    return n.IsScalar();
  };
  int found = 0;
  for (const auto& p : sources()) {
    std::string code = code_of(slurp(p));
    for (const auto& key : literal_keys(code)) {
      ++found;
      EXPECT_TRUE(has(sv, key)) << p.string() << ": " << key << " is not in sv.yaml";
      EXPECT_TRUE(has(en, key)) << p.string() << ": " << key << " is not in en.yaml";
    }
  }
  EXPECT_GT(found, 20);
}

// Like the Layers check: a Swedish word in a C++ string literal is UI text in the wrong place.
// Detected by the letters å, ä, ö; the synthetic free-text answers of the demo data are data.
TEST(UiText, NoSwedishLiteralIsWrittenInCpp) {
  static const std::regex literal(R"("(?:[^"\\\n]|\\.)*(?:å|ä|ö|Å|Ä|Ö)(?:[^"\\\n]|\\.)*")");
  static const std::set<std::string> allowed = {"src/stats/synthetic.cpp"};
  for (const auto& p : sources()) {
    std::string rel = fs::relative(p, kSource).generic_string();
    if (allowed.count(rel)) continue;
    std::string code = code_of(slurp(p));
    std::smatch m;
    if (std::regex_search(code, m, literal))
      ADD_FAILURE() << rel << ": Swedish literal " << m[0] << " (move it to templates/i18n)";
  }
}

TEST(UiText, TheLiteralCheckFindsASwedishLiteralButNotAComment) {
  static const std::regex literal(R"("(?:[^"\\\n]|\\.)*(?:å|ä|ö|Å|Ä|Ö)(?:[^"\\\n]|\\.)*")");
  EXPECT_TRUE(std::regex_search(code_of("auto s = \"Okänd storlek\";"), literal));
  EXPECT_FALSE(std::regex_search(code_of("// \"Okänd storlek\"\nauto s = ui::text(\"a.b\", l);"), literal));
  EXPECT_FALSE(std::regex_search(code_of("/* \"Län\" */ int x;"), literal));
}

}  // namespace
}  // namespace dp
