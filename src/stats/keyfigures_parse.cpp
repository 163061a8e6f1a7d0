// YAML -> KeyFigureSet: structure, keys, types and the expansion of shorthands. References are
// checked in keyfigures_validate.cpp.
#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "core/yaml_reader.h"
#include "instrument/condition_yaml.h"
#include "stats/keyfigures_load.h"
#include "stats/keyfigures_validate.h"

namespace dp::stats {
namespace {

using enum DiagnosticCode;

using instrument::Instrument;
using instrument::Question;
using instrument::Type;

constexpr const char* kKeyFigureId = "[A-Z][A-Za-z0-9_]*";
constexpr const char* kCellId = "[a-z0-9_]+(\\.[a-z0-9_]+)*";
constexpr const char* kPartId = "[a-z0-9_]+";
constexpr size_t kMaxIdLength = 80;

// A question as the union of its versions in the family: rows and options in first-seen order.
struct QuestionUnion {
  const Question* first = nullptr;
  struct RowInfo {
    std::string id;
    I18n label;
    std::vector<std::string> offered;  // empty = all options
  };
  std::vector<RowInfo> rows;
  std::vector<const instrument::Option*> options;
  std::vector<std::string> import_only;
};

std::string code_test(const std::string& item, Type cell, const std::vector<std::string>& codes) {
  std::string s;
  if (cell == Type::Multi) {
    for (size_t i = 0; i < codes.size(); ++i) s += (i ? " or " : "") + fmt::format("{} has '{}'", item, codes[i]);
    return codes.size() > 1 ? "(" + s + ")" : s;
  }
  if (codes.size() == 1) return fmt::format("{} == '{}'", item, codes[0]);
  for (size_t i = 0; i < codes.size(); ++i) s += (i ? ", " : "") + fmt::format("'{}'", codes[i]);
  return fmt::format("{} in [{}]", item, s);
}

I18n join_labels(const std::vector<CellPart>& parts) {
  I18n out;
  for (const auto& p : parts) {
    out.sv += (out.sv.empty() ? "" : " – ") + p.label.sv;
    out.en += (out.en.empty() ? "" : " – ") + p.label.get(Lang::en);
  }
  return out;
}

class Parser {
 public:
  Parser(yaml::Reader& r, const std::vector<const Instrument*>& ins) : r_(r), ins_(ins) {}

  std::optional<KeyFigureSet> file(const YAML::Node& root) {
    r_.check_keys(root, {"format", "family", "instruments", "themes", "history_markers", "keyfigures", "note"},
                  "the key-figure file");
    KeyFigureSet set;
    set.source_file = r_.file();
    if (auto f = r_.str(root, "format", true, "the key-figure file")) {
      set.format = *f;
      if (*f != "digipuls-keyfigures/1")
        r_.error(KeyFiguresUnknownFormat, r_.pos(r_.child(root, "format")), "format",
                 fmt::format("unknown format '{}' (expected digipuls-keyfigures/1)", *f));
    }
    if (auto f = r_.str(root, "family", true, "the key-figure file")) set.family = *f;
    set.instruments = r_.strings(root, "instruments");
    if (set.instruments.empty())
      r_.error(KeyFiguresMissingKey, r_.pos(root), "instruments",
               "the key-figure file needs 'instruments': the versions it is written for");
    for (const auto& id : set.instruments) {
      const Instrument* found = nullptr;
      for (const auto* in : ins_)
        if (in && in->id == id) found = in;
      if (!found) {
        r_.error(KeyFiguresInstrument, r_.pos(r_.child(root, "instruments")), id,
                 fmt::format("instrument '{}' is not available (load it before the key figures)", id));
        continue;
      }
      if (!set.family.empty() && found->family != set.family)
        r_.error(KeyFiguresInstrument, r_.pos(r_.child(root, "instruments")), id,
                 fmt::format("instrument '{}' belongs to family '{}', not '{}'", id, found->family, set.family));
      family_.push_back(found);
    }
    themes(root, set);
    set.history_markers = markers(r_.child(root, "history_markers"), "history_markers");
    YAML::Node kfs = r_.child(root, "keyfigures");
    if (!kfs.IsDefined() || !kfs.IsSequence() || kfs.size() == 0) {
      r_.error(KeyFiguresMissingKey, r_.pos(root), "keyfigures", "the key-figure file needs a list of 'keyfigures'");
      return set;
    }
    for (const auto& kn : kfs) {
      if (!r_.tick()) break;
      if (auto kf = keyfigure(kn)) set.keyfigures.push_back(std::move(*kf));
    }
    return set;
  }

