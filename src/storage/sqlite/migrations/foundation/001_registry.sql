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
