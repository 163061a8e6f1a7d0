// YAML -> ReportSpec. See report_spec.h for the model and docs/keyfigure-format.md for the format.
#include "stats/report_load.h"

#include <fmt/format.h>
#include <map>
#include <set>

#include "core/yaml_reader.h"
#include "stats/table_build.h"

namespace dp::stats {
namespace {

using enum DiagnosticCode;

constexpr const char* kTableId = "[A-Za-z0-9][A-Za-z0-9_-]*";
constexpr size_t kMaxIdLength = 80;

class Parser {
 public:
  explicit Parser(yaml::Reader& r) : r_(r) {}

  std::optional<ReportSpec> file(const YAML::Node& root) {
    r_.check_keys(root,
                  {"format", "instrument", "keyfigures", "title", "publisher", "markers", "parts", "tables", "quality",
                   "symbol_sets", "note"},
                  "the report file");
    ReportSpec spec;
    spec.source_file = r_.file();
    if (auto f = r_.str(root, "format", true, "the report file")) {
      spec.format = *f;
      if (*f != "digipuls-report/1")
        r_.error(ReportUnknownFormat, r_.pos(r_.child(root, "format")), "format",
                 fmt::format("unknown format '{}' (expected digipuls-report/1)", *f));
    }
    if (auto s = r_.str(root, "instrument", true, "the report file")) spec.instrument = *s;
    if (auto s = r_.str(root, "keyfigures", true, "the report file")) spec.keyfigures = *s;
    spec.title = r_.label(root, "title", true, "the report");
    spec.publisher = r_.label(root, "publisher", false, "the report");
    markers(r_.child(root, "markers"), spec);
    symbol_sets(r_.child(root, "symbol_sets"), spec);
    YAML::Node parts = r_.child(root, "parts");
    if (parts.IsSequence())
      for (const auto& pn : parts) {
        if (!r_.tick()) break;
        r_.check_keys(pn, {"id", "title", "intro"}, "a part");
        ReportPart p;
        if (auto id = r_.str(pn, "id", true, "a part")) p.id = *id;
        p.title = r_.label(pn, "title", true, "a part");
        p.intro = r_.label(pn, "intro", false, "a part");
        spec.parts.push_back(p);
      }
    YAML::Node tables = r_.child(root, "tables");
    if (!tables.IsDefined() || !tables.IsSequence() || tables.size() == 0) {
      r_.error(ReportMissingKey, r_.pos(root), "tables", "the report file needs a list of 'tables'");
      return spec;
    }
    for (const auto& tn : tables) {
      if (!r_.tick()) break;
      spec.tables.push_back(table(tn));
    }
    YAML::Node q = r_.child(root, "quality");
    if (q.IsSequence())
      for (const auto& qn : q) {
        if (!r_.tick()) break;
        r_.check_keys(qn, {"heading", "text", "level"}, "a quality-declaration section");
        QualitySection s;
        s.heading = r_.label(qn, "heading", true, "a quality-declaration section");
        s.text = r_.label(qn, "text", false, "a quality-declaration section");
        s.level = r_.integer(qn, "level", false, "").value_or(2);
        spec.quality.push_back(s);
      }
    return spec;
  }

 private:
  yaml::Reader& r_;

  void markers(const YAML::Node& n, ReportSpec& spec) {
    if (!n.IsDefined() || n.IsNull()) return;
    if (!n.IsMap()) {
      r_.error(ReportWrongType, r_.pos(n), "markers", "'markers' maps a marker name to {symbol, legend}");
      return;
    }
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!r_.tick() || !it->first.IsScalar()) break;
      auto m = parse_marker(it->first.Scalar());
      if (!m || *m == Marker::None) {
        r_.error(ReportNotAllowedWord, r_.pos(it->first), it->first.Scalar(),
                 fmt::format("unknown marker '{}'", it->first.Scalar()));
        continue;
      }
      r_.check_keys(it->second, {"symbol", "legend"}, "a marker");
      MarkerStyle st;
      if (auto s = r_.str(it->second, "symbol", true, "a marker")) st.symbol = *s;
      st.legend = r_.label(it->second, "legend", true, "a marker");
      spec.markers[*m] = st;
    }
  }

