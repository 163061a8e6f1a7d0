// CSV reader: any input is a table or a dp::Error. A parsed table written back with csv::line
// must read back as the same table (the writer and the reader agree).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/csv.h"
#include "core/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  dp::csv::Table t;
  try {
    t = dp::csv::parse(text, "fuzz.csv");
  } catch (const dp::Error&) {
    return 0;
  }
  std::string again = dp::csv::line(t.header);
  for (const auto& r : t.rows) again += dp::csv::line(r.fields);
  dp::csv::Table u;
  try {
    u = dp::csv::parse(again, "again.csv");
  } catch (const dp::Error&) {
    __builtin_trap();  // what the writer writes, the reader must read
  }
  if (u.header != t.header || u.rows.size() != t.rows.size()) __builtin_trap();
  for (size_t i = 0; i < t.rows.size(); ++i)
    if (u.rows[i].fields != t.rows[i].fields) __builtin_trap();
  return 0;
}
