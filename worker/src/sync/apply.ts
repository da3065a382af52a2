import { DEFAULT_SETTINGS, settingsSchema, type ConflictRecord, type Mutation, type Settings, type SyncTable } from '#shared/schema/index';
import { decidePush } from '#shared/sync/decide';
import type { PeopleLookup, Person } from '#shared/sync/people';
import { mondayOf } from '#shared/sync/permissions';
import { dependentRows, ERASURE_DEPENDENTS, isErasable, namedIds, parentLinkOf, type ErasableTable } from '#shared/sync/erasure';
import { referencedIds } from '#shared/sync/references';
import { sequencePush, type PushingClient } from '#shared/sync/sequence';
import type { AuthContext } from '../env';
import { ApiFailure } from '../errors';
import { isGuardFailure, isTransient, sleep } from '../db/retry';
import { refusedWith } from './refused';
import { Store } from './store';
import { buildWriteBatch } from './statements';

export interface ApplyOptions {
  /** The pushing client; null for server-originated changes (admin erasure). */
  clientId: string | null;
  /** Skip role checks (the caller's route already authorised the action). */
  trusted?: boolean;
}

export interface ApplyResult {
  lastSeq: number;
  applied: number;
  skipped: number;
  conflicts: ConflictRecord[];
}

const MAX_ATTEMPTS = 8;

/**
 * Applies a client's mutations: read the rows concerned, decide everything in memory with the
 * sync rules of shared/sync/ (sequence, validation, references, the role policy, stage-history
 * rules, field-level merge, erasure), then write it all in ONE
 * db.batch() that starts with guards on the versions read. If another push changed one of
 * those rows in between, the guard fails, the batch rolls back as a whole, and we start
 * again from a fresh read; transient D1 errors are retried the same way (idempotent).
 */
export async function applyMutations(db: D1Database, auth: AuthContext, mutations: Mutation[], opts: ApplyOptions): Promise<ApplyResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(db, auth, mutations, opts);
    } catch (err) {
      if (err instanceof ApiFailure) throw err;
      if (attempt < MAX_ATTEMPTS && (isGuardFailure(err) || isTransient(err))) {
        await sleep(Math.min(400, 10 * 2 ** attempt) * Math.random());
        continue;
      }
      if (isGuardFailure(err) || isTransient(err)) {
        throw new ApiFailure(503, 'busy', 'The server is busy with other changes to the same records; try the push again shortly', undefined, { 'Retry-After': '2' });
      }
      throw err;
    }
  }
}

