-- Admin console (issue 13): one-time invitations instead of pasted tokens, and a person's team.

-- The team a person works in (a teams record id of the organisation); null for none.
ALTER TABLE users ADD COLUMN team_id TEXT;

-- An invitation signs one browser in once: the extension exchanges the code for a token
-- (POST /v1/invitations/redeem). Only the SHA-256 of the code is kept. A redeemed invitation
-- names the token it became; a newer invitation or a deactivation revokes an open one.
CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organisations(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL UNIQUE,
  created_by TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  redeemed_at TEXT,
  revoked_at TEXT,
  credential_id TEXT
);
CREATE INDEX invitations_org_user ON invitations (org_id, user_id);
