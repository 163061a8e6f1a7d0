// erratum_changes: what a correction of a stored version changes, texts only (versions.h).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "instrument/versions.h"

namespace dp::instrument {
namespace {

std::string lineage_text(const std::optional<Lineage>& l) {
  if (!l) return "";
  std::string s = l->instrument + "/" + l->id + "/" + comparability_name(l->comparability);
  for (const auto& o : l->options) s += "/" + o.now + "=" + o.was;
  return s;
}

std::string opt(const std::optional<double>& d) { return d ? fmt::format("{}", *d) : ""; }

class Erratum {
 public:
  Erratum(const Instrument& was, const Instrument& now, Diagnostics& d) : was_(was), now_(now), d_(d) {}

  std::vector<TextChange> run() {
    same("id", was_.id, now_.id);
    same("family", was_.family, now_.family);
    same("year", std::to_string(was_.year), std::to_string(now_.year));
    same("kind", std::to_string(static_cast<int>(was_.kind)), std::to_string(static_cast<int>(now_.kind)));
    same("previous", was_.previous, now_.previous);
    same("reference_period", was_.reference_period, now_.reference_period);
    text("title", was_.title, now_.title);
    text("description", was_.description, now_.description);
    same("attributes", attributes(was_), attributes(now_));
    if (ids(was_.sections) != ids(now_.sections))
      return refuse("sections", "sections were added, removed or reordered");
    for (size_t i = 0; i < was_.sections.size(); ++i) section(was_.sections[i], now_.sections[i]);
    at_ = {};
    same("checks", checks(was_), checks(now_));
    for (size_t i = 0; i < was_.checks.size() && i < now_.checks.size(); ++i)
      text(fmt::format("checks.{}.message", was_.checks[i].id), was_.checks[i].message, now_.checks[i].message);
    same("scale", options(was_.scale), options(now_.scale));
    for (size_t i = 0; i < was_.scale.size() && i < now_.scale.size(); ++i)
      text(fmt::format("scale.{}.label", was_.scale[i].id), was_.scale[i].label, now_.scale[i].label);
    return changes_;
  }

 private:
  const Instrument& was_;
  const Instrument& now_;
  Diagnostics& d_;
  std::vector<TextChange> changes_;
  Pos at_;  // where in the corrected file the part being compared starts

  std::vector<TextChange> refuse(const std::string& field, const std::string& what) {
    Diagnostic diag;
    diag.code = DiagnosticCode::InstrumentStructure;
    diag.where = Location{now_.source_file, at_.line ? at_.line : 1, at_.line ? at_.column : 1, {}};
    diag.key = field;
    diag.message =
        fmt::format("an erratum may correct wording only; {} changed: {} (publish a new version instead)", field, what);
    d_.push_back(std::move(diag));
    return changes_;
  }
  void same(const std::string& field, const std::string& was, const std::string& now) {
    if (was != now) refuse(field, was.empty() && now.empty() ? "" : fmt::format("'{}' → '{}'", was, now));
  }
  void text(const std::string& where, const I18n& was, const I18n& now) {
    if (was.sv != now.sv || was.en != now.en) changes_.push_back({where, was, now});
  }
  template <class T>
  static std::string ids(const std::vector<T>& v) {
    std::string s;
    for (const auto& x : v) s += x.id + ",";
    return s;
  }
  static std::string attributes(const Instrument& in) {
    std::string s;
    for (const auto& a : in.attributes) s += a.id + ":" + a.type + ",";
    return s;
  }
  static std::string checks(const Instrument& in) {
    std::string s;
    for (const auto& c : in.checks) {
      s += c.id + "|" + c.flag_if.source + "|" + (c.blocking ? "error" : "warning") + "|";
      for (const auto& q : c.questions) s += q + ",";
      s += ";";
    }
    return s;
  }
  static std::string options(const std::vector<Option>& v) {
    std::string s;
    for (const auto& o : v)
      s += fmt::format("{}:{}{}{}{}:{};", o.id, o.exclusive, o.specify, static_cast<int>(o.missing), o.import_only,
                       opt(o.score));
    return s;
  }

  void section(const Section& was, const Section& now) {
    const std::string at = "sections." + was.id;
    at_ = now.pos;
    text(at + ".title", was.title, now.title);
    text(at + ".help", was.help, now.help);
    same(at + ".show_if", was.show_if.source, now.show_if.source);
    same(at + ".eligible_if", was.eligible_if.source, now.eligible_if.source);
    if (ids(was.questions) != ids(now.questions)) {
      refuse(at + ".questions", "questions were added, removed or reordered");
      return;
    }
    for (size_t i = 0; i < was.questions.size(); ++i) question(was.questions[i], now.questions[i]);
  }

  void question(const Question& was, const Question& now) {
    const std::string& q = was.id;
    at_ = now.pos;
    same(q + ".type", type_name(was.type), type_name(now.type));
    same(q + ".cell", type_name(was.cell), type_name(now.cell));
    same(q + ".mandatory", fmt::format("{}", was.mandatory), fmt::format("{}", now.mandatory));
    same(q + ".comment", fmt::format("{}", was.comment), fmt::format("{}", now.comment));
    same(q + ".min", opt(was.min), opt(now.min));
    same(q + ".max", opt(was.max), opt(now.max));
    same(q + ".integer", fmt::format("{}", was.integer), fmt::format("{}", now.integer));
    same(q + ".show_if", was.show_if.source, now.show_if.source);
    same(q + ".eligible_if", was.eligible_if.source, now.eligible_if.source);
    same(q + ".continues", lineage_text(was.continues), lineage_text(now.continues));
    same(q + ".options", options(was.options), options(now.options));
    same(q + ".maturity",
         was.maturity ? was.maturity->perspective + was.maturity->area + was.maturity->target_group +
                            was.maturity->indicator + fmt::format("{}", was.maturity->weight)
                      : "",
         now.maturity ? now.maturity->perspective + now.maturity->area + now.maturity->target_group +
                            now.maturity->indicator + fmt::format("{}", now.maturity->weight)
                      : "");
    text(q + ".label", was.label, now.label);
    text(q + ".help", was.help, now.help);
    text(q + ".unit", was.unit, now.unit);
    for (size_t i = 0; i < was.options.size() && i < now.options.size(); ++i)
      text(fmt::format("{}.options.{}.label", q, was.options[i].id), was.options[i].label, now.options[i].label);
    if (ids(was.rows) != ids(now.rows)) {
      refuse(q + ".rows", "rows were added, removed or reordered");
      return;
    }
    for (size_t i = 0; i < was.rows.size(); ++i) {
      const Row& a = was.rows[i];
      const Row& b = now.rows[i];
      const std::string at = fmt::format("{}.rows.{}", q, a.id);
      at_ = b.pos;
      same(at + ".show_if", a.show_if.source, b.show_if.source);
      same(at + ".eligible_if", a.eligible_if.source, b.eligible_if.source);
      same(at + ".options", fmt::format("{}", fmt::join(a.options, ",")), fmt::format("{}", fmt::join(b.options, ",")));
      same(at + ".continues", lineage_text(a.continues), lineage_text(b.continues));
      text(at + ".label", a.label, b.label);
      text(at + ".help", a.help, b.help);
    }
  }
};

}  // namespace

std::vector<TextChange> erratum_changes(const Instrument& stored, const Instrument& corrected, Diagnostics& diags) {
  return Erratum(stored, corrected, diags).run();
}

}  // namespace dp::instrument
