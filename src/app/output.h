#pragma once
// Printing rows on stdout as csv, json (array of objects) or an aligned table.
#include <string>
#include <vector>

namespace dp::app {

struct Rows {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  // CSV of free text that people open in a spreadsheet: every cell through csv::formula_safe.
  bool formula_safe = false;
};

void print_rows(const Rows& r, const std::string& format);

}  // namespace dp::app
