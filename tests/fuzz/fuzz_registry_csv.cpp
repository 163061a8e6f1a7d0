// Registry CSV import parser: any input gives records or row/column problems, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "registry/csv_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  dp::registry::ImportContext ctx;
  ctx.county_codes = {"01", "03", "25"};
  ctx.year = size % 2 ? std::optional<int>(2021) : std::nullopt;
  dp::ProblemList problems;
  auto records = dp::registry::parse_registry_csv(text, "fuzz.csv", ctx, problems);
  if (!records.empty() && !problems.empty()) __builtin_trap();  // records only when the whole file is valid
  return 0;
}
