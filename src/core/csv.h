#pragma once
// CSV in and out (RFC 4180, UTF-8, comma-separated, header row), on top of libcsv.
// Rows keep their line numbers so that every error can name "row N, column X".
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dp::csv {

struct Row {
  int line = 0;  // 1-based physical line where the record starts (the header is line 1)
  std::vector<std::string> fields;
};

struct Table {
  std::vector<std::string> header;
  std::vector<Row> rows;
  std::string source;  // file name, for messages

  // Index of a header column, or -1.
  int column(std::string_view name) const;
};

// Where a problem of a CSV file is, in the one wording every importer uses:
// "FILE: row N, column X" ("row N, column X" without a file, no column part when `column` is "").
// Rows are physical line numbers where the record starts; the header is row 1.
std::string where(const std::string& file, int row, const std::string& column = "");

// Parses a whole document. Throws dp::Error (BadInput) with a message that starts with where():
// a quote that is not closed (naming the row where the field began), a stray quote, invalid
// UTF-8 or a NUL byte (naming row and column), a binary file, a missing header, or a row whose
// field count differs from the header's. A UTF-8 byte-order mark is skipped. Blank lines are
// ignored.
Table parse(std::string_view text, std::string source = "");

// Streaming variant for large files: calls on_row for every record after the header.
// `progress` (optional) is told the number of bytes consumed so far.
void parse_stream(std::string_view text, std::string source,
                  const std::function<void(const std::vector<std::string>& header)>& on_header,
                  const std::function<void(const Row&)>& on_row,
                  const std::function<void(size_t done, size_t total)>& progress = {});

// Quotes a field when it contains a comma, quote, CR or LF, or begins or ends with a space or tab.
std::string escape(std::string_view field);
std::string line(const std::vector<std::string>& fields);  // joined and terminated with "\n"

// Spreadsheet formula injection (OWASP "CSV Injection"): Excel, LibreOffice and Google Sheets
// evaluate a cell that begins with = + - @, a tab or a carriage return (also after leading
// spaces or line breaks), so a free-text answer like =HYPERLINK(...) would run when an analyst
// opens an export. formula_safe() puts an apostrophe in front of such a text, which spreadsheets
// show as text. A text that already begins with apostrophes before such a character gets one
// more, so that from_formula_safe() restores every text exactly. A plain number ("-12.5") is
// not a formula and stays as it is. For text cells of exported files only; number columns are
// written as numbers.
std::string formula_safe(std::string_view text);
std::string from_formula_safe(std::string_view cell);

}  // namespace dp::csv