async function attemptOnce(db: D1Database, auth: AuthContext, mutations: Mutation[], opts: ApplyOptions): Promise<ApplyResult> {
  const { orgId } = auth;
  const nowMs = Date.now();
  const nowIso = new Date(nowMs).toISOString();
  const store = new Store(db, orgId);
  const thisWeek = mondayOf(nowIso);

  // ---- read: client state, applied ids, settings, people named, the records concerned -----
  // Referenced records are read (and guarded) with the mutations' own rows, so a reference is
  // checked against the row version the batch then guards.
  const refs = referencedIds(mutations);
  const byTable = new Map<SyncTable, string[]>();
  const idsOf = (t: SyncTable) => byTable.get(t) ?? byTable.set(t, []).get(t)!;
  for (const m of mutations) idsOf(m.table).push(m.recordId);
  for (const [t, ids] of refs) if (t !== 'users') idsOf(t).push(...ids);
  const reads = store.reads([...byTable.entries()]);
  const head: D1PreparedStatement[] = [
    db.prepare('SELECT data FROM settings WHERE org_id = ?1').bind(orgId),
    db.prepare('SELECT id, role, active FROM users WHERE org_id = ?1 AND id IN (SELECT value FROM json_each(?2))').bind(orgId, JSON.stringify([...(refs.get('users') ?? [])])),
  ];
  if (opts.clientId) {
    head.push(db.prepare('SELECT user_id, last_seq FROM sync_clients WHERE org_id = ?1 AND client_id = ?2').bind(orgId, opts.clientId));
    head.push(
      db
        .prepare('SELECT mutation_id FROM applied_mutations WHERE org_id = ?1 AND mutation_id IN (SELECT value FROM json_each(?2))')
        .bind(orgId, JSON.stringify(mutations.map((m) => m.id))),
    );
  }
  const results = await db.batch([...head, ...reads.stmts]);
  reads.absorb(results.slice(head.length));
  const settings = settingsOf(results[0]!.results as { data: string }[]);
  const people = peopleOf(results[1]!.results as { id: string; role: Person['role']; active: number }[]);
  let client: PushingClient | null = null;
  if (opts.clientId) {
    const state = (results[2]!.results as { user_id: string; last_seq: number }[])[0];
    client = {
      userId: auth.userId,
      state: state ? { userId: state.user_id, lastSeq: state.last_seq } : null,
      appliedIds: new Set((results[3]!.results as { mutation_id: string }[]).map((r) => r.mutation_id)),
    };
  }

  // ---- sequence: skip what was applied, refuse gaps -------------------------------------
  const sequenced = sequencePush(mutations, client);
  if ('refusal' in sequenced) throw refusedWith(sequenced.refusal);
  const { fresh, baseSeq, newLastSeq, skipped } = sequenced;
  if (sequenced.noop) return { lastSeq: baseSeq, applied: 0, skipped, conflicts: [] };

  // ---- related reads: every row the decision looks at beyond the mutations' own ----------
  const appIdOf = (m: Mutation) => String(m.fields?.applicationId ?? store.get(m.table, m.recordId)?.data.applicationId ?? '');
  const related = fresh.filter((m) => m.table === 'stage_events' || m.table === 'checks').map(appIdOf);
  // An erased or deleted application takes its events' and checks' notes with it, an erased or
  // deleted member of staff their records' notes and names: read them.
  const scrubs = (m: Mutation) => m.op === 'erase' || (m.op === 'delete' && isErasable(m.table));
  for (const m of fresh) if (scrubs(m) && m.table === 'applications') related.push(m.recordId);
  await store.load([['applications', related]]);
  for (const m of uniqueBy(fresh.filter(scrubs), (m) => `${m.table}:${m.recordId}`)) if (isErasable(m.table)) await loadDependents(store, m.table, m.recordId);
  await loadOwners(store, fresh);
  if (auth.role === 'manager' && !opts.trusted) {
    // The role policy reads the application's vacancy, its teams (own-team decisions) and the
    // manager's rota slots for the weeks concerned.
    const vacancyIds = related.map((id) => String(store.get('applications', id)?.data.vacancyId ?? ''));
    await store.load([['vacancies', vacancyIds]]);
    const teamIds = vacancyIds.flatMap((v) => {
      const teams = store.get('vacancies', v)?.data.teamIds;
      return Array.isArray(teams) ? teams.filter((t): t is string => typeof t === 'string') : [];
    });
    await store.load([['teams', teamIds]]);
    const weeks = new Set([thisWeek, ...fresh.map((m) => mondayOf(String(m.fields?.at ?? '')))].filter(Boolean));
    for (const w of weeks) await loadSlots(store, db, orgId, auth.userId, w);
    await loadManagedTeams(store, fresh);
  }

  // ---- decide (shared/sync/decide.ts), then write: one atomic batch -----------------------
  const decision = decidePush({
    mutations: fresh,
    stored: store,
    nowMs,
    caller: { userId: auth.userId, role: auth.role },
    people,
    settings,
    trusted: opts.trusted,
  });
  if ('refusal' in decision) throw refusedWith(decision.refusal);
  const { plan } = decision;
  const batch = buildWriteBatch(db, store, {
    auth,
    clientId: opts.clientId,
    nowIso,
    baseSeq,
    newLastSeq,
    appliedMutations: fresh.map((m) => ({ mutationId: m.id, seq: m.seq })),
    plan,
  });
  await db.batch(batch);
  return { lastSeq: newLastSeq, applied: plan.applied, skipped, conflicts: plan.conflicts };
}

const uniqueBy = <T>(list: T[], key: (x: T) => string): T[] => [...new Map(list.map((x) => [key(x), x])).values()];

