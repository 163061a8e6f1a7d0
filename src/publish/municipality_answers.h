#pragma once
// A municipality's published answers: for each published campaign in which answers of single
// organisations may be shown (answers_public() below), its submitted response, item by item in
// questionnaire order, with option labels. Free-text answers are never published.
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "publish/site.h"
#include "registry/model.h"
#include "storage/campaign_store.h"

namespace dp::publish {

struct AnswerSet {
  std::string title;  // campaign title and year
  int year = 0;
  std::vector<std::pair<std::string, std::string>> rows;  // question (and row) label, answer text
};

// Whether single organisations' answers of a campaign may be published: the campaign is
// published and its disclosure control sets no minimum n (one organisation's answer is a cell
// with n = 1, so any minimum above one forbids it).
bool answers_public(const storage::Campaign& c);

std::vector<AnswerSet> published_answers(Site& site, const registry::Organisation& org, Lang lang);

}  // namespace dp::publish
