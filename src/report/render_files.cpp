// The report's files in memory, written by the same writers as `digipuls report` (render.h).
#include <filesystem>

#include "core/error.h"
#include "core/temp_path.h"
#include "report/render.h"

namespace dp::report {

std::vector<ReportFile> render_files(const ReportTables& r, const std::string& format, Lang lang) {
  if (format != "html" && format != "xlsx" && format != "csv")
    throw Error::bad_input("unknown report format '" + format + "' (html, xlsx or csv)");
  TempDir dir("digipuls-report", "the report");
  auto paths = format == "html"   ? write_html(r, dir.path(), lang)
               : format == "xlsx" ? write_xlsx(r, dir.path(), lang)
                                  : write_csv(r, dir.path(), lang);
  std::vector<ReportFile> out;
  for (const auto& p : paths) out.push_back({std::filesystem::path(p).filename().string(), read_bytes(p)});
  return out;
}

}  // namespace dp::report
