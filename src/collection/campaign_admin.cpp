#include "collection/campaign_admin.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <regex>
#include <set>

#include "collection/deadline.h"
#include "collection/field_error.h"
#include "core/csv.h"
#include "core/error.h"
#include "core/problems.h"
#include "core/text.h"
#include "core/utc_time.h"
#include "instrument/org_attributes.h"
#include "storage/instrument_store.h"
#include "storage/response_store.h"
#include "storage/user_store.h"

namespace dp::collection {

bool allowed_transition(CampaignState from, CampaignState to, bool holds_submitted) {
  using enum CampaignState;
  static const std::set<std::pair<CampaignState, CampaignState>> ok = {
      {Draft, Open}, {Open, Closed}, {Closed, Open}, {Closed, Published}};
  return ok.count({from, to}) > 0 || (from == Draft && to == Closed && holds_submitted);
}

static storage::Campaign require_campaign(storage::Store& store, const std::string& key) {
  auto c = key.size() <= 100 ? store.campaigns().find(key) : std::nullopt;
  if (!c) throw Error::not_found("no campaign '" + key.substr(0, 100) + "' (see `digipuls campaigns list`)");
  return *c;
}

void change_state(storage::Store& store, const std::string& key, const std::string& to_name, int64_t by_user) {
  store.write_transaction([&] {
    auto c = require_campaign(store, key);
    std::optional<CampaignState> to;
    try {
      to = parse_campaign_state(to_name);
    } catch (const Error&) {
      // Reported below as a transition that is not allowed, with the ones that are.
    }
    if (to == c.state) return;  // already there: repeating a command is harmless
    // Only a draft going to closed asks whether submitted answers were imported: no other
    // transition reads the campaign's responses.
    auto holds_submitted = [&] {
      for (const auto& r : store.responses().list(c.id))
        if (r.status == ResponseStatus::Submitted) return true;
      return false;
    };
    bool imported = c.state == CampaignState::Draft && to == CampaignState::Closed && holds_submitted();
    if (!to || !allowed_transition(c.state, *to, imported))
      throw FieldError("state", "bad_transition",
                       fmt::format("campaign {} is {}; it cannot become {} (draft -> open -> closed -> published; "
                                   "closed -> open reopens it; draft -> closed once submitted answers are imported)",
                                   c.slug, to_string(c.state), to_name.substr(0, 20)),
                       {{"from", to_string(c.state)}, {"to", to_name.substr(0, 20)}});
    if (*to == CampaignState::Published)
      throw Error::conflict(
          fmt::format("campaign {} is published with its figures, once their disclosure audit passes: "
                      "`digipuls stats publish --campaign {}` or the publish button",
                      c.slug, c.slug));
    store.campaigns().set_state(c.id, *to);
    store.users().log_event({0, utc_now_string(), by_user, "campaign_state", "campaign " + c.slug,
                             std::string(to_string(c.state)) + " -> " + to_string(*to)});
  });
}

std::vector<std::string> parse_reminder_dates(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) {
      if (!valid_date(cur) && !relative_reminder(cur))
        throw FieldError("reminders", "date_invalid",
                         "'" + cur.substr(0, 20) + "' is not a date YYYY-MM-DD nor -N days before the closing date",
                         {{"value", cur.substr(0, 20)}});
      if (std::find(out.begin(), out.end(), cur) == out.end()) out.push_back(cur);
    }
    cur.clear();
  };
  for (char c : text) {
    if (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ';') flush();
    else cur += c;
  }
  flush();
  std::sort(out.begin(), out.end());
  if (out.size() > 50) throw FieldError("reminders", "too_many_dates", "at most 50 reminder dates");
  return out;
}

