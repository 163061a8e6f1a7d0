#include "core/diagnostic_code.h"

#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace dp;

namespace {

std::string slurp(const std::string& rel) {
  std::ifstream in(std::string(DIGIPULS_SOURCE_DIR) + "/" + rel);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every code the documentation's diagnostic tables name ("| I008 |", "| S001 / R001 |").
std::set<std::string> documented_codes() {
  std::set<std::string> out;
  static const std::regex row(R"(^\| ([ISR][0-9]{3})(?: / ([ISR][0-9]{3}))? \|)");
  for (const char* doc : {"docs/instrument-format.md", "docs/keyfigure-format.md"}) {
    std::istringstream in(slurp(doc));
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, row)) continue;
      out.insert(m[1].str());
      if (m[2].matched) out.insert(m[2].str());
    }
  }
  return out;
}

}  // namespace

TEST(DiagnosticCatalogue, EveryCodeHasItsOwnPrintedIdInEnumOrder) {
  std::set<std::string_view> ids;
  size_t i = 0;
  for (const auto& c : diagnostic_catalogue()) {
    EXPECT_EQ(static_cast<size_t>(c.code), i++);
    EXPECT_TRUE(ids.insert(c.id).second) << c.id;
    EXPECT_EQ(code_id(c.code), c.id);
    EXPECT_FALSE(c.problem.empty()) << c.id;
  }
}

TEST(DiagnosticCatalogue, TheDocumentationListsExactlyTheCataloguedCodes) {
  std::set<std::string> catalogued;
  for (const auto& c : diagnostic_catalogue()) catalogued.insert(std::string(c.id));
  EXPECT_EQ(documented_codes(), catalogued);
}

TEST(DiagnosticCatalogue, PrintedCodesStayStable) {
  EXPECT_EQ(code_id(DiagnosticCode::InstrumentUnknownReference), "I008");
  EXPECT_EQ(code_id(DiagnosticCode::InstrumentTooLarge), "I020");
  EXPECT_EQ(code_id(DiagnosticCode::KeyFiguresHistoryClaim), "S013");
  EXPECT_EQ(code_id(DiagnosticCode::ReportUnresolved), "R012");
}
