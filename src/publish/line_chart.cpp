#include "publish/line_chart.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "publish/chart_scale.h"
#include "publish/palette.h"

namespace dp::publish {

std::string marker_path(const std::string& shape, double x, double y, double r) {
  auto p = [](double a, double b) { return fmt_coord(a) + "," + fmt_coord(b); };
  if (shape == "square")
    return "M" + p(x - r, y - r) + "H" + fmt_coord(x + r) + "V" + fmt_coord(y + r) + "H" + fmt_coord(x - r) + "Z";
  if (shape == "triangle")
    return "M" + p(x, y - r * 1.2) + "L" + p(x + r * 1.1, y + r * 0.8) + "L" + p(x - r * 1.1, y + r * 0.8) + "Z";
  if (shape == "triangle-down")
    return "M" + p(x, y + r * 1.2) + "L" + p(x + r * 1.1, y - r * 0.8) + "L" + p(x - r * 1.1, y - r * 0.8) + "Z";
  if (shape == "diamond")
    return "M" + p(x, y - r * 1.3) + "L" + p(x + r * 1.3, y) + "L" + p(x, y + r * 1.3) + "L" + p(x - r * 1.3, y) + "Z";
  if (shape == "cross") {
    double a = r * 0.45;
    return "M" + p(x - a, y - r) + "H" + fmt_coord(x + a) + "V" + fmt_coord(y - a) + "H" + fmt_coord(x + r) + "V" +
           fmt_coord(y + a) + "H" + fmt_coord(x + a) + "V" + fmt_coord(y + r) + "H" + fmt_coord(x - a) + "V" +
           fmt_coord(y + a) + "H" + fmt_coord(x - r) + "V" + fmt_coord(y - a) + "H" + fmt_coord(x - a) + "Z";
  }
  // circle as two arcs
  return "M" + p(x - r, y) + "A" + fmt_coord(r) + "," + fmt_coord(r) + " 0 1,0 " + p(x + r, y) + "A" + fmt_coord(r) +
         "," + fmt_coord(r) + " 0 1,0 " + p(x - r, y) + "Z";
}

nlohmann::json line_chart(const LineChartInput& in) {
  using nlohmann::json;
  const double W = 720, H = 380, left = 60, right = 190, top = 24, bottom = 48;
  const double pw = W - left - right, ph = H - top - bottom;

  double lo = 0, hi = in.max_hint.value_or(0);
  for (const auto& s : in.series)
    for (const auto& p : s.points)
      if (p.value) lo = std::min(lo, *p.value), hi = std::max(hi, *p.value);
  Ticks yt = nice_ticks(lo, hi, 5);
  LinearScale ys{yt.min, yt.max, top + ph, top};
  int ydec = tick_decimals(yt.step);

  size_t ny = in.years.size();
  auto xpos = [&](int year) {
    auto it = std::find(in.years.begin(), in.years.end(), year);
    size_t i = it - in.years.begin();
    return ny <= 1 ? left + pw / 2 : left + pw * (double)i / (double)(ny - 1);
  };

  json vm = {{"id", in.id},
             {"title", in.title},
             {"summary", in.summary},
             {"width", W},
             {"height", H},
             {"plot_left", left},
             {"plot_right", fmt_coord(left + pw)},
             {"plot_top", top},
             {"plot_bottom", fmt_coord(top + ph)},
             {"unit", in.unit},
             {"unit_x", 12},
             {"unit_y", fmt_coord(top + ph / 2)}};
  json yticks = json::array();
  for (double v : yt.values)
    yticks.push_back({{"y", fmt_coord(ys(v))}, {"label", format_number(v, ydec, in.lang)}, {"is_zero", v == 0}});
  vm["y_ticks"] = yticks;
  json xticks = json::array();
  // With many years only every other label fits on a phone-sized chart.
  size_t every = ny > 12 ? 2 : 1;
  for (size_t i = 0; i < ny; ++i)
    xticks.push_back({{"x", fmt_coord(xpos(in.years[i]))},
                      {"label", std::to_string(in.years[i])},
                      {"show", i % every == 0 || i + 1 == ny}});
  vm["x_ticks"] = xticks;
  vm["x_label_y"] = fmt_coord(top + ph + 20);

  json breaks = json::array();
  for (int b : in.breaks) {
    auto it = std::find(in.years.begin(), in.years.end(), b);
    if (it == in.years.begin() || it == in.years.end()) continue;
    double x = (xpos(*(it - 1)) + xpos(b)) / 2;
    breaks.push_back({{"x", fmt_coord(x)}, {"label", in.break_label}, {"label_y", fmt_coord(top - 8)}});
  }
  vm["breaks"] = breaks;
  vm["has_breaks"] = !breaks.empty();

  struct Label {
    double y;
    size_t series;
  };
  std::vector<Label> labels;
  json series = json::array();
  for (size_t si = 0; si < in.series.size(); ++si) {
    const auto& s = in.series[si];
    SeriesStyle st = series_style(si);
    std::string d;
    bool open = false;
    int prev_year = 0;
    json points = json::array();
    std::optional<std::pair<double, double>> last;
    std::string last_text;
    for (const auto& p : s.points) {
      bool broken = std::find(in.breaks.begin(), in.breaks.end(), p.year) != in.breaks.end();
      if (!p.value) {
        open = false;
        continue;
      }
      double x = xpos(p.year), y = ys(*p.value);
      if (!open || broken || prev_year == 0) d += "M";
      else d += "L";
      d += fmt_coord(x) + "," + fmt_coord(y);
      open = true;
      prev_year = p.year;
      points.push_back({{"d", marker_path(st.shape, x, y, 4.5)},
                        {"title", s.label + ", " + std::to_string(p.year) + ": " + p.text}});
      last = {x, y};
      last_text = p.text;
    }
    json js = {{"label", s.label},
               {"d", d},
               {"colour", st.colour},
               {"dash", st.dash},
               {"has_dash", !st.dash.empty()},
               {"points", points},
               {"shape", st.shape}};
    if (last) {
      labels.push_back({last->second, si});
      js["end_text"] = shorten(s.label, 18) + " " + last_text;
      js["end_x"] = fmt_coord(left + pw + 10);
      js["end_anchor_x"] = fmt_coord(last->first);
      js["end_anchor_y"] = fmt_coord(last->second);
      js["has_end"] = true;
    }
    series.push_back(js);
  }
  // Direct labels: sorted by height, pushed apart to 15 px, kept inside the plot.
  std::sort(labels.begin(), labels.end(), [](auto& a, auto& b) { return a.y < b.y; });
  for (size_t i = 1; i < labels.size(); ++i) labels[i].y = std::max(labels[i].y, labels[i - 1].y + 15);
  if (!labels.empty() && labels.back().y > top + ph + 10) {
    double shift = labels.back().y - (top + ph + 10);
    for (auto& l : labels) l.y -= shift;
  }
  for (const auto& l : labels) series[l.series]["end_y"] = fmt_coord(l.y);
  vm["series"] = series;
  return vm;
}

}  // namespace dp::publish
