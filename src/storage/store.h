#pragma once
// The one storage interface. Every SQL statement in Digipuls lives behind it (in storage/sqlite/);
// a PostgreSQL backend implements the same classes without touching the rest of the program.
// Each area has its own interface header; Store hands them out and runs transactions.
#include <functional>
#include <memory>
#include <string>

namespace dp::storage {

class RegistryStore;
class InstrumentStore;
class CampaignStore;
class ResponseStore;
class UserStore;
class MailStore;
class StatsStore;
class SelfAssessStore;
class PrivacyStore;

class Store {
 public:
  virtual ~Store() = default;

  virtual RegistryStore& registry() = 0;
  virtual InstrumentStore& instruments() = 0;
  virtual CampaignStore& campaigns() = 0;
  virtual ResponseStore& responses() = 0;
  virtual UserStore& users() = 0;
  virtual MailStore& mail() = 0;
  virtual StatsStore& stats() = 0;
  virtual SelfAssessStore& selfassess() = 0;
  virtual PrivacyStore& privacy() = 0;

  // Runs fn in one write transaction on the calling thread: all of it is stored, or nothing
  // (fn throws). Nested calls join the outer transaction.
  virtual void write_transaction(const std::function<void()>& fn) = 0;

  // Database health: SQLite's integrity_check; "ok" when healthy. Reads the whole database:
  // an operator's command (`digipuls db check`), never a request.
  virtual std::string integrity_check() = 0;
  virtual int schema_version() = 0;
  // "" when the database can be written now, else the reason (read-only, locked...). Cheap:
  // starts a write transaction and rolls it back. Failed writes themselves throw dp::Error
  // (Unavailable) with their reason.
  virtual std::string write_check() = 0;
  // Where the database lives (a file path), for disk-space checks and messages.
  virtual std::string path() const = 0;
};

struct OpenOptions {
  bool create = true;  // create the file and apply migrations (digipuls init); else it must exist
};

// Opens (and migrates) an SQLite database. Throws dp::Error on failure.
std::unique_ptr<Store> open_sqlite(const std::string& path, OpenOptions opts = {});

}  // namespace dp::storage
