#pragma once
// What the public side reads: published key figures and their values. Pages and the API see
// only this interface; its implementation over the statistics store (published_store.cpp)
// applies the publication rules (published campaigns and the imported history only) and never
// hands out a number for a cell whose marker hides it. Tests use an in-memory implementation.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/figure.h"
#include "core/text.h"

namespace dp::publish {

struct CellMeta {
  std::string id;  // "" for a key figure with a single unnamed cell
  I18n label;
  int decimals = 0;
};

struct BreakMeta {
  int year = 0;                    // values before `year` are not comparable with it and later
  std::vector<std::string> cells;  // empty = every cell
  I18n note;
};

// Where a year's values come from (lineage): a campaign's microdata or a published table.
struct OriginMeta {
  int year = 0;
  std::string kind;        // "campaign" | "history"
  std::string ref;         // campaign slug, or «Socialstyrelsen 2021, Tabell 21»
  std::string instrument;  // instrument version, for campaigns
};

struct KeyFigureMeta {
  std::string id;  // "K02"
  std::string theme;
  I18n theme_label;
  I18n title;
  I18n definition;
  I18n unit;  // «procent», «kommuner»
  I18n note;
  std::string stat;    // share | count | sum | mean | median | ...
  std::string source;  // survey | register | external
  I18n source_label;
  int decimals = 0;
  std::vector<CellMeta> cells;
  std::vector<BreakMeta> breaks;
  std::vector<int> years;               // years with published values, ascending
  std::vector<std::string> breakdowns;  // with published values: national, county, size_group, municipality, ...
  std::vector<OriginMeta> origins;
  // Years with a panel comparison (docs/statistics.md, "Panels on the site and in the API"): the
  // year and the earlier year it is compared with, ascending.
  std::vector<std::pair<int, int>> panels;

  bool is_share() const {
    return stat == "share" || stat == "pooled_share" || stat.find("ratios") != std::string::npos;
  }
  // A share of organisations, whose numerator (the number of municipalities) is published beside
  // it; a pooled share counts answers and a ratio has no single numerator.
  bool has_count() const { return stat == "share"; }
  // Whether panel comparisons are published: for shares and counts of organisations.
  bool has_panel() const { return !panels.empty() && (stat == "share" || stat == "count"); }
  const CellMeta* cell(const std::string& cell_id) const;
};

struct ValueQuery {
  std::string keyfigure;                // required
  std::vector<std::string> cells;       // empty = all
  std::vector<std::string> breakdowns;  // empty = all
  std::vector<std::string> groups;      // empty = all (matched within any breakdown)
  std::vector<int> years;               // empty = all
};

// A publication the analyst has scheduled (docs/statistics.md, "Publication calendar"): what and
// when, never any of its figures.
struct Announcement {
  std::string campaign;  // slug
  I18n title;
  int year = 0;
  std::string at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

// One published figure whose value a later revision changed: as each revision published it
// (disclosed: a hidden value is absent and its marker says why).
struct RevisedFigure {
  FigureKey key;
  FigureValue before;
  FigureValue after;
};

// A published revision of a campaign, oldest first; `changes` compares it with the revision
// published before it (empty for the first publication), restricted to one key figure where
// asked for one.
struct RevisionInfo {
  std::string campaign;
  int year = 0;
  int revision = 0;
  std::string published_at;
  std::string note;
  std::vector<RevisedFigure> changes;
};

// A key figure's cell in a group over the organisations in its base both in `key.year` and in
// `previous` (the panel), as published: where the comparison is withheld (Suppressed) or not
// possible (NotAsked: not asked one of the years; NotAvailable: nobody in the panel) there are no
// numbers. `before` and `now` are the cell's value over the panel each year: a share in percent,
// or a count.
struct PanelValue {
  FigureKey key;
  int previous = 0;
  std::optional<int64_t> n;  // the panel n
  std::optional<double> before;
  std::optional<double> now;
  Marker marker = Marker::None;
  int decimals = 0;

  std::optional<double> change() const {
    if (!before || !now) return std::nullopt;
    return *now - *before;
  }
};

class PublishedData {
 public:
  virtual ~PublishedData() = default;
  // Changes whenever anything published changes (publication, a new revision, imported
  // history); caches key on it. Cheap to call.
  virtual std::string revision() = 0;
  // ISO 8601 time of the last publication.
  virtual std::string updated() = 0;
  // Every key figure with published values, in declaration order.
  virtual std::vector<KeyFigureMeta> keyfigures() = 0;
  virtual std::optional<KeyFigureMeta> keyfigure(const std::string& id);
  virtual std::vector<Figure> values(const ValueQuery& q) = 0;
  // Labels of breakdowns other than the built-in ones (registry attributes), by breakdown id.
  virtual std::map<std::string, I18n> breakdown_labels() { return {}; }
  // Panel comparisons of the key figure (published_panel.h), filtered as values(); computed from
  // the answers on first use, so the first call after a publication may take a while.
  virtual std::vector<PanelValue> panel(const ValueQuery& /*q*/) { return {}; }
  // Scheduled publications, soonest first.
  virtual std::vector<Announcement> upcoming() { return {}; }
  // The published revisions of every campaign with values of the key figure ("" = every
  // campaign), with the changes to that key figure's figures.
  virtual std::vector<RevisionInfo> revisions(const std::string& /*keyfigure*/) { return {}; }
  // The moment "published" refers to (UTC); injectable, so that tests move it instead of waiting.
  virtual std::string now();
};

// Whether a reader sees a different figure: the marker, or the value at its published precision.
bool differs_as_published(const FigureValue& a, const FigureValue& b);

// The value a reader may see: clears value and count where the marker hides the value, and n of
// suppressed cells. Every implementation passes its values through this.
Figure disclosed(Figure v);

}  // namespace dp::publish
