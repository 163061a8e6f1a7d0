// YAML -> Instrument: structure, keys and types. Cross-references are checked in validate.cpp.
#include <algorithm>
#include <fmt/format.h>
#include <iterator>
#include <set>
#include <yaml-cpp/yaml.h>

#include "core/text.h"
#include "core/ui_text.h"
#include "core/yaml_reader.h"
#include "instrument/condition_yaml.h"
#include "instrument/load.h"

namespace dp::instrument {
namespace {

using enum DiagnosticCode;

constexpr const char* kInstrumentId = "[a-z][a-z0-9_-]*";
constexpr const char* kQuestionId = "[a-z][a-z0-9_]*";
constexpr const char* kOptionId = "[a-z0-9][a-z0-9_]*";
constexpr size_t kMaxIdLength = 64;

std::optional<Type> parse_type(const std::string& s, bool cell) {
  if (s == "yesno") return Type::YesNo;
  if (s == "single") return Type::Single;
  if (s == "multi") return Type::Multi;
  if (s == "number") return Type::Number;
  if (s == "percent") return Type::Percent;
  if (s == "text") return Type::Text;
  if (s == "matrix" && !cell) return Type::Matrix;
  return std::nullopt;
}

class InstrumentParser {
 public:
  explicit InstrumentParser(yaml::Reader& r) : r_(r) {}

  std::optional<Lineage> lineage(const YAML::Node& map) {
    YAML::Node n = r_.child(map, "continues");
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    if (!n.IsMap()) {
      r_.error(InstrumentWrongType, r_.pos(n), "continues", "'continues' must be {id: ..., comparability: ...}");
      return std::nullopt;
    }
    r_.check_keys(n, {"instrument", "id", "comparability", "note", "options"}, "'continues'");
    Lineage l;
    l.pos = r_.pos(n);
    if (auto s = r_.str(n, "instrument", false, "continues")) l.instrument = *s;
    if (auto s = r_.str(n, "id", true, "'continues'")) l.id = *s;
    if (auto c = r_.str(n, "comparability", true, "'continues'")) {
      auto named = std::find_if(std::begin(kComparabilities), std::end(kComparabilities),
                                [&](Comparability v) { return *c == comparability_name(v); });
      if (named != std::end(kComparabilities)) l.comparability = *named;
      else
        r_.error(InstrumentNotAllowedWord, r_.pos(r_.child(n, "comparability")), "comparability",
                 fmt::format("comparability '{}' is not one of same, reworded, changed", *c));
    }
    l.note = r_.label(n, "note", false, "continues");
    if (YAML::Node m = r_.child(n, "options"); m.IsDefined() && !m.IsNull()) {
      if (!m.IsMap()) {
        r_.error(InstrumentWrongType, r_.pos(m), "options",
                 "'continues: options' must map this version's option ids to the previous version's ({new: old})");
      } else {
        for (auto it = m.begin(); it != m.end(); ++it) {
          if (!it->first.IsScalar() || !it->second.IsScalar()) {
            r_.error(InstrumentWrongType, r_.pos(it->first), "options",
                     "'continues: options' entries are option ids: {new: old}");
            continue;
          }
          l.options.push_back({it->first.Scalar(), it->second.Scalar(), r_.pos(it->first)});
        }
      }
    }
    return l;
  }

  Option option(const YAML::Node& n, const std::string& owner) {
    Option o;
    o.pos = r_.pos(n);
    if (!n.IsMap()) {
      r_.error(InstrumentWrongType, o.pos, "options",
               fmt::format("an option of {} must be a map with id and label", owner));
      return o;
    }
    r_.check_keys(n, {"id", "label", "exclusive", "specify", "missing", "score", "import_only", "help", "note"},
                  "an option");
    if (auto id = r_.str(n, "id", true, "an option of " + owner)) {
      o.id = *id;
      if (!r_.id_ok(o.id, kOptionId, kMaxIdLength))
        r_.error(InstrumentBadId, r_.pos(r_.child(n, "id")), "id",
                 fmt::format("option id '{}' must be lower-case letters, digits and _", o.id));
    }
    o.label = r_.label(n, "label", true, fmt::format("option '{}'", o.id));
    o.exclusive = r_.boolean(n, "exclusive").value_or(false);
    o.specify = r_.boolean(n, "specify").value_or(false);
    o.import_only = r_.boolean(n, "import_only").value_or(false);
    if (auto m = r_.str(n, "missing", false, "option")) {
      if (*m == "dont_know") o.missing = Missing::DontKnow;
      else if (*m == "not_relevant") o.missing = Missing::NotRelevant;
      else
        r_.error(InstrumentNotAllowedWord, r_.pos(r_.child(n, "missing")), "missing",
                 fmt::format("missing '{}' is not one of dont_know, not_relevant", *m));
    }
    if (auto s = r_.num(n, "score", false, "option")) {
      o.score = *s;
      if (*s < 0 || *s > 100)
        r_.error(InstrumentBadNumber, r_.pos(r_.child(n, "score")), "score", "score must be between 0 and 100");
    }
    return o;
  }