 private:
  yaml::Reader& r_;
  const std::vector<const Instrument*>& ins_;
  std::vector<const Instrument*> family_;

  Condition condition(const YAML::Node& map, const char* key) {
    return instrument::read_condition(r_, map, key, KeyFiguresConditionSyntax);
  }
  // A condition the parser writes for a shorthand (an expanded option, a pooled code list).
  Condition condition_text(const std::string& text, Pos at) {
    return instrument::condition_at(r_, text, at, KeyFiguresConditionSyntax);
  }

  void themes(const YAML::Node& root, KeyFigureSet& set) {
    YAML::Node n = r_.child(root, "themes");
    if (!n.IsDefined() || n.IsNull()) return;
    if (!n.IsSequence()) {
      r_.error(KeyFiguresWrongType, r_.pos(n), "themes", "'themes' must be a list of {id, label}");
      return;
    }
    for (const auto& t : n) {
      if (!r_.tick()) break;
      r_.check_keys(t, {"id", "label"}, "a theme");
      Theme th;
      if (auto id = r_.str(t, "id", true, "a theme")) th.id = *id;
      th.label = r_.label(t, "label", true, "a theme");
      set.themes.push_back(th);
    }
  }

  std::map<std::string, Marker> markers(const YAML::Node& n, const char* key) {
    std::map<std::string, Marker> out;
    if (!n.IsDefined() || n.IsNull()) return out;
    if (!n.IsMap()) {
      r_.error(KeyFiguresWrongType, r_.pos(n), key, fmt::format("'{}' must map printed symbols to marker names", key));
      return out;
    }
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!r_.tick()) break;
      if (!it->first.IsScalar() || !it->second.IsScalar()) {
        r_.error(KeyFiguresWrongType, r_.pos(it->first), key, "a marker mapping is 'symbol: marker_name'");
        continue;
      }
      auto m = parse_marker(it->second.Scalar());
      if (!m || *m == Marker::None) {
        r_.error(KeyFiguresNotAllowedWord, r_.pos(it->second), it->second.Scalar(),
                 fmt::format(
                     "unknown marker '{}' (nil, rounds_to_zero, not_applicable, not_asked, not_available, suppressed)",
                     it->second.Scalar()));
        continue;
      }
      out[it->first.Scalar()] = *m;
    }
    return out;
  }

  std::optional<Base> base(const YAML::Node& map, std::optional<Base> inherited) {
    Base b = inherited.value_or(Base{});
    if (auto s = r_.str(map, "base", false, "")) {
      if (*s == "respondents") b.kind = BaseKind::Respondents;
      else if (*s == "answered") b.kind = BaseKind::Answered;
      else if (*s == "scope") b.kind = BaseKind::Scope;
      else
        r_.error(KeyFiguresNotAllowedWord, r_.pos(r_.child(map, "base")), *s,
                 fmt::format("unknown base '{}' (respondents, answered or scope; restrict it with 'where')", *s));
    }
    if (r_.has(map, "where")) b.where = condition(map, "where");
    return b;
  }

  std::optional<QuestionUnion> question(const std::string& qid, Pos at) {
    QuestionUnion u;
    for (const auto* in : family_) {
      const Question* q = in->question(qid);
      if (!q) continue;
      if (!u.first) u.first = q;
      for (const auto& row : q->rows) {
        bool seen = false;
        for (const auto& x : u.rows) seen = seen || x.id == row.id;
        if (!seen) u.rows.push_back({row.id, row.label, row.options});
      }
      for (const auto& o : q->options) {
        // Import-only answers («annat svar») are in the base, in no expanded category.
        if (o.import_only) {
          if (std::find(u.import_only.begin(), u.import_only.end(), o.id) == u.import_only.end())
            u.import_only.push_back(o.id);
          continue;
        }
        bool seen = false;
        for (const auto* x : u.options) seen = seen || x->id == o.id;
        if (!seen) u.options.push_back(&o);
      }
    }
    if (!u.first) {
      r_.error(KeyFiguresUnknownReference, at, qid,
               fmt::format("unknown question '{}' (not in {})", qid, instruments_text()));
      return std::nullopt;
    }
    return u;
  }

