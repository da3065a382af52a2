-- Organisations, users, credentials, the synced tables, the change log and the
-- bookkeeping of the sync protocol (see worker/src/sync/README in push.ts / pull.ts).
-- Every row belongs to one organisation; every lookup is scoped by org_id.

CREATE TABLE organisations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organisations(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'central', 'coordinator', 'manager')),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX users_org_email ON users (org_id, email);

-- Bearer tokens: only the SHA-256 of the token is kept; prefix is for display.
CREATE TABLE credentials (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organisations(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  last_used_at TEXT
);
CREATE INDEX credentials_org_user ON credentials (org_id, user_id);
CREATE INDEX credentials_prefix ON credentials (prefix);

-- One JSON document of settings per organisation (settingsSchema).
CREATE TABLE settings (
  org_id TEXT PRIMARY KEY REFERENCES organisations(id),
  data TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);

-- Synced table teams: the record as JSON, per-field clocks (field -> HLC) for
-- last-writer-wins, a tombstone flag, and server_seq = change-log sequence of the last change
-- (also the row version the push guard compares).
CREATE TABLE teams (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  clocks TEXT NOT NULL DEFAULT '{}',
  arrivals TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  server_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX teams_org_seq ON teams (org_id, server_seq);

-- Synced table posts: the record as JSON, per-field clocks (field -> HLC) for
-- last-writer-wins, a tombstone flag, and server_seq = change-log sequence of the last change
-- (also the row version the push guard compares).
CREATE TABLE posts (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  clocks TEXT NOT NULL DEFAULT '{}',
  arrivals TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  server_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX posts_org_seq ON posts (org_id, server_seq);

-- Synced table vacancies: the record as JSON, per-field clocks (field -> HLC) for
-- last-writer-wins, a tombstone flag, and server_seq = change-log sequence of the last change
-- (also the row version the push guard compares).
CREATE TABLE vacancies (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  clocks TEXT NOT NULL DEFAULT '{}',
  arrivals TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  server_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX vacancies_org_seq ON vacancies (org_id, server_seq);

-- Synced table adverts: the record as JSON, per-field clocks (field -> HLC) for
-- last-writer-wins, a tombstone flag, and server_seq = change-log sequence of the last change
-- (also the row version the push guard compares).
CREATE TABLE adverts (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  clocks TEXT NOT NULL DEFAULT '{}',
  arrivals TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  server_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX adverts_org_seq ON adverts (org_id, server_seq);

-- Synced table applications: the record as JSON, per-field clocks (field -> HLC) for
-- last-writer-wins, a tombstone flag, and server_seq = change-log sequence of the last change
-- (also the row version the push guard compares).
CREATE TABLE applications (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  clocks TEXT NOT NULL DEFAULT '{}',
  arrivals TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  server_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX applications_org_seq ON applications (org_id, server_seq);

-- Synced table stage_events: the record as JSON, per-field clocks (field -> HLC) for
-- last-writer-wins, a tombstone flag, and server_seq = change-log sequence of the last change
-- (also the row version the push guard compares).
CREATE TABLE stage_events (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  clocks TEXT NOT NULL DEFAULT '{}',
  arrivals TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  server_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX stage_events_org_seq ON stage_events (org_id, server_seq);

-- Synced table rota_slots: the record as JSON, per-field clocks (field -> HLC) for
-- last-writer-wins, a tombstone flag, and server_seq = change-log sequence of the last change
-- (also the row version the push guard compares).
CREATE TABLE rota_slots (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  clocks TEXT NOT NULL DEFAULT '{}',
  arrivals TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  server_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX rota_slots_org_seq ON rota_slots (org_id, server_seq);

-- Synced table checks: the record as JSON, per-field clocks (field -> HLC) for
-- last-writer-wins, a tombstone flag, and server_seq = change-log sequence of the last change
-- (also the row version the push guard compares).
CREATE TABLE checks (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  clocks TEXT NOT NULL DEFAULT '{}',
  arrivals TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  server_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX checks_org_seq ON checks (org_id, server_seq);

-- Synced table site_profiles: the record as JSON, per-field clocks (field -> HLC) for
-- last-writer-wins, a tombstone flag, and server_seq = change-log sequence of the last change
-- (also the row version the push guard compares).
CREATE TABLE site_profiles (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  clocks TEXT NOT NULL DEFAULT '{}',
  arrivals TEXT NOT NULL DEFAULT '{}',
  deleted INTEGER NOT NULL DEFAULT 0,
  erased INTEGER NOT NULL DEFAULT 0,
  server_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX site_profiles_org_seq ON site_profiles (org_id, server_seq);

CREATE INDEX applications_org_assigned ON applications (org_id, json_extract(data, '$.assignedTo'));
CREATE INDEX applications_org_vacancy ON applications (org_id, json_extract(data, '$.vacancyId'));
CREATE INDEX stage_events_org_application ON stage_events (org_id, json_extract(data, '$.applicationId'));
CREATE INDEX checks_org_application ON checks (org_id, json_extract(data, '$.applicationId'));
CREATE INDEX rota_slots_org_manager ON rota_slots (org_id, json_extract(data, '$.managerId'));
CREATE INDEX adverts_org_vacancy ON adverts (org_id, json_extract(data, '$.vacancyId'));
CREATE INDEX posts_org_team ON posts (org_id, json_extract(data, '$.teamId'));

-- Losing values of critical fields, kept for people to see (also pulled as table "conflicts").
CREATE TABLE conflicts (
  org_id TEXT NOT NULL,
  id TEXT NOT NULL,
  tbl TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  losing_value TEXT,
  winning_value TEXT,
  losing_hlc TEXT NOT NULL,
  winning_hlc TEXT NOT NULL,
  created_at TEXT NOT NULL,
  server_seq INTEGER NOT NULL,
  PRIMARY KEY (org_id, id)
) WITHOUT ROWID;
CREATE INDEX conflicts_org_record ON conflicts (org_id, tbl, record_id);

-- The change log: seq only ever increases (AUTOINCREMENT never reuses a value), and D1
-- runs batches one at a time, so a sequence committed later is always higher.
-- payload holds the fields the mutation sent (personal ones nulled on erasure).
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL,
  tbl TEXT NOT NULL,
  record_id TEXT NOT NULL,
  op TEXT NOT NULL,
  payload TEXT,
  user_id TEXT,
  client_id TEXT,
  mutation_id TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX changes_org_seq ON changes (org_id, seq);
CREATE INDEX changes_org_record ON changes (org_id, tbl, record_id, seq);

-- Per-client push state: the highest mutation sequence applied.
CREATE TABLE sync_clients (
  org_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (org_id, client_id)
) WITHOUT ROWID;
CREATE INDEX sync_clients_org_user ON sync_clients (org_id, user_id);

-- Idempotency: mutation ids already applied.
CREATE TABLE applied_mutations (
  org_id TEXT NOT NULL,
  mutation_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (org_id, mutation_id)
) WITHOUT ROWID;
CREATE INDEX applied_mutations_org_client ON applied_mutations (org_id, client_id, seq);

-- Who changed what and when. Field names only, never values (no personal data).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  org_id TEXT NOT NULL,
  at TEXT NOT NULL,
  user_id TEXT,
  credential_id TEXT,
  client_id TEXT,
  action TEXT NOT NULL,
  tbl TEXT,
  record_id TEXT,
  fields TEXT
);
CREATE INDEX audit_log_org_at ON audit_log (org_id, at);
CREATE INDEX audit_log_org_record ON audit_log (org_id, record_id);

-- Optimistic-concurrency guard of a push batch: the first statements of the batch insert
-- (expected, actual) row-version counts; a mismatch fails the CHECK, which aborts the whole
-- batch (a D1 batch is one transaction), and the push re-reads and retries. The last
-- statement of every batch empties the table, so it is always empty between batches.
CREATE TABLE sync_guard (
  expected INTEGER NOT NULL,
  actual INTEGER NOT NULL,
  CONSTRAINT rows_changed_concurrently CHECK (expected = actual)
);