  // The option list under `key`: a question's "options", or a maturity instrument's "scale".
  std::vector<Option> options(const YAML::Node& map, const std::string& owner, const char* key = "options") {
    std::vector<Option> out;
    YAML::Node n = r_.child(map, key);
    if (!n.IsDefined() || n.IsNull()) return out;
    if (!n.IsSequence()) {
      r_.error(InstrumentWrongType, r_.pos(n), key, fmt::format("'{}' must be a list", key));
      return out;
    }
    std::set<std::string> seen;
    for (const auto& on : n) {
      if (!r_.tick()) break;
      Option o = option(on, owner);
      if (!o.id.empty() && !seen.insert(o.id).second)
        r_.error(InstrumentDuplicateId, o.pos, o.id, fmt::format("option '{}' appears twice in {}", o.id, owner));
      out.push_back(std::move(o));
    }
    return out;
  }

  Row row(const YAML::Node& n, const std::string& qid) {
    Row rw;
    rw.pos = r_.pos(n);
    if (!n.IsMap()) {
      r_.error(InstrumentWrongType, rw.pos, "rows", "a row must be a map with id and label");
      return rw;
    }
    r_.check_keys(n, {"id", "label", "help", "show_if", "eligible_if", "options", "continues", "prefill", "note"},
                  "a row");
    if (auto id = r_.str(n, "id", true, "a row of " + qid)) {
      rw.id = *id;
      if (!r_.id_ok(rw.id, kQuestionId, kMaxIdLength))
        r_.error(InstrumentBadId, r_.pos(r_.child(n, "id")), "id",
                 fmt::format("row id '{}' must start with a letter, then lower-case letters, digits and _", rw.id));
    }
    rw.label = r_.label(n, "label", true, fmt::format("row '{}'", rw.id));
    rw.help = r_.label(n, "help", false, "row");
    rw.show_if = condition(n, "show_if");
    rw.eligible_if = condition(n, "eligible_if");
    YAML::Node opts = r_.child(n, "options");
    if (opts.IsDefined() && !opts.IsNull()) {
      if (!opts.IsSequence())
        r_.error(InstrumentWrongType, r_.pos(opts), "options", "a row's 'options' must be a list of option ids");
      else
        for (const auto& o : opts) {
          if (!o.IsScalar())
            r_.error(InstrumentWrongType, r_.pos(o), "options", "a row's 'options' must be a list of option ids");
          else rw.options.push_back(o.Scalar());
        }
    }
    rw.continues = lineage(n);
    rw.prefill = r_.boolean(n, "prefill");
    return rw;
  }