  std::string instruments_text() const {
    std::string s;
    for (const auto* in : family_) s += (s.empty() ? "" : ", ") + in->id;
    return s.empty() ? "any instrument" : s;
  }

  // The item keys a `pooled` or `ratios` entry names: "q01.*" (every row), "q01" (the question,
  // or every row of a matrix), "q01.ifo" (one row).
  std::vector<std::pair<std::string, Type>> item_keys(const std::string& spec, Pos at) {
    std::vector<std::pair<std::string, Type>> out;
    auto dot = spec.find('.');
    std::string qid = spec.substr(0, dot);
    auto u = question(qid, at);
    if (!u) return out;
    if (!u->first->is_matrix()) {
      if (dot != std::string::npos)
        r_.error(KeyFiguresUnknownReference, at, spec, fmt::format("'{}' is not a matrix question", qid));
      out.emplace_back(qid, u->first->cell);
      return out;
    }
    std::string rid = dot == std::string::npos ? "*" : spec.substr(dot + 1);
    for (const auto& row : u->rows)
      if (rid == "*" || rid == row.id) out.emplace_back(qid + "." + row.id, u->first->cell);
    if (out.empty())
      r_.error(KeyFiguresUnknownReference, at, spec, fmt::format("question '{}' has no row '{}'", qid, rid));
    return out;
  }

  std::vector<std::string> codes(const YAML::Node& map, const char* key) { return r_.strings(map, key); }

  // `labels: {vft: {sv: ...}}`: labels of the literal pieces of an id template.
  std::map<std::string, I18n> part_labels(const YAML::Node& en) {
    std::map<std::string, I18n> out;
    YAML::Node ln = r_.child(en, "labels");
    if (!ln.IsDefined() || ln.IsNull()) return out;
    if (!ln.IsMap()) {
      r_.error(KeyFiguresWrongType, r_.pos(ln), "labels", "'labels' maps a literal id piece to its label");
      return out;
    }
    for (auto it = ln.begin(); it != ln.end(); ++it) {
      if (!r_.tick() || !it->first.IsScalar()) break;
      out[it->first.Scalar()] = r_.label(ln, it->first.Scalar().c_str(), true, "a piece label");
    }
    return out;
  }

