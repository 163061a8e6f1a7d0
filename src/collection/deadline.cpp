#include "collection/deadline.h"

#include <fmt/format.h>

#include "collection/field_error.h"
#include "core/text.h"
#include "core/utc_time.h"
#include "storage/user_store.h"

namespace dp::collection {

namespace {
constexpr const char* kExtensions = "extended_until";  // settings: {"1440": "2026-12-20", ...}
}

std::string last_day(const storage::Campaign& c, const std::string& org) {
  std::string day = c.closes_on;
  if (day.empty()) return day;
  auto ext = c.settings.find(kExtensions);
  if (ext != c.settings.end() && ext->is_object()) {
    auto it = ext->find(org);
    if (it != ext->end() && it->is_string() && it->get<std::string>() > day) day = it->get<std::string>();
  }
  return day;
}

bool past_deadline(const storage::Campaign& c, const std::string& org, const std::string& today) {
  std::string day = last_day(c, org);
  return !day.empty() && today > day;
}

std::string deadline_today() { return date_of(utc_now_string()); }

void extend_for_org(storage::Store& store, const std::string& key, const std::string& org_in,
                    const std::string& until_in, int64_t by_user) {
  std::string org = trim(org_in), until = trim(until_in);
  auto c = store.campaigns().find(key);
  if (!c) throw Error::not_found("no campaign " + key);
  bool in_scope = false;
  for (const auto& o : store.campaigns().scope(c->id)) in_scope = in_scope || o.org_code == org;
  if (!in_scope)
    throw FieldError("org", "org_not_in_scope", "'" + org.substr(0, 20) + "' is not in the campaign's scope");
  if (!until.empty() && !valid_date(until))
    throw FieldError("until", "date_invalid", "'" + until.substr(0, 20) + "' is not a date YYYY-MM-DD",
                     {{"value", until.substr(0, 20)}});
  if (!until.empty() && !c->closes_on.empty() && until <= c->closes_on)
    throw FieldError("until", "extension_not_later",
                     "the day must be after the campaign's closing date " + c->closes_on, {{"date", c->closes_on}});
  store.write_transaction([&] {
    auto fresh = *store.campaigns().find(c->id);
    if (!fresh.settings.is_object()) fresh.settings = nlohmann::json::object();
    auto& ext = fresh.settings[kExtensions];
    if (!ext.is_object()) ext = nlohmann::json::object();
    if (until.empty()) ext.erase(org);
    else ext[org] = until;
    store.campaigns().update(fresh);
    store.users().log_event(
        {0, utc_now_string(), by_user, "deadline_extend", "campaign " + fresh.slug,
         until.empty() ? org + ": back to the campaign's closing date" : org + ": may answer until " + until});
  });
}

bool relative_reminder(const std::string& entry) {
  if (entry.size() < 2 || entry.size() > 4 || entry[0] != '-') return false;
  if (entry.find_first_not_of("0123456789", 1) != std::string::npos) return false;
  int n = std::stoi(entry.substr(1));
  return n >= 1 && n <= 365;
}

std::string reminder_day(const std::string& entry, const std::string& closes_on) {
  if (!relative_reminder(entry)) return entry;
  if (closes_on.empty()) return "";
  return date_of(utc_plus(closes_on + "T00:00:00Z", -86400LL * std::stoi(entry.substr(1))));
}

}  // namespace dp::collection
