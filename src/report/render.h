#pragma once
// Writing a built report: CSV (one file per table), XLSX (one sheet per table, formatted for a
// statistician), HTML (Mustache templates in templates/report/, escaped by default). Each writer
// takes the same ReportTables and prints cells with stats::format_cell, so the three agree.
#include <string>
#include <vector>

#include "core/text.h"
#include "report/report_build.h"

namespace dp::report {

// Each returns the files written. Throws dp::Error (BadInput) when the directory cannot be written.
std::vector<std::string> write_csv(const ReportTables& r, const std::string& dir, Lang lang);
std::vector<std::string> write_xlsx(const ReportTables& r, const std::string& dir, Lang lang);
std::vector<std::string> write_html(const ReportTables& r, const std::string& dir, Lang lang);

// The base name of the report files: "<campaign slug>-report".
std::string report_basename(const ReportTables& r);

}  // namespace dp::report