  void expand(const YAML::Node& en, const KeyFigure& kf, std::vector<Cell>& out) {
    r_.check_keys(en, {"expand", "rows", "options", "id", "labels", "base", "where", "stat", "combine", "decimals"},
                  "an 'expand' entry");
    Pos at = r_.pos(en);
    auto qid = r_.str(en, "expand", true, "an 'expand' entry");
    if (!qid) return;
    auto u = question(*qid, r_.pos(r_.child(en, "expand")));
    if (!u) return;
    const Question& q = *u->first;
    Stat stat = kf.stat;
    if (auto s = r_.str(en, "stat", false, "")) {
      if (auto st = parse_stat(*s)) stat = *st;
      else r_.error(KeyFiguresNotAllowedWord, r_.pos(r_.child(en, "stat")), *s, fmt::format("unknown stat '{}'", *s));
    }
    auto b = base(en, kf.base);
    int decimals = r_.integer(en, "decimals", false, "").value_or(kf.decimals);
    bool numeric = q.cell == Type::Number || q.cell == Type::Percent;
    if (!numeric && !q.has_codes()) {
      r_.error(KeyFiguresStructure, at, *qid, fmt::format("'{}' has neither options nor numbers to expand", *qid));
      return;
    }
    if (numeric != is_numeric_stat(stat)) {
      r_.error(KeyFiguresStructure, at, *qid,
               numeric
                   ? fmt::format("'{}' is numeric: expand it with a numeric stat (sum, mean, median, min, max)", *qid)
                   : fmt::format("'{}' has options: a numeric stat cannot count them", *qid));
      return;
    }
    std::vector<std::string> want_rows = r_.strings(en, "rows"), want_opts = codes(en, "options");
    for (const auto& w : want_rows) {
      bool ok = false;
      for (const auto& row : u->rows) ok = ok || row.id == w;
      if (!ok)
        r_.error(KeyFiguresUnknownReference, r_.pos(r_.child(en, "rows")), w,
                 fmt::format("question '{}' has no row '{}'", *qid, w));
    }
    for (const auto& w : want_opts) {
      bool ok = false;
      for (const auto* o : u->options) ok = ok || o->id == w;
      if (!ok)
        r_.error(KeyFiguresUnknownOption, r_.pos(r_.child(en, "options")), w,
                 fmt::format("question '{}' has no option '{}'", *qid, w));
    }
    std::vector<const instrument::Option*> opts;
    for (const auto* o : u->options)
      if (want_opts.empty() || std::count(want_opts.begin(), want_opts.end(), o->id)) opts.push_back(o);
    std::string tmpl;
    if (auto t = r_.str(en, "id", false, "")) tmpl = *t;
    else if (numeric) tmpl = q.is_matrix() ? "{row}" : "{question}";
    else if (q.is_matrix()) tmpl = opts.size() == 1 ? "{row}" : "{row}.{option}";
    else tmpl = "{option}";

    struct RowRef {
      std::string id;
      I18n label;
      std::vector<std::string> offered;
    };
    std::vector<RowRef> rows;
    if (q.is_matrix()) {
      for (const auto& row : u->rows)
        if (want_rows.empty() || std::count(want_rows.begin(), want_rows.end(), row.id))
          rows.push_back({row.id, row.label, row.offered});
    } else {
      rows.push_back({"", {}, {}});
    }
    std::map<std::string, I18n> literal_labels = part_labels(en);
    auto make = [&](const RowRef& row, const std::string& part_id, const I18n& part_label) {
      Cell c;
      c.pos = at;
      c.stat = stat;
      c.base = *b;
      c.decimals = decimals;
      std::string item = row.id.empty() ? q.id : q.id + "." + row.id;
      // Each piece of the id template is one part: {row}, {option}, {question} or a literal.
      for (const auto& piece : split(tmpl, '.')) {
        if (piece == "{row}") c.parts.push_back({row.id, row.label});
        else if (piece == "{option}") c.parts.push_back({part_id, part_label});
        else if (piece == "{question}") c.parts.push_back({q.id, q.label});
        else {
          auto lit = literal_labels.find(piece);
          c.parts.push_back({piece, lit != literal_labels.end() ? lit->second : I18n{piece, piece}});
        }
      }
      for (const auto& p : c.parts) c.id += (c.id.empty() ? "" : ".") + p.id;
      c.label = join_labels(c.parts);
      return std::pair{c, item};
    };
    if (numeric) {
      for (const auto& row : rows) {
        auto [c, item] = make(row, "", {});
        c.value = item;
        out.push_back(std::move(c));
      }
      return;
    }
    for (const auto& row : rows) {
      for (const auto* o : opts) {
        auto [c, item] = make(row, o->id, o->label);
        c.applicable = row.offered.empty() || std::count(row.offered.begin(), row.offered.end(), o->id);
        c.count = condition_text(code_test(item, q.cell, {o->id}), at);
        if (q.cell != Type::Multi) {
          c.exclusive_item = item;
          c.options = {o->id};
          c.offered = (row.offered.empty() ? u->options.size() : row.offered.size()) + u->import_only.size();
        }
        out.push_back(std::move(c));
      }
      combine(en, q, row.id, row.label, tmpl, *b, stat, decimals, out);
    }
  }