  // {nil: "0", not_asked: "0"}: marker name -> the symbol printed.
  std::map<Marker, std::string> symbol_map(const YAML::Node& n, const std::string& what) {
    std::map<Marker, std::string> out;
    if (!n.IsMap()) {
      r_.error(ReportWrongType, r_.pos(n), what, fmt::format("{} maps a marker name to the symbol printed", what));
      return out;
    }
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!r_.tick() || !it->first.IsScalar()) break;
      auto m = parse_marker(it->first.Scalar());
      if (!m || *m == Marker::None) {
        r_.error(ReportNotAllowedWord, r_.pos(it->first), it->first.Scalar(),
                 fmt::format("unknown marker '{}'", it->first.Scalar()));
        continue;
      }
      if (!it->second.IsScalar()) {
        r_.error(ReportWrongType, r_.pos(it->second), it->first.Scalar(), "a symbol is a short text such as \"0\"");
        continue;
      }
      out[*m] = it->second.Scalar();
    }
    return out;
  }

  // symbol_sets: {profile-id: {markers: {...}, tables: {T1: {...}}}}
  void symbol_sets(const YAML::Node& n, ReportSpec& spec) {
    if (!n.IsDefined() || n.IsNull()) return;
    if (!n.IsMap()) {
      r_.error(ReportWrongType, r_.pos(n), "symbol_sets",
               "'symbol_sets' maps a disclosure profile to {markers, tables}");
      return;
    }
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!r_.tick() || !it->first.IsScalar()) break;
      SymbolSet set;
      set.profile = it->first.Scalar();
      r_.check_keys(it->second, {"markers", "tables"}, "a symbol set");
      YAML::Node m = r_.child(it->second, "markers");
      if (m.IsDefined() && !m.IsNull()) set.symbols = symbol_map(m, "'markers'");
      YAML::Node t = r_.child(it->second, "tables");
      if (t.IsDefined() && !t.IsNull()) {
        if (!t.IsMap()) r_.error(ReportWrongType, r_.pos(t), "tables", "'tables' maps a table id to its symbols");
        else
          for (auto ti = t.begin(); ti != t.end(); ++ti) {
            if (!r_.tick() || !ti->first.IsScalar()) break;
            set.tables[ti->first.Scalar()] = symbol_map(ti->second, "a table's symbols");
            set_table_pos_[ti->first.Scalar()] = r_.pos(ti->first);
          }
      }
      spec.symbol_sets.push_back(std::move(set));
    }
  }

 public:
  std::map<std::string, Pos> set_table_pos_;  // where a symbol set names a table (checked against the tables)

 private:
  std::vector<AxisEntry> axis(const YAML::Node& map, const char* key) {
    std::vector<AxisEntry> out;
    YAML::Node n = r_.child(map, key);
    if (!n.IsDefined() || n.IsNull()) return out;
    if (!n.IsSequence()) {
      r_.error(ReportWrongType, r_.pos(n), key, fmt::format("'{}' must be a list of entries", key));
      return out;
    }
    for (const auto& en : n) {
      if (!r_.tick()) break;
      out.push_back(entry(en));
    }
    return out;
  }

  AxisEntry entry(const YAML::Node& en) {
    AxisEntry e;
    e.pos = r_.pos(en);
    if (!en.IsMap()) {
      r_.error(ReportWrongType, e.pos, "",
               "an axis entry must be a map ({cells: 1}, {cell: x, label: ...}, {groups: size_group} ...)");
      return e;
    }
    r_.check_keys(en,
                  {"keyfigure", "cell", "breakdown", "group", "year", "stat", "decimals", "cells", "only", "except",
                   "groups", "years", "sum_of", "share_of", "heading", "key", "label", "within"},
                  "an axis entry");
    if (auto s = r_.str(en, "keyfigure", false, "")) e.keyfigure = *s;
    if (auto s = r_.str(en, "cell", false, "")) e.cell = *s;
    if (auto s = r_.str(en, "breakdown", false, "")) e.breakdown = *s;
    if (auto s = r_.str(en, "group", false, "")) e.group = *s;
    if (auto y = r_.integer(en, "year", false, "")) e.year = *y;
    if (auto s = r_.str(en, "stat", false, "")) {
      if (*s != "value" && *s != "count" && *s != "n")
        r_.error(ReportNotAllowedWord, r_.pos(r_.child(en, "stat")), *s, "a slot's stat is value, count or n");
      e.stat = *s;
    }
    if (auto d = r_.integer(en, "decimals", false, "")) e.decimals = *d;
    YAML::Node cells = r_.child(en, "cells");
    if (cells.IsDefined() && !cells.IsNull()) {
      int k;
      if (cells.IsScalar() && cells.Scalar() == "all") e.cells_part = -1;
      else if (cells.IsScalar() && YAML::convert<int>::decode(cells, k) && k >= 1 && k <= 8) e.cells_part = k;
      else r_.error(ReportWrongType, r_.pos(cells), "cells", "'cells' is a part level (1, 2, ...) or 'all'");
    }
    e.only = r_.strings(en, "only");
    e.except = r_.strings(en, "except");
    if (auto s = r_.str(en, "groups", false, "")) e.groups = *s;
    YAML::Node ys = r_.child(en, "years");
    if (ys.IsSequence())
      for (const auto& y : ys) {
        int v;
        if (y.IsScalar() && YAML::convert<int>::decode(y, v)) e.years.push_back(v);
        else r_.error(ReportWrongType, r_.pos(y), "years", "'years' is a list of years (or offsets such as -1)");
      }
    YAML::Node so = r_.child(en, "sum_of");
    if (so.IsScalar() && so.Scalar() == "all") e.sum_all = true;
    else e.sum_of = r_.strings(en, "sum_of");
    YAML::Node sh = r_.child(en, "share_of");
    if (sh.IsScalar() && sh.Scalar() == "all") e.share_all = true;
    else e.share_of = r_.strings(en, "share_of");
    if ((e.sum_all || !e.sum_of.empty()) && (e.share_all || !e.share_of.empty()))
      r_.error(ReportStructure, e.pos, "",
               "an entry is either a sum of rounded values (sum_of) or a share from counts (share_of)");
    if (r_.has(en, "heading")) {
      e.heading = true;
      e.label = r_.label(en, "heading", true, "a heading");
    } else {
      e.label = r_.label(en, "label", false, "an axis entry");
    }
    if (auto s = r_.str(en, "key", false, "")) e.key = *s;
    e.within = axis(en, "within");
    int expansions = (e.cells_part != 0) + !e.groups.empty() + !e.years.empty();
    if (expansions > 1) r_.error(ReportStructure, e.pos, "", "an entry expands over one thing: cells, groups or years");
    return e;
  }

  TableSpec table(const YAML::Node& tn) {
    TableSpec t;
    t.pos = r_.pos(tn);
    r_.check_keys(tn,
                  {"id", "part", "number", "title", "notes", "source", "row_heading", "keyfigure", "cell_id", "stat",
                   "breakdown", "group", "year", "decimals", "rows", "columns", "panels", "note"},
                  "a table");
    if (auto id = r_.str(tn, "id", true, "a table")) {
      t.id = *id;
      if (!r_.id_ok(t.id, kTableId, kMaxIdLength))
        r_.error(ReportBadId, r_.pos(r_.child(tn, "id")), t.id,
                 fmt::format("table id '{}' must match {}", t.id, kTableId));
    }
    std::string what = fmt::format("table {}", t.id);
    if (auto s = r_.str(tn, "part", false, "")) t.part = *s;
    t.number = r_.label(tn, "number", true, what);
    t.title = r_.label(tn, "title", true, what);
    YAML::Node notes = r_.child(tn, "notes");
    if (notes.IsSequence())
      for (const auto& nn : notes) {
        if (!r_.tick()) break;
        YAML::Node holder(YAML::NodeType::Map);
        holder["note"] = YAML::Node(nn);
        t.notes.push_back(r_.label(holder, "note", false, what));
      }
    t.source = r_.label(tn, "source", false, what);
    t.row_heading = r_.label(tn, "row_heading", false, what);
    if (auto s = r_.str(tn, "keyfigure", false, "")) t.keyfigure = *s;
    if (auto s = r_.str(tn, "cell_id", false, "")) t.cell_id = *s;
    if (auto s = r_.str(tn, "stat", false, "")) t.stat = *s;
    if (auto s = r_.str(tn, "breakdown", false, "")) t.breakdown = *s;
    if (auto s = r_.str(tn, "group", false, "")) t.group = *s;
    if (auto y = r_.integer(tn, "year", false, "")) t.year = *y;
    if (auto d = r_.integer(tn, "decimals", false, "")) t.decimals = *d;
    t.rows = axis(tn, "rows");
    t.columns = axis(tn, "columns");
    t.panels = axis(tn, "panels");
    if (t.rows.empty()) r_.error(ReportMissingKey, t.pos, "rows", fmt::format("{} needs 'rows'", what));
    if (t.columns.empty()) r_.error(ReportMissingKey, t.pos, "columns", fmt::format("{} needs 'columns'", what));
    return t;
  }
};

