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
