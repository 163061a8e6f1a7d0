-- The answers a revision was computed from, kept with it when its disclosure profile publishes
-- organisations' own answers: a public municipality page shows the answers as the published
-- revision counted them, never a response that is being corrected now.
CREATE TABLE stat_run_answers (
  run_id INTEGER NOT NULL REFERENCES stat_runs(id) ON DELETE CASCADE,
  org_code TEXT NOT NULL,
  item TEXT NOT NULL,
  kind INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (run_id, org_code, item)
) WITHOUT ROWID;
CREATE TRIGGER stat_run_answers_immutable BEFORE UPDATE ON stat_run_answers
BEGIN SELECT RAISE(ABORT, 'the answers of a revision are never changed; compute a new revision'); END;
