#include <nlohmann/json.hpp>

#include "core/error.h"
#include "storage/sqlite/stores.h"

namespace dp::storage::sqlite {

static const char* kCols =
    "id, slug, instrument_id, year, title_sv, title_en, state, COALESCE(opens_on, ''), COALESCE(closes_on, ''), "
    "population_year, reminder_dates, settings, created_at, COALESCE(published_at, '')";

static Campaign read_campaign(SQLite::Statement& q) {
  Campaign c;
  c.id = q.getColumn(0).getInt64();
  c.slug = q.getColumn(1).getString();
  c.instrument_id = q.getColumn(2).getString();
  c.year = q.getColumn(3).getInt();
  c.title = {q.getColumn(4).getString(), q.getColumn(5).getString()};
  c.state = q.getColumn(6).getString();
  c.opens_on = q.getColumn(7).getString();
  c.closes_on = q.getColumn(8).getString();
  c.population_year = q.getColumn(9).getInt();
  auto rd = nlohmann::json::parse(q.getColumn(10).getString(), nullptr, false);
  if (rd.is_array())
    for (auto& d : rd)
      if (d.is_string()) c.reminder_dates.push_back(d.get<std::string>());
  c.settings = nlohmann::json::parse(q.getColumn(11).getString(), nullptr, false);
  if (!c.settings.is_object()) c.settings = nlohmann::json::object();
  c.created_at = q.getColumn(12).getString();
  c.published_at = q.getColumn(13).getString();
  return c;
}

static void bind_campaign(SQLite::Statement& q, const Campaign& c) {
  q.bind(":slug", c.slug);
  q.bind(":instrument", c.instrument_id);
  q.bind(":year", c.year);
  q.bind(":title_sv", c.title.sv);
  q.bind(":title_en", c.title.en);
  q.bind(":state", c.state);
  if (c.opens_on.empty()) q.bind(":opens"); else q.bind(":opens", c.opens_on);
  if (c.closes_on.empty()) q.bind(":closes"); else q.bind(":closes", c.closes_on);
  q.bind(":pop", c.population_year);
  q.bind(":reminders", nlohmann::json(c.reminder_dates).dump());
  q.bind(":settings", c.settings.dump());
  if (c.published_at.empty()) q.bind(":published"); else q.bind(":published", c.published_at);
}

int64_t SqliteCampaigns::create(const Campaign& c) {
  int64_t id = 0;
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement dup(db, "SELECT 1 FROM campaigns WHERE slug = ?");
    dup.bind(1, c.slug);
    if (dup.executeStep()) throw Error::conflict("a campaign '" + c.slug + "' already exists");
    SQLite::Statement q(db, R"SQL(
      INSERT INTO campaigns(slug, instrument_id, year, title_sv, title_en, state, opens_on, closes_on,
                            population_year, reminder_dates, settings, created_at, published_at)
      VALUES(:slug, :instrument, :year, :title_sv, :title_en, :state, :opens, :closes, :pop, :reminders, :settings,
             :created, :published))SQL");
    bind_campaign(q, c);
    q.bind(":created", now_utc());
    q.exec();
    id = db.getLastInsertRowid();
  });
  return id;
}

void SqliteCampaigns::update(const Campaign& c) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, R"SQL(
      UPDATE campaigns SET slug = :slug, instrument_id = :instrument, year = :year, title_sv = :title_sv,
        title_en = :title_en, state = :state, opens_on = :opens, closes_on = :closes, population_year = :pop,
        reminder_dates = :reminders, settings = :settings, published_at = :published
      WHERE id = :id)SQL");
    bind_campaign(q, c);
    q.bind(":id", c.id);
    if (q.exec() == 0) throw Error::not_found("no campaign " + std::to_string(c.id));
  });
}

std::vector<Campaign> SqliteCampaigns::list() {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kCols + " FROM campaigns ORDER BY year DESC, id");
  std::vector<Campaign> out;
  while (q.executeStep()) out.push_back(read_campaign(q));
  return out;
}

std::optional<Campaign> SqliteCampaigns::find(int64_t id) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kCols + " FROM campaigns WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_campaign(q);
}

std::optional<Campaign> SqliteCampaigns::find(const std::string& key) {
  SQLite::Statement q(db_.conn(), std::string("SELECT ") + kCols + " FROM campaigns WHERE slug = ?1 OR CAST(id AS TEXT) = ?1");
  q.bind(1, key);
  if (!q.executeStep()) return std::nullopt;
  return read_campaign(q);
}

void SqliteCampaigns::set_state(int64_t id, const std::string& state) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement q(db, "UPDATE campaigns SET state = ?1, published_at = CASE WHEN ?1 = 'published' "
                            "THEN ?2 ELSE published_at END WHERE id = ?3");
    q.bind(1, state);
    q.bind(2, now_utc());
    q.bind(3, id);
    if (q.exec() == 0) throw Error::not_found("no campaign " + std::to_string(id));
  });
}

void SqliteCampaigns::set_scope(int64_t campaign_id, const std::vector<CampaignOrg>& orgs) {
  db_.write([&](SQLite::Database& db) {
    SQLite::Statement del(db, "DELETE FROM campaign_orgs WHERE campaign_id = ?");
    del.bind(1, campaign_id);
    del.exec();
    SQLite::Statement ins(db, "INSERT INTO campaign_orgs(campaign_id, org_code, mandatory, attributes) VALUES(?, ?, ?, ?)");
    for (const auto& o : orgs) {
      ins.reset();
      ins.bind(1, campaign_id);
      ins.bind(2, o.org_code);
      ins.bind(3, o.mandatory ? 1 : 0);
      ins.bind(4, nlohmann::json(o.attributes).dump());
      ins.exec();
    }
  });
}

std::vector<CampaignOrg> SqliteCampaigns::scope(int64_t campaign_id) {
  SQLite::Statement q(db_.conn(), "SELECT org_code, mandatory, attributes FROM campaign_orgs WHERE campaign_id = ? ORDER BY org_code");
  q.bind(1, campaign_id);
  std::vector<CampaignOrg> out;
  while (q.executeStep()) {
    CampaignOrg o;
    o.org_code = q.getColumn(0).getString();
    o.mandatory = q.getColumn(1).getInt() != 0;
    auto j = nlohmann::json::parse(q.getColumn(2).getString(), nullptr, false);
    if (j.is_object())
      for (auto& [k, v] : j.items())
        if (v.is_string()) o.attributes[k] = v.get<std::string>();
    out.push_back(o);
  }
  return out;
}

}  // namespace dp::storage::sqlite
