#include "selfassess/xlsx_export.h"

#include <map>
#include <xlsxwriter.h>

#include "core/error.h"
#include "core/temp_path.h"
#include "selfassess/views.h"

namespace dp::selfassess {

namespace {

void cell(lxw_worksheet* ws, int row, int col, const std::string& s, lxw_format* f = nullptr) {
  worksheet_write_string(ws, row, col, s.c_str(), f);
}

void score_cell(lxw_worksheet* ws, int row, int col, const Score& s) {
  if (s.value) worksheet_write_number(ws, row, col, display(*s.value), nullptr);
}

}  // namespace

std::string export_xlsx(const Loaded& l, const std::vector<storage::PlanItem>& plan, Lang lang,
                        const std::function<std::string(const std::string&)>& t) {
  TempFile tmp("digipuls-sa", "the XLSX export");  // libxlsxwriter writes only to files
  lxw_workbook* wb = workbook_new(tmp.path().c_str());
  if (!wb) throw Error::internal("cannot start the XLSX workbook");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);

  // Sheet 1: results per dimension.
  lxw_worksheet* res = workbook_add_worksheet(wb, t("selfassess.xlsx.results").c_str());
  std::string org = l.org ? l.org->name : l.assessment.org_code;
  cell(res, 0, 0,
       org + " " + std::to_string(l.assessment.year) + (l.assessment.part.empty() ? "" : " – " + l.assessment.part),
       bold);
  cell(res, 1, 0, l.instrument->title.get(lang));
  int row = 3;
  for (int c = 0; const char* k : {"selfassess.xlsx.dimension", "selfassess.xlsx.group", "selfassess.xlsx.score",
                                   "selfassess.xlsx.band", "selfassess.xlsx.scored", "selfassess.xlsx.not_relevant"})
    cell(res, row, c++, t(k), bold);
  auto put = [&](const std::string& dim, const std::string& name, const Score& s) {
    ++row;
    cell(res, row, 0, dim);
    cell(res, row, 1, name);
    score_cell(res, row, 2, s);
    if (s.band) cell(res, row, 3, s.band->label.get(lang));
    worksheet_write_number(res, row, 4, s.scored, nullptr);
    worksheet_write_number(res, row, 5, s.not_relevant, nullptr);
  };
  put(t("selfassess.results.overall"), t("selfassess.results.overall"), l.result.overall);
  for (const auto& g : l.result.areas) put(t("selfassess.dim.area"), g.label.get(lang), g.score);
  for (const auto& g : l.result.target_groups) put(t("selfassess.dim.target_group"), g.label.get(lang), g.score);
  for (const auto& g : l.result.perspectives) put(t("selfassess.dim.perspective"), g.label.get(lang), g.score);
  worksheet_set_column(res, 0, 1, 40, nullptr);

  // Sheet 2: indicators with agreed ratings, comments and evidence.
  lxw_worksheet* ind = workbook_add_worksheet(wb, t("selfassess.xlsx.indicators").c_str());
  int c = 0;
  for (const char* k :
       {"selfassess.xlsx.id", "selfassess.xlsx.indicator", "selfassess.xlsx.context", "selfassess.xlsx.weight",
        "selfassess.xlsx.rating", "selfassess.xlsx.points", "selfassess.xlsx.comment", "selfassess.xlsx.evidence_url",
        "selfassess.xlsx.evidence_note", "selfassess.xlsx.register_value"})
    cell(ind, 0, c++, t(k), bold);
  std::map<std::string, const storage::AgreedRating*> agreed;
  for (const auto& a : l.agreed) agreed[a.indicator] = &a;
  row = 0;
  for (const auto& is : l.result.indicators) {
    ++row;
    const auto& q = *is.question;
    cell(ind, row, 0, q.id);
    cell(ind, row, 1, q.label.get(lang));
    cell(ind, row, 2, indicator_context(*l.instrument, q, lang));
    worksheet_write_number(ind, row, 3, q.maturity->weight, nullptr);
    if (!is.rating.empty()) cell(ind, row, 4, scale_option(*l.instrument, is.rating)->label.get(lang));
    if (is.points) worksheet_write_number(ind, row, 5, *is.points, nullptr);
    if (auto it = agreed.find(q.id); it != agreed.end()) {
      cell(ind, row, 6, it->second->comment);
      cell(ind, row, 7, it->second->evidence_url);
      cell(ind, row, 8, it->second->evidence_note);
      if (it->second->register_value) worksheet_write_number(ind, row, 9, *it->second->register_value, nullptr);
    }
  }
  worksheet_set_column(ind, 1, 2, 50, nullptr);

  // Sheet 3: the action plan.
  lxw_worksheet* pl = workbook_add_worksheet(wb, t("selfassess.xlsx.plan").c_str());
  c = 0;
  for (const char* k :
       {"selfassess.xlsx.position", "selfassess.xlsx.id", "selfassess.xlsx.indicator", "selfassess.xlsx.measure",
        "selfassess.xlsx.priority", "selfassess.xlsx.owner", "selfassess.xlsx.due", "selfassess.xlsx.status",
        "selfassess.xlsx.comment", "selfassess.xlsx.followup"})
    cell(pl, 0, c++, t(k), bold);
  row = 0;
  for (const auto& p : plan) {
    ++row;
    const auto* q = l.instrument->question(p.indicator);
    worksheet_write_number(pl, row, 0, p.position, nullptr);
    cell(pl, row, 1, p.indicator);
    cell(pl, row, 2, q ? q->label.get(lang) : "");
    cell(pl, row, 3, lang == Lang::en && !p.measure_en.empty() ? p.measure_en : p.measure_sv);
    worksheet_write_number(pl, row, 4, p.priority, nullptr);
    cell(pl, row, 5, p.owner);
    cell(pl, row, 6, p.due_date);
    cell(pl, row, 7, t(std::string("selfassess.plan_status.") + to_string(p.status)));
    cell(pl, row, 8, p.comment);
    cell(pl, row, 9, p.followup);
  }
  worksheet_set_column(pl, 2, 3, 50, nullptr);

  if (workbook_close(wb) != LXW_NO_ERROR) throw Error::internal("cannot write the XLSX workbook");
  return read_bytes(tmp.path());
}

}  // namespace dp::selfassess