  MaturityMeta maturity(const YAML::Node& n) {
    MaturityMeta m;
    r_.check_keys(n,
                  {"weight", "target_group", "perspective", "area", "indicator", "register_keyfigure", "register_bands",
                   "measures"},
                  "'maturity'");
    if (auto w = r_.num(n, "weight", false, "maturity")) {
      m.weight = *w;
      if (*w <= 0)
        r_.error(InstrumentBadNumber, r_.pos(r_.child(n, "weight")), "weight", "weight must be greater than 0");
    }
    if (auto s = r_.str(n, "target_group", false, "maturity")) m.target_group = *s;
    if (auto s = r_.str(n, "perspective", false, "maturity")) m.perspective = *s;
    if (auto s = r_.str(n, "area", false, "maturity")) m.area = *s;
    if (auto s = r_.str(n, "indicator", false, "maturity")) {
      m.indicator = *s;
      if (*s != "introduced" && *s != "used" && *s != "effect")
        r_.error(InstrumentNotAllowedWord, r_.pos(r_.child(n, "indicator")), "indicator",
                 fmt::format("indicator '{}' is not one of introduced, used, effect", *s));
    }
    if (auto s = r_.str(n, "register_keyfigure", false, "maturity")) m.register_keyfigure = *s;
    YAML::Node bands = r_.child(n, "register_bands");
    if (bands.IsDefined() && !bands.IsNull()) {
      if (!bands.IsSequence())
        r_.error(InstrumentWrongType, r_.pos(bands), "register_bands",
                 "'register_bands' must be a list of {min, rating}");
      else
        for (const auto& b : bands) {
          if (!b.IsMap()) {
            r_.error(InstrumentWrongType, r_.pos(b), "register_bands", "a register band must be a map {min, rating}");
            continue;
          }
          r_.check_keys(b, {"min", "rating"}, "a register band");
          RegisterBand rb;
          rb.pos = r_.pos(b);
          if (auto v = r_.num(b, "min", true, "a register band")) rb.min = *v;
          if (auto v = r_.str(b, "rating", true, "a register band")) rb.rating = *v;
          m.register_bands.push_back(rb);
        }
    }
    YAML::Node ms = r_.child(n, "measures");
    if (ms.IsDefined() && !ms.IsNull()) {
      if (!ms.IsSequence())
        r_.error(InstrumentWrongType, r_.pos(ms), "measures", "'measures' must be a list of labels");
      else
        for (const auto& item : ms) {
          I18n l;
          if (item.IsScalar()) l.sv = item.Scalar();
          else if (item.IsMap()) {
            r_.check_keys(item, {"sv", "en"}, "a measure");
            if (auto s = r_.str(item, "sv", true, "a measure")) l.sv = *s;
            if (auto s = r_.str(item, "en", false, "a measure")) l.en = *s;
          } else r_.error(InstrumentWrongType, r_.pos(item), "measures", "a measure must be a text or {sv, en}");
          m.measures.push_back(l);
        }
    }
    return m;
  }

