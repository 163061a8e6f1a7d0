#include "collection/form_view.h"

#include <fmt/format.h>
#include <set>

#include "collection/form_values.h"
#include "instrument/answer_check.h"
#include "instrument/visibility.h"

namespace dp::collection {
using instrument::Item;
using instrument::Type;
using instrument::Value;

std::string field_id(const std::string& key) {
  std::string out = "f-";
  for (char c : key) {
    if (c == '.') out += "-r-";
    else if (c == ':') out += "-x-";
    else out += c;
  }
  return out;
}

std::string problem_message(const ItemProblem& p, const Translate& t) {
  std::string key = "collect.problems." + p.code;
  std::string msg = t(key, p.args);
  return msg == key ? p.message : msg;
}

std::string json_for_script(const nlohmann::json& j) {
  std::string in = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(in.size() + 32);
  for (char c : in) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

nlohmann::json section_progress(const CampaignContext& ctx, const std::string& org, const instrument::Answers& answers,
                                const std::string& current, const std::string& base_path, Lang lang,
                                const Translate& t) {
  instrument::Visibility vis(ctx.instrument, answers, ctx.attributes(org));
  auto items = instrument::items(ctx.instrument);
  nlohmann::json out = nlohmann::json::array();
  int index = 0;
  for (const auto& s : ctx.instrument.sections) {
    if (!vis.section_shown(s.id)) continue;
    ++index;
    int required = 0, answered = 0;
    for (const auto& it : items) {
      if (it.is_comment || it.specify || !it.question->mandatory) continue;
      if (ctx.instrument.section_of(it.question->id) != &s || !vis.shown(it.key)) continue;
      ++required;
      auto a = answers.find(it.key);
      if (a != answers.end() && !a->second.empty()) ++answered;
    }
    bool done = required == answered;
    out.push_back({{"id", s.id},
                   {"title", s.title.get(lang)},
                   {"index", index},
                   {"url", base_path + "/section/" + s.id},
                   {"current", s.id == current},
                   {"done", done},
                   {"answered", answered},
                   {"required", required},
                   {"status", done ? t("respond.section_done", {})
                                   : t("respond.section_progress", {{"answered", std::to_string(answered)},
                                                                    {"required", std::to_string(required)}})}});
  }
  return out;
}

namespace {

struct Builder {
  const CampaignContext& ctx;
  const ResponseState& state;
  const PreviousAnswers* prev;
  const FormInput& input;
  Lang lang;
  const Translate& t;
  instrument::Visibility vis;
  std::map<std::string, const ItemProblem*> problems;
  std::map<std::string, const storage::Conflict*> conflicts;
  nlohmann::json errors = nlohmann::json::array();

  std::string current_raw(const Item& it) const {
    if (auto r = input.raw.find(it.key); r != input.raw.end()) return r->second;
    auto a = state.answers.find(it.key);
    return a == state.answers.end() ? "" : raw_for_form(it, a->second);
  }
  std::string original_raw(const Item& it) const {
    if (auto r = input.orig.find(it.key); r != input.orig.end()) return r->second;
    auto a = state.answers.find(it.key);
    return a == state.answers.end() ? "" : raw_of(it, a->second);
  }
  // Numbers appear as the person would type them (decimal comma in Swedish).
  std::string raw_for_form(const Item& it, const Value& v) const {
    if (v.kind == Value::Kind::Number) return number_for_form(v.number, lang);
    return raw_of(it, v);
  }

  nlohmann::json field(const Item& it, const std::string& label) {
    const auto& q = *it.question;
    std::string raw = current_raw(it);
    nlohmann::json f = {{"key", it.key},
                        {"id", field_id(it.key)},
                        {"label", label},
                        {"raw", raw},
                        {"orig", original_raw(it)},
                        {"hidden", !vis.shown(it.key)},
                        // Every key a field template reads is set, so that nothing falls through to the
                        // enclosing question's context.
                        {"error", false},
                        {"conflict", false},
                        {"prev", false},
                        {"options", false},
                        {"unit", false},
                        {"range_hint", false},
                        {"help", false},
                        {"specify", false}};
    std::string type = type_name(it.type);
    f["type"] = type;
    f["is_radio"] = it.type == Type::YesNo || it.type == Type::Single;
    f["is_checkbox"] = it.type == Type::Multi;
    f["is_number"] = it.type == Type::Number || it.type == Type::Percent;
    f["is_text"] = it.type == Type::Text;
    f["is_long_text"] = it.type == Type::Text && (it.is_comment || (!it.specify && !it.row));
    std::string focus = field_id(it.key);
    if (it.type == Type::YesNo || it.type == Type::Single || it.type == Type::Multi) {
      std::set<std::string> chosen;
      for (auto& c : split(raw, '|')) chosen.insert(c);
      nlohmann::json opts = nlohmann::json::array();
      bool first = true;
      for (const auto* o : it.options) {
        std::string oid = field_id(it.key) + "-o-" + o->id;
        if (first) focus = oid;
        first = false;
        nlohmann::json oj = {{"id", o->id},
                             {"input_id", oid},
                             {"label", o->label.get(lang)},
                             {"checked", chosen.count(o->id) > 0},
                             {"exclusive", o->exclusive},
                             {"specify", false}};
        if (o->specify) {
          Item sp;
          sp.key = instrument::specify_key(it.key, o->id);
          sp.question = &q;
          sp.row = it.row;
          sp.specify = o;
          sp.type = Type::Text;
          nlohmann::json sj = field(sp, t("respond.specify", {{"option", o->label.get(lang)}}));
          oj["specify"] = sj;
        }
        opts.push_back(oj);
      }
      f["options"] = opts;
    }
    if (f["is_number"].get<bool>()) {
      bool percent = it.type == Type::Percent;
      std::string unit = percent ? "%" : q.unit.get(lang);
      f["unit"] = unit;
      f["inputmode"] = q.integer ? "numeric" : "decimal";
      std::string hint;
      std::map<std::string, std::string> args;
      if (q.min) args["min"] = number_for_form(*q.min, lang);
      if (q.max) args["max"] = number_for_form(*q.max, lang);
      if (q.min && q.max) hint = t("respond.range_between", args);
      else if (q.min) hint = t("respond.range_min", args);
      else if (q.max) hint = t("respond.range_max", args);
      if (q.integer) hint += (hint.empty() ? "" : " ") + t("respond.whole_number", {});
      if (!hint.empty()) f["range_hint"] = hint;
    }
    f["focus_id"] = focus;
    // aria-describedby of the field: its hint texts, error and last year's answer, in reading order.
    std::string id = field_id(it.key);
    std::vector<std::string> described;
    if (it.type == Type::Multi) described.push_back(id + "-multi");
    if (f["is_number"].get<bool>() && !f["range_hint"].is_boolean()) described.push_back(id + "-range");
    if (f["is_number"].get<bool>() && !f["unit"].is_boolean() && !f["unit"].get<std::string>().empty())
      described.push_back(id + "-unit");
    if (auto p = problems.find(it.key); p != problems.end()) {
      std::string msg = problem_message(*p->second, t);
      f["error"] = msg;
      described.push_back(id + "-error");
      errors.push_back({{"field", it.key}, {"field_id", focus}, {"message", label + ": " + msg}});
    }
    if (auto c = conflicts.find(it.key); c != conflicts.end()) {
      std::string by = "?";
      if (auto n = input.user_names.find(c->second->updated_by); n != input.user_names.end()) by = n->second;
      std::string perr;
      auto mine = instrument::parse_value(it, raw, &perr);
      f["conflict"] = {{"theirs_text", c->second->theirs.empty() ? t("respond.no_answer", {})
                                                                 : display_of(it, c->second->theirs, lang)},
                       {"theirs_raw", raw_for_form(it, c->second->theirs)},
                       {"mine_text", mine && !mine->empty() ? display_of(it, *mine, lang) : t("respond.no_answer", {})},
                       {"by", by},
                       {"at", c->second->updated_at.size() >= 16 ? c->second->updated_at.substr(11, 5) + " UTC"
                                                                 : c->second->updated_at}};
      errors.push_back(
          {{"field", it.key}, {"field_id", focus}, {"message", label + ": " + t("respond.conflict_summary", {})}});
    }
    if (prev && !it.is_comment) {
      if (auto pv = prev->values.find(it.key); pv != prev->values.end()) {
        auto cur = state.answers.find(it.key);
        bool same = cur != state.answers.end() && cur->second == pv->second;
        described.push_back(id + "-prev");
        f["prev"] = {{"text", display_of(it, pv->second, lang)},
                     {"raw", raw_for_form(it, pv->second)},
                     {"year", prev->year},
                     {"same", same},
                     {"label", label}};
      }
    }
    f["describedby"] = join(described, " ");
    return f;
  }
};

}  // namespace

nlohmann::json section_view(const CampaignContext& ctx, const std::string& org, const ResponseState& state,
                            const instrument::Section& section, const PreviousAnswers* prev, const FormInput& input,
                            Lang lang, const Translate& t) {
  // Visibility follows what the respondent sees now: stored answers with their valid pending ones.
  instrument::Answers seen = state.answers;
  auto index = instrument::item_index(ctx.instrument);
  for (const auto& [k, raw] : input.raw) {
    auto it = index.find(k);
    if (it == index.end()) continue;
    std::string err;
    if (auto v = instrument::parse_value(it->second, raw, &err)) seen[k] = *v;
  }
  auto org_attrs = ctx.attributes(org);
  Builder b{ctx, state, prev, input, lang, t, instrument::Visibility(ctx.instrument, seen, org_attrs), {}, {}};
  for (const auto& p : input.problems) b.problems.emplace(p.item, &p);
  for (const auto& c : input.conflicts) b.conflicts.emplace(c.item, &c);

  auto items = instrument::items(ctx.instrument);
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : section.questions) {
    // Not asked of this organisation at all: not on the page.
    const Item* first = nullptr;
    for (const auto& it : items)
      if (it.question == &q && !it.specify && !it.is_comment && instrument::eligible(ctx.instrument, it, org_attrs)) {
        first = &it;
        break;
      }
    if (!first) continue;
    nlohmann::json qj = {{"id", q.id},
                         {"anchor", "q-" + q.id},
                         {"label", q.label.get(lang)},
                         {"help", q.help.get(lang)},
                         {"help_id", "h-" + q.id},
                         {"hidden", !b.vis.question_shown(q.id)},
                         {"optional", !q.mandatory},
                         {"is_matrix", q.is_matrix()}};
    if (q.is_matrix()) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& it : items) {
        if (it.question != &q || it.specify || it.is_comment) continue;
        if (!instrument::eligible(ctx.instrument, it, org_attrs)) continue;
        auto f = b.field(it, it.row->label.get(lang));
        std::string help = it.row->help.get(lang);
        if (!help.empty()) {
          f["help"] = help;
          std::string d = f["describedby"];
          f["describedby"] = f["id"].get<std::string>() + "-help" + (d.empty() ? "" : " " + d);
        }
        rows.push_back(f);
      }
      qj["rows"] = rows;
      qj["cell_is_choice"] = q.has_codes();
    } else {
      qj["field"] = b.field(*first, q.label.get(lang));
    }
    if (q.comment) {
      Item c;
      c.key = instrument::comment_key(q);
      c.question = &q;
      c.is_comment = true;
      c.type = Type::Text;
      qj["comment"] = b.field(c, t("respond.comment", {}));
    }
    questions.push_back(qj);
  }
  return {{"questions", questions}, {"errors", b.errors}, {"has_errors", !b.errors.empty()}};
}

