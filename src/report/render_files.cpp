// The report's files in memory, written by the same writers as `digipuls report` (render.h).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "report/render.h"

namespace dp::report {

namespace {

// A private directory, removed with everything in it however the writing ends.
struct TempDir {
  std::string path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "digipuls-report-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw Error::internal("cannot create a temporary directory for the report");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::internal("cannot read back the report file " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::vector<ReportFile> render_files(const ReportTables& r, const std::string& format, Lang lang) {
  if (format != "html" && format != "xlsx" && format != "csv")
    throw Error::bad_input("unknown report format '" + format + "' (html, xlsx or csv)");
  TempDir dir;
  auto paths = format == "html"   ? write_html(r, dir.path, lang)
               : format == "xlsx" ? write_xlsx(r, dir.path, lang)
                                  : write_csv(r, dir.path, lang);
  std::vector<ReportFile> out;
  for (const auto& p : paths) out.push_back({std::filesystem::path(p).filename().string(), slurp(p)});
  return out;
}

}  // namespace dp::report
