#pragma once
// A database made by `digipuls init` (bundled registry, instruments, the ehalsa-2021 campaign)
// in a temporary directory.
#include "collection/bootstrap.h"
#include "collection/campaign_context.h"
#include "collection/microdata.h"
#include "support/sqlite_temp_dir.h"

namespace dp::testing {

struct InitialisedDb {
  TempDir dir;
  std::unique_ptr<storage::Store> store;

  explicit InitialisedDb(const std::string& name = "init.db") {
    store = storage::open_sqlite(dir.file(name));
    collection::initialise(*store);
  }
  collection::CampaignContext campaign() { return collection::load_campaign(*store, std::string("ehalsa-2021")); }
};

}  // namespace dp::testing
