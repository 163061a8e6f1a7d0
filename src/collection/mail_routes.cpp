// The administrator's view of the outbox: every message with its outcome, failures first in
// mind (a banner counts them), the full text of one message with its attempts, and "send again".
#include "collection/module.h"
#include "collection/web_helpers.h"
#include "core/utc_time.h"
#include "storage/mail_store.h"

namespace dp::collection {

namespace {

const char* status_badge(MailStatus s) {
  switch (s) {
    case MailStatus::Sent: return "ok";
    case MailStatus::Failed:
    case MailStatus::Logged:
    case MailStatus::Queued: return "warn";
    case MailStatus::Dead: break;
  }
  return "bad";
}

// A message that has not been sent yet holds a usable one-time link (sign-in, invitation): the
// outbox shows it with its token cut short, so that reading the outbox never lets anyone sign
// in as the recipient. (Once sent, the stored copy no longer holds the link at all.)
std::string masked(const std::string& text, const std::string& secret) {
  if (secret.empty()) return text;
  auto slash = secret.rfind('/');
  std::string token = slash == std::string::npos ? secret : secret.substr(slash + 1);
  std::string shown =
      secret.substr(0, secret.size() - token.size()) + token.substr(0, std::min<size_t>(4, token.size())) + "…";
  std::string out = text;
  for (size_t pos = out.find(secret); pos != std::string::npos; pos = out.find(secret, pos + shown.size()))
    out.replace(pos, secret.size(), shown);
  return out;
}

nlohmann::json message_row(Module& m, web::Request& req, const storage::OutboxMessage& msg) {
  return {{"id", msg.id},
          {"kind", tr(m.app(), req, "mailbox.kinds." + msg.kind)},
          {"recipient", msg.recipient},
          {"subject", masked(msg.subject, msg.secret)},
          {"status", tr(m.app(), req, std::string("mailbox.statuses.") + to_string(msg.status))},
          {"badge", status_badge(msg.status)},
          {"attempts", msg.attempts},
          {"created_at", msg.created_at},
          {"sent_at", msg.sent_at},
          {"last_error", msg.last_error},
          {"next_attempt_at", msg.status == MailStatus::Failed ? msg.next_attempt_at : ""},
          {"can_retry", can_retry(msg.status)}};
}

int64_t id_of(const web::Request& req) {
  const auto& s = req.param("message");
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw Error::not_found("no such message");
  return std::stoll(s);
}

web::Response outbox(Module& m, web::Request& req) {
  storage::OutboxFilter f;
  // The filter is a link's query: an unknown value shows every message rather than an error.
  std::string shown = req.q("status").value_or("");
  if (shown == "problem") f.problems = true;
  else if (!shown.empty()) {
    try {
      f.status = parse_mail_status(shown);
    } catch (const Error&) {
      shown.clear();
    }
  }
  nlohmann::json ctx;
  ctx["title"] = tr(m.app(), req, "mailbox.title");
  ctx["nav_mail"] = true;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& msg : m.store().mail().list(f)) rows.push_back(message_row(m, req, msg));
  ctx["messages"] = rows;
  ctx["has_messages"] = !rows.empty();
  auto c = m.store().mail().counts();
  ctx["counts"] = nlohmann::json::object();
  for (MailStatus s : kAllMailStatuses) ctx["counts"][to_string(s)] = c.of(s);
  ctx["problems"] = c.failed + c.dead;
  ctx["has_problems"] = c.failed + c.dead > 0;
  ctx["mail_configured"] = m.mail_config().configured();
  ctx["status_is"] = {{shown.empty() ? "all" : shown, true}};
  return page(m.app(), req, "admin_mail", ctx);
}

web::Response message(Module& m, web::Request& req) {
  auto msg = m.store().mail().find(id_of(req));
  if (!msg) throw Error::not_found("no such message");
  nlohmann::json ctx = message_row(m, req, *msg);
  ctx["title"] = tr(m.app(), req, "mailbox.message_title");
  ctx["nav_mail"] = true;
  ctx["body_text"] = masked(msg->body_text, msg->secret);
  nlohmann::json attempts = nlohmann::json::array();
  for (const auto& a : m.store().mail().attempts(msg->id))
    attempts.push_back({{"at", a.at}, {"ok", a.ok}, {"error", a.error}});
  ctx["attempts_list"] = attempts;
  ctx["has_attempts"] = !attempts.empty();
  return page(m.app(), req, "admin_mail_message", ctx);
}

web::Response retry(Module& m, web::Request& req) {
  int64_t id = id_of(req);
  m.store().mail().requeue(id, utc_now_string());
  m.mail_queued();
  return web::Response::redirect("/admin/mail/" + std::to_string(id));
}

}  // namespace

void register_mail_routes(Module& m) {
  auto& r = m.app().router();
  add_route(r, "GET", "/admin/mail", "admin", handler(m, outbox));
  add_route(r, "GET", "/admin/mail/{message}", "admin", handler(m, message));
  add_route(r, "POST", "/admin/mail/{message}/retry", "admin", handler(m, retry));
}

}  // namespace dp::collection
