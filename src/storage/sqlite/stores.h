#pragma once
// The SQLite implementations of the storage interfaces.
#include "storage/campaign_store.h"
#include "storage/instrument_store.h"
#include "storage/mail_store.h"
#include "storage/privacy_store.h"
#include "storage/registry_store.h"
#include "storage/response_store.h"
#include "storage/selfassess_store.h"
#include "storage/sqlite/db.h"
#include "storage/stats_store.h"
#include "storage/user_store.h"

namespace dp::storage::sqlite {

class SqliteRegistry : public RegistryStore {
 public:
  explicit SqliteRegistry(Db& db) : db_(db) {}
  void upsert_county(const registry::County& c) override;
  std::vector<registry::County> counties() override;
  void apply(const registry::ImportRecord& r) override;
  std::vector<registry::Organisation> list(int year, int population_year,
                                           const registry::SizeGroupScheme& scheme) override;
  std::optional<registry::Organisation> find(const std::string& code, int year, int population_year,
                                             const registry::SizeGroupScheme& scheme) override;
  std::vector<int> years() override;
  void put_boundaries(const std::string& kind, const std::string& geojson) override;
  std::optional<std::string> boundaries(const std::string& kind) override;
  void put_size_groups(const std::string& yaml_text) override;
  registry::SizeGroupScheme size_groups() override;

 private:
  Db& db_;
  std::vector<registry::Organisation> query(const std::string* code, int year, int population_year,
                                            const registry::SizeGroupScheme& scheme);
};

class SqliteInstruments : public InstrumentStore {
 public:
  explicit SqliteInstruments(Db& db) : db_(db) {}
  void put(const instrument::Instrument& in) override;
  std::vector<InstrumentInfo> list() override;
  std::optional<std::string> source(const std::string& id) override;
  void put_declaration(const std::string& name, const std::string& kind, const std::string& text) override;
  std::optional<std::string> declaration(const std::string& name) override;
  std::vector<std::pair<std::string, std::string>> declarations(const std::string& kind) override;
  void record_erratum(const instrument::Instrument& corrected, const std::string& note,
                      const std::vector<instrument::TextChange>& changes) override;
  std::vector<InstrumentErratum> errata(const std::string& instrument_id) override;

 private:
  Db& db_;
};

class SqliteCampaigns : public CampaignStore {
 public:
  explicit SqliteCampaigns(Db& db) : db_(db) {}
  int64_t create(const Campaign& c) override;
  void update(const Campaign& c) override;
  std::vector<Campaign> list() override;
  std::optional<Campaign> find(int64_t id) override;
  std::optional<Campaign> find(const std::string& id_or_slug) override;
  void set_state(int64_t id, CampaignState state) override;
  void set_scope(int64_t campaign_id, const std::vector<CampaignOrg>& orgs) override;
  std::vector<CampaignOrg> scope(int64_t campaign_id) override;

 private:
  Db& db_;
};

class SqliteResponses : public ResponseStore {
 public:
  explicit SqliteResponses(Db& db) : db_(db) {}
  Response get_or_create(int64_t campaign_id, const std::string& org_code) override;
  std::optional<Response> find(int64_t response_id) override;
  std::vector<Response> list(int64_t campaign_id) override;
  std::vector<StoredAnswer> answers(int64_t response_id) override;
  SaveResult save(int64_t response_id, const std::vector<AnswerChange>& changes, int64_t user_id,
                  const std::string& action) override;
  void replace(int64_t response_id, const instrument::Answers& answers, ResponseStatus status, int64_t user_id,
               const std::string& action, const std::string& note,
               const std::set<std::string>& outside_routing) override;
  std::map<std::string, std::set<std::string>> outside_routing(int64_t campaign_id) override;
  void set_status(int64_t response_id, ResponseStatus status, int64_t user_id, const std::string& action,
                  const std::string& note) override;
  std::vector<AuditEntry> audit(int64_t response_id) override;
  void keep_revision_answers(int64_t run_id, const std::map<std::string, instrument::Answers>& by_org) override;
  instrument::Answers revision_answers(int64_t run_id, const std::string& org_code) override;
  void for_each_answer(int64_t campaign_id,
                       const std::function<void(const std::string&, ResponseStatus, const std::string&,
                                                const instrument::Value&)>& fn) override;

 private:
  Db& db_;
};

class SqliteUsers : public UserStore {
 public:
  explicit SqliteUsers(Db& db) : db_(db) {}
  int64_t create(const User& u) override;
  void update(const User& u) override;
  std::optional<User> find(int64_t id) override;
  std::optional<User> find_by_email(const std::string& email) override;
  std::vector<User> list(const UserFilter& filter) override;
  void deactivate(int64_t id) override;
  void record_login_success(int64_t id, const std::string& now) override;
  int record_login_failure(int64_t id, int lock_after, const std::string& lock_until) override;
  void record_failure(const std::string& kind, const std::string& key, const std::string& now) override;
  int count_failures(const std::string& kind, const std::string& key, const std::string& since) override;
  void prune_failures(const std::string& before) override;
  void create_session(const Session& s) override;
  std::optional<Session> find_session(const std::string& digest, const std::string& now) override;
  void touch_session(const std::string& digest, const std::string& now) override;
  void delete_session(const std::string& digest) override;
  void delete_sessions_of(int64_t user_id) override;
  void create_token(const std::string& digest, int64_t user_id, const std::string& purpose, const std::string& now,
                    const std::string& expires_at) override;
  std::optional<int64_t> peek_token(const std::string& digest, const std::string& purpose,
                                    const std::string& now) override;
  std::optional<int64_t> consume_token(const std::string& digest, const std::string& purpose,
                                       const std::string& now) override;
  int count_tokens(int64_t user_id, const std::string& purpose, const std::string& since) override;
  void log_event(const Event& e) override;
  std::vector<Event> events(const std::string& subject, int limit) override;

