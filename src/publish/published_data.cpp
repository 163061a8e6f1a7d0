#include "publish/published_data.h"

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
