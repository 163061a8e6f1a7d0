#pragma once
// XLSX of a cube (docs/api.md, "XLSX"): sheet 1 holds the same rows as the CSV (flat_table.h)
// with values as numbers formatted to their decimals, a bold frozen header row and a filter;
// sheet 2 holds the title, source, update time, notes and the symbol legend.
#include <string>

#include "publish/cube.h"

namespace dp::publish {

// The workbook's bytes. Throws dp::Error (Internal) if libxlsxwriter fails.
std::string to_xlsx(const Cube& cube, Lang lang);

}  // namespace dp::publish
