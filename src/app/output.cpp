#include "app/output.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "core/csv.h"

namespace dp::app {

// Display width of UTF-8 text: one column per code point (enough for Swedish names).
static size_t width(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

void print_rows(const Rows& r, const std::string& format) {
  if (format == "csv") {
    std::cout << csv::line(r.columns);
    for (const auto& row : r.rows) {
      if (!r.formula_safe) {
        std::cout << csv::line(row);
        continue;
      }
      std::vector<std::string> safe;
      for (const auto& cell : row) safe.push_back(csv::formula_safe(cell));
      std::cout << csv::line(safe);
    }
    return;
  }
  if (format == "json") {
    auto arr = nlohmann::json::array();
    for (const auto& row : r.rows) {
      nlohmann::json o = nlohmann::json::object();
      for (size_t i = 0; i < r.columns.size() && i < row.size(); ++i) o[r.columns[i]] = row[i];
      arr.push_back(o);
    }
    std::cout << arr.dump(2) << "\n";
    return;
  }
  std::vector<size_t> w(r.columns.size());
  for (size_t i = 0; i < r.columns.size(); ++i) w[i] = width(r.columns[i]);
  for (const auto& row : r.rows)
    for (size_t i = 0; i < row.size() && i < w.size(); ++i) w[i] = std::max(w[i], width(row[i]));
  auto print = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < w.size(); ++i) {
      std::string cell = i < row.size() ? row[i] : "";
      line += cell;
      if (i + 1 < w.size()) line += std::string(w[i] - width(cell) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << "\n";
  };
  print(r.columns);
  std::vector<std::string> rule;
  for (size_t x : w) rule.push_back(std::string(x, '-'));
  print(rule);
  for (const auto& row : r.rows) print(row);
}

}  // namespace dp::app
