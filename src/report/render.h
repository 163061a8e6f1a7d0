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

// A report file held in memory (for the public site): the bytes the writers above put on disk.
struct ReportFile {
  std::string name;  // "ehalsa-2021-report.xlsx", "T01.csv"
  std::string body;
};
// Writes the report as `format` ("html", "xlsx" or "csv") into a private temporary directory,
// reads the files back and removes the directory: libxlsxwriter writes only to files, and the
// site must serve exactly what `digipuls report` writes. Throws dp::Error (BadInput) for an
// unknown format, (Internal) when no temporary directory can be made.
std::vector<ReportFile> render_files(const ReportTables& r, const std::string& format, Lang lang);

// The fragment of a table in the HTML report ("t-b2-t25" for B2-T25).
std::string table_anchor(const std::string& table_id);

// The base name of the report files: "<campaign slug>-report".
std::string report_basename(const ReportTables& r);

}  // namespace dp::report
