#include "stats/lineage.h"

#include "core/ui_text.h"

namespace dp::stats {

namespace {

// The lineage of an item key in an instrument: the row's own, else the question's.
const instrument::Lineage* lineage_of(const instrument::Instrument& in, const std::string& key, bool* exists) {
  auto dot = key.find('.');
  const instrument::Question* q = in.question(key.substr(0, dot));
  *exists = q != nullptr;
  if (!q) return nullptr;
  if (dot != std::string::npos) {
    const instrument::Row* r = q->row(key.substr(dot + 1));
    *exists = r != nullptr;
    if (r && r->continues) return &*r->continues;
  }
  return q->continues ? &*q->continues : nullptr;
}

}  // namespace

std::vector<CellBreak> series_breaks(const KeyFigure& kf, const std::vector<const instrument::Instrument*>& family) {
  std::vector<CellBreak> out;
  for (const auto& b : kf.breaks) {
    if (b.cells.empty()) out.push_back({"", b.year, b.note});
    for (const auto& c : b.cells) out.push_back({c, b.year, b.note});
  }
  for (const auto* v : family) {
    if (v->previous.empty()) continue;
    const instrument::Instrument* prev = nullptr;
    for (const auto* p : family)
      if (p->id == v->previous) prev = p;
    if (!prev) continue;
    for (const auto& c : kf.cells) {
      if (!c.asked || c.external) continue;
      for (const auto& item : c.items()) {
        bool in_v = false, in_prev = false;
        const instrument::Lineage* l = lineage_of(*v, item, &in_v);
        lineage_of(*prev, item, &in_prev);
        if (!in_v || !in_prev) continue;  // not asked in one of them: shown as not asked, not as a break
        if (!l) {
          out.push_back(
              {c.id, v->year,
               ui::label("lineage.not_continued", {{"item", item}, {"version", v->id}, {"previous", prev->id}})});
          break;
        }
        if (l->comparability == instrument::Comparability::Changed) {
          I18n note = l->note;
          if (note.empty())
            note = ui::label(
                "lineage.changed",
                {{"item", item}, {"year", std::to_string(v->year)}, {"previous_year", std::to_string(prev->year)}});
          out.push_back({c.id, v->year, note});
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace dp::stats