 private:
  Db& db_;
};

class SqliteMail : public MailStore {
 public:
  explicit SqliteMail(Db& db) : db_(db) {}
  int64_t enqueue(const OutboxMessage& m) override;
  std::vector<OutboxMessage> due(const std::string& now, int limit) override;
  void mark_sent(int64_t id, const std::string& now) override;
  void mark_failed(int64_t id, const std::string& now, const std::string& error,
                   const std::string& next_attempt_at) override;
  void mark_logged(int64_t id, const std::string& now) override;
  void requeue(int64_t id, const std::string& now) override;
  std::optional<OutboxMessage> find(int64_t id) override;
  std::vector<OutboxMessage> list(const OutboxFilter& f) override;
  std::vector<MailAttempt> attempts(int64_t id) override;
  OutboxCounts counts() override;
  bool claim_reminder_run(int64_t campaign_id, const std::string& on_date, const std::string& now) override;
  void set_reminder_messages(int64_t campaign_id, const std::string& on_date, int messages) override;
  std::vector<std::pair<std::string, int>> reminder_runs(int64_t campaign_id) override;

 private:
  Db& db_;
};

class SqliteStats : public StatsStore {
 public:
  explicit SqliteStats(Db& db) : db_(db) {}
  StatRun add_run(const StatRun& run, const std::vector<Figure>& values) override;
  std::vector<StatRun> runs(int64_t campaign_id) override;
  std::optional<StatRun> run(int64_t campaign_id, int revision) override;
  std::optional<StatRun> published_run(int64_t campaign_id, const std::string& as_of = "") override;
  std::vector<Figure> values(int64_t run_id) override;
  void publish_run(int64_t run_id, const std::string& at = "") override;
  void withdraw_scheduled(int64_t campaign_id, const std::string& as_of) override;
  size_t replace_history(const std::vector<Figure>& history) override;
  std::vector<Figure> history(const std::string& keyfigure) override;
  std::vector<Figure> series(const std::string& keyfigure, const std::string& cell, const std::string& breakdown,
                             const std::string& group, bool published_only, const std::string& as_of = "") override;
  std::vector<Figure> all_points(bool published_only, const std::string& as_of = "") override;
  std::string publication_stamp(const std::string& as_of = "") override;
  std::string last_published_at(const std::string& as_of = "") override;

 private:
  Db& db_;
  // Every point, or those of one cell (its key's year is ignored).
  std::vector<Figure> points(const FigureKey* cell, bool published_only, const std::string& as_of);
};

class SqliteSelfAssess : public SelfAssessStore {
 public:
  explicit SqliteSelfAssess(Db& db) : db_(db) {}
  int64_t create(const Assessment& a) override;
  std::optional<Assessment> find(int64_t id) override;
  std::vector<Assessment> list_for_org(const std::string& org_code) override;
  std::vector<Assessment> list_all() override;
  void update(const Assessment& a) override;
  int64_t add_participant(const Participant& p) override;
  std::vector<Participant> participants(int64_t assessment_id) override;
  std::optional<Participant> participant_by_token(const std::string& token_digest) override;
  void put_individual(int64_t assessment_id, const IndividualRating& r) override;
  std::vector<IndividualRating> individual(int64_t assessment_id) override;
  void put_agreed(int64_t assessment_id, const AgreedRating& r) override;
  std::vector<AgreedRating> agreed(int64_t assessment_id) override;
  void replace_plan(int64_t assessment_id, const std::vector<PlanItem>& items) override;
  std::vector<PlanItem> plan(int64_t assessment_id) override;
  void update_plan_item(int64_t assessment_id, const PlanItem& item) override;

 private:
  Db& db_;
};

// The erasure itself, on a connection inside a write transaction (also used by restore, which
// erases again the accounts erased since the backup was taken).
ErasureCounts erase_in(SQLite::Database& db, int64_t user_id, int64_t by_user, const std::string& now);

class SqlitePrivacy : public PrivacyStore {
 public:
  explicit SqlitePrivacy(Db& db) : db_(db) {}
  ErasureCounts erase_user(int64_t user_id, int64_t by_user, const std::string& now) override;
  bool erased(int64_t user_id) override;
  PurgeCounts purge(const PurgeCutoffs& cutoffs, const std::string& now) override;
  std::vector<PrivacyOperation> operations(int limit) override;
  void checkpoint() override;

 private:
  Db& db_;
};

}  // namespace dp::storage::sqlite
