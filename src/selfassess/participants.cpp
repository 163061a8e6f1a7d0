#include "selfassess/participants.h"

#include "core/error.h"
#include "storage/selfassess_store.h"
#include "web/crypto.h"

namespace dp::selfassess {

static void bad(const char* field, const std::string& msg) {
  Location where;
  where.field = field;
  throw Error::bad_input(msg, where);
}

Invitation invite(storage::Store& store, int64_t assessment_id, const std::string& name, const std::string& email,
                  const std::string& base_url) {
  if (name.empty()) bad("name", "name: give the participant's name");
  if (name.size() > 200) bad("name", "name: at most 200 characters");
  auto at = email.find('@');
  if (email.size() > 254 || at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos ||
      email.find_first_of(" \t\r\n<>") != std::string::npos)
    bad("email", "email: '" + email + "' is not an e-mail address");
  Invitation inv;
  inv.token = web::random_token(24);
  storage::Participant p;
  p.assessment_id = assessment_id;
  p.name = name;
  p.email = email;
  p.token_digest = web::token_digest(inv.token);
  inv.participant_id = store.selfassess().add_participant(p);
  inv.link = base_url + "/sjalvskattning/delta/" + inv.token;
  return inv;
}

storage::Participant participant_of(storage::Store& store, const std::string& token) {
  if (token.size() < 16 || token.size() > 100) throw Error::not_found("no such personal link");
  auto p = store.selfassess().participant_by_token(web::token_digest(token));
  if (!p) throw Error::not_found("no such personal link");
  return *p;
}

}  // namespace dp::selfassess
