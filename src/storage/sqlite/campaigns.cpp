#include <nlohmann/json.hpp>

#include "core/error.h"
#include "storage/sqlite/rows.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

namespace {

const std::string kCols =
    "id, slug, instrument_id, year, title_sv, title_en, state, COALESCE(opens_on, ''), COALESCE(closes_on, ''), "
    "population_year, reminder_dates, settings, created_at, COALESCE(published_at, '')";

// The columns every write sets, ?1..?12 in this order.
const char* kInsert = R"SQL(
  INSERT INTO campaigns(slug, instrument_id, year, title_sv, title_en, state, opens_on, closes_on, population_year,
                        reminder_dates, settings, published_at, created_at)
  VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))SQL";
const char* kUpdate = R"SQL(
  UPDATE campaigns SET slug = ?1, instrument_id = ?2, year = ?3, title_sv = ?4, title_en = ?5, state = ?6,
    opens_on = ?7, closes_on = ?8, population_year = ?9, reminder_dates = ?10, settings = ?11, published_at = ?12
  WHERE id = ?13)SQL";

Campaign read_campaign(Row& r) {
  Campaign c;
  c.id = r.int64();
  c.slug = r.text();
  c.instrument_id = r.text();
  c.year = r.integer();
  c.title.sv = r.text();
  c.title.en = r.text();
  c.state = parse_campaign_state(r.text(), {"", 0, 0, "campaigns.state"});
  c.opens_on = r.text();
  c.closes_on = r.text();
  c.population_year = r.integer();
  auto rd = nlohmann::json::parse(r.text(), nullptr, false);
  if (rd.is_array())
    for (auto& d : rd)
      if (d.is_string()) c.reminder_dates.push_back(d.get<std::string>());
  c.settings = nlohmann::json::parse(r.text(), nullptr, false);
  if (!c.settings.is_object()) c.settings = nlohmann::json::object();
  c.created_at = r.text();
  c.published_at = r.text();
  return c;
}

template <class Last>
int write_campaign(SQLite::Database& db, const char* sql, const Campaign& c, const Last& last) {
  return run(db, sql, c.slug, c.instrument_id, c.year, c.title.sv, c.title.en, to_string(c.state), nullable(c.opens_on),
             nullable(c.closes_on), c.population_year, nlohmann::json(c.reminder_dates).dump(), c.settings.dump(),
             nullable(c.published_at), last);
}

CampaignOrg read_scope_row(Row& r) {
  CampaignOrg o;
  o.org_code = r.text();
  o.mandatory = r.flag();
  auto j = nlohmann::json::parse(r.text(), nullptr, false);
  if (j.is_object())
    for (auto& [k, v] : j.items())
      if (v.is_string()) o.attributes[k] = v.get<std::string>();
  return o;
}

}  // namespace

int64_t SqliteCampaigns::create(const Campaign& c) {
  int64_t id = 0;
  db_.write([&](SQLite::Database& db) {
    if (number(db, "SELECT COUNT(*) FROM campaigns WHERE slug = ?", c.slug) > 0)
      throw Error::conflict("a campaign '" + c.slug + "' already exists");
    write_campaign(db, kInsert, c, now_utc());
    id = db.getLastInsertRowid();
  });
  return id;
}

void SqliteCampaigns::update(const Campaign& c) {
  db_.write([&](SQLite::Database& db) {
    if (write_campaign(db, kUpdate, c, c.id) == 0) throw Error::not_found("no campaign " + std::to_string(c.id));
  });
}

std::vector<Campaign> SqliteCampaigns::list() {
  return all(db_.conn(), "SELECT " + kCols + " FROM campaigns ORDER BY year DESC, id", read_campaign);
}

std::optional<Campaign> SqliteCampaigns::find(int64_t id) {
  return one(db_.conn(), "SELECT " + kCols + " FROM campaigns WHERE id = ?", read_campaign, id);
}

std::optional<Campaign> SqliteCampaigns::find(const std::string& key) {
  return one(db_.conn(), "SELECT " + kCols + " FROM campaigns WHERE slug = ?1 OR CAST(id AS TEXT) = ?1", read_campaign,
             key);
}

void SqliteCampaigns::set_state(int64_t id, CampaignState state) {
  db_.write([&](SQLite::Database& db) {
    if (run(db,
            "UPDATE campaigns SET state = ?1, published_at = CASE WHEN ?1 = 'published' THEN ?2 ELSE published_at END "
            "WHERE id = ?3",
            to_string(state), now_utc(), id) == 0)
      throw Error::not_found("no campaign " + std::to_string(id));
  });
}

void SqliteCampaigns::set_scope(int64_t campaign_id, const std::vector<CampaignOrg>& orgs) {
  db_.write([&](SQLite::Database& db) {
    run(db, "DELETE FROM campaign_orgs WHERE campaign_id = ?", campaign_id);
    SQLite::Statement ins(db,
                          "INSERT INTO campaign_orgs(campaign_id, org_code, mandatory, attributes) VALUES(?, ?, ?, ?)");
    for (const auto& o : orgs) {
      ins.reset();
      bind_all(ins, campaign_id, o.org_code, o.mandatory, nlohmann::json(o.attributes).dump());
      ins.exec();
    }
  });
}

std::vector<CampaignOrg> SqliteCampaigns::scope(int64_t campaign_id) {
  return all(db_.conn(),
             "SELECT org_code, mandatory, attributes FROM campaign_orgs WHERE campaign_id = ? ORDER BY org_code",
             read_scope_row, campaign_id);
}

}  // namespace dp::storage::sqlite
