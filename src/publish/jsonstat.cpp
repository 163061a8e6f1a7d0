#include "publish/jsonstat.h"

#include <cmath>

#include "core/ui_text.h"

namespace dp::publish {

double round_to(double value, int decimals) {
  double f = std::pow(10.0, decimals);
  double r = std::round(value * f) / f;
  return r == 0 ? 0.0 : r;  // no "-0"
}

nlohmann::json to_jsonstat(const Cube& cube, const JsonStatOptions& opts) {
  using nlohmann::json;
  json ds = json::object();
  ds["version"] = "2.0";
  ds["class"] = "dataset";
  if (!opts.href.empty()) ds["href"] = opts.href;
  ds["label"] = cube.title.get(opts.lang);
  if (!cube.source.empty()) ds["source"] = cube.source;
  if (!cube.updated.empty()) ds["updated"] = cube.updated;

  json ids = json::array(), size = json::array(), role = json::object(), dims = json::object();
  for (const auto& d : cube.dimensions()) {
    ids.push_back(d.id);
    size.push_back(d.categories.size());
    if (!d.role.empty()) role[d.role].push_back(d.id);
    json index = json::object(), label = json::object(), unit = json::object();
    for (size_t i = 0; i < d.categories.size(); ++i) {
      const auto& c = d.categories[i];
      index[c.id] = i;
      label[c.id] = c.label.get(opts.lang);
      if (c.unit) {
        json u = {{"label", c.unit->label.get(opts.lang)}, {"decimals", c.unit->decimals}};
        if (!c.unit->symbol.empty()) u["symbol"] = c.unit->symbol, u["position"] = "end";
        unit[c.id] = u;
      }
    }
    json cat = {{"index", index}, {"label", label}};
    if (!unit.empty()) cat["unit"] = unit;
    dims[d.id] = {{"label", d.label.get(opts.lang)}, {"category", cat}};
  }
  ds["id"] = ids;
  ds["size"] = size;
  if (!role.empty()) ds["role"] = role;
  ds["dimension"] = dims;

  json values = json::array();
  json status = json::object();
  for (size_t i = 0; i < cube.size(); ++i) {
    const auto& v = cube.value(i);
    if (v) values.push_back(round_to(*v, cube.decimals(i)));
    else values.push_back(nullptr);
    if (!cube.status(i).empty()) status[std::to_string(i)] = cube.status(i);
  }
  ds["value"] = values;
  if (!status.empty()) ds["status"] = status;

  json notes = json::array();
  for (const auto& n : cube.notes) notes.push_back(n.get(opts.lang));
  if (!cube.legend.empty()) {
    std::string legend;
    for (const auto& l : cube.legend) {
      if (!legend.empty()) legend += "; ";
      legend += "«" + l.symbol + "» " + l.label.get(opts.lang);
    }
    notes.push_back(ui::text("markers.legend", opts.lang) + ": " + legend + ".");
  }
  if (!notes.empty()) ds["note"] = notes;

  json ext = opts.extension.is_object() ? opts.extension : json::object();
  if (!cube.legend.empty()) {
    json st = json::object();
    for (const auto& l : cube.legend) st[l.symbol] = {{"name", l.name}, {"label", l.label.get(opts.lang)}};
    ext["status"] = st;
  }
  if (!ext.empty()) ds["extension"] = ext;

  if (!opts.links.empty()) {
    json link = json::object();
    for (const auto& l : opts.links) {
      json o = {{"href", l.href}};
      if (!l.type.empty()) o["type"] = l.type;
      link[l.rel].push_back(o);
    }
    ds["link"] = link;
  }
  return ds;
}

}  // namespace dp::publish
