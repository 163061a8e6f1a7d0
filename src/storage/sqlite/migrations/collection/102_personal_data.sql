-- Personal data (docs/operations.md, "Personal data"): when an account was removed (its
-- retention period counts from then), and a log of erasures and purges. The two append-only logs
-- allow exactly what an erasure or a purge needs, and only while one is under way (a row of
-- privacy_operations with done = 0, inside the operation's own transaction): an erasure may
-- rewrite the note of an entry (the person's e-mail and name become a pseudonym), a purge may
-- delete entries older than the retention period. Nothing else changes them.
ALTER TABLE users ADD COLUMN removed_at TEXT NOT NULL DEFAULT '';
UPDATE users SET removed_at = COALESCE(
  (SELECT MAX(at) FROM events WHERE action = 'user_remove' AND subject = 'user ' || users.id), created_at)
WHERE active = 0;
CREATE TABLE privacy_operations (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('erase', 'purge')),
  subject TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  by_user INTEGER NOT NULL DEFAULT 0,
  summary TEXT NOT NULL DEFAULT '',
  done INTEGER NOT NULL DEFAULT 0
);
DROP TRIGGER events_no_update;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.user_id IS NOT OLD.user_id OR NEW.action IS NOT OLD.action
  OR NEW.subject IS NOT OLD.subject
  OR NOT EXISTS (SELECT 1 FROM privacy_operations WHERE kind = 'erase' AND done = 0)
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
DROP TRIGGER events_no_delete;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM privacy_operations WHERE kind = 'purge' AND done = 0)
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NEW.id IS NOT OLD.id OR NEW.response_id IS NOT OLD.response_id OR NEW.at IS NOT OLD.at
  OR NEW.user_id IS NOT OLD.user_id OR NEW.action IS NOT OLD.action OR NEW.item IS NOT OLD.item
  OR NEW.old_value IS NOT OLD.old_value OR NEW.new_value IS NOT OLD.new_value
  OR NOT EXISTS (SELECT 1 FROM privacy_operations WHERE kind = 'erase' AND done = 0)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN (SELECT COUNT(*) FROM responses WHERE id = OLD.response_id) > 0
  AND NOT EXISTS (SELECT 1 FROM privacy_operations WHERE kind = 'purge' AND done = 0)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