// Resolves every table against the key figures with placeholder groups and figures, and reports
// what does not resolve.
void check(ReportSpec& spec, const KeyFigureSet& kfs, yaml::Reader& r, const std::map<std::string, Pos>& set_tables) {
  for (const auto& [id, pos] : set_tables)
    if (!spec.table(id)) r.error(ReportUnknownReference, pos, id, fmt::format("symbol set: unknown table '{}'", id));
  std::set<std::string> ids, parts;
  for (const auto& p : spec.parts)
    if (!parts.insert(p.id).second)
      r.error(ReportDuplicateId, {}, p.id, fmt::format("part '{}' is declared twice", p.id));
  BuildContext ctx;
  ctx.keyfigures = &kfs;
  ctx.year = 2000;
  ctx.lookup = [](const std::string&, const std::string&, const std::string&, const std::string&, int) {
    Figure none;
    none.marker = Marker::NotAvailable;
    return none;
  };
  ctx.groups = [](const std::string& b) { return std::vector<Group>{{"g", I18n{b, b}}}; };
  for (const auto& t : spec.tables) {
    if (!ids.insert(t.id).second)
      r.error(ReportDuplicateId, t.pos, t.id, fmt::format("table '{}' is declared twice", t.id));
    if (!t.part.empty() && !parts.empty() && !parts.count(t.part))
      r.error(ReportUnknownReference, t.pos, t.part, fmt::format("table {}: unknown part '{}'", t.id, t.part));
    if (t.stat != "value" && t.stat != "count" && t.stat != "n")
      r.error(ReportNotAllowedWord, t.pos, t.stat, fmt::format("table {}: stat is value, count or n", t.id));
    auto built = build_table(t, ctx);
    for (const auto& p : built.problems) r.error(ReportUnresolved, t.pos, t.id, p);
  }
}

}  // namespace

