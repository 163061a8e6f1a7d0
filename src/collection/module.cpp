#include "collection/module.h"

#include "collection/web_helpers.h"
#include "storage/registry_store.h"
#include "storage/response_store.h"

namespace dp::collection {

Module::Module(web::App& app, storage::Store& db, mail::Config mail_config, AuthPolicy policy)
    : app_(app),
      store_(db),
      auth_(db, policy),
      contexts_(db),
      sender_(db, mail_config, mail::make_transport(mail_config)),
      reminders_(db, app.config().base_url, [this] { sender_.wake(); }),
      retention_(db, RetentionPolicy{}) {
  app_.authenticate = [this](web::Request& req) {
    auto c = req.cookies.find(kSessionCookie);
    return c == req.cookies.end() ? web::Principal{} : auth_.resolve(c->second);
  };
  app_.lookups.county_of_org = [this](const std::string& org) -> std::optional<std::string> {
    auto years = store().registry().years();
    if (years.empty() || org.empty() || org.size() > 20) return std::nullopt;
    auto o = store().registry().find(org, years.back(), years.back(), store().registry().size_groups());
    if (!o) return std::nullopt;
    return o->county_code;
  };
  app_.lookups.org_of_response = [this](const std::string& id) -> std::optional<std::string> {
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    auto r = store().responses().find(std::stoll(id));
    if (!r) return std::nullopt;
    return r->org_code;
  };
  register_auth_routes(*this);
  register_account_routes(*this);
  register_mail_routes(*this);
  register_form_routes(*this);
  register_campaign_routes(*this);
  register_response_admin_routes(*this);
  register_privacy_routes(*this);
  register_team_routes(*this);
  register_mail_text_routes(*this);
  register_instrument_routes(*this);
}

Module::~Module() { stop(); }

void Module::start() {
  sender_.start();
  reminders_.start();
  retention_.start();
}

void Module::stop() {
  retention_.stop();
  reminders_.stop();
  sender_.stop();
}

}  // namespace dp::collection
