// The admin page "Instruments": the stored versions with their errata, an upload that shows every
// problem with its position and a preview of the form as respondents will see it, the import of
// what was checked, and the diff between two versions (docs/instrument-format.md, "The yearly
// cycle"). The checking and importing rules are the program's (Module::InstrumentTools).
#include <fmt/format.h>
#include <map>

#include "collection/campaign_context.h"
#include "collection/module.h"
#include "collection/web_helpers.h"
#include "instrument/versions.h"
#include "storage/instrument_store.h"

namespace dp::collection {
namespace {

using instrument::Question;
using instrument::Type;

nlohmann::json option_views(const std::vector<const instrument::Option*>& options, Lang lang) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto* o : options) out.push_back({{"id", o->id}, {"label", o->label.get(lang)}});
  return out;
}

// One answerable control as the form shows it: radios, checkboxes, a number or a text field.
nlohmann::json control(const Question& q, const std::vector<const instrument::Option*>& options, const std::string& key,
                       Lang lang) {
  Type t = q.is_matrix() ? q.cell : q.type;
  return {{"key", key},
          {"radio", t == Type::YesNo || t == Type::Single},
          {"checkbox", t == Type::Multi},
          {"number", t == Type::Number || t == Type::Percent},
          {"text", t == Type::Text},
          {"unit", q.unit.get(lang)},
          {"options", option_views(options, lang)}};
}

// The form's sections and questions in the respondent's language, every question shown (a preview
// cannot know an organisation's routing, so the conditions are listed instead).
nlohmann::json preview(const instrument::Instrument& in, Lang lang) {
  nlohmann::json sections = nlohmann::json::array();
  std::map<std::string, std::vector<const instrument::Option*>> offered;
  for (const auto& item : instrument::items(in)) offered[item.key] = item.options;
  int number = 0;
  for (const auto& s : in.sections) {
    nlohmann::json qs = nlohmann::json::array();
    for (const auto& q : s.questions) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& r : q.rows) {
        std::string key = instrument::item_key(q, &r);
        rows.push_back({{"label", r.label.get(lang)},
                        {"control", control(q, offered[key], key, lang)},
                        {"show_if", r.show_if.source},
                        {"eligible_if", r.eligible_if.source}});
      }
      qs.push_back({{"number", ++number},
                    {"id", q.id},
                    {"label", q.label.get(lang)},
                    {"help", q.help.get(lang)},
                    {"mandatory", q.mandatory},
                    {"matrix", q.is_matrix()},
                    {"rows", rows},
                    {"control", control(q, offered[q.id], q.id, lang)},
                    {"comment", q.comment},
                    {"show_if", q.show_if.source},
                    {"eligible_if", q.eligible_if.source}});
    }
    sections.push_back({{"id", s.id},
                        {"title", s.title.get(lang)},
                        {"help", s.help.get(lang)},
                        {"show_if", s.show_if.source},
                        {"eligible_if", s.eligible_if.source},
                        {"questions", qs}});
  }
  return {
      {"id", in.id}, {"title", in.title.get(lang)}, {"description", in.description.get(lang)}, {"sections", sections}};
}

nlohmann::json diagnostic_views(const Diagnostics& diags) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : diags)
    out.push_back({{"error", d.severity == Diagnostic::Severity::Error},
                   {"where", fmt::format("{}:{}:{}", d.where.file, d.where.line, d.where.column)},
                   {"code", std::string(d.id())},
                   {"key", d.key},
                   {"message", d.message}});
  return out;
}

nlohmann::json version_list(storage::Store& store, Lang lang, const std::string& selected_a,
                            const std::string& selected_b) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : store.instruments().list()) {
    nlohmann::json errata = nlohmann::json::array();
    for (const auto& e : store.instruments().errata(v.id))
      errata.push_back({{"date", e.recorded_at.substr(0, 10)}, {"note", e.note}, {"where", e.places()}});
    out.push_back({{"id", v.id},
                   {"family", v.family},
                   {"year", v.year},
                   {"previous", v.previous},
                   {"title", v.title.get(lang)},
                   {"loaded_at", v.loaded_at.substr(0, 10)},
                   {"errata", errata},
                   {"has_errata", !errata.empty()},
                   {"selected_a", v.id == selected_a},
                   {"selected_b", v.id == selected_b}});
  }
  return out;
}

web::Response list_page(Module& m, web::Request& req, nlohmann::json errors, int status) {
  nlohmann::json ctx;
  ctx["nav_instruments"] = true;
  ctx["versions"] = version_list(m.store(), req.lang, "", "");
  ctx["notice"] =
      req.q("imported").has_value() ? tr(m.app(), req, "instruments.imported", {{"id", *req.q("imported")}}) : "";
  add_errors(ctx, errors);
  return page(m.app(), req, "admin_instruments", ctx, status);
}

