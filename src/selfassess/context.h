#pragma once
// Loading what the self-assessment pages need from storage: the assessment with its instrument,
// its agreed ratings and scores, the organisation as of the assessment year, and the person's
// rights on it. The I/O side of the module; the pure rules are in scoring.h and friends.
#include <memory>
#include <optional>
#include <string>

#include "registry/model.h"
#include "selfassess/rules.h"
#include "selfassess/scoring.h"
#include "storage/selfassess_store.h"
#include "storage/store.h"

namespace dp::selfassess {

// A parsed instrument by id, cached (instruments are immutable once stored). NotFound if absent.
std::shared_ptr<const instrument::Instrument> load_instrument(storage::Store& store, const std::string& id);

// The maturity instrument for a year: the one with that year, else the newest one before it.
std::optional<std::string> instrument_for_year(storage::Store& store, int year);
// Years that have a maturity instrument, newest first.
std::vector<int> maturity_years(storage::Store& store);

// The organisation as of a year (registry facts of the latest registry year not after it).
std::optional<registry::Organisation> organisation(storage::Store& store, const std::string& code, int year);
// Every active organisation as of a year (the same registry year as organisation()), by code.
std::vector<registry::Organisation> organisations(storage::Store& store, int year);

struct Loaded {
  storage::Assessment assessment;
  std::shared_ptr<const instrument::Instrument> instrument;
  std::vector<storage::AgreedRating> agreed;
  Ratings ratings;  // indicator -> agreed rating
  Result result;
  std::optional<registry::Organisation> org;
};

// Throws NotFound for an unknown or malformed id.
Loaded load(storage::Store& store, const std::string& assessment_id, const Rules& rules = bundled_rules());
Loaded load(storage::Store& store, const storage::Assessment& a, const Rules& rules = bundled_rules());

// The same organisation's (and part's) assessment of the year before, if any.
std::optional<storage::Assessment> previous_assessment(storage::Store& store, const storage::Assessment& a);

// Parses a positive integer id from a URL segment; NotFound otherwise.
int64_t parse_id(const std::string& s, const char* what);

}  // namespace dp::selfassess
