// Rating: each participant rates individually through a personal link; in the workshop the
// facilitator sees, per indicator, the spread of the individual ratings and records the agreed
// rating with a comment and optional evidence (or a register value that gives the rating).
#include <cmath>
#include <spdlog/spdlog.h>

#include "core/error.h"
#include "selfassess/context.h"
#include "selfassess/page_common.h"
#include "selfassess/participants.h"
#include "selfassess/register_prefill.h"
#include "selfassess/register_source.h"
#include "selfassess/routes.h"
#include "selfassess/spread.h"
#include "selfassess/views.h"
#include "storage/selfassess_store.h"

namespace dp::selfassess {

using nlohmann::json;

namespace {

const char* kind_key(const std::string& indicator) {
  if (indicator == "effect") return "selfassess.kind.effect";
  if (indicator == "used") return "selfassess.kind.used";
  return "selfassess.kind.introduced";
}

json indicator_base(const Env& env, const web::Request& req, const instrument::Instrument& in,
                    const instrument::Question& q) {
  return {{"id", q.id},
          {"label", q.label.get(req.lang)},
          {"help", q.help.get(req.lang)},
          {"has_help", !q.help.empty()},
          {"context", indicator_context(in, q, req.lang)},
          {"weight", static_cast<int>(q.maturity->weight)},
          {"kind", env.app.templates().t(req.lang, kind_key(q.maturity->indicator))},
          {"register", !q.maturity->register_bands.empty()},
          {"keyfigure", q.maturity->register_keyfigure}};
}

// ---- participants --------------------------------------------------------------------------

web::Response participant_page(Env& env, web::Request& req, bool saved = false) {
  auto p = participant_of(env.store, req.param("token"));
  auto l = load(env.store, std::to_string(p.assessment_id));
  std::map<std::string, storage::IndividualRating> mine;
  for (const auto& r : env.store.selfassess().individual(p.assessment_id))
    if (r.participant_id == p.id) mine[r.indicator] = r;
  json sections = json::array();
  for (const auto& s : l.instrument->sections) {
    json inds = json::array();
    for (const auto& q : s.questions) {
      if (!q.maturity) continue;
      json i = indicator_base(env, req, *l.instrument, q);
      auto it = mine.find(q.id);
      i["scale"] = scale_json(*l.instrument, it == mine.end() ? "" : it->second.rating, req.lang);
      for (auto& o : i["scale"]) o["name"] = "r_" + q.id;
      i["comment"] = it == mine.end() ? "" : it->second.comment;
      inds.push_back(i);
    }
    sections.push_back({{"title", s.title.get(req.lang)},
                        {"help", s.help.get(req.lang)},
                        {"has_help", !s.help.empty()},
                        {"indicators", inds}});
  }
  const auto& t = env.app.templates();
  json ctx = assessment_json(env, req, l);
  ctx["participant"] = p.name;
  ctx["intro_text"] = fill(t.t(req.lang, "selfassess.rate.intro"), {{"name", p.name}});
  ctx["count_text"] = fill(t.t(req.lang, "selfassess.rate.count"), {{"n", std::to_string(mine.size())}});
  ctx["sections"] = sections;
  ctx["saved"] = saved;
  ctx["closed"] = l.assessment.status == AssessmentStatus::Completed;
  ctx["action"] = "/sjalvskattning/delta/" + req.param("token");
  ctx["rated"] = mine.size();
  ctx["title"] = env.app.templates().t(req.lang, "selfassess.rate.title") + " – " + ctx["title"].get<std::string>();
  return env.app.page(req, "selfassess/rate", ctx);
}

web::Response participant_save(Env& env, web::Request& req) {
  auto p = participant_of(env.store, req.param("token"));
  auto l = load(env.store, std::to_string(p.assessment_id));
  if (l.assessment.status == AssessmentStatus::Completed)
    throw Error::conflict("The assessment is completed; ratings can no longer be changed.");
  std::vector<storage::IndividualRating> changes;
  for (const auto* q : indicators(*l.instrument)) {
    auto rating = req.f("r_" + q->id);
    std::string comment = field(req, "c_" + q->id);
    check_length(comment, ("c_" + q->id).c_str(), 2000);
    if (!rating && comment.empty()) continue;
    std::string r = rating.value_or("");
    if (!r.empty() && !scale_option(*l.instrument, r)) {
      Location where;
      where.field = "r_" + q->id;
      throw Error::bad_input("r_" + q->id + ": '" + r + "' is not a rating on the scale", where);
    }
    if (r.empty() && !comment.empty()) {
      Location where;
      where.field = "r_" + q->id;
      throw Error::bad_input("r_" + q->id + ": choose a rating for the comment", where);
    }
    changes.push_back({p.id, q->id, r, comment});
  }
  env.store.write_transaction([&] {
    for (const auto& c : changes) env.store.selfassess().put_individual(p.assessment_id, c);
  });
  return participant_page(env, req, true);
}

// ---- the facilitator's workshop ------------------------------------------------------------

web::Response workshop_page(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  const auto& rules = bundled_rules();
  auto participants = env.store.selfassess().participants(l.assessment.id);
  std::map<int64_t, std::string> names;
  for (const auto& p : participants) names[p.id] = p.name;
  std::map<std::string, std::vector<storage::IndividualRating>> by_indicator;
  for (const auto& r : env.store.selfassess().individual(l.assessment.id)) by_indicator[r.indicator].push_back(r);
  std::map<std::string, storage::AgreedRating> agreed;
  for (const auto& a : l.agreed) agreed[a.indicator] = a;
  bool writer = can_write(env, req, req.param("assessment")) && l.assessment.status != AssessmentStatus::Completed;
  const auto& t = env.app.templates();

  json sections = json::array();
  int disagreements = 0;
  for (const auto& s : l.instrument->sections) {
    json inds = json::array();
    for (const auto& q : s.questions) {
      if (!q.maturity) continue;
      json i = indicator_base(env, req, *l.instrument, q);
      std::vector<std::string> ratings;
      json individual = json::array();
      for (const auto& r : by_indicator[q.id]) {
        ratings.push_back(r.rating);
        const auto* o = scale_option(*l.instrument, r.rating);
        individual.push_back({{"name", names[r.participant_id]},
                              {"rating", o ? o->label.get(req.lang) : r.rating},
                              {"comment", r.comment},
                              {"has_comment", !r.comment.empty()}});
      }
      Spread sp = spread(*l.instrument, ratings, rules);
      json counts = json::array();
      for (const auto& [id, c] : sp.counts) {
        const auto* o = scale_option(*l.instrument, id);
        counts.push_back({{"label", o->label.get(req.lang)}, {"count", c}, {"w", sp.n ? 120.0 * c / sp.n : 0.0}});
      }
      i["spread"] = {{"n", sp.n > 0}, {"counts", counts}, {"disagreement", sp.disagreement}};
      i["spread_caption"] = fill(t.t(req.lang, "selfassess.workshop.spread_caption"), {{"id", q.id}});
      if (sp.lowest && sp.highest)
        i["disagreement_text"] =
            fill(t.t(req.lang, "selfassess.workshop.disagreement"),
                 {{"low", std::to_string(display(*sp.lowest))}, {"high", std::to_string(display(*sp.highest))}});
      i["register_hint"] =
          fill(t.t(req.lang, "selfassess.workshop.register_hint"), {{"keyfigure", q.maturity->register_keyfigure}});
      std::string register_prefill;
      if (!q.maturity->register_keyfigure.empty()) {
        std::optional<RegisterValue> rv;
        try {
          rv = register_value(env.store, l.assessment.org_code, l.assessment.year, q.maturity->register_keyfigure);
        } catch (const std::exception& e) {  // register data is a help, never a reason to fail the page
          spdlog::warn("register value {} for {}: {}", q.maturity->register_keyfigure, l.assessment.org_code, e.what());
        }
        if (rv) {
          auto r = rating_from_register(*q.maturity, rv->value);
          i["register_found"] = fill(t.t(req.lang, "selfassess.workshop.register_found"),
                                     {{"campaign", rv->campaign.get(req.lang)},
                                      {"value", fmt_number(rv->value)},
                                      {"rating", r ? scale_option(*l.instrument, *r)->label.get(req.lang) : "–"}});
          register_prefill = fmt_number(rv->value);
        } else {
          i["register_found"] = t.t(req.lang, "selfassess.workshop.register_missing");
        }
      }
      if (sp.disagreement) ++disagreements;
      i["individual"] = individual;
      i["has_individual"] = !individual.empty();
      auto it = agreed.find(q.id);
      storage::AgreedRating a = it == agreed.end() ? storage::AgreedRating{} : it->second;
      std::string preselect = !a.rating.empty() ? a.rating : sp.typical;
      i["scale"] = scale_json(*l.instrument, preselect, req.lang);
      i["agreed"] = {{"has", !a.rating.empty()},
                     {"rating", a.rating.empty() ? "" : scale_option(*l.instrument, a.rating)->label.get(req.lang)},
                     {"comment", a.comment},
                     {"has_comment", !a.comment.empty()},
                     {"evidence_url", a.evidence_url},
                     {"evidence_note", a.evidence_note},
                     {"from_register", a.source == "register"},
                     {"register_value",
                      a.register_value ? fmt_number(*a.register_value) : (a.rating.empty() ? register_prefill : "")}};
      if (!a.rating.empty()) {
        i["agreed_text"] = fill(t.t(req.lang, "selfassess.workshop.agreed_now"),
                                {{"rating", scale_option(*l.instrument, a.rating)->label.get(req.lang)}});
        if (a.register_value)
          i["register_text"] =
              fill(t.t(req.lang, "selfassess.workshop.from_register"), {{"value", fmt_number(*a.register_value)}});
      }
      i["action"] = assessment_url(l.assessment.id) + "/workshop/" + q.id;
      inds.push_back(i);
    }
    sections.push_back({{"title", s.title.get(req.lang)}, {"indicators", inds}});
  }
  json ctx = assessment_json(env, req, l);
  ctx["sections"] = sections;
  ctx["can_write"] = writer;
  ctx["participant_count"] = participants.size();
  ctx["disagreements"] = disagreements;
  ctx["agreed_count"] = l.ratings.size();
  ctx["indicator_count"] = indicators(*l.instrument).size();
  ctx["overall"] = score_json(l.result.overall, req.lang);
  ctx["summary_text"] =
      fill(t.t(req.lang, "selfassess.workshop.summary"), {{"agreed", std::to_string(l.ratings.size())},
                                                          {"total", std::to_string(indicators(*l.instrument).size())},
                                                          {"participants", std::to_string(participants.size())},
                                                          {"disagreements", std::to_string(disagreements)}});
  ctx["title"] = env.app.templates().t(req.lang, "selfassess.workshop.title") + " – " + ctx["title"].get<std::string>();
  return env.app.page(req, "selfassess/workshop", ctx);
}

web::Response record_agreed(Env& env, web::Request& req) {
  auto l = load(env.store, req.param("assessment"));
  if (l.assessment.status == AssessmentStatus::Completed)
    throw Error::conflict("The assessment is completed; reopen it to change ratings.");
  const std::string& id = req.param("indicator");
  const auto* q = l.instrument->question(id);
  if (!q || !q->maturity) throw Error::not_found("no indicator " + id);
  storage::AgreedRating a;
  a.indicator = id;
  a.rating = field(req, "rating");
  a.comment = field(req, "comment");
  a.evidence_url = field(req, "evidence_url");
  a.evidence_note = field(req, "evidence_note");
  a.updated_by = req.principal.user_id;
  check_length(a.comment, "comment", 4000);
  check_length(a.evidence_note, "evidence_note", 4000);
  check_length(a.evidence_url, "evidence_url", 1000);
  auto bad = [](const char* f, const std::string& m) {
    Location where;
    where.field = f;
    return Error::bad_input(m, where);
  };
  if (!a.evidence_url.empty() && a.evidence_url.rfind("https://", 0) != 0 && a.evidence_url.rfind("http://", 0) != 0)
    throw bad("evidence_url", "evidence_url: a link must start with https:// or http://");
  std::string reg = field(req, "register_value");
  if (!reg.empty()) {
    if (q->maturity->register_bands.empty())
      throw bad("register_value", "register_value: this indicator is not answered from register data");
    double v = 0;
    try {
      std::string s = reg;
      for (auto& c : s)
        if (c == ',') c = '.';
      size_t used = 0;
      v = std::stod(s, &used);
      if (used != s.size() || !std::isfinite(v)) throw std::invalid_argument("x");
    } catch (const std::exception&) {
      throw bad("register_value", "register_value: '" + reg + "' is not a number");
    }
    auto r = rating_from_register(*q->maturity, v);
    if (!r) throw bad("register_value", "register_value: " + reg + " is below every register band of " + id);
    a.rating = *r;
    a.source = "register";
    a.register_value = v;
  } else if (!a.rating.empty() && !scale_option(*l.instrument, a.rating)) {
    throw bad("rating", "rating: '" + a.rating + "' is not a rating on the scale");
  } else if (a.rating.empty() && (!a.comment.empty() || !a.evidence_url.empty() || !a.evidence_note.empty())) {
    throw bad("rating", "rating: choose the agreed rating");
  }
  env.store.write_transaction([&] { env.store.selfassess().put_agreed(l.assessment.id, a); });
  return web::Response::redirect(assessment_url(l.assessment.id) + "/workshop#ind-" + id);
}

web::Response participant_form(Env& env, web::Request& req) { return participant_page(env, req); }

}  // namespace

void register_workshop_routes(Env& env) {
  auto& r = env.app.router();
  const char* read = "assessment_read:assessment";
  const char* write = "assessment_write:assessment";
  // A personal link is the participant's credential: the token in the path is checked in the
  // handler (an unknown token is 404), like the survey's invitation links.
  add_route(r, "GET", "/sjalvskattning/delta/{token}", "public", handler(env, participant_form));
  add_route(r, "POST", "/sjalvskattning/delta/{token}", "public", handler(env, participant_save));
  add_route(r, "GET", "/sjalvskattning/bedomning/{assessment}/workshop", read, handler(env, workshop_page));
  add_route(r, "POST", "/sjalvskattning/bedomning/{assessment}/workshop/{indicator}", write,
            handler(env, record_agreed));
}

}  // namespace dp::selfassess
