#pragma once
// The summary of a campaign's results in Swedish and English (docs/statistics.md, "Summary"):
// one paragraph per theme, generated from the published national figures of the campaign's
// year (the value, the change since the previous published year, the panel's change), which the
// analyst may replace by an edited text per paragraph and language. An edit is kept with the
// generated text it replaced, so that the editor can see when the figures behind it have changed.
#include <map>
#include <string>
#include <vector>

#include "core/text.h"
#include "publish/site.h"
#include "storage/campaign_store.h"
#include "web/templates.h"

namespace dp::publish {

struct SummaryParagraph {
  std::string id;  // "intro" or a theme id
  I18n heading;
  I18n generated;
};

// The paragraphs generated from what is published for the campaign's revision `info`.
std::vector<SummaryParagraph> generated_summary(Site& site, const Snapshot& snap, const web::Templates& t,
                                                const storage::Campaign& campaign, const RevisionInfo& info);

struct SummaryEdit {
  std::string text;       // the analyst's text
  std::string generated;  // the generated text it replaced, when it was saved
};

// The campaign's edits by paragraph id and language code ("sv", "en").
std::map<std::string, std::map<std::string, SummaryEdit>> summary_edits(const storage::Campaign& c);

// Saves (or, with an empty text, removes) the analyst's text of a paragraph in a language.
// Throws dp::Error (BadInput, field "text") for a text longer than kMaxSummaryText characters.
constexpr size_t kMaxSummaryText = 4000;
void set_summary_edit(storage::Store& store, storage::Campaign c, const std::string& paragraph, Lang lang,
                      const std::string& text, const std::string& generated);

}  // namespace dp::publish
