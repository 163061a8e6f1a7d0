#pragma once
// Instrument versions over the years (docs/instrument-format.md, "The yearly cycle"): lineage
// checked against the previous version, the next version written from the last one, and what
// changed between two versions. Pure: the caller finds and reads the files.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "instrument/model.h"

namespace dp::instrument {

// Every `continues` of `in` that names `previous` (directly or through `previous:`) checked
// against it: the id must exist there, a changed item type and previous options no option of `in`
// continues are errors unless the link says `comparability: changed` (a stated series break), and
// an option mapping must name real options on both sides. Positions are `in`'s.
void check_lineage(const Instrument& in, const Instrument& previous, Diagnostics& diags);

// The next version's YAML, written from `text` (a valid instrument): id `<family>-<year>`,
// `previous` the source's id, year and a four-digit `reference_period` moved by the difference in
// years, and every question continuing its namesake with `comparability: same` (rows follow their
// question; the source's own lineage links are replaced). Throws dp::Error (BadInput) when `text`
// is not a valid instrument or `year` is not after its year.
struct NextVersion {
  std::string id;
  std::string yaml;
  std::vector<std::string> notes;  // labels that still name the source's years, for the analyst to review
};
NextVersion next_version(std::string_view text, const std::string& file, int year);

// What changed from `a` to `b`, item by item, in `b`'s order (dropped items after the others). An
// item of `b` is compared with the item it continues (its `continues` link, else the item of the
// same id), so a renamed question is reworded, not dropped and added.
struct Change {
  enum class Kind { Added, Dropped, Reworded, HelpChanged, TypeChanged, OptionsChanged, RowsChanged, RoutingChanged };
  Kind kind = Kind::Added;
  std::string item;  // the key in b ("q03", "q08.barn_unga"); in a for a dropped item
  std::string was;   // the key in a when it differs (a continued, renamed item)
  std::string detail;
};
const char* kind_name(Change::Kind k);
std::vector<Change> diff(const Instrument& a, const Instrument& b);

// An erratum: a correction of a stored version's wording that keeps every answer valid. Only
// texts may change (title, description, labels, help texts, units, notes, check messages); any
// other difference (ids, types, options, rows, routing, checks, lineage, limits) is refused with
// an error naming the field ("q03.options", "q08.rows.ifo.show_if"). Returns the texts changed.
struct TextChange {
  std::string where;  // "title", "q03.label", "q03.options.ja.label", "q08.rows.ifo.help"
  I18n before, after;
};
std::vector<TextChange> erratum_changes(const Instrument& stored, const Instrument& corrected, Diagnostics& diags);

}  // namespace dp::instrument
