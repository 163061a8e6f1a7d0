#pragma once
// Published data held in memory, for tests of pages and the API without the statistics engine.
// `synthetic()` builds a small but complete set: shares with several cells, a series break, a
// count published per municipality, markers of every kind, and one suppressed county cell whose
// raw value (91.37, n = 7919) must never be seen anywhere.
#include <algorithm>
#include <cmath>

#include "publish/published_data.h"
#include "publish/regions.h"

namespace dp::publish::testing {

constexpr double kSecretValue = 91.37;
constexpr int64_t kSecretN = 7919;

inline Figure published(FigureKey key, double value, int64_t n, int64_t count, Marker marker, int decimals) {
  Figure f;
  f.key = std::move(key);
  f.value = value;
  f.n = n;
  f.count = count;
  f.marker = marker;
  f.decimals = decimals;
  return f;
}

class MemoryData : public PublishedData {
 public:
  std::string rev = "r1";
  std::vector<KeyFigureMeta> metas;
  std::vector<Figure> all;

  std::string revision() override { return rev; }
  std::string updated() override { return "2022-03-01T10:00:00Z"; }
  std::vector<KeyFigureMeta> keyfigures() override { return metas; }
  std::vector<Figure> values(const ValueQuery& q) override {
    std::vector<Figure> out;
    auto in = [](const auto& list, const auto& x) {
      return list.empty() || std::find(list.begin(), list.end(), x) != list.end();
    };
    for (const auto& v : all)
      if (v.key.keyfigure == q.keyfigure && in(q.cells, v.key.cell) && in(q.breakdowns, v.key.breakdown) &&
          in(q.groups, v.key.group) && in(q.years, v.key.year))
        out.push_back(disclosed(v));
    return out;
  }

  static std::unique_ptr<MemoryData> synthetic(const Regions& regions) {
    auto d = std::make_unique<MemoryData>();
    auto value_of = [](const std::string& s, int year) {
      unsigned h = 2166136261u;
      for (char c : s) h = (h ^ (unsigned char)c) * 16777619u;
      return 20 + (h % 600) / 10.0 + (year - 2019) * 3;
    };
    auto add_share = [&](KeyFigureMeta& kf, const std::string& cell, const std::string& b, const std::string& g,
                         int y) {
      double v = std::round(value_of(kf.id + cell + g, y));
      d->all.push_back(
          published({kf.id, cell, b, g, y}, v, 40 + (int64_t)(v / 2), (int64_t)v / 2, Marker::None, kf.decimals));
    };
    // K10: one cell, 2019–2021, break in 2021.
    KeyFigureMeta k10;
    k10.id = "K10";
    k10.theme = "strategi";
    k10.theme_label = {"Strategi", "Strategy"};
    k10.title = {"Kommuner med strategi för välfärdsteknik", "Municipalities with a welfare technology strategy"};
    k10.definition = {"Andel svarande kommuner som har en strategi.",
                      "Share of responding municipalities with a strategy."};
    k10.unit = {"procent", "percent"};
    k10.stat = "share";
    k10.source = "survey";
    k10.source_label = {"Digipuls", "Digipuls"};
    k10.cells = {{"", {}, 0}};
    k10.breaks = {{2021, {}, {"Frågan ändrades 2021.", "The question changed in 2021."}}};
    k10.years = {2019, 2020, 2021};
    k10.breakdowns = {"national", "county", "size_group"};
    k10.origins = {{2019, "history", "Socialstyrelsen 2021, Tabell 1", ""},
                   {2021, "campaign", "ehalsa-2021", "ehalsa-2021"}};
    // K11: three cells, 2020–2021, one decimal; a suppressed county cell and markers.
    KeyFigureMeta k11 = k10;
    k11.id = "K11";
    k11.theme = "valfardsteknik";
    k11.theme_label = {"Välfärdsteknik", "Welfare technology"};
    k11.title = {"Digitala nattillsyn per verksamhet", "Digital night supervision by service"};
    k11.cells = {{"ordinart", {"Ordinärt boende", "Ordinary housing"}, 1},
                 {"sarskilt", {"Särskilt boende", "Residential care"}, 1},
                 {"lss", {"LSS-boende", "LSS housing"}, 1}};
    k11.decimals = 1;
    k11.breaks = {};
    k11.years = {2020, 2021};
    // K12: a count, published per municipality too.
    KeyFigureMeta k12 = k10;
    k12.id = "K12";
    k12.theme = "valfardsteknik";
    k12.theme_label = {"Välfärdsteknik", "Welfare technology"};
    k12.title = {"Antal brukare med digitala trygghetslarm", "Users of digital safety alarms"};
    k12.unit = {"personer", "persons"};
    k12.stat = "sum";
    k12.breaks = {};
    k12.years = {2020, 2021};
    k12.breakdowns = {"national", "county", "size_group", "municipality"};
    for (auto* kf : {&k10, &k11, &k12}) {
      for (int y : kf->years)
        for (const auto& cell : kf->cells) {
          add_share(*kf, cell.id, "national", "total", y);
          for (const auto& c : regions.counties()) add_share(*kf, cell.id, "county", c.code, y);
          for (const auto& g : regions.scheme().groups) add_share(*kf, cell.id, "size_group", g.id, y);
          if (kf->id == "K12")
            for (const auto& o : regions.organisations()) add_share(*kf, cell.id, "municipality", o.code, y);
        }
    }
    for (auto& v : d->all) {
      if (v.key.keyfigure == "K11" && v.key.breakdown == "county" && v.key.group == "02" && v.key.cell == "lss")
        v.marker = Marker::NotApplicable;
      if (v.key.keyfigure == "K11" && v.key.breakdown == "county" && v.key.group == "09" && v.key.year == 2021 &&
          v.key.cell == "ordinart") {
        v.marker = Marker::Suppressed;  // a store that forgot to drop the value: the site must
        v.value = kSecretValue;         // still never show it
        v.n = kSecretN;
        v.count = kSecretN;
      }
      if (v.key.keyfigure == "K11" && v.key.breakdown == "national" && v.key.cell == "lss" && v.key.year == 2020) {
        v.marker = Marker::NotAsked;
        v.value.reset();
      }
    }
    d->metas = {k10, k11, k12};
    return d;
  }
};

}  // namespace dp::publish::testing