  Question question(const YAML::Node& n, Kind kind, const std::vector<Option>& scale) {
    Question q;
    q.pos = r_.pos(n);
    if (!n.IsMap()) {
      r_.error(InstrumentWrongType, q.pos, "questions", "a question must be a map");
      return q;
    }
    r_.check_keys(n,
                  {"id", "type", "cell", "label", "help", "mandatory", "options", "rows", "unit", "min", "max",
                   "integer", "comment", "show_if", "eligible_if", "continues", "prefill", "maturity", "note"},
                  "a question");
    if (auto id = r_.str(n, "id", true, "a question")) {
      q.id = *id;
      if (!r_.id_ok(q.id, kQuestionId, kMaxIdLength))
        r_.error(InstrumentBadId, r_.pos(r_.child(n, "id")), "id",
                 fmt::format("question id '{}' must start with a letter, then lower-case letters, digits and _", q.id));
    }
    std::string what = fmt::format("question '{}'", q.id);
    if (auto t = r_.str(n, "type", kind != Kind::Maturity, what)) {
      if (auto ty = parse_type(*t, false)) q.type = *ty;
      else
        r_.error(InstrumentNotAllowedWord, r_.pos(r_.child(n, "type")), "type",
                 fmt::format("type '{}' is not one of yesno, single, multi, number, percent, text, matrix", *t));
    } else if (kind == Kind::Maturity) {
      q.type = Type::Single;
    }
    q.cell = q.type;
    if (auto c = r_.str(n, "cell", false, what)) {
      if (q.type != Type::Matrix)
        r_.error(InstrumentStructure, r_.pos(r_.child(n, "cell")), "cell", "'cell' is only for matrix questions");
      else if (auto ty = parse_type(*c, true)) q.cell = *ty;
      else
        r_.error(InstrumentNotAllowedWord, r_.pos(r_.child(n, "cell")), "cell",
                 fmt::format("cell '{}' is not one of yesno, single, multi, number, percent, text", *c));
    } else if (q.type == Type::Matrix) {
      r_.error(InstrumentStructure, q.pos, "cell", fmt::format("{} is a matrix and needs 'cell'", what));
      q.cell = Type::Single;
    }
    q.label = r_.label(n, "label", true, what);
    q.help = r_.label(n, "help", false, what);
    q.mandatory = r_.boolean(n, "mandatory").value_or(true);
    q.comment = r_.boolean(n, "comment").value_or(false);
    q.integer = r_.boolean(n, "integer").value_or(false);
    q.unit = r_.label(n, "unit", false, what);
    q.min = r_.num(n, "min", false, what);
    q.max = r_.num(n, "max", false, what);
    q.show_if = condition(n, "show_if");
    q.eligible_if = condition(n, "eligible_if");
    q.continues = lineage(n);
    q.prefill = r_.boolean(n, "prefill").value_or(true);
    if (auto note = r_.str(n, "note", false, what)) q.source_comment = *note;
    q.options = options(n, what);

    bool coded = q.cell == Type::YesNo || q.cell == Type::Single || q.cell == Type::Multi;
    if (q.cell == Type::YesNo && q.options.empty()) {
      q.options.push_back(
          Option{"ja", ui::label("instrument_words.yes"), false, false, Missing::None, std::nullopt, q.pos});
      q.options.push_back(
          Option{"nej", ui::label("instrument_words.no"), false, false, Missing::None, std::nullopt, q.pos});
    }
    if (kind == Kind::Maturity && q.options.empty() && q.cell == Type::Single) q.options = scale;
    if (coded && q.options.empty())
      r_.error(InstrumentStructure, q.pos, "options",
               fmt::format("{} is {} and needs 'options'", what, type_name(q.cell)));
    if (!coded && !q.options.empty())
      r_.error(InstrumentStructure, r_.pos(r_.child(n, "options")), "options",
               fmt::format("{} is {} and cannot have options", what, type_name(q.cell)));
    bool numeric = q.cell == Type::Number || q.cell == Type::Percent;
    if (!numeric && (q.min || q.max || r_.child(n, "integer").IsDefined() || !q.unit.empty())) {
      const char* key = !q.unit.empty() ? "unit" : q.min ? "min" : q.max ? "max" : "integer";
      r_.error(InstrumentStructure, r_.pos(r_.child(n, key)), key,
               fmt::format("{}: unit, min, max and integer are only for number and percent", what));
    }
    if (q.cell == Type::Percent) {
      if (!q.min) q.min = 0;
      if (!q.max) q.max = 100;
      if (*q.min < 0 || *q.max > 100) {
        const char* key = *q.min < 0 ? "min" : "max";
        r_.error(InstrumentBadNumber, r_.pos(r_.child(n, key)), key,
                 fmt::format("{}: a percent lies within 0–100", what));
      }
    }
    if (q.min && q.max && *q.min > *q.max)
      r_.error(InstrumentBadNumber, r_.pos(r_.child(n, "min")), "min",
               fmt::format("{}: min {} is greater than max {}", what, *q.min, *q.max));
    for (const auto& o : q.options)
      if (o.exclusive && q.cell != Type::Multi)
        r_.warning(InstrumentStructure, o.pos, o.id,
                   fmt::format("'exclusive' has no effect outside multi questions ({})", what));
    // An import-only answer is one code of a single choice; a multiple choice's options are
    // columns of the microdata file, and an answer outside them would be another column.
    for (const auto& o : q.options)
      if (o.import_only && q.cell != Type::Single && q.cell != Type::YesNo)
        r_.error(InstrumentStructure, o.pos, o.id, fmt::format("'import_only' is for single-choice items ({})", what));

    YAML::Node rows = r_.child(n, "rows");
    if (q.type == Type::Matrix) {
      if (!rows.IsDefined() || !rows.IsSequence() || rows.size() == 0) {
        r_.error(InstrumentStructure, q.pos, "rows", fmt::format("{} is a matrix and needs a list of 'rows'", what));
      } else {
        std::set<std::string> seen;
        for (const auto& rn : rows) {
          if (!r_.tick()) break;
          Row rw = row(rn, q.id);
          if (!rw.id.empty() && !seen.insert(rw.id).second)
            r_.error(InstrumentDuplicateId, rw.pos, rw.id, fmt::format("row '{}' appears twice in {}", rw.id, what));
          q.rows.push_back(std::move(rw));
        }
      }
    } else if (rows.IsDefined()) {
      r_.error(InstrumentStructure, r_.pos(rows), "rows", fmt::format("{}: only matrix questions have rows", what));
    }

    YAML::Node mat = r_.child(n, "maturity");
    if (mat.IsDefined() && !mat.IsNull()) {
      if (kind != Kind::Maturity)
        r_.error(InstrumentMaturity, r_.pos(mat), "maturity", "'maturity' is only for maturity instruments");
      else if (!mat.IsMap()) r_.error(InstrumentWrongType, r_.pos(mat), "maturity", "'maturity' must be a map");
      else q.maturity = maturity(mat);
    } else if (kind == Kind::Maturity) {
      r_.error(InstrumentMaturity, q.pos, "maturity",
               fmt::format("{} is an indicator and needs 'maturity' (weight, area...)", what));
    }
    return q;
  }

