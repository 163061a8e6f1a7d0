// Published-history CSV parser (stats/history.h, `stats history import`): any bytes, read as a
// table file and as index.csv, give cells or problems in the importers' wording, never a crash,
// a hang or a sanitizer report (a huge number in a whole-number column was a cast overflow).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/problems.h"
#include "stats/history.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  const std::string name = size % 2 ? "index.csv" : "tabell_99.csv";
  dp::ProblemList problems;
  auto history = dp::stats::parse_history({{name, text}}, problems);
  if (!problems.empty() && !history.cells.empty()) __builtin_trap();  // a file with a problem gives no cells
  for (const auto& line : problems.shown())
    if (line.rfind(name + ": row ", 0) != 0) __builtin_trap();  // every problem names file and row
  for (const auto& c : history.cells)
    if (c.year < 1990 || c.year > 2100 || c.csv_line < 2) __builtin_trap();
  return 0;
}
