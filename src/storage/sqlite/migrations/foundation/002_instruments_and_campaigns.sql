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