  std::vector<Dimension> dimension_list(const YAML::Node& map, const char* key) {
    std::vector<Dimension> out;
    YAML::Node n = r_.child(map, key);
    if (!n.IsDefined() || !n.IsSequence()) {
      r_.error(InstrumentMaturity, r_.pos(map), key, fmt::format("dimensions need a list '{}'", key));
      return out;
    }
    std::set<std::string> seen;
    for (const auto& d : n) {
      if (!d.IsMap()) {
        r_.error(InstrumentWrongType, r_.pos(d), key, "a dimension must be a map with id and label");
        continue;
      }
      r_.check_keys(d, {"id", "label", "help"}, "a dimension");
      Dimension dim;
      if (auto id = r_.str(d, "id", true, "a dimension")) dim.id = *id;
      dim.label = r_.label(d, "label", true, fmt::format("dimension '{}'", dim.id));
      if (!dim.id.empty() && !seen.insert(dim.id).second)
        r_.error(InstrumentDuplicateId, r_.pos(d), dim.id, fmt::format("'{}' appears twice in {}", dim.id, key));
      out.push_back(dim);
    }
    return out;
  }

  // `root` is a map (yaml::Reader::load).
  std::optional<Instrument> instrument(const YAML::Node& root) {
    r_.check_keys(root,
                  {"format", "id", "family", "kind", "year", "previous", "title", "description", "reference_period",
                   "attributes", "sections", "checks", "dimensions", "scale", "note"},
                  "the instrument");
    Instrument in;
    if (auto f = r_.str(root, "format", true, "the instrument")) {
      in.format = *f;
      if (*f != "digipuls-instrument/1")
        r_.error(InstrumentUnknownFormat, r_.pos(r_.child(root, "format")), "format",
                 fmt::format("format '{}' is not known (expected digipuls-instrument/1)", *f));
    }
    if (auto id = r_.str(root, "id", true, "the instrument")) {
      in.id = *id;
      if (!r_.id_ok(in.id, kInstrumentId, kMaxIdLength))
        r_.error(InstrumentBadId, r_.pos(r_.child(root, "id")), "id",
                 fmt::format("instrument id '{}' must be lower-case letters, digits, - and _", in.id));
    }
    if (auto f = r_.str(root, "family", true, "the instrument")) {
      in.family = *f;
      if (!r_.id_ok(in.family, kInstrumentId, kMaxIdLength))
        r_.error(InstrumentBadId, r_.pos(r_.child(root, "family")), "family",
                 fmt::format("family '{}' is not a valid id", in.family));
    }
    if (auto k = r_.str(root, "kind", false, "the instrument")) {
      if (*k == "survey") in.kind = Kind::Survey;
      else if (*k == "maturity") in.kind = Kind::Maturity;
      else
        r_.error(InstrumentNotAllowedWord, r_.pos(r_.child(root, "kind")), "kind",
                 fmt::format("kind '{}' is not survey or maturity", *k));
    }
    if (auto y = r_.num(root, "year", true, "the instrument")) {
      // Range first: casting a huge double to int is undefined behaviour.
      in.year = (*y >= 1990 && *y <= 2200) ? (int)*y : 0;
      if (*y != in.year)
        r_.error(InstrumentBadNumber, r_.pos(r_.child(root, "year")), "year", "year must be a whole year such as 2021");
    }
    if (auto p = r_.str(root, "previous", false, "the instrument")) in.previous = *p;
    in.title = r_.label(root, "title", true, "the instrument");
    in.description = r_.label(root, "description", false, "the instrument");
    if (auto rp = r_.str(root, "reference_period", false, "the instrument")) in.reference_period = *rp;
    if (auto note = r_.str(root, "note", false, "the instrument")) in.note = *note;

    YAML::Node attrs = r_.child(root, "attributes");
    if (attrs.IsDefined() && !attrs.IsNull()) {
      if (!attrs.IsSequence())
        r_.error(InstrumentWrongType, r_.pos(attrs), "attributes", "'attributes' must be a list");
      else
        for (const auto& a : attrs) {
          if (!a.IsMap()) {
            r_.error(InstrumentWrongType, r_.pos(a), "attributes",
                     "an attribute must be a map with id, type and label");
            continue;
          }
          r_.check_keys(a, {"id", "type", "label", "help"}, "an attribute");
          Attribute at;
          at.pos = r_.pos(a);
          if (auto id = r_.str(a, "id", true, "an attribute")) {
            at.id = *id;
            if (!r_.id_ok(at.id, kQuestionId, kMaxIdLength))
              r_.error(InstrumentBadId, r_.pos(r_.child(a, "id")), "id",
                       fmt::format("attribute id '{}' is not a valid id", at.id));
          }
          if (auto t = r_.str(a, "type", false, "an attribute")) {
            at.type = *t;
            if (*t != "bool" && *t != "string" && *t != "number")
              r_.error(InstrumentNotAllowedWord, r_.pos(r_.child(a, "type")), "type",
                       fmt::format("attribute type '{}' is not bool, string or number", *t));
          }
          at.label = r_.label(a, "label", true, fmt::format("attribute '{}'", at.id));
          in.attributes.push_back(at);
        }
    }

    if (in.kind == Kind::Maturity) {
      YAML::Node dims = r_.child(root, "dimensions");
      if (!dims.IsMap()) {
        r_.error(InstrumentMaturity, r_.pos(root), "dimensions",
                 "a maturity instrument needs 'dimensions' (target_groups, perspectives, areas)");
      } else {
        r_.check_keys(dims, {"target_groups", "perspectives", "areas"}, "'dimensions'");
        in.target_groups = dimension_list(dims, "target_groups");
        in.perspectives = dimension_list(dims, "perspectives");
        in.areas = dimension_list(dims, "areas");
      }
      in.scale = options(root, "the scale", "scale");
      if (in.scale.empty())
        r_.error(InstrumentMaturity, r_.pos(root), "scale", "a maturity instrument needs a rating 'scale'");
    } else {
      for (const char* k : {"dimensions", "scale"})
        if (r_.child(root, k).IsDefined())
          r_.error(InstrumentMaturity, r_.pos(r_.child(root, k)), k,
                   fmt::format("'{}' is only for maturity instruments", k));
    }

    YAML::Node secs = r_.child(root, "sections");
    if (!secs.IsDefined() || !secs.IsSequence() || secs.size() == 0) {
      r_.error(InstrumentMissingKey, r_.pos(root), "sections", "the instrument needs a list of 'sections'");
    } else {
      for (const auto& sn : secs) {
        if (!r_.tick()) break;
        Section s;
        s.pos = r_.pos(sn);
        if (!sn.IsMap()) {
          r_.error(InstrumentWrongType, s.pos, "sections", "a section must be a map with id, title and questions");
          continue;
        }
        r_.check_keys(sn, {"id", "title", "help", "show_if", "eligible_if", "questions", "note"}, "a section");
        if (auto id = r_.str(sn, "id", true, "a section")) {
          s.id = *id;
          if (!r_.id_ok(s.id, kQuestionId, kMaxIdLength))
            r_.error(InstrumentBadId, r_.pos(r_.child(sn, "id")), "id",
                     fmt::format("section id '{}' is not a valid id", s.id));
        }
        s.title = r_.label(sn, "title", true, fmt::format("section '{}'", s.id));
        s.help = r_.label(sn, "help", false, "section");
        s.show_if = condition(sn, "show_if");
        s.eligible_if = condition(sn, "eligible_if");
        YAML::Node qs = r_.child(sn, "questions");
        if (!qs.IsDefined() || !qs.IsSequence() || qs.size() == 0) {
          r_.error(InstrumentMissingKey, s.pos, "questions",
                   fmt::format("section '{}' needs a list of 'questions'", s.id));
        } else {
          for (const auto& qn : qs) {
            if (!r_.tick()) break;
            s.questions.push_back(question(qn, in.kind, in.scale));
          }
        }
        in.sections.push_back(std::move(s));
      }
    }
    checks(root, in);
    return in;
  }

