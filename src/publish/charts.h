#pragma once
// The charts of a key figure, built from its published values: the view model, the rendered SVG
// (templates/charts/*.mustache), the one-sentence summary and the data table that stands in for
// the chart. Used by the key-figure page, the SVG/PNG downloads and the embeds, so all of them
// show the same thing.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/ui_text.h"
#include "publish/published_data.h"
#include "publish/site.h"
#include "web/templates.h"

namespace dp::publish {

enum class ChartKind { TimeSeries, Counties, SizeGroups, MapCounties, MapMunicipalities };

// URL slugs: tidsserie, lan, kommungrupp, karta-lan, karta-kommun.
const char* chart_slug(ChartKind k);
std::optional<ChartKind> parse_chart_slug(const std::string& slug);

// The charts a key figure has published values for, in page order.
std::vector<ChartKind> charts_for(const KeyFigureMeta& kf);

struct ChartRequest {
  const KeyFigureMeta* kf = nullptr;
  std::string cell;  // the cell shown in bar charts and maps
  int year = 0;      // the year shown in bar charts and maps
  Lang lang = Lang::sv;
};

struct Chart {
  ChartKind kind;
  std::string slug;
  std::string dom_id;  // unique in a page
  std::string title;
  std::string summary;          // one sentence
  std::string svg;              // standalone-capable SVG markup (rendered from templates/charts/)
  nlohmann::json table;         // view model of templates/partials/data_table.mustache
  std::vector<Marker> markers;  // markers shown, for the legend
};

Chart build_chart(Site& site, const Snapshot& snap, const web::Templates& t, const ChartRequest& r, ChartKind kind);

// A standalone SVG document of a chart: the chart under its title, with the source line below.
std::string standalone_svg(const web::Templates& t, const Chart& c, const std::string& source);

// "{a} rose" with {a} replaced; unknown placeholders are left as they are.
using ui::fill;

// A value as shown in running text and tables: "56 %", "1 234", or the marker symbol.
std::string value_text(const std::optional<double>& v, Marker m, int decimals, bool share, Lang lang);

}  // namespace dp::publish
