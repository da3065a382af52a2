/**
 * The demo council for `npm start` and the end-to-end tests: organisation, users with
 * local-only demo tokens, settings (straight into the local D1), then every record through
 * the real sync push, so the data the extension pulls went through the same path as a user's.
 */
import { createHash } from 'node:crypto';
import { formatHlc } from '#shared/hlc';
import { todayInLondon } from '#shared/calendar';
import { generateDemoCouncil, type DemoCouncil } from '#demo/index';
import { SYNC_SCHEMA_VERSION, SYNC_TABLE_NAMES, type Mutation, type PushRequest } from '#shared/schema/index';
import { executeLocalSql } from './wrangler';

export const DEMO_ORG_ID = 'org-demo-wessex';
const SEED_CLIENT = 'demo-seed-wessex';

/** Demo tokens are fixed so `npm start` can print them every time; they only exist in a local D1. */
export const demoToken = (userId: string) => `sl_demo_${userId.replace(/^user-/, '')}`;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sql = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

/** A UUID (v7-shaped) derived from a name, so re-seeding sends the same mutation ids. */
function stableUuid(name: string): string {
  const h = sha256(name);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function organisationSql(data: DemoCouncil, now: string): string {
  const expires = new Date(Date.parse(now) + 365 * 86_400_000).toISOString();
  const rows = [
    `INSERT OR IGNORE INTO organisations (id, name, created_at) VALUES (${sql(DEMO_ORG_ID)}, ${sql(data.organisation.name)}, ${sql(now)});`,
    `INSERT OR IGNORE INTO settings (org_id, data, updated_at) VALUES (${sql(DEMO_ORG_ID)}, ${sql(JSON.stringify(data.settings))}, ${sql(now)});`,
  ];
  for (const u of data.users) {
    const token = demoToken(u.id);
    rows.push(
      `INSERT OR IGNORE INTO users (id, org_id, name, email, role, active, created_at) VALUES (${sql(u.id)}, ${sql(DEMO_ORG_ID)}, ${sql(u.name)}, ${sql(u.email)}, ${sql(u.role)}, 1, ${sql(now)});`,
      `INSERT OR IGNORE INTO credentials (id, org_id, user_id, token_hash, prefix, created_at, expires_at) VALUES (${sql(`cred-${u.id}`)}, ${sql(DEMO_ORG_ID)}, ${sql(u.id)}, ${sql(sha256(token))}, ${sql(token.slice(0, 11))}, ${sql(now)}, ${sql(expires)});`,
    );
  }
  return rows.join('\n');
}

/** A Stay conversation is confidential: only its holder (and admins) may push it, so each holder loads their own. */
type Records = Partial<DemoCouncil['records']>;
const heldRecords = (data: DemoCouncil, heldBy: string): Records => ({ stay_conversations: data.records.stay_conversations.filter((s) => s.heldBy === heldBy) });
const withoutHeldRecords = (data: DemoCouncil): Records => ({ ...data.records, stay_conversations: [] });

/** Records of the demo council as upserts, in an order that keeps references valid. */
function demoMutations(records: Records, nowMs: number, node = SEED_CLIENT): Mutation[] {
  const mutations: Mutation[] = [];
  const add = (table: Mutation['table'], op: Mutation['op'], recordId: string, fields?: Record<string, unknown>) => {
    const seq = mutations.length + 1;
    mutations.push({
      id: stableUuid(`${table}/${recordId}/${op}`),
      seq,
      table,
      op,
      recordId,
      ...(fields ? { fields } : {}),
      // A stage event is entered when it happened (the server labels one entered later "recorded late").
      hlc: formatHlc({ wall: table === 'stage_events' ? Math.min(Date.parse(String(fields?.at)), nowMs) : nowMs, counter: seq, node }),
    });
  };
  for (const table of SYNC_TABLE_NAMES) {
    for (const record of (records as unknown as Record<string, Array<{ id: string }>>)[table] ?? []) {
      const { id, erased, ...fields } = record as { id: string; erased?: boolean; name?: string | null };
      // An erased candidate arrives the way it happened: the application, then its erasure.
      const before = { ...fields, name: 'Candidate who asked to be forgotten', referrer: (fields as { source?: string }).source === 'referral' ? 'Referrer (erased)' : null };
      add(table, 'upsert', id, erased ? before : fields);
      if (erased) add(table, 'erase', id);
    }
  }
  return mutations;
}

async function push(workerUrl: string, token: string, body: PushRequest): Promise<void> {
  const res = await fetch(`${workerUrl}/v1/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`demo push refused (${res.status}): ${(await res.text()).slice(0, 2000)}`);
}

export interface SeededDemo {
  data: DemoCouncil;
  created: boolean;
  tokens: Array<{ label: string; userId: string; token: string }>;
}

/** Loads the demo council once; later runs find it and only print its tokens. */
export async function seedDemoCouncil(workerUrl: string, stateDir: string, asOf = todayInLondon(new Date())): Promise<SeededDemo> {
  const existing = await executeLocalSql<{ asof: string | null }>(
    stateDir,
    `SELECT (SELECT value FROM meta WHERE key = 'demo_as_of') AS asof`,
  );
  const seededAsOf = existing[0]?.asof ?? null;
  const data = generateDemoCouncil({ asOf: seededAsOf ?? asOf });
  const tokens = data.users.map((u) => ({ label: `${u.name} (${u.role})`, userId: u.id, token: demoToken(u.id) }));
  if (seededAsOf) return { data, created: false, tokens };

  const now = new Date().toISOString();
  await executeLocalSql(stateDir, organisationSql(data, now));
  const central = data.users.find((u) => u.role === 'central');
  if (!central) throw new Error('demo council has no central-team user to load its records');
  const loads = [
    { userId: central.id, clientId: SEED_CLIENT, records: withoutHeldRecords(data) },
    ...[...new Set(data.records.stay_conversations.map((s) => s.heldBy))].map((heldBy) => ({ userId: heldBy, clientId: `${SEED_CLIENT}-${heldBy}`, records: heldRecords(data, heldBy) })),
  ];
  for (const load of loads) {
    const mutations = demoMutations(load.records, Date.now(), load.clientId);
    for (let i = 0; i < mutations.length; i += 1000) {
      await push(workerUrl, demoToken(load.userId), { clientId: load.clientId, schemaVersion: SYNC_SCHEMA_VERSION, mutations: mutations.slice(i, i + 1000) });
    }
  }
  // Written last: a run interrupted before this point loads again (pushes are idempotent).
  await executeLocalSql(stateDir, `INSERT OR REPLACE INTO meta (key, value) VALUES ('demo_as_of', ${sql(data.asOf)})`);
  return { data, created: true, tokens };
}