/** Every record an erasure of `table`'s record `id` reaches (shared/sync/erasure.ts), parents before their dependents, then those they name (a post held). */
async function loadDependents(store: Store, table: ErasableTable, id: string) {
  for (const d of ERASURE_DEPENDENTS[table]) {
    const parents = d.parent === table ? [id] : dependentRows(table, id, store).find((x) => x.table === d.parent)?.rows.map((r) => r.id) ?? [];
    for (const p of parents) await store.loadWhere(d.table, d.link, p);
  }
  const own = new Map(dependentRows(table, id, store).map((x) => [x.table, x.rows.map((r) => r.data)]));
  const named = namedIds(table, (t) => (t === table ? [store.get(table, id)?.data ?? {}] : (own.get(t) ?? [])));
  await store.load([...named].map(([t, ids]) => [t, [...ids]]));
}

/** The records above each mutated record up to the person it belongs to (an exit interview's leaver and staff record): is that person erased? */
async function loadOwners(store: Store, fresh: Mutation[]) {
  let level = fresh.map((m) => ({ table: m.table, data: { ...store.get(m.table, m.recordId)?.data, ...m.fields } as Record<string, unknown> | undefined }));
  while (level.length) {
    const up = level.flatMap(({ table, data }) => {
      const link = parentLinkOf(table);
      const id = link && data?.[link.link];
      return link && typeof id === 'string' ? [{ table: link.parent, id }] : [];
    });
    await store.load(up.map((u) => [u.table, [u.id]]));
    level = up.map((u) => ({ table: u.table, data: store.get(u.table, u.id)?.data }));
  }
}

async function loadSlots(store: Store, db: D1Database, orgId: string, userId: string, week: string) {
  const { results } = await db
    .prepare(
      `SELECT id FROM rota_slots WHERE org_id = ?1 AND json_extract(data, '$.managerId') = ?2 AND json_extract(data, '$.week') = ?3`,
    )
    .bind(orgId, userId, week)
    .all<{ id: string }>();
  await store.load([['rota_slots', results.map((r) => r.id)]]);
}

/**
 * The posts and teams a manager's retention change is judged by (shared/sync/retention-permissions.ts):
 * the post a leaver leaves (an exit interview's through its leaver), a post's team, a transfer's and a draft vacancy's teams, as they were
 * and as the change makes them.
 */
async function loadManagedTeams(store: Store, fresh: Mutation[]) {
  const valuesOf = (m: Mutation, field: string) => [store.get(m.table, m.recordId)?.data[field], m.fields?.[field]].flat();
  const ids = (values: unknown[]) => values.filter((x): x is string => typeof x === 'string');
  await store.load([['leavers', fresh.flatMap((m) => (m.table === 'exit_interviews' ? ids(valuesOf(m, 'leaverId')) : []))]]);
  const postIds = fresh.flatMap((m) => {
    if (m.table === 'leavers') return ids(valuesOf(m, 'postId'));
    if (m.table === 'exit_interviews') return ids(valuesOf(m, 'leaverId').map((l) => (typeof l === 'string' ? store.get('leavers', l)?.data.postId : undefined)));
    return m.table === 'posts' ? [m.recordId] : [];
  });
  await store.load([['posts', postIds]]);
  const teamIds = fresh.flatMap((m) => {
    if (m.table === 'transfers') return ids([...valuesOf(m, 'fromTeamId'), ...valuesOf(m, 'toTeamId')]);
    if (m.table === 'vacancies') return ids(valuesOf(m, 'teamIds'));
    return [];
  });
  for (const p of postIds) teamIds.push(...ids([store.get('posts', p)?.data.teamId]));
  await store.load([['teams', teamIds]]);
}

function settingsOf(rows: { data: string }[]): Settings {
  if (!rows[0]) return DEFAULT_SETTINGS;
  const parsed = settingsSchema.safeParse(JSON.parse(rows[0].data));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

function peopleOf(rows: { id: string; role: Person['role']; active: number }[]): PeopleLookup {
  const byId = new Map(rows.map((r) => [r.id, { role: r.role, active: !!r.active }]));
  return (id) => byId.get(id) ?? null;
}