  void combine(const YAML::Node& en, const Question& q, const std::string& row_id, const I18n& row_label,
               const std::string& tmpl, const Base& b, Stat stat, int decimals, std::vector<Cell>& out) {
    YAML::Node cn = r_.child(en, "combine");
    if (!cn.IsDefined() || cn.IsNull()) return;
    if (!cn.IsSequence()) {
      r_.error(KeyFiguresWrongType, r_.pos(cn), "combine", "'combine' must be a list of {id, options, label}");
      return;
    }
    for (const auto& c : cn) {
      if (!r_.tick()) break;
      r_.check_keys(c, {"id", "options", "label"}, "a 'combine' entry");
      auto id = r_.str(c, "id", true, "a 'combine' entry");
      auto opts = codes(c, "options");
      I18n label = r_.label(c, "label", true, "a 'combine' entry");
      if (!id || opts.empty()) {
        if (id) r_.error(KeyFiguresMissingKey, r_.pos(c), "options", "a 'combine' entry needs 'options'");
        continue;
      }
      for (const auto& o : opts)
        if (!q.option(o))
          r_.error(KeyFiguresUnknownOption, r_.pos(c), o, fmt::format("question '{}' has no option '{}'", q.id, o));
      std::string item = row_id.empty() ? q.id : q.id + "." + row_id;
      Cell cell;
      cell.pos = r_.pos(c);
      cell.stat = stat;
      cell.base = b;
      cell.decimals = decimals;
      for (const auto& piece : split(tmpl, '.')) {
        if (piece == "{row}") cell.parts.push_back({row_id, row_label});
        else if (piece == "{option}") cell.parts.push_back({*id, label});
        else cell.parts.push_back({piece, I18n{piece, piece}});
      }
      for (const auto& p : cell.parts) cell.id += (cell.id.empty() ? "" : ".") + p.id;
      cell.label = join_labels(cell.parts);
      cell.count = condition_text(code_test(item, q.cell, opts), cell.pos);
      if (q.cell != Type::Multi) {
        cell.exclusive_item = item;
        cell.options = opts;
      }
      out.push_back(std::move(cell));
    }
  }

  void terms(const YAML::Node& cn, Cell& c) {
    YAML::Node pn = r_.child(cn, "pooled");
    if (pn.IsDefined() && !pn.IsNull()) {
      if (!pn.IsSequence()) {
        r_.error(KeyFiguresWrongType, r_.pos(pn), "pooled", "'pooled' must be a list of {items, codes}");
        return;
      }
      for (const auto& e : pn) {
        if (!r_.tick()) break;
        r_.check_keys(e, {"items", "codes"}, "a 'pooled' entry");
        auto spec = r_.str(e, "items", true, "a 'pooled' entry");
        auto cs = codes(e, "codes");
        if (!spec) continue;
        if (cs.empty())
          r_.error(KeyFiguresMissingKey, r_.pos(e), "codes", "a 'pooled' entry needs the positive 'codes'");
        for (const auto& [key, type] : item_keys(*spec, r_.pos(e))) {
          Term t;
          t.count = condition_text(code_test(key, type, cs), r_.pos(e));
          t.base = condition_text(fmt::format("answered({})", key), r_.pos(e));
          c.terms.push_back(std::move(t));
        }
      }
    }
    YAML::Node rn = r_.child(cn, "ratios");
    if (rn.IsDefined() && !rn.IsNull()) {
      r_.check_keys(rn, {"items", "num", "den"}, "'ratios'");
      auto spec = r_.str(rn, "items", true, "'ratios'");
      auto num = codes(rn, "num"), den = codes(rn, "den");
      if (num.empty() || den.empty())
        r_.error(KeyFiguresMissingKey, r_.pos(rn), "num", "'ratios' needs 'num' and 'den' option lists");
      if (spec && !num.empty() && !den.empty())
        for (const auto& [key, type] : item_keys(*spec, r_.pos(rn))) {
          Term t;
          t.count = condition_text(code_test(key, type, num), r_.pos(rn));
          t.base = condition_text(code_test(key, type, den), r_.pos(rn));
          c.terms.push_back(std::move(t));
        }
    }
  }

  // An explicit cell labels only its whole id («avvikelselarm.pilot»: «Avvikelselarm»). A table
  // that lays cells out by part needs each part's label: a part takes the label it has in the
  // key figure's other cells at the same level (the expansion's «pilot»), else the cell's own.
  static void label_parts(std::vector<Cell>& cells) {
    for (auto& c : cells)
      for (size_t i = 0; i < c.parts.size(); ++i) {
        if (!c.parts[i].label.empty()) continue;
        for (const auto& o : cells)
          if (o.parts.size() > i && o.parts[i].id == c.parts[i].id && !o.parts[i].label.empty()) {
            c.parts[i].label = o.parts[i].label;
            break;
          }
        if (c.parts[i].label.empty()) c.parts[i].label = c.label;
      }
  }

