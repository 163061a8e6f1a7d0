#pragma once
// Invitation and reminder texts per campaign, edited by the analyst (the admin's texts page), not
// compiled into the binary: a campaign's settings hold `mail_texts: {kind: {lang: text}}`, each in
// the form of the bundled templates/mail/<kind>.<lang>.txt.mustache ("Subject: ..." line, blank
// line, body, mustache placeholders), which stay the defaults. Invitations of a municipality's
// respondents use the texts of the newest open campaign that asks the municipality.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "storage/campaign_store.h"
#include "storage/store.h"

namespace dp::collection {

// The kinds an analyst may edit: invitation, reminder.
const std::vector<std::string>& editable_mail_kinds();

// The placeholders a kind's text may use (what its view model holds).
const std::vector<std::string>& mail_placeholders(const std::string& kind);

// The campaign's own text for a kind and language, "" when it uses the bundled one.
std::string campaign_mail_text(const storage::Campaign& c, const std::string& kind, Lang lang);

// Sets (or, with "", resets to the bundled default) a campaign's text. Throws FieldError (field
// "text") listing what is wrong: no Subject line, broken mustache, an unknown placeholder.
void set_campaign_mail_text(storage::Store& store, const std::string& campaign, const std::string& kind, Lang lang,
                            const std::string& text, int64_t by_user);

// Example data for a preview of a kind.
nlohmann::json sample_mail_data(const std::string& kind, Lang lang);

// The newest open campaign whose scope holds `org_code` (for invitation texts), if any.
std::optional<storage::Campaign> invitation_campaign(storage::Store& store, const std::string& org_code);

}  // namespace dp::collection
