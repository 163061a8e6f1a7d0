#pragma once
// Inviting workshop participants: each gets a personal link (a random token; only its digest is
// stored) with which they rate the indicators individually, without an account.
#include <string>

#include "core/text.h"
#include "storage/selfassess_store.h"
#include "storage/store.h"

namespace dp::selfassess {

struct Invitation {
  int64_t participant_id = 0;
  std::string token;  // goes into the personal link once; never stored
  std::string link;   // base_url + "/sjalvskattning/delta/" + token
};

struct InviteRequest {
  int64_t assessment_id = 0;
  std::string name, email;
  std::string org_code, org_name;  // for the e-mail
  int year = 0;
  std::string invited_by;  // the facilitator's name or e-mail
  Lang lang = Lang::sv;
};

// Validates name and e-mail (BadInput naming the field), stores the participant and queues the
// invitation e-mail with the personal link in the outbox (templates/mail/selfassess_invitation.*),
// all in one transaction.
Invitation invite(storage::Store& store, const InviteRequest& r, const std::string& base_url);

// The participant a personal link belongs to; NotFound for an unknown token.
storage::Participant participant_of(storage::Store& store, const std::string& token);

}  // namespace dp::selfassess
