#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/collection_state.h"
#include "instrument/value.h"

namespace dp::storage {

struct Response {
  int64_t id = 0;
  int64_t campaign_id = 0;
  std::string org_code;
  ResponseStatus status = ResponseStatus::NotStarted;
  int64_t version = 0;  // bumped by every change, for optimistic concurrency
  std::string updated_at;
  std::string submitted_at;
  int64_t submitted_by = 0;
};

struct StoredAnswer {
  std::string item;
  instrument::Value value;
  int64_t version = 0;  // the response version that last changed this item
  std::string updated_at;
  int64_t updated_by = 0;
  // Imported although today's routing does not ask it (`responses import --routing keep`): the
  // statistics count it all the same.
  bool outside_routing = false;
};

// One requested change of an item, made on top of the item version the client last saw.
struct AnswerChange {
  std::string item;
  instrument::Value value;       // Empty = clear the answer
  int64_t base_version = -1;     // -1: no check (imports, the generator)
  bool outside_routing = false;  // see StoredAnswer; a change without it clears the flag
};

struct Conflict {
  std::string item;
  instrument::Value theirs;  // the value stored now
  int64_t version = 0;
  int64_t updated_by = 0;
  std::string updated_at;
};

struct SaveResult {
  int64_t version = 0;              // the response version after the save
  std::vector<std::string> saved;   // items written
  std::vector<Conflict> conflicts;  // items not written because someone else changed them first
};

struct AuditEntry {
  int64_t id = 0;
  int64_t response_id = 0;
  std::string at;
  int64_t user_id = 0;  // 0 = the command line / system
  std::string action;   // answer | submit | reopen | import | generate | status
  std::string item;
  std::string old_value;  // JSON
  std::string new_value;  // JSON
  std::string note;
};

class ResponseStore {
 public:
  virtual ~ResponseStore() = default;

  // The response of an organisation in a campaign, created (not_started) if missing.
  virtual Response get_or_create(int64_t campaign_id, const std::string& org_code) = 0;
  virtual std::optional<Response> find(int64_t response_id) = 0;
  virtual std::vector<Response> list(int64_t campaign_id) = 0;

  virtual std::vector<StoredAnswer> answers(int64_t response_id) = 0;

  // Applies changes atomically with an audit entry per changed item. A change whose base_version
  // is older than the item's stored version is not applied and is returned as a conflict.
  // Status moves from not_started to draft on the first change.
  virtual SaveResult save(int64_t response_id, const std::vector<AnswerChange>& changes, int64_t user_id,
                          const std::string& action) = 0;

  // Replaces all answers (import): items not in `answers` are cleared. Audited; the status (with
  // `note`) is recorded when anything changed. Replacing with identical answers, flags and status
  // is a no-op. Items in `outside_routing` are stored flagged (see StoredAnswer).
  virtual void replace(int64_t response_id, const instrument::Answers& answers, ResponseStatus status, int64_t user_id,
                       const std::string& action, const std::string& note,
                       const std::set<std::string>& outside_routing = {}) = 0;

  // The flagged answers of a campaign (StoredAnswer::outside_routing): items per organisation.
  virtual std::map<std::string, std::set<std::string>> outside_routing(int64_t campaign_id) = 0;

  // Status changes (submit, reopen with a reason, ...), audited.
  virtual void set_status(int64_t response_id, ResponseStatus status, int64_t user_id, const std::string& action,
                          const std::string& note) = 0;

  virtual std::vector<AuditEntry> audit(int64_t response_id) = 0;

  // The answers a statistics revision counted, per organisation, kept with the revision (public
  // pages show them instead of live responses). Kept once: answers already kept for the revision
  // stay as they are.
  virtual void keep_revision_answers(int64_t run_id, const std::map<std::string, instrument::Answers>& by_org) = 0;
  // What keep_revision_answers kept for one organisation (empty when nothing was kept).
  virtual instrument::Answers revision_answers(int64_t run_id, const std::string& org_code) = 0;

  // Streams every stored answer of a campaign: (org_code, status, item, value). For statistics
  // and exports over large campaigns without loading everything at once.
  virtual void for_each_answer(
      int64_t campaign_id, const std::function<void(const std::string& org, ResponseStatus status,
                                                    const std::string& item, const instrument::Value& value)>& fn) = 0;
};

}  // namespace dp::storage
