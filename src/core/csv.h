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

// Parses a whole document. Throws dp::Error (BadInput) naming the line for malformed quoting,
// invalid UTF-8, a missing header, or a row whose field count differs from the header's.
// A UTF-8 byte-order mark is skipped. Blank lines are ignored.
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

}  // namespace dp::csv
