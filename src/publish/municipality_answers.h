#pragma once
// A municipality's published answers: for each campaign whose published revision's disclosure
// profile publishes single organisations' values (public_answers_run() below), the answers that
// revision counted (kept with it when it was computed), item by item in questionnaire order, with
// option labels. Never the live response: a response reopened and corrected after publication
// shows on the page only once a new revision is published. Free-text answers are never published.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "publish/site.h"
#include "registry/model.h"
#include "storage/campaign_store.h"
#include "storage/store.h"

namespace dp::publish {

struct AnswerSet {
  std::string title;  // campaign title and year
  int year = 0;
  std::vector<std::pair<std::string, std::string>> rows;  // question (and row) label, answer text
};

// The published revision (its run id) whose answers of single organisations may be shown: the
// campaign's published revision, when its disclosure profile publishes organisation-level values
// (figures::publishes_organisation_answers); nothing otherwise. `as_of`: the moment (UTC, "" = now)
// that decides what is published, so a scheduled revision shows nothing before its time.
std::optional<int64_t> public_answers_run(storage::Store& store, const storage::Campaign& c,
                                          const std::string& as_of = "");

std::vector<AnswerSet> published_answers(Site& site, const registry::Organisation& org, Lang lang);

}  // namespace dp::publish
