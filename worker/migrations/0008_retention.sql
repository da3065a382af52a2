-- Retention (issue 16): the synced tables of staff on posts, leavers, exit interviews, Stay
-- conversations, internal transfers, incentives, ASYE cohorts and weekly caseloads. Each has the
-- shape of every synced table (0002): the record as JSON, per-field clocks for last-writer-wins,
-- arrivals, a tombstone flag, and server_seq = change-log sequence of its last change.

-- staff: a post's permanent holder (personal data of staff: name).
CREATE TABLE staff (
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
CREATE INDEX staff_org_seq ON staff (org_id, server_seq);

-- leavers: a person who left; frees their post.
CREATE TABLE leavers (
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
CREATE INDEX leavers_org_seq ON leavers (org_id, server_seq);

-- exit_interviews: offered to every leaver; notes stay out of reports.
CREATE TABLE exit_interviews (
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
CREATE INDEX exit_interviews_org_seq ON exit_interviews (org_id, server_seq);

-- stay_conversations: confidential: the person is pulled only by the holder and admins.
CREATE TABLE stay_conversations (
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
CREATE INDEX stay_conversations_org_seq ON stay_conversations (org_id, server_seq);

-- transfers: an internal move between teams (not a leaver).
CREATE TABLE transfers (
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
CREATE INDEX transfers_org_seq ON transfers (org_id, server_seq);

-- incentives: golden hellos, retention payments, refer-a-friend rewards and their clawbacks.
CREATE TABLE incentives (
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
CREATE INDEX incentives_org_seq ON incentives (org_id, server_seq);

-- cohorts: ASYE / Early Career cohorts.
CREATE TABLE cohorts (
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
CREATE INDEX cohorts_org_seq ON cohorts (org_id, server_seq);

-- caseload_weeks: a team's cases held and FTE holding cases for one week.
CREATE TABLE caseload_weeks (
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
CREATE INDEX caseload_weeks_org_seq ON caseload_weeks (org_id, server_seq);
