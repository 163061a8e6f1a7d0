#pragma once
// The collection side of the web application, assembled: it installs the session hook and the
// access lookups on the App, registers the routes (sign-in, accounts, mail, campaigns, the
// response form, the dashboard) and owns the background work (the mail sender and the reminder
// schedule, the daily purge of personal data). `digipuls serve` creates one and calls start().
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "collection/auth.h"
#include "collection/context_cache.h"
#include "collection/privacy.h"
#include "collection/reminders.h"
#include "core/error.h"
#include "instrument/model.h"
#include "mail/config.h"
#include "mail/sender.h"
#include "web/app.h"

namespace dp::collection {

class Module {
 public:
  Module(web::App& app, storage::Store& store, mail::Config mail_config, AuthPolicy policy = {});
  ~Module();
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  // Starts the background work (the mail sender, the reminder schedule, the retention purge).
  void start();
  void stop();

  web::App& app() { return app_; }
  storage::Store& store() { return store_; }
  Auth& auth() { return auth_; }
  ContextCache& contexts() { return contexts_; }
  mail::Sender& sender() { return sender_; }
  const mail::Config& mail_config() const { return sender_.config(); }
  // Retention periods of personal data: enforced by the daily purge, stated in the privacy notice.
  const RetentionPolicy& retention() const { return retention_.policy(); }
  void set_retention(RetentionPolicy policy) { retention_.set_policy(policy); }
  // Publishes a closed campaign's figures (the one publish rule, figures::publish_revision: the
  // disclosure audit must pass). Collection does not compute figures, so the program supplies it;
  // without one the publish button answers 409. `at`: UTC time to publish at ("" = at once).
  using Publisher = std::function<void(const std::string& campaign, int64_t by_user, const std::string& at)>;
  void set_publisher(Publisher p) { publisher_ = std::move(p); }
  const Publisher& publisher() const { return publisher_; }
  // Checks and imports an uploaded instrument version with its key-figure and report files (the
  // admin page "Instruments"). The rules live in figures (figures::check_import and
  // import_instrument), which collection does not see, so the program supplies them; without
  // them the page answers 409.
  struct InstrumentUpload {
    std::string name, text;                                                  // the instrument file
    std::string keyfigures_name, keyfigures_text, report_name, report_text;  // optional ("" = none)
  };
  struct InstrumentCheck {
    std::optional<instrument::Instrument> instrument;  // set when the instrument itself is valid
    Diagnostics diagnostics;
  };
  struct InstrumentTools {
    std::function<InstrumentCheck(const InstrumentUpload&)> check;
    // Stores it all or nothing; returns the version's id, throws dp::Error with the problems.
    std::function<std::string(const InstrumentUpload&)> import;
  };
  void set_instrument_tools(InstrumentTools t) { instrument_tools_ = std::move(t); }
  const InstrumentTools& instrument_tools() const { return instrument_tools_; }
  // Wakes the sender after something was queued, so mail goes out at once.
  void mail_queued() { sender_.wake(); }

 private:
  web::App& app_;
  storage::Store& store_;
  Auth auth_;
  ContextCache contexts_;
  mail::Sender sender_;
  Reminders reminders_;
  RetentionJob retention_;
  Publisher publisher_;
  InstrumentTools instrument_tools_;
};

// Route groups (one file each).
void register_auth_routes(Module& m);
void register_account_routes(Module& m);
void register_mail_routes(Module& m);
void register_form_routes(Module& m);
void register_campaign_routes(Module& m);
void register_response_admin_routes(Module& m);
void register_privacy_routes(Module& m);
void register_team_routes(Module& m);
void register_mail_text_routes(Module& m);
void register_instrument_routes(Module& m);

}  // namespace dp::collection
