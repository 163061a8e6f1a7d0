#pragma once
// The view model of one section of the response form (templates/respond_section.mustache), and
// the rules the browser script needs to show and hide follow-up questions at once (the same
// condition ASTs the server evaluates, as JSON).
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collection/campaign_context.h"
#include "collection/prefill.h"
#include "collection/responding.h"
#include "core/text.h"

namespace dp::collection {

// Translates a UI key with {name} placeholders.
using Translate = std::function<std::string(const std::string& key, const std::map<std::string, std::string>& args)>;

// What a re-rendered form shows instead of the stored state: the values the respondent sent
// (item -> raw), the original values to compare against next time, and what went wrong.
struct FormInput {
  std::map<std::string, std::string> raw;
  std::map<std::string, std::string> orig;
  std::vector<ItemProblem> problems;
  std::vector<storage::Conflict> conflicts;
  std::map<int64_t, std::string> user_names;  // for "changed by" in conflicts
};

// The HTML id of an item's field ("q08.barn_unga" -> "f-q08-r-barn_unga"); keys never contain '-'.
std::string field_id(const std::string& item_key);

// Progress of every section: shown mandatory items answered / shown mandatory items.
nlohmann::json section_progress(const CampaignContext& ctx, const std::string& org, const instrument::Answers& answers,
                                const std::string& current_section, const std::string& base_path, Lang lang,
                                const Translate& t);

nlohmann::json section_view(const CampaignContext& ctx, const std::string& org, const ResponseState& state,
                            const instrument::Section& section, const PreviousAnswers* prev, const FormInput& input,
                            Lang lang, const Translate& t);

// The browser's rules: {"org": {...}, "order": [...], "sections": {...}, "questions": {...},
// "answers": {...}} (see static/form.js).
nlohmann::json form_rules(const CampaignContext& ctx, const std::string& org, const instrument::Answers& answers);

// JSON text that is safe inside <script type="application/json">: '<', '>' and '&' are escaped
// as \u003c etc., so no answer text can close the element.
std::string json_for_script(const nlohmann::json& j);

// A problem's message in the UI language (collect.problems.<code>).
std::string problem_message(const ItemProblem& p, const Translate& t);

}  // namespace dp::collection
