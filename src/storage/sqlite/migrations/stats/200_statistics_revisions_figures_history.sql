-- A computation of a campaign. Revisions are numbered per campaign and never changed.
CREATE TABLE stat_runs (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  computed_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  profile TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  published_at TEXT,
  summary TEXT NOT NULL DEFAULT '{}',
  UNIQUE (campaign_id, revision)
);
-- The figures of a revision. A withheld figure has no count and no value.
CREATE TABLE stat_values (
  run_id INTEGER NOT NULL REFERENCES stat_runs(id) ON DELETE CASCADE,
  keyfigure TEXT NOT NULL,
  cell TEXT NOT NULL,
  breakdown TEXT NOT NULL,
  grp TEXT NOT NULL,
  year INTEGER NOT NULL,
  n INTEGER,
  count INTEGER,
  value REAL,
  marker TEXT NOT NULL DEFAULT '',
  decimals INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, keyfigure, cell, breakdown, grp)
) WITHOUT ROWID;
CREATE INDEX stat_values_cell ON stat_values(keyfigure, cell, breakdown, grp);
-- A stored figure is never silently changed: corrections make a new revision.
CREATE TRIGGER stat_values_immutable BEFORE UPDATE ON stat_values
BEGIN SELECT RAISE(ABORT, 'stored figures are never changed; compute a new revision'); END;
CREATE TRIGGER stat_runs_immutable BEFORE UPDATE OF campaign_id, revision, input_hash, computed_at, profile ON stat_runs
BEGIN SELECT RAISE(ABORT, 'a stored revision is never changed; compute a new revision'); END;
-- Published figures of earlier reports, with their source.
CREATE TABLE stat_history (
  keyfigure TEXT NOT NULL,
  cell TEXT NOT NULL,
  breakdown TEXT NOT NULL,
  grp TEXT NOT NULL,
  year INTEGER NOT NULL,
  n INTEGER,
  count INTEGER,
  value REAL,
  marker TEXT NOT NULL DEFAULT '',
  decimals INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL,
  note_sv TEXT NOT NULL DEFAULT '',
  note_en TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (keyfigure, cell, breakdown, grp, year)
) WITHOUT ROWID;
