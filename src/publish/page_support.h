#pragma once
// What the public pages share: caching of rendered pages for visitors who are not signed in
// (the layout differs for signed-in users), the symbol legend, and the "change since the
// previous year" text.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "publish/charts.h"
#include "publish/site.h"
#include "storage/campaign_store.h"
#include "web/app.h"

namespace dp::publish {

// Keeps only the query parameters a public page reads, with values it would use (?year= of a
// year the key figure has, ?cell= of one of its cells). Anything else, junk parameters or a
// year the page would replace by the latest, would make another cache entry (and another
// language-switch link) for the same answer: a way to defeat the cache and fill it.
void normalise_query(Site& site, web::Request& req);

// Serves a page through the response cache when the visitor is not signed in.
web::Response cached_page(Site& site, const web::Request& req, const std::function<web::Response()>& render);

// Adds "legend" and "has_legend" (markers that occur, in canonical order) to a view model.
void add_legend(nlohmann::json& ctx, const std::vector<Marker>& markers, Lang lang);

// A change at its published precision with its sign: "+3,4", "−1" (a real minus sign), "0" for
// one that rounds to nothing.
std::string signed_number(double d, int decimals, Lang lang);

// The latest two comparable values of a series (national, by year) as a change text: "+4
// procentenheter", "−2,5 %"... or the not-comparable / no-change texts; "" when there is no
// earlier year.
std::string change_text(const KeyFigureMeta& kf, const std::string& cell, const std::vector<Figure>& national,
                        const web::Templates& t, Lang lang);

// A UTC time as people in Sweden read it ("date", "time") with the machine-readable one ("utc").
nlohmann::json publication_time(const std::string& utc);

// The year of a key figure to show: ?year= when it has values then, else the latest.
int chosen_year(const KeyFigureMeta& kf, const web::Request& req);
// The cell to show: ?cell= when it exists, else the first.
std::string chosen_cell(const KeyFigureMeta& kf, const web::Request& req);

// The latest published revision of a campaign; throws dp::Error (NotFound) when none is public.
RevisionInfo published_or_404(Site& site, const std::string& campaign);
// The campaign's title in the language, else its slug.
std::string campaign_title(const storage::Campaign& c, Lang lang);
std::string campaign_title(Site& site, const RevisionInfo& r, Lang lang);

// The view model of a chart figure, with download and embed links when `links`.
nlohmann::json chart_view(const web::Templates& t, const Chart& c, const KeyFigureMeta& kf, const ChartRequest& r,
                          const std::string& base_url, bool links);

}  // namespace dp::publish
