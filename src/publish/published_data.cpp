#include "publish/published_data.h"

#include <cmath>

#include "core/utc_time.h"

namespace dp::publish {

const CellMeta* KeyFigureMeta::cell(const std::string& cell_id) const {
  for (const auto& c : cells)
    if (c.id == cell_id) return &c;
  return nullptr;
}

std::optional<KeyFigureMeta> PublishedData::keyfigure(const std::string& id) {
  for (auto& k : keyfigures())
    if (k.id == id) return k;
  return std::nullopt;
}

std::string PublishedData::now() { return utc_now_string(); }

bool differs_as_published(const FigureValue& a, const FigureValue& b) {
  if (a.marker != b.marker || a.value.has_value() != b.value.has_value()) return true;
  if (!a.value) return false;
  double scale = std::pow(10.0, std::max(a.decimals, b.decimals));
  return std::llround(*a.value * scale) != std::llround(*b.value * scale);
}

Figure disclosed(Figure v) {
  // The count is the value in other units (count = share × n): it is shown exactly where the value
  // is, never beside a marker that hides the value.
  if (hides_value(v.marker)) {
    v.value.reset();
    v.count.reset();
  }
  if (v.marker == Marker::Suppressed) v.n.reset();
  if (!hides_value(v.marker) && v.marker != Marker::None && !v.value) v.value = 0;  // nil, rounds to zero
  return v;
}

}  // namespace dp::publish