static void check_dates(const std::string& opens, const std::string& closes) {
  if (!opens.empty() && !valid_date(opens))
    throw FieldError("opens_on", "date_invalid", "'" + opens.substr(0, 20) + "' is not a date YYYY-MM-DD",
                     {{"value", opens.substr(0, 20)}});
  if (!closes.empty() && !valid_date(closes))
    throw FieldError("closes_on", "date_invalid", "'" + closes.substr(0, 20) + "' is not a date YYYY-MM-DD",
                     {{"value", closes.substr(0, 20)}});
  if (!opens.empty() && !closes.empty() && closes < opens)
    throw FieldError("closes_on", "closes_before_opens", "the closing date is before the opening date");
}

void update_schedule(storage::Store& store, const std::string& key, const std::string& opens_in,
                     const std::string& closes_in, const std::string& reminders, int64_t by_user) {
  std::string opens = trim(opens_in), closes = trim(closes_in);
  check_dates(opens, closes);
  auto dates = parse_reminder_dates(reminders);
  for (const auto& d : dates)
    if (relative_reminder(d) && closes.empty())
      throw FieldError("reminders", "relative_needs_close",
                       "a reminder " + d + " days before the closing date needs a closing date");
  store.write_transaction([&] {
    auto c = require_campaign(store, key);
    if (c.state == CampaignState::Published) throw Error::conflict("a published campaign cannot be changed");
    c.opens_on = opens;
    c.closes_on = closes;
    c.reminder_dates = dates;
    store.campaigns().update(c);
    store.users().log_event({0, utc_now_string(), by_user, "campaign_schedule", "campaign " + c.slug,
                             fmt::format("{} – {}; reminders {}", opens, closes, join(dates, " "))});
  });
}

static std::optional<bool> parse_bool(const std::string& raw) {
  auto v = instrument::typed_value(raw, "bool");
  if (auto* b = std::get_if<bool>(&v)) return *b;
  return std::nullopt;
}

size_t import_scope_csv(storage::Store& store, const CampaignContext& ctx, const std::string& text,
                        const std::string& file, int64_t by_user) {
  if (ctx.campaign.state == CampaignState::Published) throw Error::conflict("a published campaign cannot be changed");
  ProblemList problems;
  auto where = [&](int row, const std::string& column) { return csv::where(file, row, column); };
  csv::Table table;
  try {
    table = csv::parse(text, file);
  } catch (const Error& e) {
    throw Error::bad_input(e.message(), Location{{}, 0, 0, "file"});
  }
  std::map<std::string, const instrument::Attribute*> attrs;
  for (const auto& a : ctx.instrument.attributes) attrs[a.id] = &a;
  int c_org = table.column("org_code");
  if (c_org < 0) problems.add(csv::where(file, 1) + ": the header needs an org_code column");
  for (const auto& h : table.header)
    if (h != "org_code" && h != "mandatory" && !attrs.count(h))
      problems.add(where(1, h.substr(0, 40)) + ": not mandatory or an attribute of " + ctx.instrument.id);
  std::map<std::string, storage::CampaignOrg> changed;
  if (problems.empty()) {
    for (const auto& row : table.rows) {
      std::string code = trim(row.fields[c_org]);
      auto it = ctx.scope.find(code);
      if (it == ctx.scope.end()) {
        problems.add(where(row.line, "org_code") +
                     fmt::format(": '{}' is not in the campaign's scope", code.substr(0, 20)));
        continue;
      }
      if (changed.count(code)) {
        problems.add(where(row.line, "org_code") + ": " + code + " appears twice");
        continue;
      }
      storage::CampaignOrg o = it->second;
      for (size_t i = 0; i < table.header.size(); ++i) {
        const auto& h = table.header[i];
        std::string v = trim(row.fields[i]);
        if (h == "org_code") continue;
        if (h == "mandatory") {
          auto b = parse_bool(v);
          if (!b)
            problems.add(where(row.line, "mandatory") + fmt::format(": '{}' is not true or false", v.substr(0, 20)));
          else o.mandatory = *b;
          continue;
        }
        const auto& a = *attrs.at(h);
        if (v.empty()) {
          o.attributes.erase(h);
          continue;
        }
        if (a.type == "bool") {
          auto b = parse_bool(v);
          if (!b) problems.add(where(row.line, h) + fmt::format(": '{}' is not true or false", v.substr(0, 20)));
          else o.attributes[h] = *b ? "true" : "false";
        } else if (a.type == "number") {
          if (!parse_number(v))
            problems.add(where(row.line, h) + fmt::format(": '{}' is not a number", v.substr(0, 20)));
          else o.attributes[h] = v;
        } else {
          if (!valid_utf8(v) || v.size() > 200) problems.add(where(row.line, h) + ": not a short text");
          else o.attributes[h] = v;
        }
      }
      changed[code] = o;
    }
  }
  if (!problems.empty()) throw Error::bad_input(problems.report("nothing was changed"), Location{{}, 0, 0, "file"});
  std::vector<storage::CampaignOrg> all;
  for (const auto& [code, o] : ctx.scope) all.push_back(changed.count(code) ? changed[code] : o);
  store.write_transaction([&] {
    store.campaigns().set_scope(ctx.campaign.id, all);
    store.users().log_event({0, utc_now_string(), by_user, "campaign_scope", "campaign " + ctx.campaign.slug,
                             fmt::format("{} organisation(s) changed from {}", changed.size(), file.substr(0, 100))});
  });
  return changed.size();
}

