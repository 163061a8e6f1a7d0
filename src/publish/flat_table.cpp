#include "publish/flat_table.h"

#include "publish/jsonstat.h"

namespace dp::publish {

FlatTable flatten(const Cube& cube, Lang lang) {
  FlatTable t;
  const auto& dims = cube.dimensions();
  for (const auto& d : dims) {
    t.header.push_back(d.id);
    t.header.push_back(d.id + "_label");
  }
  t.header.push_back("unit");
  t.header.push_back("value");
  t.header.push_back("status");
  t.rows.reserve(cube.size());
  for (size_t i = 0; i < cube.size(); ++i) {
    auto c = cube.coords(i);
    FlatRow r;
    std::string unit;
    for (size_t k = 0; k < dims.size(); ++k) {
      const auto& cat = dims[k].categories[c[k]];
      r.text.push_back(cat.id);
      r.text.push_back(cat.label.get(lang));
      if (cat.unit) unit = cat.unit->label.get(lang);
    }
    r.text.push_back(unit);
    r.decimals = cube.decimals(i);
    if (cube.value(i)) r.value = round_to(*cube.value(i), r.decimals);
    r.status = cube.status(i);
    t.rows.push_back(std::move(r));
  }
  return t;
}

}  // namespace dp::publish
