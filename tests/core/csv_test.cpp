// CSV reading and writing (core/csv.h): RFC 4180 quoting, BOM, blank lines, and errors that name
// the line so that a user can find the bad row.
#include "core/csv.h"

#include <gtest/gtest.h>

#include "core/error.h"

using dp::csv::parse;

namespace {
std::string error_of(std::string_view text) {
  try {
    parse(text, "f.csv");
  } catch (const dp::Error& e) {
    EXPECT_EQ(e.code(), dp::ErrorCode::BadInput);
    return e.what();
  }
  return "";
}
}  // namespace

TEST(Csv, ReadsHeaderAndRowsWithLineNumbers) {
  auto t = parse("a,b\n1,2\n3,4\n", "f.csv");
  ASSERT_EQ(t.header, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[1].line, 3);
  EXPECT_EQ(t.column("b"), 1);
  EXPECT_EQ(t.column("c"), -1);
}

TEST(Csv, QuotedFieldsKeepCommasQuotesAndNewlines) {
  auto t = parse("a,b\n\"x, y\",\"say \"\"hej\"\"\"\n\"two\nlines\",z\n", "");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields[0], "x, y");
  EXPECT_EQ(t.rows[0].fields[1], "say \"hej\"");
  EXPECT_EQ(t.rows[1].fields[0], "two\nlines");
  EXPECT_EQ(t.rows[1].line, 3);
}

TEST(Csv, RowAfterMultiLineFieldHasItsOwnLineNumber) {
  auto t = parse("a,b\n\"1\n2\n3\",x\nlast,y\n", "");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1].line, 5);
}

TEST(Csv, ByteOrderMarkIsSkipped) {
  auto t = parse("\xEF\xBB\xBForg_code,status\n0114,draft\n", "");
  EXPECT_EQ(t.header[0], "org_code");
  EXPECT_EQ(t.column("org_code"), 0);
}

TEST(Csv, CrLfLineEndingsAreAccepted) {
  auto t = parse("a,b\r\n1,2\r\n3,4\r\n", "");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1].fields[1], "4");
  EXPECT_EQ(t.rows[1].line, 3);
}

TEST(Csv, BlankLinesAreIgnored) {
  auto t = parse("a,b\n\n1,2\n\n\n3,4\n\n", "");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields[0], "1");
  EXPECT_EQ(t.rows[1].fields[0], "3");
}

TEST(Csv, LineNumbersCountBlankLines) {
  auto t = parse("a,b\n\n1,2\n\n\n3,4\n", "");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 3);
  EXPECT_EQ(t.rows[1].line, 6);
}

TEST(Csv, HeaderNamesAreTrimmedButValuesAreNot) {
  auto t = parse(" a , b\n\" x \",y\n", "");
  EXPECT_EQ(t.header, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t.rows[0].fields[0], " x ");
}

TEST(Csv, MissingFinalNewlineIsFine) {
  auto t = parse("a,b\n1,2", "");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].fields[1], "2");
}