nlohmann::json form_rules(const CampaignContext& ctx, const std::string& org, const instrument::Answers& answers) {
  auto attrs = ctx.attributes(org);
  nlohmann::json oj = nlohmann::json::object();
  for (const auto& [k, v] : attrs) {
    if (auto* b = std::get_if<bool>(&v)) oj[k] = *b;
    else if (auto* d = std::get_if<double>(&v)) oj[k] = *d;
    else if (auto* s = std::get_if<std::string>(&v)) oj[k] = *s;
  }
  instrument::EvalContext no_answers;
  no_answers.attr = [&](const std::string& name) -> instrument::Scalar {
    auto it = attrs.find(name);
    return it == attrs.end() ? instrument::Scalar{} : it->second;
  };
  auto cond = [](const instrument::Condition& c) -> nlohmann::json {
    return c.expr ? instrument::to_json(*c.expr) : nlohmann::json();
  };
  nlohmann::json sections = nlohmann::json::object();
  nlohmann::json questions = nlohmann::json::object();
  for (const auto& s : ctx.instrument.sections) {
    // Eligibility depends only on the organisation, so the server resolves it here.
    sections[s.id] = {{"eligible", instrument::evaluate(s.eligible_if, no_answers)}, {"show_if", cond(s.show_if)}};
    for (const auto& q : s.questions) {
      nlohmann::json qj = {{"section", s.id},
                           {"eligible", instrument::evaluate(q.eligible_if, no_answers)},
                           {"show_if", cond(q.show_if)},
                           {"matrix", q.is_matrix()},
                           {"comment", q.comment}};
      nlohmann::json specify = nlohmann::json::array();
      for (const auto& o : q.options)
        if (o.specify) specify.push_back(o.id);
      qj["specify"] = specify;
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& r : q.rows) {
        nlohmann::json rspec = nlohmann::json::array();
        for (const auto& o : q.options)
          if (o.specify &&
              (r.options.empty() || std::find(r.options.begin(), r.options.end(), o.id) != r.options.end()))
            rspec.push_back(o.id);
        rows.push_back({{"key", instrument::item_key(q, &r)},
                        {"eligible", instrument::evaluate(r.eligible_if, no_answers)},
                        {"show_if", cond(r.show_if)},
                        {"specify", rspec}});
      }
      qj["rows"] = rows;
      qj["type"] = type_name(q.cell);
      questions[q.id] = qj;
    }
  }
  nlohmann::json order = ctx.instrument.evaluation_order;
  if (order.empty())
    for (const auto* q : ctx.instrument.questions()) order.push_back(q->id);
  nlohmann::json aj = nlohmann::json::object();
  for (const auto& [k, v] : answers)
    if (!v.empty()) aj[k] = v.to_json();
  return {{"org", oj}, {"order", order}, {"sections", sections}, {"questions", questions}, {"answers", aj}};
}

}  // namespace dp::collection
