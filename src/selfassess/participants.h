#pragma once
// Inviting workshop participants: each gets a personal link (a random token; only its digest is
// stored) with which they rate the indicators individually, without an account.
#include <string>

#include "storage/selfassess_store.h"
#include "storage/store.h"

namespace dp::selfassess {

struct Invitation {
  int64_t participant_id = 0;
  std::string token;  // goes into the personal link once; never stored
  std::string link;   // base_url + "/sjalvskattning/delta/" + token
};

// Validates name and e-mail (BadInput naming the field) and stores the participant.
Invitation invite(storage::Store& store, int64_t assessment_id, const std::string& name, const std::string& email,
                  const std::string& base_url);

// The participant a personal link belongs to; NotFound for an unknown token.
storage::Participant participant_of(storage::Store& store, const std::string& token);

}  // namespace dp::selfassess
