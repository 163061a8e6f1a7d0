#include "publish/xlsx_writer.h"

#include <map>
#include <xlsxwriter.h>

#include "core/error.h"
#include "core/temp_path.h"
#include "core/ui_text.h"
#include "publish/flat_table.h"

namespace dp::publish {

namespace {

std::string number_format(int decimals) { return decimals <= 0 ? "0" : "0." + std::string(decimals, '0'); }

}  // namespace

std::string to_xlsx(const Cube& cube, Lang lang) {
  FlatTable t = flatten(cube, lang);
  TempFile tmp("digipuls-xlsx", "XLSX");  // libxlsxwriter writes only to files
  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = nullptr;
  lxw_workbook* wb = workbook_new_opt(tmp.path().c_str(), &options);
  if (!wb) throw Error::internal("libxlsxwriter: cannot create workbook");
  lxw_doc_properties props = {};
  std::string title = cube.title.get(lang);
  std::string author = "Digipuls";
  props.title = title.data();
  props.author = author.data();
  workbook_set_properties(wb, &props);

  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bottom(bold, LXW_BORDER_THIN);
  std::map<int, lxw_format*> num;
  auto num_format = [&](int d) {
    auto it = num.find(d);
    if (it != num.end()) return it->second;
    lxw_format* f = workbook_add_format(wb);
    format_set_num_format(f, number_format(d).c_str());
    return num[d] = f;
  };

  lxw_worksheet* ws = workbook_add_worksheet(wb, ui::text("cube.sheet_data", lang).c_str());
  for (size_t c = 0; c < t.header.size(); ++c) worksheet_write_string(ws, 0, (lxw_col_t)c, t.header[c].c_str(), bold);
  lxw_row_t r = 1;
  for (const auto& row : t.rows) {
    lxw_col_t c = 0;
    for (const auto& s : row.text) worksheet_write_string(ws, r, c++, s.c_str(), nullptr);
    if (row.value) worksheet_write_number(ws, r, c, *row.value, num_format(row.decimals));
    ++c;
    if (!row.status.empty()) worksheet_write_string(ws, r, c, row.status.c_str(), nullptr);
    ++r;
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (!t.rows.empty()) worksheet_autofilter(ws, 0, 0, (lxw_row_t)t.rows.size(), (lxw_col_t)(t.header.size() - 1));
  for (size_t c = 0; c < t.header.size(); ++c) {
    bool label = t.header[c].size() > 6 && t.header[c].substr(t.header[c].size() - 6) == "_label";
    worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, label ? 36 : 12, nullptr);
  }

  lxw_worksheet* about = workbook_add_worksheet(wb, ui::text("cube.sheet_about", lang).c_str());
  worksheet_set_column(about, 0, 0, 18, nullptr);
  worksheet_set_column(about, 1, 1, 100, nullptr);
  lxw_row_t a = 0;
  auto put = [&](const std::string& k, const std::string& v) {
    worksheet_write_string(about, a, 0, k.c_str(), bold);
    worksheet_write_string(about, a, 1, v.c_str(), nullptr);
    ++a;
  };
  put(ui::text("cube.title", lang), title);
  if (!cube.source.empty()) put(ui::text("cube.source", lang), cube.source);
  if (!cube.updated.empty()) put(ui::text("cube.updated", lang), cube.updated);
  for (const auto& n : cube.notes) put(ui::text("cube.note", lang), n.get(lang));
  for (const auto& l : cube.legend) put(l.symbol, l.label.get(lang));

  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) throw Error::internal(std::string("libxlsxwriter: ") + lxw_strerror(err));
  return read_bytes(tmp.path());
}

}  // namespace dp::publish