  void checks(const YAML::Node& root, Instrument& in) {
    YAML::Node list = r_.child(root, "checks");
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
      r_.error(InstrumentWrongType, r_.pos(list), "checks", "'checks' must be a list");
      return;
    }
    for (const auto& n : list) {
      if (!r_.tick()) break;
      Check c;
      c.pos = r_.pos(n);
      if (!n.IsMap()) {
        r_.error(InstrumentWrongType, c.pos, "checks", "a check must be a map with id, flag_if, questions and message");
        continue;
      }
      r_.check_keys(n, {"id", "flag_if", "severity", "questions", "message", "note"}, "a check");
      if (auto id = r_.str(n, "id", true, "a check")) {
        c.id = *id;
        if (!r_.id_ok(c.id, kQuestionId, kMaxIdLength))
          r_.error(InstrumentBadId, r_.pos(r_.child(n, "id")), "id",
                   fmt::format("check id '{}' is not a valid id", c.id));
      }
      c.flag_if = condition(n, "flag_if");
      if (c.flag_if.empty())
        r_.error(InstrumentMissingKey, c.pos, "flag_if", fmt::format("check '{}' needs a 'flag_if' condition", c.id));
      if (auto s = r_.str(n, "severity", false, "a check")) {
        if (*s != "warning" && *s != "error")
          r_.error(InstrumentBadCheck, r_.pos(r_.child(n, "severity")), "severity",
                   fmt::format("check '{}': severity is warning or error, not '{}'", c.id, *s));
        c.blocking = *s == "error";
      }
      YAML::Node qs = r_.child(n, "questions");
      if (!qs.IsSequence() || qs.size() == 0) {
        r_.error(InstrumentMissingKey, c.pos, "questions",
                 fmt::format("check '{}' needs the list of 'questions' it concerns", c.id));
      } else {
        for (const auto& q : qs) c.questions.push_back(q.IsScalar() ? q.as<std::string>() : "");
      }
      c.message = r_.label(n, "message", true, fmt::format("check '{}'", c.id));
      in.checks.push_back(std::move(c));
    }
  }

