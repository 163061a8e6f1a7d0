#pragma once
// Answers as the form shows and sends them. A form field carries a "raw" text: an option code
// (yes/no, single), codes joined by '|' (multi), a number as typed ("12,5") or a text. The same
// raw form is used in the hidden "original value" fields, the autosave JSON and the browser script,
// so comparing two raws tells whether the respondent changed something.
#include <string>

#include "core/text.h"
#include "instrument/model.h"
#include "instrument/value.h"

namespace dp::collection {

// Canonical raw text of a stored value ("" for none). Numbers use a dot and no grouping.
std::string raw_of(const instrument::Item& item, const instrument::Value& v);

// What a person reads: option labels ("Ja", "Regionen; Annat"), numbers the Swedish or English
// way with the unit, texts as they are; "" for no answer.
std::string display_of(const instrument::Item& item, const instrument::Value& v, Lang lang);

// A number as a person typed it for the form ("12,5" in Swedish): integers without decimals.
std::string number_for_form(double n, Lang lang);

}  // namespace dp::collection
