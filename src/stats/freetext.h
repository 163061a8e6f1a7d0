#pragma once
// Free-text answers listed per question for the analyst (comments and «Annat, ange vad» fields):
// the report summarises, lists or codes them by hand (survey-2021.md 1.7). Never published by
// default: the listing names the organisation.
#include <string>
#include <vector>

#include "instrument/model.h"
#include "stats/dataset.h"

namespace dp::stats {

struct FreeTextEntry {
  std::string question;  // question id
  std::string item;      // "q07:annat", "q12:comment"
  std::string org_code;
  std::string org_name;
  std::string text;
};

// Respondents' texts in questionnaire order, then by organisation code. `question`: one question
// id, or "" for all.
std::vector<FreeTextEntry> free_text(const Dataset& ds, const instrument::Instrument& in, const std::string& question);

}  // namespace dp::stats
