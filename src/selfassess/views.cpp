#include "selfassess/views.h"

#include <algorithm>
#include <fmt/format.h>

#include "selfassess/chart_geometry.h"

namespace dp::selfassess {

using nlohmann::json;

std::string fmt_number(double v) {
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

json score_json(const Score& s, Lang lang) {
  json j = {
      {"has", s.value.has_value()}, {"scored", s.scored}, {"not_relevant", s.not_relevant}, {"unrated", s.unrated}};
  if (s.value) {
    j["value"] = display(*s.value);
    j["band"] = s.band->id;
    j["band_label"] = s.band->label.get(lang);
  }
  return j;
}

static const char* kSeriesClass[] = {"series-own", "series-cmp1", "series-cmp2", "series-cmp3", "series-cmp4"};

json chart_json(const std::string& dimension, const std::string& title, const std::vector<GroupScore>& groups,
                const std::vector<Series>& compare, const web::Templates& t, Lang lang) {
  json c = {{"id", dimension}, {"title", title}};
  std::vector<Series> all;
  Series own{t.t(lang, "selfassess.results.own"), {}};
  for (const auto& g : groups) own.values.push_back(g.score.value);
  all.push_back(own);
  for (const auto& s : compare) all.push_back(s);

  // Table: one row per group, one column per series.
  json head = json::array();
  for (size_t s = 0; s < all.size(); ++s)
    head.push_back({{"name", all[s].name}, {"cls", kSeriesClass[std::min<size_t>(s, 4)]}});
  json rows = json::array();
  for (size_t g = 0; g < groups.size(); ++g) {
    json cells = json::array();
    for (size_t s = 0; s < all.size(); ++s) {
      auto v = g < all[s].values.size() ? all[s].values[g] : std::nullopt;
      cells.push_back(v ? json{{"has", true}, {"value", display(*v)}} : json{{"has", false}});
    }
    json row = {{"label", groups[g].label.get(lang)}, {"cells", cells}, {"score", score_json(groups[g].score, lang)}};
    rows.push_back(row);
  }
  c["series"] = head;
  c["rows"] = rows;

  // Bars: the organisation's score per group (band-coloured, with the number and band label as
  // text after the bar), comparison values as labelled tick marks. Rows are 48 units high.
  const double width = 300;
  json bars = json::array();
  for (size_t g = 0; g < groups.size(); ++g) {
    int y = static_cast<int>(g) * 48;
    json b = {{"label", groups[g].label.get(lang)},
              {"ty", y + 14},
              {"by", y + 20},
              {"vy", y + 33},
              {"my1", y + 17},
              {"my2", y + 39},
              {"score", score_json(groups[g].score, lang)}};
    double w = groups[g].score.value ? bar_length(*groups[g].score.value, width) : 0;
    b["w"] = w;
    b["vx"] = width + 8;  // the number and band label after the track, never over the bar
    json marks = json::array();
    for (size_t s = 1; s < all.size(); ++s)
      if (g < all[s].values.size() && all[s].values[g])
        marks.push_back({{"x", bar_length(*all[s].values[g], width)},
                         {"cls", kSeriesClass[std::min<size_t>(s, 4)]},
                         {"name", all[s].name}});
    b["marks"] = marks;
    bars.push_back(b);
  }
  c["bars"] = bars;
  c["bars_height"] = static_cast<int>(groups.size()) * 48 + 4;
  c["bar_width"] = width;

  if (groups.size() >= 3) {
    std::vector<std::vector<std::optional<double>>> values;
    for (const auto& s : all) values.push_back(s.values);
    Radar r = radar(groups.size(), values, 420);
    json axes = json::array();
    for (size_t a = 0; a < r.axes.size(); ++a)
      axes.push_back({{"x1", r.centre.x},
                      {"y1", r.centre.y},
                      {"x2", r.axes[a].end.x},
                      {"y2", r.axes[a].end.y},
                      {"lx", r.axes[a].label.x},
                      {"ly", r.axes[a].label.y},
                      {"anchor", r.axes[a].anchor},
                      {"label", groups[a].label.get(lang)}});
    json series = json::array();
    for (size_t s = 0; s < r.series.size(); ++s) {
      json dots = json::array();
      for (const auto& d : r.dots[s]) dots.push_back({{"x", d.x}, {"y", d.y}});
      series.push_back({{"points", r.series[s]},
                        {"cls", kSeriesClass[std::min<size_t>(s, 4)]},
                        {"name", all[s].name},
                        {"dots", dots}});
    }
    c["radar"] = {{"size", r.size}, {"rings", r.rings}, {"axes", axes}, {"series", series}};
  }

  // The one-sentence text alternative: highest and lowest scored group.
  const GroupScore* hi = nullptr;
  const GroupScore* lo = nullptr;
  for (const auto& g : groups) {
    if (!g.score.value) continue;
    if (!hi || *g.score.value > *hi->score.value) hi = &g;
    if (!lo || *g.score.value < *lo->score.value) lo = &g;
  }
  if (hi && lo)
    c["summary"] =
        fill(t.t(lang, "selfassess.results.chart_summary"), {{"title", title},
                                                             {"high", hi->label.get(lang)},
                                                             {"high_value", std::to_string(display(*hi->score.value))},
                                                             {"low", lo->label.get(lang)},
                                                             {"low_value", std::to_string(display(*lo->score.value))}});
  else c["summary"] = fill(t.t(lang, "selfassess.results.chart_empty"), {{"title", title}});
  return c;
}

json strengths_weaknesses(const Loaded& l, const Rules& rules, Lang lang) {
  std::vector<const IndicatorScore*> scored;
  for (const auto& is : l.result.indicators)
    if (is.points) scored.push_back(&is);
  auto item = [&](const IndicatorScore* is) {
    const auto* o = scale_option(*l.instrument, is->rating);
    return json{{"id", is->question->id},
                {"label", is->question->label.get(lang)},
                {"rating", o->label.get(lang)},
                {"points", display(*is->points)},
                {"context", indicator_context(*l.instrument, *is->question, lang)}};
  };
  const double green = rules.bands.front().min;
  const double red_below = rules.bands.size() > 1 ? rules.bands[rules.bands.size() - 2].min : green;
  std::vector<const IndicatorScore*> strong, weak;
  for (const auto* is : scored) {
    if (*is->points >= green) strong.push_back(is);
    if (*is->points < red_below) weak.push_back(is);
  }
  std::stable_sort(strong.begin(), strong.end(), [](auto* a, auto* b) {
    if (*a->points != *b->points) return *a->points > *b->points;
    return a->question->maturity->weight > b->question->maturity->weight;
  });
  std::stable_sort(weak.begin(), weak.end(), [](auto* a, auto* b) {
    double pa = a->question->maturity->weight * (100 - *a->points),
           pb = b->question->maturity->weight * (100 - *b->points);
    return pa > pb;
  });
  json s = json::array(), w = json::array();
  for (size_t i = 0; i < strong.size() && i < static_cast<size_t>(rules.list_count); ++i) s.push_back(item(strong[i]));
  for (size_t i = 0; i < weak.size() && i < static_cast<size_t>(rules.list_count); ++i) w.push_back(item(weak[i]));
  return {{"strengths", s}, {"weaknesses", w}, {"has_strengths", !s.empty()}, {"has_weaknesses", !w.empty()}};
}

json scale_json(const instrument::Instrument& in, const std::string& selected, Lang lang) {
  json a = json::array();
  for (const auto& o : in.scale)
    a.push_back(
        {{"id", o.id}, {"label", o.label.get(lang)}, {"checked", o.id == selected}, {"scored", o.score.has_value()}});
  return a;
}

std::string indicator_context(const instrument::Instrument& in, const instrument::Question& q, Lang lang) {
  auto label = [&](const std::vector<instrument::Dimension>& ds, const std::string& id) -> std::string {
    for (const auto& d : ds)
      if (d.id == id) return d.label.get(lang);
    return "";
  };
  std::string s;
  const auto& m = *q.maturity;
  if (!m.target_group.empty()) s += label(in.target_groups, m.target_group) + " · ";
  s += label(in.perspectives, m.perspective) + " · " + label(in.areas, m.area);
  return s;
}

}  // namespace dp::selfassess
