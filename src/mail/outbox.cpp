#include "mail/outbox.h"

#include "core/error.h"
#include "core/utc_time.h"
#include "mail/message.h"
#include "mail/render.h"
#include "storage/mail_store.h"

namespace dp::mail {

int64_t queue(storage::Store& store, const Letter& letter) {
  if (!valid_address(letter.to))
    throw Error::bad_input("'" + letter.to.substr(0, 80) + "' is not an e-mail address", Location{{}, 0, 0, "email"});
  auto r = render(letter.kind, letter.lang, letter.data, letter.text);
  storage::OutboxMessage m;
  m.kind = letter.kind;
  m.recipient = letter.to;
  m.subject = r.subject;
  m.body_text = r.text;
  m.body_html = r.html;
  m.secret = letter.secret;
  m.created_at = utc_now_string();
  m.next_attempt_at = m.created_at;
  m.user_id = letter.user_id;
  m.campaign_id = letter.campaign_id;
  m.org_code = letter.org_code;
  return store.mail().enqueue(m);
}

}  // namespace dp::mail