  void explicit_cell(const YAML::Node& cn, const KeyFigure& kf, std::vector<Cell>& out) {
    r_.check_keys(cn,
                  {"id", "label", "count", "base", "where", "value", "stat", "pooled", "ratios", "asked", "applicable",
                   "external", "decimals"},
                  "a cell");
    Cell c;
    c.pos = r_.pos(cn);
    auto id = r_.str(cn, "id", true, "a cell");
    if (!id) return;
    c.id = *id;
    if (!r_.id_ok(c.id, kCellId, kMaxIdLength))
      r_.error(KeyFiguresBadId, r_.pos(r_.child(cn, "id")), c.id,
               fmt::format("cell id '{}' must match {}", c.id, kCellId));
    c.label = r_.label(cn, "label", true, fmt::format("cell '{}'", c.id));
    auto parts = split(c.id, '.');
    for (size_t i = 0; i < parts.size(); ++i) c.parts.push_back({parts[i], i + 1 == parts.size() ? c.label : I18n{}});
    c.stat = kf.stat;
    if (auto s = r_.str(cn, "stat", false, "")) {
      if (auto st = parse_stat(*s)) c.stat = *st;
      else r_.error(KeyFiguresNotAllowedWord, r_.pos(r_.child(cn, "stat")), *s, fmt::format("unknown stat '{}'", *s));
    }
    c.base = *base(cn, kf.base);
    c.decimals = r_.integer(cn, "decimals", false, "").value_or(kf.decimals);
    c.asked = r_.boolean(cn, "asked").value_or(true);
    c.applicable = r_.boolean(cn, "applicable").value_or(true);
    c.external = r_.boolean(cn, "external").value_or(kf.source == "external");
    c.count = condition(cn, "count");
    if (auto v = r_.str(cn, "value", false, "")) c.value = *v;
    terms(cn, c);
    if (c.asked && c.applicable && !c.external) {
      bool counting = c.stat == Stat::Share || c.stat == Stat::Count;
      if (counting && !c.count.expr && !r_.has(cn, "count"))
        r_.error(KeyFiguresStructure, c.pos, c.id,
                 fmt::format("cell '{}' ({}) needs 'count': the condition it counts", c.id, stat_name(c.stat)));
      if (is_numeric_stat(c.stat) && c.value.empty())
        r_.error(KeyFiguresStructure, c.pos, c.id,
                 fmt::format("cell '{}' ({}) needs 'value': a numeric item", c.id, stat_name(c.stat)));
      if (is_term_stat(c.stat) && c.terms.empty())
        r_.error(KeyFiguresStructure, c.pos, c.id,
                 fmt::format("cell '{}' ({}) needs 'pooled' or 'ratios'", c.id, stat_name(c.stat)));
      if (!is_numeric_stat(c.stat) && !c.value.empty())
        r_.error(KeyFiguresStructure, c.pos, c.id,
                 fmt::format("cell '{}': 'value' needs a numeric stat, not {}", c.id, stat_name(c.stat)));
    }
    out.push_back(std::move(c));
  }

