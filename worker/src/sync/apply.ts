import { clampHlc } from '#shared/hlc';
import { SYNC_TABLES, type ConflictRecord, type Mutation, type SyncTable } from '#shared/schema/index';
import { mondayOf, refusal } from '../auth/permissions';
import type { AuthContext } from '../env';
import { ApiFailure } from '../errors';
import { isGuardFailure, isTransient, sleep } from '../db/retry';
import { mergeDelete, mergeErase, mergeUpsert, scrubNote } from './merge';
import { Store } from './store';
import { validateMutation } from './validate';
import { buildWriteBatch, type AuditEntry, type ChangeEntry, type ConflictEntry } from './statements';

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
 * Applies a client's mutations: read the rows concerned, decide everything in memory
 * (sequence, validation, permissions, field-level merge), then write it all in ONE
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

  // ---- read: client state, applied ids, the records concerned -------------------------
  const byTable = new Map<SyncTable, string[]>();
  for (const m of mutations) byTable.set(m.table, [...(byTable.get(m.table) ?? []), m.recordId]);
  const reads = store.reads([...byTable.entries()]);
  const head: D1PreparedStatement[] = [];
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
  let lastSeq = 0;
  const appliedIds = new Set<string>();
  if (opts.clientId) {
    const client = (results[0]!.results as { user_id: string; last_seq: number }[])[0];
    if (client && client.user_id !== auth.userId) {
      throw new ApiFailure(409, 'client_mismatch', 'This clientId is registered to another user of your organisation; reset the extension\'s sync state to get a new clientId');
    }
    lastSeq = client?.last_seq ?? 0;
    for (const r of results[1]!.results as { mutation_id: string }[]) appliedIds.add(r.mutation_id);
  }

  // ---- sequence: skip what was applied, refuse gaps -------------------------------------
  const sorted = [...mutations].sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.seq === sorted[i - 1]!.seq) {
      throw new ApiFailure(400, 'invalid_request', `Two mutations carry sequence ${sorted[i]!.seq} (${sorted[i - 1]!.id} and ${sorted[i]!.id}); each needs its own`);
    }
  }
  const baseSeq = lastSeq;
  const ahead = opts.clientId ? sorted.filter((m) => m.seq > baseSeq) : sorted;
  if (opts.clientId) {
    let expected = baseSeq + 1;
    for (const m of ahead) {
      if (m.seq !== expected) {
        throw new ApiFailure(409, 'sequence_gap', `expected sequence ${expected}, got ${m.seq}`, { expected: baseSeq + 1, lastSeq: baseSeq });
      }
      expected++;
    }
  }
  const fresh = ahead.filter((m) => !appliedIds.has(m.id));
  const newLastSeq = opts.clientId && ahead.length ? ahead[ahead.length - 1]!.seq : baseSeq;
  const skipped = mutations.length - fresh.length;
  if (!fresh.length && newLastSeq === baseSeq) return { lastSeq: baseSeq, applied: 0, skipped, conflicts: [] };

  // ---- related reads: applications behind events/checks, vacancies, rota, erasures --------
  const appIdOf = (m: Mutation) => String(m.fields?.applicationId ?? store.get(m.table, m.recordId)?.data.applicationId ?? '');
  const related = fresh.filter((m) => m.table === 'stage_events' || m.table === 'checks').map(appIdOf);
  for (const m of fresh) if (m.op === 'erase') related.push(m.recordId);
  await store.load([['applications', related]]);
  const eraseIds = [...new Set(fresh.filter((m) => m.op === 'erase').map((m) => m.recordId))];
  for (const id of eraseIds) {
    await store.loadWhere('stage_events', 'applicationId', id);
    await store.loadWhere('checks', 'applicationId', id);
  }
  if (auth.role === 'manager' && !opts.trusted) {
    const vacancyIds = related.map((id) => String(store.get('applications', id)?.data.vacancyId ?? ''));
    await store.load([['vacancies', vacancyIds]]);
    const weeks = new Set([thisWeek, ...fresh.map((m) => mondayOf(String(m.fields?.at ?? '')))].filter(Boolean));
    for (const w of weeks) await loadSlots(store, db, orgId, auth.userId, w);
  }

  // ---- decide, in sequence order -------------------------------------------------------
  const invalid: { id: string; seq: number; table: string; recordId: string; issues: string[] }[] = [];
  const refused: { id: string; seq: number; table: string; recordId: string; reason: string }[] = [];
  const changes: ChangeEntry[] = [];
  const audit: AuditEntry[] = [];
  const conflicts: ConflictEntry[] = [];
  const erasedApps: string[] = [];
  let applied = 0;
  const view = {
    auth,
    thisWeek,
    get: (t: SyncTable, id: string) => store.get(t, id),
    mySlots: () => store.all('rota_slots'),
  };

  for (const m of fresh) {
    const current = store.get(m.table, m.recordId) ?? null;
    const { issues, fields } = validateMutation(m, current !== null);
    if (issues.length) {
      invalid.push({ id: m.id, seq: m.seq, table: m.table, recordId: m.recordId, issues });
      continue;
    }
    if (!opts.trusted) {
      const why = refusal(m, fields, view);
      if (why) {
        refused.push({ id: m.id, seq: m.seq, table: m.table, recordId: m.recordId, reason: why });
        continue;
      }
    }
    if (invalid.length || refused.length) continue;
    const hlc = clampHlc(m.hlc, nowMs);
    const def = SYNC_TABLES[m.table];
    if (m.op === 'upsert') {
      if ((m.table === 'stage_events' || m.table === 'checks') && store.get('applications', String(fields.applicationId ?? current?.data.applicationId ?? ''))?.erased) {
        if ('note' in fields) fields.note = null;
      }
      const r = mergeUpsert(m.table, def.appendOnly, current, m.recordId, fields, hlc, nowMs, nowIso);
      applied++;
      for (const c of r.conflicts) {
        const id = crypto.randomUUID();
        conflicts.push({ id, table: m.table, recordId: m.recordId, ...c, at: nowIso });
        changes.push({ t: 'conflicts', r: id, op: 'conflict', p: null, m: m.id });
      }
      if (!r.changed) {
        // The whole edit lost (older clock, or a deleted record): log it anyway so the client
        // that made it pulls the winning record and converges, instead of keeping its own value.
        if (current) changes.push({ t: m.table, r: m.recordId, op: 'update', p: '{}', m: m.id });
        continue;
      }
      store.put(m.table, r.state);
      changes.push({ t: m.table, r: m.recordId, op: current ? 'update' : 'create', p: JSON.stringify(r.applied), m: m.id });
      audit.push({ a: current ? 'update' : 'create', t: m.table, r: m.recordId, f: JSON.stringify(Object.keys(r.applied)) });
    } else if (m.op === 'delete') {
      const r = mergeDelete(current, m.recordId, hlc, nowIso);
      applied++;
      if (!r.changed) continue;
      store.put(m.table, r.state);
      changes.push({ t: m.table, r: m.recordId, op: 'delete', p: null, m: m.id });
      audit.push({ a: 'delete', t: m.table, r: m.recordId, f: null });
    } else {
      const r = mergeErase(current, m.recordId, hlc, nowIso);
      applied++;
      erasedApps.push(m.recordId);
      if (r.changed) {
        store.put('applications', r.state);
        changes.push({ t: 'applications', r: m.recordId, op: 'erase', p: null, m: m.id });
        audit.push({ a: 'erase', t: 'applications', r: m.recordId, f: null });
      }
      for (const t of ['stage_events', 'checks'] as const) {
        for (const row of store.all(t)) {
          if (row.data.applicationId !== m.recordId) continue;
          const scrubbed = scrubNote(row);
          if (!scrubbed) continue;
          store.put(t, scrubbed);
          changes.push({ t, r: row.id, op: 'erase', p: null, m: m.id });
          audit.push({ a: 'erase', t, r: row.id, f: JSON.stringify(['note']) });
        }
      }
    }
  }
  if (invalid.length) {
    const lines = invalid.map((x) => `mutation ${x.id} (seq ${x.seq}, ${x.table} ${x.recordId}): ${x.issues.join('; ')}`);
    throw new ApiFailure(
      400,
      'invalid_mutations',
      `${invalid.length} mutation${invalid.length > 1 ? 's are' : ' is'} not valid, so nothing of this push was applied. ${lines.slice(0, 5).join(' | ')}${lines.length > 5 ? ` | and ${lines.length - 5} more` : ''}`,
      invalid,
    );
  }
  if (refused.length) {
    const lines = refused.map((x) => `mutation ${x.id} (seq ${x.seq}, ${x.table} ${x.recordId}): ${x.reason}`);
    throw new ApiFailure(403, 'forbidden', `Your role (${auth.role}) may not make ${refused.length > 1 ? 'these changes' : 'this change'}; nothing of this push was applied. ${lines.slice(0, 5).join(' | ')}`, refused);
  }

  // ---- write: one atomic batch ----------------------------------------------------------
  const batch = buildWriteBatch(db, store, {
    auth,
    clientId: opts.clientId,
    nowIso,
    baseSeq,
    newLastSeq,
    appliedMutations: fresh.map((m) => ({ m: m.id, s: m.seq })),
    changes,
    audit,
    conflicts,
    erasedApps,
  });
  await db.batch(batch);
  return { lastSeq: newLastSeq, applied, skipped, conflicts };
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
