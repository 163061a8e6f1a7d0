CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'respondent')),
  org_code TEXT REFERENCES organisations(code),
  county_code TEXT REFERENCES counties(code),
  password_hash TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'sv' CHECK (lang IN ('sv', 'en')),
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  last_login_at TEXT NOT NULL DEFAULT '',
  CHECK ((role = 'respondent') = (org_code IS NOT NULL)),
  CHECK ((role = 'coordinator') = (county_code IS NOT NULL))
);
CREATE INDEX users_org ON users(org_code);
-- Only the digest of the cookie token is stored.
CREATE TABLE sessions (
  digest TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);
-- Invitations and sign-in links: single use, expiring; only the digest is stored.
CREATE TABLE user_tokens (
  digest TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'login')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
) WITHOUT ROWID;
CREATE INDEX user_tokens_user ON user_tokens(user_id, purpose, created_at);
-- Failed sign-ins by source (kind 'ip' or 'email'), for rate limiting.
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(kind, key, at);
-- Administrative actions: accounts, campaign states, reopened responses, reminders.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER NOT NULL DEFAULT 0,
  action TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_subject ON events(subject, id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