TEST(Csv, WrongFieldCountNamesTheRow) {
  auto msg = error_of("a,b\n1,2\n1,2,3\n");
  EXPECT_NE(msg.find("row 3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("3 fields"), std::string::npos) << msg;
  EXPECT_NE(msg.find("f.csv"), std::string::npos) << msg;
}

TEST(Csv, TooFewFieldsNamesTheRow) {
  auto msg = error_of("a,b,c\n1,2,3\n4,5,6\n7\n");
  EXPECT_NE(msg.find("row 4"), std::string::npos) << msg;
  EXPECT_NE(msg.find("1 fields"), std::string::npos) << msg;
}

TEST(Csv, WrongFieldCountAfterBlankLineNamesThePhysicalLine) {
  auto msg = error_of("a,b\n\n1,2\n\n1\n");
  EXPECT_NE(msg.find("row 5"), std::string::npos) << msg;
}

TEST(Csv, InvalidUtf8NamesRowAndColumn) {
  auto msg = error_of("a,b\n1,2\nok,bad\xC3\x28\n");
  EXPECT_EQ(msg.rfind("f.csv: row 3, column b: ", 0), 0u) << msg;
  EXPECT_NE(msg.find("UTF-8"), std::string::npos) << msg;
}

TEST(Csv, InvalidUtf8InTheHeaderNamesTheColumnByNumber) {
  auto msg = error_of("a,\xFF\n1,2\n");
  EXPECT_EQ(msg.rfind("f.csv: row 1, column 2: ", 0), 0u) << msg;
}

TEST(Csv, NulByteNamesRowAndColumn) {
  auto msg = error_of(std::string_view("a,b\n1,\0\n", 8));
  EXPECT_EQ(msg.rfind("f.csv: row 2, column b: ", 0), 0u) << msg;
  EXPECT_NE(msg.find("NUL"), std::string::npos) << msg;
}

TEST(Csv, UnterminatedQuoteNamesTheRowWhereItBegan) {
  auto msg = error_of("a,b\n1,\"never closed\n");
  EXPECT_EQ(msg.rfind("f.csv: row 2, column b: ", 0), 0u) << msg;
  EXPECT_NE(msg.find("quote"), std::string::npos) << msg;
  // The open quote swallows the following lines: the row is where it began, not the last line.
  msg = error_of("a,b\n1,2\n3,\"x\n4,5\n6,7\n8,9\n");
  EXPECT_EQ(msg.rfind("f.csv: row 3, column b: ", 0), 0u) << msg;
}

TEST(Csv, QuoteInsideUnquotedFieldNamesRowAndColumn) {
  auto msg = error_of("a,b\n1,2\n1,x\"y\"z\n");
  EXPECT_EQ(msg.rfind("f.csv: row 3, column b: ", 0), 0u) << msg;
  EXPECT_NE(msg.find("quote"), std::string::npos) << msg;
}

TEST(Csv, BinaryJunkGetsOurMessageNotTheLibrarys) {
  std::string junk = "a,b\n";
  uint32_t x = 2463534242u;
  for (int i = 0; i < 5000; ++i) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    junk += static_cast<char>(x & 0xFF);
  }
  auto msg = error_of(junk);
  EXPECT_EQ(msg.rfind("f.csv: row ", 0), 0u) << msg;
  EXPECT_NE(msg.find(", column "), std::string::npos) << msg;
  EXPECT_EQ(msg.find("strict"), std::string::npos)
      << msg;  // libcsv: "error parsing data while strict checking enabled"
  EXPECT_NE(msg.find("UTF-8"), std::string::npos) << msg;
}

TEST(Csv, SpreadsheetFileIsNamedAsSuch) {
  auto msg = error_of(std::string_view("PK\x03\x04\x14\x00\x06\x00junk", 14));
  EXPECT_EQ(msg.rfind("f.csv: row 1: ", 0), 0u) << msg;
  EXPECT_NE(msg.find("CSV UTF-8"), std::string::npos) << msg;
}

TEST(Csv, WhereHasTheOneWording) {
  EXPECT_EQ(dp::csv::where("f.csv", 3, "q03"), "f.csv: row 3, column q03");
  EXPECT_EQ(dp::csv::where("", 3, "q03"), "row 3, column q03");
  EXPECT_EQ(dp::csv::where("f.csv", 1), "f.csv: row 1");
}

TEST(Csv, EmptyDocumentNeedsAHeader) {
  auto msg = error_of("");
  EXPECT_NE(msg.find("header"), std::string::npos) << msg;
  EXPECT_NE(error_of("\n\n"), "");
}

TEST(Csv, ExceptionFromRowCallbackPropagates) {
  EXPECT_THROW(dp::csv::parse_stream(
                   "a\n1\n2\n", "", [](const std::vector<std::string>&) {},
                   [](const dp::csv::Row& r) {
                     if (r.line == 3) throw dp::Error::bad_input("stop at 3");
                   }),
               dp::Error);
}

TEST(Csv, StreamReportsProgressUpToTheTotal) {
  std::string text = "a\n";
  for (int i = 0; i < 20000; ++i) text += "value" + std::to_string(i) + "\n";
  size_t last = 0, calls = 0, total_seen = 0;
  size_t rows = 0;
  dp::csv::parse_stream(
      text, "", [](const std::vector<std::string>&) {}, [&](const dp::csv::Row&) { ++rows; },
      [&](size_t done, size_t total) {
        EXPECT_GE(done, last);
        last = done;
        total_seen = total;
        ++calls;
      });
  EXPECT_EQ(rows, 20000u);
  EXPECT_GT(calls, 1u);
  EXPECT_EQ(last, text.size());
  EXPECT_EQ(total_seen, text.size());
}

TEST(Csv, EscapeQuotesOnlyWhenNeeded) {
  EXPECT_EQ(dp::csv::escape("plain"), "plain");
  EXPECT_EQ(dp::csv::escape("a,b"), "\"a,b\"");
  EXPECT_EQ(dp::csv::escape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(dp::csv::escape("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(dp::csv::escape(" lead"), "\" lead\"");
  EXPECT_EQ(dp::csv::escape(""), "");
  EXPECT_EQ(dp::csv::line({"a", "b,c", ""}), "a,\"b,c\",\n");
}

TEST(Csv, WrittenLinesReadBackIdentically) {
  std::vector<std::vector<std::string>> rows = {
      {"Åre", "x, y", "\"q\""}, {" space ", "multi\nline", ""}, {"cr\r", "tab\t", "ö"}};
  std::string text = dp::csv::line({"a", "b", "c"});
  for (const auto& r : rows) text += dp::csv::line(r);
  auto t = parse(text, "");
  ASSERT_EQ(t.rows.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(t.rows[i].fields, rows[i]);
}

TEST(Csv, FieldsWithLeadingOrTrailingTabsAreQuoted) {
  // libcsv trims unquoted spaces and tabs; csv::escape used to quote only spaces, so "x\t" lost its tab.
  EXPECT_EQ(dp::csv::escape("tab\t"), "\"tab\t\"");
  EXPECT_EQ(dp::csv::escape("\tlead"), "\"\tlead\"");
  EXPECT_EQ(dp::csv::escape("in\tside"), "in\tside");
}

// Regression (fuzz_csv): a file holding only a byte-order mark read as a table with one empty
// column name, which the writer could not write back readably. It is an empty file.
TEST(Csv, FileWithOnlyAByteOrderMarkIsEmpty) {
  auto msg = error_of("\xEF\xBB\xBF");
  EXPECT_NE(msg.find("header"), std::string::npos) << msg;
  EXPECT_NE(error_of("\xEF\xBB\xBF\n\n"), "");
}

// Regression (fuzz_csv): only a mark at the very start of the file is a byte-order mark.
TEST(Csv, ByteOrderMarkIsSkippedOnlyAtTheStartOfTheFile) {
  auto t = parse(
      "\na,\xEF\xBB\xBF"
      "b\n1,2\n",
      "");
  EXPECT_EQ(t.header[1],
            "\xEF\xBB\xBF"
            "b");
  auto u = parse(
      "\n\xEF\xBB\xBF"
      "a\n1\n",
      "");
  EXPECT_EQ(u.header[0],
            "\xEF\xBB\xBF"
            "a");
  // ...and the writer quotes such a field so that it reads back as data.
  EXPECT_EQ(dp::csv::escape("\xEF\xBB\xBF"
                            "a"),
            "\"\xEF\xBB\xBF"
            "a\"");
  auto v = parse(dp::csv::line({"\xEF\xBB\xBF"
                                "a"}) +
                     "1\n",
                 "");
  EXPECT_EQ(v.header[0],
            "\xEF\xBB\xBF"
            "a");
}

// Regression (fuzz_csv): a file whose first field is named like a ZIP file's signature (after blank
// lines, so it was read) was written back starting with that signature, and the writer's own
// output was then refused as a spreadsheet file. Such a field is quoted.
TEST(Csv, AFieldThatLooksLikeASpreadsheetSignatureIsQuotedAndReadsBack) {
  std::string zip("PK\x03\x04", 4);
  auto t = parse("\n" + zip + "\n1\n", "");
  ASSERT_EQ(t.header[0], zip);
  EXPECT_EQ(dp::csv::escape(zip), "\"" + zip + "\"");
  auto u = parse(dp::csv::line(t.header) + dp::csv::line(t.rows[0].fields), "");
  EXPECT_EQ(u.header, t.header);
  EXPECT_NE(error_of(zip + "\n1\n"), "") << "a file that starts with the signature is still refused";
}

// Regression (fuzz_csv): a quoted header name of only white space ("\r") became an empty header
// name after trimming, a table the writer could not write back readably. It is a blank line.
TEST(Csv, HeaderOfOneBlankNameIsABlankLine) {
  EXPECT_NE(error_of("\r\"\r\""), "");
  auto t = parse("\" \"\na,b\n1,2\n", "");
  EXPECT_EQ(t.header, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t.rows[0].line, 3);
}

// A cell a spreadsheet would evaluate: = + - @ tab CR first, also after spaces or line breaks.
static bool spreadsheet_evaluates(const std::string& cell) {
  size_t i = cell.find_first_not_of(" \n");
  return i != std::string::npos && std::string("=+-@\t\r").find(cell[i]) != std::string::npos;
}

TEST(CsvFormulaSafe, TextsThatSpreadsheetsEvaluateGetAnApostrophe) {
  using dp::csv::formula_safe;
  EXPECT_EQ(formula_safe("=HYPERLINK(\"http://x.example\",\"klicka\")"),
            "'=HYPERLINK(\"http://x.example\",\"klicka\")");
  EXPECT_EQ(formula_safe("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
  EXPECT_EQ(formula_safe("+46 70 123 45 67"), "'+46 70 123 45 67");
  EXPECT_EQ(formula_safe("@SUM(A1:A2)"), "'@SUM(A1:A2)");
  EXPECT_EQ(formula_safe("\t=1+1"), "'\t=1+1");
  EXPECT_EQ(formula_safe("\r=1+1"), "'\r=1+1");
  EXPECT_EQ(formula_safe("  =1+1"), "'  =1+1");
  EXPECT_EQ(formula_safe("\n=1+1"), "'\n=1+1");
  for (const char* plain : {"Vi har en app", "", "100 %", "e-tjänst", "'citat'", "1+1"})
    EXPECT_EQ(formula_safe(plain), plain);
}

TEST(CsvFormulaSafe, PlainNumbersStayNumbers) {
  using dp::csv::formula_safe;
  for (const char* n : {"-12.5", "-3", "+4", "0", "2500000", "-0.25"}) EXPECT_EQ(formula_safe(n), n);
  EXPECT_EQ(formula_safe("-12.5x"), "'-12.5x");
  EXPECT_EQ(formula_safe("-"), "'-");
}

TEST(CsvFormulaSafe, EveryTextComesBackExactly) {
  using dp::csv::formula_safe;
  using dp::csv::from_formula_safe;
  // Every combination of a few leading characters, including texts that already begin with
  // apostrophes: the apostrophe added on export must never be confused with one of the text's.
  const std::vector<std::string> parts = {"'", "=", "-", "+", "@", "\t", "\r", " ", "\n", "a", "1", "."};
  std::vector<std::string> texts = {""};
  for (int len = 0; len < 4; ++len) {
    std::vector<std::string> next;
    for (const auto& t : texts)
      for (const auto& p : parts) next.push_back(t + p);
    texts.insert(texts.end(), next.begin(), next.end());
    if (len == 2) break;
  }
  for (const auto& t : texts) {
    std::string cell = formula_safe(t);
    EXPECT_EQ(from_formula_safe(cell), t) << "text [" << t << "] cell [" << cell << "]";
    if (spreadsheet_evaluates(cell)) {  // only a plain number may start so, and it is left as it is
      EXPECT_EQ(cell, t);
      EXPECT_EQ(t.find_first_not_of("+-0123456789."), std::string::npos) << "cell [" << cell << "]";
    }
  }
}
