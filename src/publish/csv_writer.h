#pragma once
// CSV of a cube (docs/api.md, "CSV"): UTF-8, one header row, one row per cell (flat_table.h),
// RFC 4180 quoting, LF line ends. Two dialects:
//   comma:     separator ",", decimal point "12.5", no byte-order mark (the default; for programs)
//   semicolon: separator ";", decimal comma "12,5" and a UTF-8 byte-order mark, so that Excel
//              with Swedish settings opens it correctly
// No thousands separators in either. A cell without a number has an empty value field.
#include <string>

#include "publish/cube.h"

namespace dp::publish {

enum class CsvDialect { Comma, Semicolon };

std::string to_csv(const Cube& cube, Lang lang, CsvDialect dialect = CsvDialect::Comma);

// A number with exactly `decimals` decimals and the given decimal mark: "12.5", "-3", "0,0".
std::string plain_number(double value, int decimals, char decimal_mark);

}  // namespace dp::publish
