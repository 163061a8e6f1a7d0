-- Roles as a set (issue 16): a respondent may also be its organisation's contact (invites and
-- removes colleagues) and approver (alone signs off and submits). Before this migration any
-- respondent could submit; so that every organisation that had accounts can still submit, its
-- first active respondent (the lowest id: the account the administrator added first) becomes its
-- contact and approver. Everyone else stays a contributor; the administrator or the new contact
-- changes that on the organisation's team page.
ALTER TABLE users ADD COLUMN duties TEXT NOT NULL DEFAULT ''
  CHECK (duties IN ('', 'contact', 'approver', 'contact,approver'));
UPDATE users SET duties = 'contact,approver'
WHERE id IN (SELECT MIN(id) FROM users WHERE role = 'respondent' AND active = 1 GROUP BY org_code);
