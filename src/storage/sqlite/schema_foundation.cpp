#include "storage/sqlite/migrations.h"

namespace dp::storage::sqlite {

std::vector<Migration> foundation_migrations() {
  return {
      {1, "registry", R"SQL(
CREATE TABLE counties (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
-- An organisation's identity. Its facts are versioned by year in org_facts.
CREATE TABLE organisations (
  code TEXT PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'municipality'
);
-- Facts valid from `year` until a later record: name, county, groups, whether it exists.
CREATE TABLE org_facts (
  code TEXT NOT NULL REFERENCES organisations(code),
  year INTEGER NOT NULL,
  kind TEXT,
  name TEXT,
  county_code TEXT REFERENCES counties(code),
  skr_group_code TEXT,
  skr_group_name TEXT,
  active INTEGER,
  PRIMARY KEY (code, year)
);
-- Population on 31 December of `year`.
CREATE TABLE populations (
  code TEXT NOT NULL REFERENCES organisations(code),
  year INTEGER NOT NULL,
  population INTEGER NOT NULL CHECK (population >= 0),
  PRIMARY KEY (code, year)
);
-- Declared attributes (stimulus_requisitioned, home_health_care, ...), valid from `year`.
CREATE TABLE org_attributes (
  code TEXT NOT NULL REFERENCES organisations(code),
  year INTEGER NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (code, year, name)
);
CREATE TABLE boundaries (
  kind TEXT PRIMARY KEY,
  geojson TEXT NOT NULL
);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)SQL"},
      {2, "instruments and campaigns", R"SQL(
CREATE TABLE instruments (
  id TEXT PRIMARY KEY,
  family TEXT NOT NULL,
  kind TEXT NOT NULL,
  year INTEGER NOT NULL,
  previous TEXT,
  title_sv TEXT NOT NULL,
  title_en TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_text TEXT NOT NULL,
  loaded_at TEXT NOT NULL
);
CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  instrument_id TEXT NOT NULL REFERENCES instruments(id),
  year INTEGER NOT NULL,
  title_sv TEXT NOT NULL,
  title_en TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed', 'published')),
  opens_on TEXT,
  closes_on TEXT,
  population_year INTEGER NOT NULL,
  reminder_dates TEXT NOT NULL DEFAULT '[]',
  settings TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  published_at TEXT
);
CREATE TABLE campaign_orgs (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  org_code TEXT NOT NULL REFERENCES organisations(code),
  mandatory INTEGER NOT NULL DEFAULT 1,
  attributes TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (campaign_id, org_code)
);
)SQL"},
      {3, "responses, answers and audit", R"SQL(
CREATE TABLE responses (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  org_code TEXT NOT NULL REFERENCES organisations(code),
  status TEXT NOT NULL DEFAULT 'not_started'
    CHECK (status IN ('not_started', 'draft', 'submitted', 'reopened')),
  version INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT,
  submitted_at TEXT,
  submitted_by INTEGER NOT NULL DEFAULT 0,
  UNIQUE (campaign_id, org_code)
);
-- kind: 1 code, 2 codes (JSON array), 3 number, 4 text.
CREATE TABLE answers (
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  kind INTEGER NOT NULL,
  value TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (response_id, item)
) WITHOUT ROWID;
-- Append-only: every change, who, when, old and new value.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  user_id INTEGER NOT NULL DEFAULT 0,
  action TEXT NOT NULL,
  item TEXT NOT NULL DEFAULT '',
  old_value TEXT,
  new_value TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_response ON audit_log(response_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN (SELECT COUNT(*) FROM responses WHERE id = OLD.response_id) > 0
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)SQL"},
  };
}

}  // namespace dp::storage::sqlite