web::Response instruments(Module& m, web::Request& req) { return list_page(m, req, nlohmann::json::array(), 200); }

const Module::InstrumentTools& tools(Module& m) {
  if (!m.instrument_tools().check || !m.instrument_tools().import)
    throw Error::conflict("instrument uploads are not available in this server");
  return m.instrument_tools();
}

// The files of an upload: as files (first step) or as the texts the check page sends back (import).
Module::InstrumentUpload upload_of(const web::Request& req) {
  Module::InstrumentUpload u;
  for (const auto& f : req.files) {
    std::string name = f.filename.empty() ? f.field + ".yaml" : f.filename;
    if (f.field == "instrument") u.name = name, u.text = f.data;
    if (f.field == "keyfigures" && !f.data.empty()) u.keyfigures_name = name, u.keyfigures_text = f.data;
    if (f.field == "report" && !f.data.empty()) u.report_name = name, u.report_text = f.data;
  }
  if (u.text.empty()) {
    u.name = field(req, "instrument_name");
    u.text = field(req, "instrument_text");
    u.keyfigures_name = field(req, "keyfigures_name");
    u.keyfigures_text = field(req, "keyfigures_text");
    u.report_name = field(req, "report_name");
    u.report_text = field(req, "report_text");
  }
  return u;
}

web::Response check_page(Module& m, web::Request& req, const Module::InstrumentUpload& u, nlohmann::json errors,
                         int status) {
  auto checked = tools(m).check(u);
  nlohmann::json ctx;
  ctx["nav_instruments"] = true;
  ctx["upload"] = {{"instrument_name", u.name},
                   {"instrument_text", u.text},
                   {"keyfigures_name", u.keyfigures_name},
                   {"keyfigures_text", u.keyfigures_text},
                   {"report_name", u.report_name},
                   {"report_text", u.report_text}};
  ctx["diagnostics"] = diagnostic_views(checked.diagnostics);
  ctx["has_diagnostics"] = !checked.diagnostics.empty();
  bool ok = checked.instrument && !has_errors(checked.diagnostics);
  ctx["ok"] = ok;
  if (checked.instrument) ctx["preview"] = preview(*checked.instrument, req.lang);
  add_errors(ctx, errors);
  return page(m.app(), req, "admin_instrument_check", ctx, ok ? status : 422);
}

web::Response check_upload(Module& m, web::Request& req) {
  auto u = upload_of(req);
  if (u.text.empty())
    return list_page(m, req,
                     nlohmann::json::array({error_entry(m.app(), req, "instrument", "instrument_file_required")}), 422);
  if (u.name.empty()) u.name = "instrument.yaml";
  return check_page(m, req, u, nlohmann::json::array(), 200);
}

web::Response import_upload(Module& m, web::Request& req) {
  auto u = upload_of(req);
  if (u.text.empty())
    return list_page(m, req,
                     nlohmann::json::array({error_entry(m.app(), req, "instrument", "instrument_file_required")}), 422);
  try {
    return web::Response::redirect("/admin/instruments?imported=" + web::url_encode(tools(m).import(u)));
  } catch (const Error& e) {
    if (e.code() != ErrorCode::BadInput && e.code() != ErrorCode::Conflict) throw;
    return check_page(m, req, u,
                      nlohmann::json::array({error_entry(m.app(), req, "instrument", "import_refused",
                                                         {{"detail", e.what()}}, e.what())}),
                      422);
  }
}

web::Response diff_page(Module& m, web::Request& req) {
  std::string a = req.q("a").value_or(""), b = req.q("b").value_or("");
  nlohmann::json ctx;
  ctx["nav_instruments"] = true;
  ctx["versions"] = version_list(m.store(), req.lang, a, b);
  ctx["a"] = a;
  ctx["b"] = b;
  if (!a.empty() && !b.empty()) {
    auto ia = load_instrument(m.store(), a), ib = load_instrument(m.store(), b);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& c : instrument::diff(ia, ib))
      rows.push_back({{"item", c.item},
                      {"change", tr(m.app(), req, std::string("instruments.change_") + instrument::kind_name(c.kind))},
                      {"was", c.was},
                      {"detail", c.detail}});
    ctx["changes"] = rows;
    ctx["compared"] = true;
    ctx["no_changes"] = rows.empty();
  }
  return page(m.app(), req, "admin_instrument_diff", ctx);
}

}  // namespace

void register_instrument_routes(Module& m) {
  auto& r = m.app().router();
  add_route(r, "GET", "/admin/instruments", "admin", handler(m, instruments));
  add_route(r, "POST", "/admin/instruments/check", "admin", handler(m, check_upload));
  add_route(r, "POST", "/admin/instruments/import", "admin", handler(m, import_upload));
  add_route(r, "GET", "/admin/instruments/diff", "admin", handler(m, diff_page));
}

}  // namespace dp::collection