std::string report_instrument(std::string_view text, const std::string& file) {
  YAML::Node root = yaml::parse_or_throw(text, file);
  YAML::Node n = root.IsMap() ? root["instrument"] : YAML::Node();
  return n.IsScalar() ? n.Scalar() : "";
}

ReportLoad load_report(std::string_view text, const std::string& file, const KeyFigureSet* keyfigures) {
  ReportLoad res;
  yaml::Reader r(file, kReportCodes, res.diagnostics);
  auto root = r.load(text);
  if (!root) return res;
  std::optional<ReportSpec> spec;
  Parser parser(r);
  if (!r.guard([&] { spec = parser.file(*root); }) || !spec) return res;
  if (keyfigures && !has_errors(res.diagnostics)) check(*spec, *keyfigures, r, parser.set_table_pos_);
  if (!has_errors(res.diagnostics)) res.spec = std::move(spec);
  return res;
}

ReportSpec load_report_or_throw(std::string_view text, const std::string& file, const KeyFigureSet* keyfigures) {
  auto res = load_report(text, file, keyfigures);
  throw_if_errors(res.diagnostics, "invalid report file:", file, 50);
  if (!res.spec) throw Error::bad_input("invalid report file", Location{file, 0, 0, {}});
  return std::move(*res.spec);
}

}  // namespace dp::stats
