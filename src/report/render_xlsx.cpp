// XLSX through libxlsxwriter: a contents sheet, one sheet per table and the quality declaration.
// A table sheet has the number and title in bold, the column headings (with merged group headings
// above them) bold with a rule below, numbers as numbers with a format of the table's decimals,
// markers as right-aligned symbols, block headings in bold, then notes, source and the legend of
// the markers used. Panes are frozen below the headings.
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <xlsxwriter.h>

#include "core/error.h"
#include "core/ui_text.h"
#include "report/render.h"
#include "stats/table_format.h"

namespace dp::report {

namespace {

class Book {
 public:
  explicit Book(const std::string& path) : path_(path) {
    lxw_workbook_options opts = {};
    opts.constant_memory = LXW_FALSE;
    opts.tmpdir = nullptr;
    wb_ = workbook_new_opt(path.c_str(), &opts);
    if (!wb_) throw Error::bad_input("cannot create the workbook", Location{path, 0, 0, {}});
    title_ = fmt_new([](lxw_format* f) {
      format_set_bold(f);
      format_set_font_size(f, 12);
    });
    head_ = fmt_new([](lxw_format* f) {
      format_set_bold(f);
      format_set_text_wrap(f);
      format_set_bottom(f, LXW_BORDER_THIN);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_align(f, LXW_ALIGN_VERTICAL_BOTTOM);
    });
    group_ = fmt_new([](lxw_format* f) {
      format_set_bold(f);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_bottom(f, LXW_BORDER_HAIR);
    });
    label_ = fmt_new([](lxw_format* f) { format_set_text_wrap(f); });
    block_ = fmt_new([](lxw_format* f) { format_set_bold(f); });
    marker_ = fmt_new([](lxw_format* f) { format_set_align(f, LXW_ALIGN_RIGHT); });
    note_ = fmt_new([](lxw_format* f) {
      format_set_italic(f);
      format_set_font_size(f, 9);
    });
    for (int d = 0; d <= 4; ++d) {
      std::string code = d == 0 ? "#,##0" : "#,##0." + std::string((size_t)d, '0');
      number_[d] = fmt_new([&](lxw_format* f) { format_set_num_format(f, code.c_str()); });
    }
  }

  ~Book() {
    if (wb_) workbook_close(wb_);
  }

  void close() {
    lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    if (e != LXW_NO_ERROR)
      throw Error::bad_input(std::string("cannot write the workbook: ") + lxw_strerror(e), Location{path_, 0, 0, {}});
  }

  lxw_worksheet* sheet(const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.substr(0, 31).c_str());
    if (!ws) throw Error::internal("cannot add worksheet " + name);
    return ws;
  }

  lxw_workbook* wb_;
  std::string path_;
  lxw_format *title_, *head_, *group_, *label_, *block_, *marker_, *note_;
  std::map<int, lxw_format*> number_;

