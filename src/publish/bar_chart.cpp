#include "publish/bar_chart.h"

#include <algorithm>

#include "publish/chart_scale.h"
#include "publish/palette.h"

namespace dp::publish {

nlohmann::json bar_chart(const BarChartInput& in) {
  using nlohmann::json;
  const double W = 720, label_w = 200, value_w = 70, top = 34, row = 26, bar_h = 16, bottom = 36;
  const double x0 = label_w + 8, pw = W - x0 - value_w;
  double hi = in.max_hint.value_or(0), lo = 0;
  for (const auto& b : in.bars)
    if (b.value) hi = std::max(hi, *b.value), lo = std::min(lo, *b.value);
  if (in.reference) hi = std::max(hi, *in.reference);
  Ticks xt = nice_ticks(lo, hi, 5);
  LinearScale xs{xt.min, xt.max, x0, x0 + pw};
  int dec = tick_decimals(xt.step);
  double H = top + row * (double)in.bars.size() + bottom;

  json vm = {{"id", in.id},
             {"title", in.title},
             {"summary", in.summary},
             {"width", W},
             {"height", fmt_coord(H)},
             {"unit", in.unit},
             {"plot_left", fmt_coord(x0)},
             {"plot_top", top - 6},
             {"plot_bottom", fmt_coord(top + row * in.bars.size())},
             {"colour", series_style(0).colour},
             {"label_x", fmt_coord(label_w)},
             {"axis_label_y", fmt_coord(top + row * in.bars.size() + 18)},
             {"unit_x", fmt_coord(x0 + pw / 2)},
             {"unit_y", fmt_coord(H - 4)}};
  json ticks = json::array();
  for (double v : xt.values) ticks.push_back({{"x", fmt_coord(xs(v))}, {"label", format_number(v, dec, in.lang)}});
  vm["x_ticks"] = ticks;
  json bars = json::array();
  double zero = xs(0);
  for (size_t i = 0; i < in.bars.size(); ++i) {
    const auto& b = in.bars[i];
    double y = top + row * (double)i;
    json jb = {
        {"label", shorten(b.label, 30)},           {"full_label", b.label}, {"text", b.text}, {"emphasis", b.emphasis},
        {"label_y", fmt_coord(y + bar_h / 2 + 4)}, {"y", fmt_coord(y)},     {"h", bar_h}};
    if (b.value) {
      double x1 = xs(*b.value);
      double bx = std::min(zero, x1), bw = std::max(std::abs(x1 - zero), 1.0);
      jb["has_value"] = true;
      jb["x"] = fmt_coord(bx);
      jb["w"] = fmt_coord(bw);
      jb["text_x"] = fmt_coord(std::max(zero, x1) + 6);
    } else {
      jb["has_value"] = false;
      jb["text_x"] = fmt_coord(zero + 6);
    }
    bars.push_back(jb);
  }
  vm["bars"] = bars;
  if (in.reference) {
    vm["has_reference"] = true;
    vm["reference_x"] = fmt_coord(xs(*in.reference));
    vm["reference_label"] = in.reference_label;
    vm["reference_label_y"] = fmt_coord(top - 14);
  }
  return vm;
}

}  // namespace dp::publish