void set_scope_values(storage::Store& store, const CampaignContext& ctx, const std::vector<storage::CampaignOrg>& orgs,
                      int64_t by_user) {
  if (ctx.campaign.state == CampaignState::Published) throw Error::conflict("a published campaign cannot be changed");
  for (const auto& o : orgs)
    if (!ctx.scope.count(o.org_code))
      throw FieldError("orgs", "org_unknown", o.org_code.substr(0, 20) + " is not in the scope");
  std::vector<storage::CampaignOrg> all;
  std::map<std::string, const storage::CampaignOrg*> by_code;
  for (const auto& o : orgs) by_code[o.org_code] = &o;
  int changed = 0;
  for (const auto& [code, o] : ctx.scope) {
    auto it = by_code.find(code);
    if (it == by_code.end()) {
      all.push_back(o);
      continue;
    }
    if (it->second->mandatory != o.mandatory || it->second->attributes != o.attributes) ++changed;
    all.push_back(*it->second);
  }
  store.write_transaction([&] {
    store.campaigns().set_scope(ctx.campaign.id, all);
    store.users().log_event({0, utc_now_string(), by_user, "campaign_scope", "campaign " + ctx.campaign.slug,
                             fmt::format("{} organisation(s) changed in the form", changed)});
  });
}

void check_spec(storage::Store& store, const CampaignSpec& spec) {
  static const std::regex slug_re("[a-z0-9][a-z0-9_-]{0,59}");
  bool known = false;
  for (const auto& i : store.instruments().list()) known = known || i.id == spec.instrument_id;
  if (!known) throw FieldError("instrument", "instrument_unknown", "choose a stored instrument version");
  if (!spec.slug.empty() && !std::regex_match(spec.slug, slug_re))
    throw FieldError("slug", "slug_invalid", "the id may use a-z, 0-9, - and _ (at most 60 characters)");
  std::string slug = spec.slug.empty() ? spec.instrument_id : spec.slug;
  if (store.campaigns().find(slug)) throw FieldError("slug", "slug_taken", "a campaign '" + slug + "' already exists");
  if (spec.year && (spec.year < 2000 || spec.year > 2100))
    throw FieldError("year", "year_invalid", "a year from 2000 to 2100");
  check_dates(spec.opens_on, spec.closes_on);
  for (const auto& c : spec.org_codes)
    if (c.empty() || c.size() > 20 || !valid_utf8(c))
      throw FieldError("org_codes", "org_unknown", "not an organisation code");
}

}  // namespace dp::collection