 private:
  template <class F>
  lxw_format* fmt_new(F set) {
    lxw_format* f = workbook_add_format(wb_);
    set(f);
    return f;
  }
};

void table_sheet(Book& b, const stats::BuiltTable& t, const stats::ReportSpec& spec, Lang lang) {
  lxw_worksheet* ws = b.sheet(t.id);
  worksheet_set_column(ws, 0, 0, 58, b.label_);
  worksheet_set_column(ws, 1, (lxw_col_t)t.columns.size(), 13, nullptr);
  lxw_row_t row = 0;
  worksheet_write_string(ws, row++, 0, (t.number.get(lang) + ". " + t.title.get(lang)).c_str(), b.title_);
  row++;
  bool groups = false;
  for (const auto& c : t.columns) groups = groups || !c.group_label.empty();
  if (groups) {
    // Merged group headings over runs of columns with the same group.
    size_t i = 0;
    while (i < t.columns.size()) {
      size_t j = i;
      while (j + 1 < t.columns.size() && t.columns[j + 1].group_label.sv == t.columns[i].group_label.sv) ++j;
      std::string g = t.columns[i].group_label.get(lang);
      if (j > i) worksheet_merge_range(ws, row, (lxw_col_t)(i + 1), row, (lxw_col_t)(j + 1), g.c_str(), b.group_);
      else worksheet_write_string(ws, row, (lxw_col_t)(i + 1), g.c_str(), b.group_);
      i = j + 1;
    }
    ++row;
  }
  worksheet_write_string(ws, row, 0, t.row_heading.get(lang).c_str(), b.head_);
  for (size_t c = 0; c < t.columns.size(); ++c)
    worksheet_write_string(ws, row, (lxw_col_t)(c + 1), t.columns[c].label.get(lang).c_str(), b.head_);
  worksheet_set_row(ws, row, 45, nullptr);
  ++row;
  worksheet_freeze_panes(ws, row, 1);
  for (const auto& p : t.panels) {
    if (!p.label.empty()) worksheet_write_string(ws, row++, 0, p.label.get(lang).c_str(), b.block_);
    for (const auto& r : p.rows) {
      std::string label = std::string((size_t)r.depth * 3, ' ') + r.label.get(lang);
      worksheet_write_string(ws, row, 0, label.c_str(), r.heading ? b.block_ : b.label_);
      if (!r.heading)
        for (size_t c = 0; c < r.cells.size(); ++c) {
          const auto& cell = r.cells[c];
          bool number = cell.value && !hides_value(cell.marker) && cell.marker != Marker::Nil;
          if (number)
            worksheet_write_number(ws, row, (lxw_col_t)(c + 1), *cell.value, b.number_[std::min(cell.decimals, 4)]);
          else
            worksheet_write_string(ws, row, (lxw_col_t)(c + 1), stats::format_cell(cell, t, spec, lang).c_str(),
                                   b.marker_);
        }
      ++row;
    }
  }
  ++row;
  for (const auto& n : t.notes) worksheet_write_string(ws, row++, 0, n.get(lang).c_str(), b.note_);
  if (!t.source.empty()) worksheet_write_string(ws, row++, 0, t.source.get(lang).c_str(), b.note_);
  for (const auto& s : t.sources)
    worksheet_write_string(ws, row++, 0, ui::text("report_words.earlier_line", lang, {{"years", s}}).c_str(), b.note_);
  for (auto m : t.markers) {
    auto it = spec.markers.find(m);
    if (it == spec.markers.end() || m == Marker::None) continue;
    worksheet_write_string(ws, row++, 0, (stats::table_symbol(t, spec, m) + "  " + it->second.legend.get(lang)).c_str(),
                           b.note_);
  }
}

}  // namespace

std::vector<std::string> write_xlsx(const ReportTables& r, const std::string& dir, Lang lang) {
  std::filesystem::create_directories(dir);
  std::string path = dir + "/" + report_basename(r) + ".xlsx";
  const auto& spec = r.spec();
  int year = r.computed.data.campaign.year;
  Book b(path);
  lxw_worksheet* toc = b.sheet(ui::text("report_words.contents", lang));
  worksheet_set_column(toc, 0, 0, 14, nullptr);
  worksheet_set_column(toc, 1, 1, 110, nullptr);
  worksheet_write_string(toc, 0, 0, stats::expand_years(spec.title.get(lang), year).c_str(), b.title_);
  worksheet_write_string(
      toc, 1, 0,
      ui::text("report_words.source_line", lang, {{"source", lang == Lang::sv ? r.source_sv : r.source_en}}).c_str(),
      b.note_);
  lxw_row_t row = 3;
  for (const auto& t : r.tables) {
    worksheet_write_url_opt(toc, row, 0, ("internal:'" + t.id + "'!A1").c_str(), nullptr, t.id.c_str(), nullptr);
    worksheet_write_string(toc, row, 1, (t.number.get(lang) + ". " + t.title.get(lang)).c_str(), nullptr);
    ++row;
  }
  for (const auto& t : r.tables) table_sheet(b, t, spec, lang);
  lxw_worksheet* q = b.sheet(ui::text("report_words.quality", lang));
  worksheet_set_column(q, 0, 0, 120, b.label_);
  row = 0;
  for (const auto& s : lang == Lang::sv ? r.quality_sv : r.quality_en) {
    worksheet_write_string(q, row++, 0, s.heading.c_str(), s.level <= 2 ? b.title_ : b.block_);
    if (!s.text.empty()) worksheet_write_string(q, row++, 0, s.text.c_str(), b.label_);
  }
  b.close();
  return {path};
}

}  // namespace dp::report
