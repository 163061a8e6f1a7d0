#include "storage/store.h"

#include <filesystem>

#include "core/error.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/rows.h"
#include "storage/sqlite/stores.h"

namespace dp::storage {
namespace sqlite {

class SqliteStore : public Store {
 public:
  explicit SqliteStore(const std::string& path)
      : db_(path),
        registry_(db_),
        instruments_(db_),
        campaigns_(db_),
        responses_(db_),
        users_(db_),
        mail_(db_),
        stats_(db_),
        selfassess_(db_),
        privacy_(db_) {}

  RegistryStore& registry() override { return registry_; }
  InstrumentStore& instruments() override { return instruments_; }
  CampaignStore& campaigns() override { return campaigns_; }
  ResponseStore& responses() override { return responses_; }
  UserStore& users() override { return users_; }
  MailStore& mail() override { return mail_; }
  StatsStore& stats() override { return stats_; }
  SelfAssessStore& selfassess() override { return selfassess_; }
  PrivacyStore& privacy() override { return privacy_; }

  void write_transaction(const std::function<void()>& fn) override {
    db_.write([&](SQLite::Database&) { fn(); });
  }

  std::string integrity_check() override {
    std::string out;
    for (const auto& line : all(db_.conn(), "PRAGMA integrity_check", [](Row& r) { return r.text(); }))
      out += (out.empty() ? "" : "\n") + line;
    return out;
  }

  int schema_version() override { return sqlite::schema_version(db_.conn()); }

  std::string write_check() override { return db_.write_check(); }

  std::string path() const override { return db_.path(); }

  Db& db() { return db_; }

 private:
  Db db_;
  SqliteRegistry registry_;
  SqliteInstruments instruments_;
  SqliteCampaigns campaigns_;
  SqliteResponses responses_;
  SqliteUsers users_;
  SqliteMail mail_;
  SqliteStats stats_;
  SqliteSelfAssess selfassess_;
  SqlitePrivacy privacy_;
};

}  // namespace sqlite

std::unique_ptr<Store> open_sqlite(const std::string& path, OpenOptions opts) {
  if (!opts.create && !std::filesystem::exists(path))
    throw Error::bad_input("no database here; create it with `digipuls init --db " + path + "`",
                           Location{path, 0, 0, {}});
  auto store = std::make_unique<sqlite::SqliteStore>(path);
  try {
    sqlite::migrate(store->db().conn());
  } catch (const Error& e) {
    if (e.code() != ErrorCode::BadInput || !e.where().empty()) throw;
    throw Error::bad_input(e.message(), Location{path, 0, 0, {}});
  } catch (const SQLite::Exception& e) {
    throw Error::bad_input(std::string("not a usable Digipuls database: ") + e.what(), Location{path, 0, 0, {}});
  }
  return store;
}

}  // namespace dp::storage
