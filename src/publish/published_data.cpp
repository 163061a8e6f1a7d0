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
  if (hides_value(v.marker)) v.value.reset();
  if (v.marker == Marker::Suppressed) {
    v.n.reset();
    v.count.reset();
  }
  if (!hides_value(v.marker) && v.marker != Marker::None && !v.value) v.value = 0;  // nil, rounds to zero
  return v;
}

}  // namespace dp::publish
