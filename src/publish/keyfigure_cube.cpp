#include "publish/keyfigure_cube.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/ui_text.h"
#include "publish/markers.h"

namespace dp::publish {

std::string series_id(const std::string& keyfigure, const std::string& cell) {
  return cell.empty() ? keyfigure : keyfigure + "." + cell;
}

std::vector<std::string> measures_of(const KeyFigureMeta& kf) {
  std::vector<std::string> out = {"value", "n"};
  if (kf.has_count()) out.push_back("count");
  if (kf.has_panel()) out.insert(out.end(), {"panel_n", "panel_previous", "panel_value", "panel_change"});
  return out;
}

Cube keyfigure_cube(const KeyFigureMeta& kf, const std::vector<Figure>& values, const Regions& regions,
                    const CubeOptions& opts) {
  Cube cube;
  cube.title = kf.title;
  if (!kf.note.empty()) cube.notes.push_back(kf.note);
  for (const auto& b : kf.breaks)
    cube.notes.push_back({"Tidsseriebrott " + std::to_string(b.year) + ": " + b.note.sv,
                          "Series break " + std::to_string(b.year) + ": " + b.note.get(Lang::en)});

  // Categories actually present, in declaration / display order.
  std::set<std::string> cells_present;
  std::vector<RegionRef> region_refs;
  std::set<std::string> region_codes;
  std::set<int> years;
  auto present_at = [&](const FigureKey& k) {
    cells_present.insert(k.cell);
    years.insert(k.year);
    RegionRef r{k.breakdown, k.group};
    if (region_codes.insert(Regions::code_of(r)).second) region_refs.push_back(r);
  };
  for (const auto& v : values) present_at(v.key);
  const bool with_panel = opts.panel && kf.has_panel();
  if (with_panel)
    for (const auto& v : *opts.panel) present_at(v.key);
  std::stable_sort(region_refs.begin(), region_refs.end(), [&](auto& a, auto& b) { return regions.less(a, b); });

  Dimension dk{"keyfigure", ui::label("cube.keyfigure"), "", {}};
  std::map<std::string, size_t> cell_index;
  for (const auto& c : kf.cells) {
    if (!cells_present.count(c.id)) continue;
    I18n label = kf.title;
    if (!c.label.empty())
      label = {kf.title.sv + ": " + c.label.sv, kf.title.get(Lang::en) + ": " + c.label.get(Lang::en)};
    cell_index[c.id] = dk.categories.size();
    dk.categories.push_back({series_id(kf.id, c.id), label, std::nullopt});
  }
  for (const auto& c : cells_present)  // cells the metadata does not declare (should not happen)
    if (!cell_index.count(c)) {
      cell_index[c] = dk.categories.size();
      dk.categories.push_back({series_id(kf.id, c), {c, c}, std::nullopt});
    }

  Dimension dr{"region", ui::label("cube.region"), "geo", {}};
  std::map<std::string, size_t> region_index;
  for (const auto& r : region_refs) {
    region_index[Regions::code_of(r)] = dr.categories.size();
    dr.categories.push_back({Regions::code_of(r), regions.label(r), std::nullopt});
  }
  Dimension dy{"year", ui::label("cube.year"), "time", {}};
  std::map<int, size_t> year_index;
  for (int y : years) {
    year_index[y] = dy.categories.size();
    dy.categories.push_back({std::to_string(y), {std::to_string(y), std::to_string(y)}, std::nullopt});
  }
  Dimension dm{"measure", ui::label("cube.measure"), "metric", {}};
  dm.categories.push_back({"value", ui::label("cube.value"), Unit{kf.unit, kf.decimals, kf.is_share() ? "%" : ""}});
  if (opts.include_n) dm.categories.push_back({"n", ui::label("cube.n"), Unit{ui::label("cube.organisations"), 0, ""}});
  const bool with_count = opts.include_count && kf.has_count();
  const size_t count_at = dm.categories.size();
  if (with_count)
    dm.categories.push_back({"count", ui::label("cube.count"), Unit{ui::label("cube.organisations"), 0, ""}});
  const size_t panel_at = dm.categories.size();
  if (with_panel) {
    const Unit value_unit{kf.unit, kf.decimals, kf.is_share() ? "%" : ""};
    dm.categories.push_back({"panel_n", ui::label("cube.panel_n"), Unit{ui::label("cube.organisations"), 0, ""}});
    dm.categories.push_back({"panel_previous", ui::label("cube.panel_previous"), value_unit});
    dm.categories.push_back({"panel_value", ui::label("cube.panel_value"), value_unit});
    dm.categories.push_back({"panel_change", ui::label("cube.panel_change"),
                             kf.is_share() ? Unit{ui::label("cube.percentage_points"), kf.decimals, ""} : value_unit});
  }

  cube.set_dimensions({dk, dr, dy, dm});
  // Default: not available.
  std::vector<Marker> present;
  if (cube.size() > 0) {
    for (size_t i = 0; i < cube.size(); ++i) cube.set(i, std::nullopt, marker_style(Marker::NotAvailable).symbol);
    present.push_back(Marker::NotAvailable);
  }
  bool any_missing = false;
  std::vector<bool> filled(cube.size() / std::max<size_t>(dm.categories.size(), 1), false);
  for (const auto& raw : values) {
    Figure v = disclosed(raw);
    size_t k = cell_index[v.key.cell], r = region_index[Regions::code_of({v.key.breakdown, v.key.group})],
           y = year_index[v.key.year];
    size_t base = cube.index({k, r, y, 0});
    filled[base / dm.categories.size()] = true;
    std::string sym = marker_style(v.marker).symbol;
    cube.set(base, v.value, sym, v.decimals);
    if (v.marker != Marker::None) present.push_back(v.marker);
    if (opts.include_n) {
      if (v.n) cube.set(base + 1, (double)*v.n, "", 0);
      else
        cube.set(base + 1, std::nullopt,
                 v.marker == Marker::Suppressed ? sym : marker_style(Marker::NotAvailable).symbol);
    }
    // The count carries the value's marker: where the value is hidden, so is the count.
    if (with_count)
      cube.set(base + count_at, v.count ? std::optional<double>((double)*v.count) : std::nullopt,
               v.count ? "" : (hides_value(v.marker) ? sym : marker_style(Marker::NotAvailable).symbol), 0);
  }
  if (with_panel)
    for (const auto& v : *opts.panel) {
      size_t base = cube.index({cell_index[v.key.cell], region_index[Regions::code_of({v.key.breakdown, v.key.group})],
                                year_index[v.key.year], panel_at});
      if (v.marker != Marker::None) present.push_back(v.marker);
      const std::string sym = marker_style(v.marker).symbol;
      auto number = [&](size_t at, std::optional<double> x, int decimals) {
        if (x) cube.set(base + at, x, "", decimals);
        else cube.set(base + at, std::nullopt, sym, decimals);
      };
      number(0, v.n ? std::optional<double>((double)*v.n) : std::nullopt, 0);
      number(1, v.before, v.decimals);
      number(2, v.now, v.decimals);
      number(3, v.change(), v.decimals);
    }
  for (bool f : filled) any_missing |= !f;
  if (!any_missing) {
    // ".." occurs only if some n is unknown
    bool n_missing = false;
    for (size_t i = 0; i < cube.size(); ++i)
      if (cube.status(i) == marker_style(Marker::NotAvailable).symbol) n_missing = true;
    if (!n_missing) present.erase(std::remove(present.begin(), present.end(), Marker::NotAvailable), present.end());
  }
  cube.legend = legend_for(present);
  return cube;
}

}  // namespace dp::publish
