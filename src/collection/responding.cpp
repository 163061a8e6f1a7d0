#include "collection/responding.h"

#include <fmt/format.h>
#include <set>

#include "collection/deadline.h"
#include "collection/field_error.h"
#include "collection/receipt.h"
#include "core/error.h"
#include "core/utc_time.h"
#include "instrument/consistency.h"
#include "instrument/visibility.h"
#include "storage/user_store.h"

namespace dp::collection {
using instrument::Value;

ResponseState load_state(storage::Store& store, int64_t campaign_id, const std::string& org_code) {
  ResponseState s;
  s.response = store.responses().get_or_create(campaign_id, org_code);
  for (auto& a : store.responses().answers(s.response.id)) {
    s.answers[a.item] = a.value;
    s.stored.emplace(a.item, std::move(a));
  }
  return s;
}

std::set<std::string> kept_outside_routing(const ResponseState& state) {
  std::set<std::string> out;
  for (const auto& [item, a] : state.stored)
    if (a.outside_routing && !a.value.empty()) out.insert(item);
  return out;
}

ResponseState form_state(const ResponseState& state) {
  ResponseState out = state;
  for (const auto& item : kept_outside_routing(state)) {
    out.answers.erase(item);
    out.stored.erase(item);
  }
  return out;
}

EditState edit_state(CampaignState campaign, ResponseStatus response) {
  if (campaign == CampaignState::Published)
    return response == ResponseStatus::Submitted ? EditState::Submitted : EditState::NotOpen;
  if (response == ResponseStatus::Reopened) return EditState::Editable;
  if (response == ResponseStatus::Submitted) return EditState::Submitted;
  return campaign == CampaignState::Open ? EditState::Editable : EditState::NotOpen;
}

EditState edit_state(const storage::Campaign& c, const std::string& org, ResponseStatus response,
                     const std::string& today) {
  EditState base = edit_state(c.state, response);
  if (base == EditState::Editable && response != ResponseStatus::Reopened && past_deadline(c, org, today))
    return EditState::PastDeadline;
  return base;
}

static void require_editable(const storage::Campaign& c, const storage::Response& r) {
  switch (edit_state(c, r.org_code, r.status, deadline_today())) {
    case EditState::Editable: return;
    case EditState::PastDeadline:
      throw Error::conflict("the closing date " + last_day(c, r.org_code) +
                            " has passed; only the survey's administrator can extend it");
    case EditState::Submitted:
      throw Error::conflict("the response has been submitted; ask the survey's administrator to reopen it");
    case EditState::NotOpen: throw Error::conflict("the campaign is not open for answers");
  }
}

SaveOutcome save_changes(storage::Store& store, const CampaignContext& ctx, int64_t response_id,
                         const std::vector<RawChange>& changes, int64_t user_id) {
  SaveOutcome out;
  auto index = instrument::item_index(ctx.instrument);
  std::vector<storage::AnswerChange> valid;
  store.write_transaction([&] {
    // Read and check inside the transaction: a save racing a submit must see the submit.
    auto resp = store.responses().find(response_id);
    if (!resp) throw Error::not_found("no response " + std::to_string(response_id));
    require_editable(ctx.campaign, *resp);
    auto org = ctx.attributes(resp->org_code);

    std::map<std::string, Value> parsed;
    for (const auto& ch : changes) {
      auto it = index.find(ch.item);
      if (it == index.end())
        throw FieldError(ch.item.substr(0, 100), "unknown_item",
                         "'" + ch.item.substr(0, 100) + "' is not an item of " + ctx.instrument.id);
      if (!instrument::eligible(ctx.instrument, it->second, org)) {
        out.problems.push_back({ch.item, "not_asked", ch.item + " is not asked of this organisation", {}});
        continue;
      }
      std::string err;
      auto v = instrument::parse_value(it->second, ch.raw, &err);
      if (!v) {
        out.problems.push_back(
            {ch.item, it->second.type == instrument::Type::Text ? "bad_text" : "bad_value", err, {}});
        continue;
      }
      parsed[ch.item] = *v;
    }
    // Value rules (options, exclusivity, ranges, length) for the changed items, shown or not: a
    // follow-up hidden now may be shown later, and its value must be valid then.
    std::set<std::string> bad;
    for (const auto& [key, v] : parsed)
      for (const auto& p : instrument::check_value(index.at(key), v)) {
        if (bad.count(key)) break;
        bad.insert(key);
        out.problems.push_back({p.item, p.code, p.message, p.args});
      }
    for (const auto& ch : changes)
      if (parsed.count(ch.item) && !bad.count(ch.item)) valid.push_back({ch.item, parsed[ch.item], ch.base_version});
    auto res = store.responses().save(response_id, valid, user_id, "answer");
    out.version = res.version;
    out.saved = std::move(res.saved);
    out.conflicts = std::move(res.conflicts);
  });
  return out;
}

std::vector<instrument::AnswerProblem> submission_problems(const CampaignContext& ctx, const std::string& org_code,
                                                           const instrument::Answers& answers) {
  auto problems =
      instrument::check_answers(ctx.instrument, answers, ctx.attributes(org_code), instrument::CheckMode::Submit);
  for (const auto* c : flagged_checks(ctx, org_code, answers))
    if (c->blocking)
      problems.push_back({check_item(ctx, *c), "check", c->id + ": " + c->message.en, {{"check", c->id}}});
  return problems;
}

std::vector<const instrument::Check*> flagged_checks(const CampaignContext& ctx, const std::string& org_code,
                                                     const instrument::Answers& answers) {
  return instrument::flagged_checks(ctx.instrument, answers, ctx.attributes(org_code));
}

std::string check_item(const CampaignContext& ctx, const instrument::Check& check) {
  for (const auto& it : instrument::items(ctx.instrument))
    if (it.question && !check.questions.empty() && it.question->id == check.questions.front() && !it.is_comment &&
        it.key.find(':') == std::string::npos)
      return it.key;
  return "";
}

void submit_response(storage::Store& store, const CampaignContext& ctx, int64_t response_id, int64_t user_id,
                     const std::string& base_url) {
  std::string org_code;
  store.write_transaction([&] {
    auto resp = store.responses().find(response_id);
    if (!resp) throw Error::not_found("no response " + std::to_string(response_id));
    require_editable(ctx.campaign, *resp);
    org_code = resp->org_code;
    instrument::Answers answers;
    for (auto& a : store.responses().answers(response_id)) answers[a.item] = a.value;
    auto problems = submission_problems(ctx, org_code, answers);
    if (!problems.empty()) {
      std::string msg = fmt::format("{} problem(s) stop the submission:", problems.size());
      for (size_t i = 0; i < problems.size() && i < 20; ++i) msg += "\n  " + problems[i].message;
      throw Error::bad_input(msg);
    }
    // Answers to items that ended up hidden (a follow-up whose condition no longer holds) do not
    // count; clear them so that the stored response is exactly what was submitted.
    instrument::Visibility vis(ctx.instrument, answers, ctx.attributes(org_code));
    std::vector<storage::AnswerChange> clear;
    for (const auto& [item, v] : answers)
      if (!vis.shown(item) && !v.empty()) clear.push_back({item, Value{}, -1});
    if (!clear.empty()) store.responses().save(response_id, clear, user_id, "submit_cleanup");
    store.responses().set_status(response_id, ResponseStatus::Submitted, user_id, "submit", "");
    queue_receipts(store, ctx, response_id, user_id, base_url);
  });
}

void reopen_response(storage::Store& store, int64_t response_id, int64_t user_id, const std::string& reason_in) {
  std::string reason = trim(reason_in);
  if (reason.empty())
    throw FieldError("reason", "reason_required", "give a reason for reopening (it is kept in the audit log)");
  if (!valid_utf8(reason) || reason.size() > 2000)
    throw FieldError("reason", "reason_invalid", "the reason must be text of at most 2000 bytes");
  store.write_transaction([&] {
    auto resp = store.responses().find(response_id);
    if (!resp) throw Error::not_found("no response " + std::to_string(response_id));
    if (resp->status != ResponseStatus::Submitted) throw Error::conflict("only a submitted response can be reopened");
    store.responses().set_status(response_id, ResponseStatus::Reopened, user_id, "reopen", reason);
    store.users().log_event(
        {0, utc_now_string(), user_id, "reopen", "response " + std::to_string(response_id), reason});
  });
}

}  // namespace dp::collection