  void history(const YAML::Node& kn, KeyFigure& kf) {
    YAML::Node hn = r_.child(kn, "history");
    if (!hn.IsDefined() || hn.IsNull()) return;
    if (!hn.IsSequence()) {
      r_.error(KeyFiguresWrongType, r_.pos(hn), "history", "'history' must be a list of {table, rows, columns}");
      return;
    }
    for (const auto& e : hn) {
      if (!r_.tick()) break;
      r_.check_keys(e, {"table", "rows", "columns", "skip_rows", "cell", "markers", "note", "year_offset"},
                    "a history entry");
      HistoryMap hm;
      hm.pos = r_.pos(e);
      if (auto t = r_.str(e, "table", true, "a history entry")) hm.table = *t;
      YAML::Node rows = r_.child(e, "rows");
      if (rows.IsMap()) {
        for (auto it = rows.begin(); it != rows.end(); ++it) {
          if (!r_.tick()) break;
          if (!it->first.IsScalar() || !it->second.IsScalar()) {
            r_.error(KeyFiguresWrongType, r_.pos(it->first), "rows",
                     "'rows' maps a cell id part to a printed row label");
            continue;
          }
          std::string part = it->first.Scalar();
          if (!r_.id_ok(part, kCellId, kMaxIdLength))
            r_.error(KeyFiguresBadId, r_.pos(it->first), part,
                     fmt::format("cell id part '{}' must match {}", part, kCellId));
          hm.rows.emplace_back(part, it->second.Scalar());
        }
      } else if (rows.IsDefined() && !rows.IsNull()) {
        r_.error(KeyFiguresWrongType, r_.pos(rows), "rows", "'rows' maps a cell id part to a printed row label");
      }
      YAML::Node cols = r_.child(e, "columns");
      if (cols.IsMap()) {
        for (auto it = cols.begin(); it != cols.end(); ++it) {
          if (!r_.tick()) break;
          if (!it->first.IsScalar()) continue;
          auto add = [&](const YAML::Node& label) {
            if (!label.IsScalar()) {
              r_.error(KeyFiguresWrongType, r_.pos(label), "columns", "a column label must be a text");
              return;
            }
            HistoryColumn c;
            c.cell = it->first.Scalar();
            c.label = label.Scalar();
            c.pos = r_.pos(label);
            hm.columns.push_back(c);
          };
          // A copy of the node: yaml-cpp's iterator returns a temporary proxy, and ranging over
          // a member of it would read freed stack (AddressSanitizer found it).
          YAML::Node labels = it->second;
          if (labels.IsSequence())
            for (const auto& l : labels) add(l);
          else add(labels);
        }
      } else if (cols.IsSequence()) {
        for (const auto& cn : cols) {
          if (!r_.tick()) break;
          r_.check_keys(cn, {"label", "cell", "stat", "skip"}, "a history column");
          HistoryColumn c;
          c.pos = r_.pos(cn);
          if (auto l = r_.str(cn, "label", true, "a history column")) c.label = *l;
          if (auto cl = r_.str(cn, "cell", false, "")) c.cell = *cl;
          if (auto s = r_.str(cn, "stat", false, "")) {
            if (*s != "value" && *s != "count" && *s != "n")
              r_.error(KeyFiguresNotAllowedWord, r_.pos(r_.child(cn, "stat")), *s,
                       "a history column's stat is value, count or n");
            c.stat = *s;
          }
          c.skip = r_.boolean(cn, "skip").value_or(false);
          hm.columns.push_back(c);
        }
      } else if (cols.IsDefined() && !cols.IsNull()) {
        r_.error(KeyFiguresWrongType, r_.pos(cols), "columns",
                 "'columns' must map cell parts to labels, or list {label, cell, stat}");
      }
      hm.skip_rows = r_.strings(e, "skip_rows");
      if (auto t = r_.str(e, "cell", false, "")) hm.cell_template = *t;
      hm.markers = markers(r_.child(e, "markers"), "markers");
      hm.note = r_.label(e, "note", false, "a history entry");
      hm.year_offset = r_.integer(e, "year_offset", false, "").value_or(0);
      kf.history.push_back(std::move(hm));
    }
  }

  void breaks(const YAML::Node& kn, KeyFigure& kf) {
    YAML::Node bn = r_.child(kn, "breaks");
    if (!bn.IsDefined() || bn.IsNull()) return;
    if (!bn.IsSequence()) {
      r_.error(KeyFiguresWrongType, r_.pos(bn), "breaks", "'breaks' must be a list of {year, cells, note}");
      return;
    }
    for (const auto& e : bn) {
      if (!r_.tick()) break;
      r_.check_keys(e, {"year", "cells", "note"}, "a series break");
      SeriesBreak b;
      b.pos = r_.pos(e);
      b.year = r_.integer(e, "year", true, "a series break").value_or(0);
      b.cells = r_.strings(e, "cells");
      b.note = r_.label(e, "note", true, "a series break");
      kf.breaks.push_back(std::move(b));
    }
  }

  void identities(const YAML::Node& kn, KeyFigure& kf) {
    YAML::Node in = r_.child(kn, "identities");
    if (!in.IsDefined() || in.IsNull()) return;
    if (!in.IsSequence()) {
      r_.error(KeyFiguresWrongType, r_.pos(in), "identities", "'identities' must be a list of {total, parts}");
      return;
    }
    for (const auto& e : in) {
      if (!r_.tick()) break;
      r_.check_keys(e, {"total", "parts"}, "an identity");
      Identity id;
      id.pos = r_.pos(e);
      id.total = r_.str(e, "total", true, "an identity").value_or("");
      id.parts = r_.strings(e, "parts");
      if (id.parts.size() < 2)
        r_.error(KeyFiguresMissingKey, id.pos, "parts", "an identity needs at least two 'parts'");
      kf.identities.push_back(std::move(id));
    }
  }

