CREATE TABLE sa_assessments (
  id INTEGER PRIMARY KEY,
  org_code TEXT NOT NULL REFERENCES organisations(code),
  year INTEGER NOT NULL,
  part TEXT NOT NULL DEFAULT '',
  instrument_id TEXT NOT NULL REFERENCES instruments(id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
  plan_level TEXT NOT NULL,
  publish_overall INTEGER NOT NULL DEFAULT 0,
  publish_target_groups INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  completed_at TEXT,
  UNIQUE (org_code, year, part)
);
CREATE TABLE sa_participants (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES sa_assessments(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  token_digest TEXT NOT NULL UNIQUE,
  invited_at TEXT NOT NULL,
  UNIQUE (assessment_id, email)
);
CREATE TABLE sa_individual (
  assessment_id INTEGER NOT NULL REFERENCES sa_assessments(id) ON DELETE CASCADE,
  participant_id INTEGER NOT NULL REFERENCES sa_participants(id) ON DELETE CASCADE,
  indicator TEXT NOT NULL,
  rating TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, participant_id, indicator)
);
CREATE TABLE sa_agreed (
  assessment_id INTEGER NOT NULL REFERENCES sa_assessments(id) ON DELETE CASCADE,
  indicator TEXT NOT NULL,
  rating TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  evidence_url TEXT NOT NULL DEFAULT '',
  evidence_note TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT 'workshop' CHECK (source IN ('workshop', 'register')),
  register_value REAL,
  updated_by INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, indicator)
);
CREATE TABLE sa_plan_items (
  id INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES sa_assessments(id) ON DELETE CASCADE,
  indicator TEXT NOT NULL,
  measure_no INTEGER NOT NULL,
  measure_sv TEXT NOT NULL,
  measure_en TEXT NOT NULL,
  priority REAL NOT NULL,
  position INTEGER NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  due_date TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
  comment TEXT NOT NULL DEFAULT '',
  followup TEXT NOT NULL DEFAULT '',
  UNIQUE (assessment_id, indicator, measure_no)
);
CREATE INDEX sa_assessments_org ON sa_assessments(org_code, year);
