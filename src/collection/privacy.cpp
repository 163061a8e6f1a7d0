#include "collection/privacy.h"

#include <cstdlib>
#include <spdlog/spdlog.h>
#include <yaml-cpp/yaml.h>

#include "collection/field_error.h"
#include "core/error.h"
#include "core/utc_time.h"
#include "core/yaml_reader.h"

namespace dp::collection {

RetentionPolicy load_retention(const std::string& path) {
  std::string file = path;
  if (file.empty())
    if (const char* v = std::getenv("DIGIPULS_CONFIG"); v && *v) file = v;
  RetentionPolicy p;
  if (file.empty()) return p;
  YAML::Node section = yaml::config_section(file, "retention");
  if (!section) return p;
  for (auto it = section.begin(); it != section.end(); ++it) {
    std::string key = it->first.as<std::string>();
    YAML::Node v = it->second;  // a copy: the iterator's pair is a temporary proxy
    Location where{file, v.Mark().line + 1, v.Mark().column + 1, "retention." + key};
    int* target = key == "session_days"           ? &p.session_days
                  : key == "removed_account_days" ? &p.removed_account_days
                  : key == "mail_days"            ? &p.mail_days
                  : key == "audit_days"           ? &p.audit_days
                                                  : nullptr;
    if (!target)
      throw Error::bad_input(
          "unknown key retention." + key + " (session_days, removed_account_days, mail_days, audit_days)", where);
    int days = v.IsScalar() ? v.as<int>(-1) : -1;
    if (days < 0 || days > 36500)
      throw Error::bad_input("retention." + key + " must be a number of days (0 = keep)", where);
    *target = days;
  }
  return p;
}

storage::PurgeCutoffs cutoffs(const RetentionPolicy& p, const std::string& now) {
  auto before = [&](int days) { return days > 0 ? utc_plus(now, -86400LL * days) : std::string(); };
  return {before(p.session_days), before(p.removed_account_days), before(p.mail_days), before(p.audit_days)};
}

storage::PurgeCounts purge_personal_data(storage::Store& store, const RetentionPolicy& policy, const std::string& now) {
  auto counts = store.privacy().purge(cutoffs(policy, now), now);
  store.privacy().checkpoint();
  return counts;
}

storage::ErasureCounts erase_account(storage::Store& store, int64_t user_id, int64_t by_user) {
  if (user_id == by_user) throw FieldError("user", "erase_self", "you cannot erase your own account");
  auto counts = store.privacy().erase_user(user_id, by_user, utc_now_string());
  // Pages the log held are rewritten in the database file, so the old ones do not linger there.
  store.privacy().checkpoint();
  return counts;
}

RetentionJob::RetentionJob(storage::Store& store, RetentionPolicy policy)
    : store_(store),
      policy_(policy),
      task_([this] { run(); }, [](const std::string& e) { spdlog::error("retention: {}", e); }) {}

void RetentionJob::run() {
  auto c = purge_personal_data(store_, policy_, utc_now_string());
  spdlog::info(
      "retention: {} session(s), {} link(s), {} failure(s), {} account(s) erased, {} e-mail(s), {} event(s), "
      "{} audit entr(ies) purged",
      c.sessions, c.tokens, c.failures, c.accounts, c.messages, c.events, c.audit_entries);
}

}  // namespace dp::collection