  std::optional<KeyFigure> keyfigure(const YAML::Node& kn) {
    r_.check_keys(kn,
                  {"id", "theme", "title", "definition", "unit", "note", "stat", "base", "where", "source",
                   "source_label", "decimals", "cells", "history", "breaks", "identities"},
                  "a key figure");
    KeyFigure kf;
    kf.pos = r_.pos(kn);
    auto id = r_.str(kn, "id", true, "a key figure");
    if (!id) return std::nullopt;
    kf.id = *id;
    if (!r_.id_ok(kf.id, kKeyFigureId, kMaxIdLength))
      r_.error(KeyFiguresBadId, r_.pos(r_.child(kn, "id")), kf.id,
               fmt::format("key figure id '{}' must match {}", kf.id, kKeyFigureId));
    std::string what = fmt::format("key figure {}", kf.id);
    if (auto t = r_.str(kn, "theme", false, "")) kf.theme = *t;
    kf.title = r_.label(kn, "title", true, what);
    kf.definition = r_.label(kn, "definition", true, what);
    kf.unit = r_.label(kn, "unit", false, what);
    kf.note = r_.label(kn, "note", false, what);
    kf.source_label = r_.label(kn, "source_label", false, what);
    if (auto s = r_.str(kn, "stat", false, "")) {
      if (auto st = parse_stat(*s)) kf.stat = *st;
      else r_.error(KeyFiguresNotAllowedWord, r_.pos(r_.child(kn, "stat")), *s, fmt::format("unknown stat '{}'", *s));
    }
    kf.base = *base(kn, std::nullopt);
    if (auto s = r_.str(kn, "source", false, "")) {
      if (*s != "survey" && *s != "register" && *s != "external")
        r_.error(KeyFiguresNotAllowedWord, r_.pos(r_.child(kn, "source")), *s,
                 "source is survey, register or external");
      kf.source = *s;
    }
    kf.decimals = r_.integer(kn, "decimals", false, "").value_or(is_numeric_stat(kf.stat) ? 0 : 0);
    if (kf.decimals < 0 || kf.decimals > 6) r_.error(KeyFiguresWrongType, kf.pos, "decimals", "decimals must be 0..6");
    YAML::Node cells = r_.child(kn, "cells");
    if (!cells.IsDefined() || !cells.IsSequence() || cells.size() == 0) {
      r_.error(KeyFiguresMissingKey, kf.pos, "cells", fmt::format("{} needs a list of 'cells'", what));
    } else {
      for (const auto& cn : cells) {
        if (!r_.tick()) break;
        if (r_.has(cn, "expand")) expand(cn, kf, kf.cells);
        else explicit_cell(cn, kf, kf.cells);
      }
      label_parts(kf.cells);
    }
    history(kn, kf);
    breaks(kn, kf);
    identities(kn, kf);
    return kf;
  }
};

}  // namespace

KeyFigureLoad load_keyfigures(std::string_view text, const std::string& file,
                              const std::vector<const instrument::Instrument*>& instruments,
                              const HistoryData* history) {
  KeyFigureLoad res;
  yaml::Reader r(file, kKeyFigureCodes, res.diagnostics);
  auto root = r.load(text);
  if (!root) return res;
  std::optional<KeyFigureSet> set;
  if (!r.guard([&] { set = Parser(r, instruments).file(*root); }) || !set) return res;
  validate_keyfigures(*set, instruments, history, r);
  if (!has_errors(res.diagnostics)) res.set = std::move(set);
  return res;
}

std::vector<std::string> keyfigure_instruments(std::string_view text, const std::string& file) {
  YAML::Node n = yaml::parse_or_throw(text, file)["instruments"];
  std::vector<std::string> ids;
  if (n.IsScalar()) ids.push_back(n.Scalar());
  else if (n.IsSequence())
    for (const auto& id : n)
      if (id.IsScalar()) ids.push_back(id.Scalar());
  return ids;
}

KeyFigureSet load_keyfigures_or_throw(std::string_view text, const std::string& file,
                                      const std::vector<const instrument::Instrument*>& instruments,
                                      const HistoryData* history) {
  auto res = load_keyfigures(text, file, instruments, history);
  throw_if_errors(res.diagnostics, "invalid key-figure file:", file, 50);
  if (!res.set) throw Error::bad_input("invalid key-figure file", Location{file, 0, 0, {}});
  return std::move(*res.set);
}

}  // namespace dp::stats
