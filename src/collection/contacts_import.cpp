#include "collection/contacts_import.h"

#include <fmt/format.h>
#include <map>
#include <set>

#include "core/csv.h"
#include "core/error.h"
#include "core/role.h"
#include "core/text.h"
#include "core/utc_time.h"
#include "mail/message.h"
#include "storage/registry_store.h"
#include "storage/user_store.h"

namespace dp::collection {

namespace {

// One account as the file describes it (the rows of one e-mail merged).
struct Wanted {
  int first_row = 0;
  std::string email, org_code, name;
  Duties duties;
};

std::set<std::string> registry_orgs(storage::Store& store) {
  std::set<std::string> out;
  auto years = store.registry().years();
  if (years.empty()) return out;
  for (const auto& o : store.registry().list(years.back(), years.back(), store.registry().size_groups()))
    out.insert(o.code);
  return out;
}

}  // namespace

ContactsImport import_contacts(storage::Store& store, std::string_view text, const std::string& source, bool dry_run,
                               int64_t by_user) {
  ContactsImport out;
  csv::Table table;
  try {
    table = csv::parse(text, source);
  } catch (const Error& e) {
    out.problems.push_back(e.message());
    return out;
  }
  const char* names[] = {"org_code", "email", "name", "role"};
  int col[4];
  for (int i = 0; i < 4; ++i) {
    col[i] = table.column(names[i]);
    if (col[i] < 0)
      out.problems.push_back(csv::where(source, 1) +
                             fmt::format(": the header lacks the column {} (expected {})", names[i], kContactsHeader));
  }
  if (!out.problems.empty()) return out;
  if (table.rows.empty()) out.problems.push_back(csv::where(source, 2) + ": the file has no contacts");

  auto orgs = registry_orgs(store);
  std::map<std::string, Wanted> wanted;  // by e-mail, lower case
  std::vector<std::string> order;
  for (const auto& row : table.rows) {
    auto cell = [&](int i) { return trim(row.fields[static_cast<size_t>(col[i])]); };
    auto problem = [&](const char* column, const std::string& what) {
      out.problems.push_back(csv::where(source, row.line, column) + ": " + what);
    };
    std::string org = cell(0), email = cell(1), name = cell(2), role_text = cell(3);
    bool ok = true;
    auto bad = [&](const char* column, const std::string& what) {
      ok = false;
      problem(column, what);
    };
    if (org.empty()) bad("org_code", "no organisation code");
    else if (!orgs.count(org))
      bad("org_code", fmt::format("'{}' is not an organisation in the registry", org.substr(0, 20)));
    if (email.empty()) bad("email", "no e-mail address");
    else if (!mail::valid_address(email))
      bad("email", fmt::format("'{}' is not an e-mail address", email.substr(0, 80)));
    if (name.size() > 200) bad("name", "the name is longer than 200 bytes");
    Duties duties;
    if (role_text == "contact") duties.add(Role::Contact);
    else if (role_text == "approver") duties.add(Role::Approver);
    else if (role_text != "respondent")
      bad("role", fmt::format("'{}' is not a role: contact, approver or respondent", role_text.substr(0, 40)));
    if (!ok) continue;
    std::string key = to_lower_ascii(email);
    auto [it, fresh] = wanted.try_emplace(key, Wanted{row.line, email, org, name, duties});
    if (fresh) {
      order.push_back(key);
      continue;
    }
    Wanted& w = it->second;
    if (w.org_code != org) {
      problem("org_code", fmt::format("{} is given organisation {} on row {}; an account belongs to one organisation",
                                      email, w.org_code, w.first_row));
      continue;
    }
    if (!name.empty() && !w.name.empty() && name != w.name)
      problem("name", fmt::format("{} is named '{}' on row {}", email, w.name.substr(0, 80), w.first_row));
    if (w.name.empty()) w.name = name;
    w.duties.merge(duties);
  }

  // Against the accounts that exist: an address in use by an administrator, a coordinator or
  // another organisation's respondent is a problem (the file would move or demote someone).
  std::vector<std::pair<storage::User, bool>> plan;  // the account to write and whether it is new
  for (const auto& key : order) {
    const Wanted& w = wanted[key];
    auto existing = store.users().find_by_email(w.email);
    if (existing && !existing->active) {
      out.notes.push_back(fmt::format("{}: {} was removed on {}; not brought back (add it again with `users add`)",
                                      csv::where(source, w.first_row, "email"), w.email,
                                      existing->removed_at.substr(0, 10)));
      continue;
    }
    if (existing && (existing->role != Role::Respondent || existing->org_code != w.org_code)) {
      out.problems.push_back(csv::where(source, w.first_row, "email") +
                             fmt::format(": {} already has an account as {}{}", w.email, to_string(existing->role),
                                         existing->org_code.empty() ? "" : " of " + existing->org_code));
      continue;
    }
    if (!existing) {
      storage::User u;
      u.email = w.email;
      u.name = w.name;
      u.role = Role::Respondent;
      u.org_code = w.org_code;
      u.duties = w.duties;
      plan.emplace_back(u, true);
      continue;
    }
    storage::User u = *existing;
    u.duties.merge(w.duties);
    if (!w.name.empty()) u.name = w.name;
    if (u.duties == existing->duties && u.name == existing->name) {
      ++out.unchanged;
      plan.emplace_back(u, false);  // counted for the approver check, not written
      continue;
    }
    plan.emplace_back(u, false);
  }

  // Which municipalities of the file have an approver once the file is in (the import only adds).
  std::set<std::string> file_orgs, approved;
  for (const auto& [key, w] : wanted) file_orgs.insert(w.org_code);
  for (const auto& [u, fresh] : plan)
    if (u.duties.has(Role::Approver)) approved.insert(u.org_code);
  for (const auto& org : file_orgs) {
    if (approved.count(org)) continue;
    bool has = false;
    for (const auto& u : store.users().list({Role::Respondent, org, "", false}))
      has = has || u.duties.has(Role::Approver);
    if (!has) out.without_approver.push_back(org);
  }
  if (!out.problems.empty()) {
    out.unchanged = 0;
    return out;
  }
  for (const auto& [u, fresh] : plan) {
    if (fresh) ++out.created;
  }
  out.updated = static_cast<int>(plan.size()) - out.created - out.unchanged;
  if (dry_run) return out;

  store.write_transaction([&] {
    std::string now = utc_now_string();
    for (const auto& [u, fresh] : plan) {
      if (fresh) {
        int64_t id = store.users().create(u);
        out.created_ids.push_back(id);
        store.users().log_event({0, now, by_user, "user_add", "user " + std::to_string(id),
                                 fmt::format("{} as respondent ({}){} by import of {}", u.email, u.org_code,
                                             u.duties.empty() ? "" : ", " + to_string(u.duties), source)});
        continue;
      }
      auto before = store.users().find(u.id);
      if (before && before->duties == u.duties && before->name == u.name) continue;
      store.users().update(u);
      store.users().log_event(
          {0, now, by_user, "user_roles", "user " + std::to_string(u.id),
           fmt::format("{}: roles {} (were {}) by import of {}", u.email,
                       u.duties.empty() ? "respondent" : "respondent," + to_string(u.duties),
                       before && !before->duties.empty() ? "respondent," + to_string(before->duties) : "respondent",
                       source)});
    }
    store.users().log_event(
        {0, now, by_user, "users_import", "users",
         fmt::format("{}: {} created, {} updated, {} unchanged", source, out.created, out.updated, out.unchanged)});
  });
  out.written = true;
  return out;
}

}  // namespace dp::collection