 private:
  yaml::Reader& r_;

  Condition condition(const YAML::Node& map, const char* key) {
    return read_condition(r_, map, key, InstrumentConditionSyntax);
  }
};

}  // namespace

std::optional<Instrument> parse(std::string_view text, const std::string& file, Diagnostics& diags) {
  yaml::Reader r(file, kInstrumentCodes, diags);
  auto root = r.load(text, "an instrument file must be a YAML map (format, id, sections...)");
  if (!root) return std::nullopt;
  std::optional<Instrument> in;
  if (!r.guard([&] { in = InstrumentParser(r).instrument(*root); })) return std::nullopt;
  if (in) {
    in->source_file = file;
    in->source_text = std::string(text);
  }
  return in;
}

LoadResult load(std::string_view text, const std::string& file) {
  LoadResult res;
  auto in = parse(text, file, res.diagnostics);
  if (!in) return res;
  validate(*in, res.diagnostics);
  if (!has_errors(res.diagnostics)) res.instrument = std::move(in);
  return res;
}

Instrument load_or_throw(std::string_view text, const std::string& file) {
  auto res = load(text, file);
  throw_if_errors(res.diagnostics, "invalid instrument:", file);
  if (!res.instrument) throw Error::bad_input("invalid instrument", Location{file, 0, 0, {}});
  return std::move(*res.instrument);
}

}  // namespace dp::instrument
