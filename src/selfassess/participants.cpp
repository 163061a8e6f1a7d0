#include "selfassess/participants.h"

#include "core/error.h"
#include "mail/message.h"
#include "mail/outbox.h"
#include "storage/selfassess_store.h"
#include "web/crypto.h"

namespace dp::selfassess {

static void bad(const char* field, const std::string& msg) {
  Location where;
  where.field = field;
  throw Error::bad_input(msg, where);
}

Invitation invite(storage::Store& store, const InviteRequest& r, const std::string& base_url) {
  const std::string& name = r.name;
  const std::string& email = r.email;
  if (name.empty()) bad("name", "name: give the participant's name");
  if (name.size() > 200) bad("name", "name: at most 200 characters");
  auto at = email.find('@');
  if (at == std::string::npos || !mail::valid_address(email))
    bad("email", "email: '" + email + "' is not an e-mail address");
  Invitation inv;
  inv.token = web::random_token(24);
  storage::Participant p;
  p.assessment_id = r.assessment_id;
  p.name = name;
  p.email = email;
  p.token_digest = web::token_digest(inv.token);
  inv.link = base_url + "/sjalvskattning/delta/" + inv.token;
  store.write_transaction([&] {
    inv.participant_id = store.selfassess().add_participant(p);
    mail::Letter l;
    l.kind = "selfassess_invitation";
    l.to = email;
    l.lang = r.lang;
    l.secret = inv.link;
    l.org_code = r.org_code;
    l.data = {
        {"name", name}, {"org_name", r.org_name}, {"year", r.year}, {"invited_by", r.invited_by}, {"link", inv.link}};
    mail::queue(store, l);
  });
  return inv;
}

storage::Participant participant_of(storage::Store& store, const std::string& token) {
  if (token.size() < 16 || token.size() > 100) throw Error::not_found("no such personal link");
  auto p = store.selfassess().participant_by_token(web::token_digest(token));
  if (!p) throw Error::not_found("no such personal link");
  return *p;
}

}  // namespace dp::selfassess
