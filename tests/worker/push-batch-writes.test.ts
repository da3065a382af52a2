import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA, SYNC_TABLE_NAMES, type SyncTable } from '#shared/schema/index';
import type { PushPlan } from '#shared/sync/decide';
import { toSyncRow } from '../../worker/src/db/records';
import { applyMutations } from '../../worker/src/sync/apply';
import { buildWriteBatch } from '../../worker/src/sync/statements';
import { Store } from '../../worker/src/sync/store';
import { application, id, setupOrg, stageEvent, team, TestClient, vacancy } from './helpers';

/**
 * What one push batch writes besides the records' values (worker/src/sync/statements.ts): each
 * row's server_seq, assigned once per batch from the change log's sequence, and the JSON columns,
 * sent to D1 as nested JSON rather than as strings of JSON.
 */

/**
 * Rows (records and kept conflicts) whose server_seq is not the sequence of their latest change.
 * An edit that lost entirely is logged (payload `{}`, so its writer pulls the winner) without
 * writing the row: that entry is not the row's version.
 */
async function rowsOffTheirLatestChange(orgId: string) {
  const off: unknown[] = [];
  for (const t of [...SYNC_TABLE_NAMES, 'conflicts']) {
    const { results } = await env.DB.prepare(
      `SELECT r.id, r.server_seq, (SELECT max(seq) FROM changes c WHERE c.org_id = r.org_id AND c.tbl = ?2 AND c.record_id = r.id
                                       AND NOT (c.op = 'update' AND c.payload = '{}')) AS latest
         FROM ${t} r WHERE r.org_id = ?1`,
    )
      .bind(orgId, t)
      .all<{ id: string; server_seq: number; latest: number | null }>();
    for (const r of results) if (r.latest === null || r.server_seq !== r.latest) off.push({ table: t, ...r });
  }
  return off;
}

const rowCount = async (orgId: string, table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE org_id = ?1`).bind(orgId).first<{ n: number }>())!.n;

describe('a push batch', () => {
  it('gives every row it writes the sequence of its latest change, when one push changes a record several times, scrubs dependents and keeps a conflict', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const [v, a, b] = [id(), id(), id()];
    const events = [id(), id(), id()];
    const created = Date.now() - 3_600_000;
    const first = await c.push([
      c.upsert('vacancies', v, vacancy(), created),
      c.upsert('applications', a, application(v), created),
      c.upsert('applications', b, application(v, { name: 'Bo Candidate' }), created),
      // the same record three times in one batch: its row must carry the last of its three changes
      c.upsert('applications', a, { phone: '07700 900001' }, created + 1),
      ...events.map((e) => c.upsert('stage_events', e, stageEvent(b, org.users.coordinator, 'applied'), created)),
      c.upsert('applications', a, { teamPreference: 'north' }, created + 2),
    ]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(await rowsOffTheirLatestChange(org.orgId)).toEqual([]);

    // A later batch: a delete that scrubs the application's events (one change each, logged
    // after the delete's own) and an edit that loses a critical field to a newer one (a conflict).
    const t0 = Date.now();
    const x = new TestClient(org.tokens.coordinator);
    const y = new TestClient(org.tokens.central);
    expect((await x.push([x.upsert('vacancies', v, { status: 'closed' }, t0 + 2)])).status).toBe(200);
    const second = await y.push([y.mutation('applications', 'delete', b), y.upsert('vacancies', v, { status: 'cancelled' }, t0 + 1), y.upsert('applications', a, { phone: '07700 900002' })]);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.conflicts).toHaveLength(1);
    expect(await rowCount(org.orgId, 'conflicts')).toBe(1);
    expect(await rowsOffTheirLatestChange(org.orgId)).toEqual([]);
  });

  it('stores JSON columns as the JSON of the values merged, with SQL NULL where nothing is logged', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const [v, a] = [id(), id()];
    const awkward = { name: 'Zoë “Ñandú” O\'Brien \\ back\\slash\nnew line \u2028 😀', teamPreference: '{"not": "json to parse"}', yearsQualified: 0.1 };
    const withVacancy = c.upsert('vacancies', v, vacancy({ teamIds: [] }));
    const create = c.upsert('applications', a, application(v, awkward));
    const r = await c.push([withVacancy, create]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);

    const row = (await env.DB.prepare('SELECT data, clocks, arrivals FROM applications WHERE org_id = ?1 AND id = ?2').bind(org.orgId, a).first<{ data: string; clocks: string; arrivals: string }>())!;
    const data = JSON.parse(row.data);
    expect(data).toMatchObject({ id: a, ...awkward });
    // The text is the JSON a plain JSON.stringify of the parsed values gives: nothing re-encoded or escaped twice.
    for (const col of ['data', 'clocks', 'arrivals'] as const) expect(row[col]).toBe(JSON.stringify(JSON.parse(row[col])));
    // A creation's one clock is stored once (db/clocks.ts) and read back against every field of the data, in its order.
    expect(JSON.parse(row.clocks)).toBe(create.hlc);
    const created = toSyncRow({ ...row, id: a, deleted: 0, erased: 0, server_seq: 0, created_at: '' }).clocks;
    expect(created).toEqual(Object.fromEntries(Object.keys(data).filter((k) => k !== 'id').map((k) => [k, create.hlc])));
    expect(Object.keys(created)).toEqual(Object.keys(data).filter((k) => k !== 'id'));
    const edit = c.upsert('applications', a, { phone: '07700 900111' });
    expect((await c.push([edit])).status).toBe(200);
    // Clocks that differ are stored field by field.
    const edited = JSON.parse((await env.DB.prepare('SELECT clocks FROM applications WHERE org_id = ?1 AND id = ?2').bind(org.orgId, a).first<{ clocks: string }>())!.clocks);
    expect(edited).toEqual({ ...created, phone: edit.hlc });

    const change = (await env.DB.prepare(`SELECT payload FROM changes WHERE org_id = ?1 AND record_id = ?2 AND op = 'create'`).bind(org.orgId, a).first<{ payload: string }>())!;
    expect(JSON.parse(change.payload)).toMatchObject(awkward);
    const audit = (await env.DB.prepare(`SELECT fields, field_values FROM audit_log WHERE org_id = ?1 AND record_id = ?2 AND action = 'create'`).bind(org.orgId, a).first<{ fields: string; field_values: string }>())!;
    expect(JSON.parse(audit.fields)).toEqual(Object.keys(JSON.parse(change.payload)));
    expect(JSON.parse(audit.field_values)).not.toHaveProperty('name');
    expect(JSON.parse(audit.field_values)).toMatchObject({ yearsQualified: 0.1 });

    // A delete logs no payload and audits no fields or values: SQL NULL, not the JSON text 'null'.
    expect((await c.push([c.mutation('applications', 'delete', a)])).status).toBe(200);
    const deleted = await env.DB.prepare(`SELECT payload FROM changes WHERE org_id = ?1 AND record_id = ?2 AND op = 'delete'`).bind(org.orgId, a).first<{ payload: string | null }>();
    expect(deleted).toEqual({ payload: null });
    const audited = await env.DB.prepare(`SELECT fields, field_values FROM audit_log WHERE org_id = ?1 AND record_id = ?2 AND action = 'delete'`).bind(org.orgId, a).first();
    expect(audited).toEqual({ fields: null, field_values: null });
  });

  it('writes a creation’s data as its id and the fields its change logged, read from that change, and any other data as sent', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const [t, v, a, b, e] = [id(), id(), id(), id(), id()];
    const created = Date.now() - 3_600_000;
    const awkward = { name: 'Zoë “Ñandú” O\'Brien \\ "quoted" \u2028 😀', teamPreference: '{"id": "not a key"}', yearsQualified: 0.1 };
    const r = await c.push([
      c.upsert('teams', t, team(), created),
      c.upsert('vacancies', v, vacancy({ teamIds: [t], posts: 3 }), created),
      c.upsert('applications', a, application(v, awkward), created),
      // created and edited in the same push: its data is more than its latest change
      c.upsert('applications', b, application(v), created),
      c.upsert('applications', b, { phone: '07700 900222' }, created + 1),
      // dated an hour before it is entered: the server adds recordedLate and enteredAt
      c.upsert('stage_events', e, stageEvent(a, org.users.coordinator, 'applied', { at: new Date(created).toISOString() })),
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const stored = async (table: string, recordId: string) => {
      const row = (await env.DB.prepare(`SELECT data FROM ${table} WHERE org_id = ?1 AND id = ?2`).bind(org.orgId, recordId).first<{ data: string }>())!;
      const { results } = await env.DB.prepare('SELECT op, payload FROM changes WHERE org_id = ?1 AND tbl = ?2 AND record_id = ?3 ORDER BY seq').bind(org.orgId, table, recordId).all<{ op: string; payload: string }>();
      // The text is what JSON.stringify gives for the values: nothing re-encoded, no key twice.
      expect(row.data).toBe(JSON.stringify(JSON.parse(row.data)));
      return { data: JSON.parse(row.data) as Record<string, unknown>, changes: results.map((x) => ({ op: x.op, payload: JSON.parse(x.payload) as Record<string, unknown> })) };
    };
    for (const [table, recordId] of [['teams', t], ['vacancies', v], ['applications', a], ['stage_events', e]] as const) {
      const { data, changes } = await stored(table, recordId);
      expect(changes.map((x) => x.op)).toEqual(['create']);
      expect(Object.keys(data)).toEqual(['id', ...Object.keys(changes[0]!.payload)]);
      expect(data).toEqual({ id: recordId, ...changes[0]!.payload });
    }
    expect((await stored('applications', a)).data).toMatchObject(awkward);
    expect((await stored('stage_events', e)).data).toMatchObject({ recordedLate: true, applicationId: a });
    const edited = await stored('applications', b);
    expect(edited.changes.map((x) => x.op)).toEqual(['create', 'update']);
    expect(edited.data).toEqual({ id: b, ...edited.changes[0]!.payload, phone: '07700 900222' });
    // An existing record's data after an edit: the merged record, not the edit's fields alone.
    expect((await c.push([c.upsert('vacancies', v, { status: 'closed' }, created + 2)])).status).toBe(200);
    const closed = await stored('vacancies', v);
    expect(closed.data).toEqual({ id: v, ...closed.changes[0]!.payload, status: 'closed' });
    expect(await rowsOffTheirLatestChange(org.orgId)).toEqual([]);
  });

  it('sends a creation’s data whole when its change’s JSON would leave a field out (a value JSON has no text for)', async () => {
    const org = await setupOrg();
    const [t1, t2] = [id(), id()];
    const nowIso = new Date().toISOString();
    const hlc = '1767600000000:000000:c1';
    const store = new Store(env.DB, org.orgId);
    await store.load([['teams', [t1, t2]]]);
    const creation = (recordId: string, fields: Record<string, unknown>) => ({
      row: { table: 'teams' as const, row: { id: recordId, data: { id: recordId, ...fields }, clocks: Object.fromEntries(Object.keys(fields).map((f) => [f, hlc])), arrivals: {}, deleted: false, erased: false, createdAt: nowIso } },
      change: { table: 'teams', recordId, op: 'create' as const, payload: fields, mutationId: id() },
    });
    const made = [creation(t1, { name: 'One', area: undefined }), creation(t2, { area: undefined })];
    const plan: PushPlan = { applied: 2, rows: made.map((m) => m.row), changes: made.map((m) => m.change), audit: [], conflicts: [], erasures: [] };
    const auth = { orgId: org.orgId, orgName: 'Testshire', userId: org.users.coordinator, userName: 'coordinator user', email: 'c@example.gov.uk', role: 'coordinator' as const, credentialId: id(), tokenExpiresAt: nowIso };
    await env.DB.batch(buildWriteBatch(env.DB, store, { auth, clientId: null, nowIso, baseSeq: 0, newLastSeq: 0, appliedMutations: [], plan }));
    const data = async (recordId: string) => (await env.DB.prepare('SELECT data FROM teams WHERE org_id = ?1 AND id = ?2').bind(org.orgId, recordId).first<{ data: string }>())!.data;
    expect(await data(t1)).toBe(JSON.stringify({ id: t1, name: 'One' }));
    expect(await data(t2)).toBe(JSON.stringify({ id: t2 }));
  });

  it('audits an upsert with the fields of its change and the values of those that are not personal, as the JSON of them', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.coordinator);
    const [t, v, a, e] = [id(), id(), id(), id()];
    const created = Date.now() - 3_600_000;
    const r = await c.push([
      c.upsert('teams', t, team(), created),
      c.upsert('vacancies', v, vacancy({ teamIds: [t], posts: 3, closingDate: null }), created),
      c.upsert('applications', a, application(v, { name: 'Zoë “Ñandú” \\ 😀', yearsQualified: 0.1 }), created),
      // dated an hour before it is entered: the server marks it recordedLate (a boolean) with enteredAt
      c.upsert('stage_events', e, stageEvent(a, org.users.coordinator, 'rejected', { at: new Date(created).toISOString() })),
      c.upsert('vacancies', v, { status: 'closed', teamIds: [] }, created + 1),
      c.upsert('applications', a, { yearsQualified: 5, phone: '07700 900009' }, created + 1),
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const { results } = await env.DB.prepare(
      `SELECT a.action, a.tbl, a.fields, a.field_values, c.payload FROM audit_log a
         JOIN changes c ON c.org_id = a.org_id AND c.tbl = a.tbl AND c.record_id = a.record_id AND c.op = a.action
        WHERE a.org_id = ?1 ORDER BY a.id, c.seq`,
    )
      .bind(org.orgId)
      .all<{ action: string; tbl: SyncTable; fields: string; field_values: string; payload: string }>();
    // Each audit row against each change of its record and op: the one it copies matches exactly.
    const matched = results.filter((row) => {
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      const declared = PERSONAL_DATA[row.tbl] as Record<string, string>;
      const values = Object.fromEntries(Object.entries(payload).filter(([k]) => declared[k] === 'none'));
      return row.fields === JSON.stringify(Object.keys(payload)) && row.field_values === JSON.stringify(values);
    });
    expect(matched.map((m) => `${m.tbl} ${m.action}`)).toEqual([
      'teams create',
      'vacancies create',
      'applications create',
      'stage_events create',
      'vacancies update',
      'applications update',
    ]);
    const event = matched.find((m) => m.tbl === 'stage_events')!;
    expect(JSON.parse(event.field_values)).toMatchObject({ recordedLate: true, stage: 'rejected' });
    expect(JSON.parse(event.field_values)).not.toHaveProperty('by');
    expect(JSON.parse(matched[1]!.field_values)).toMatchObject({ teamIds: [t], posts: 3, closingDate: null });
  });

  it('inserts a record it read as absent without a guard: when another client creates it between the read and the write, the insert fails, the push retries and merges', async () => {
    const org = await setupOrg();
    const v = id();
    const other = new TestClient(org.tokens.central);
    expect((await other.push([other.upsert('vacancies', v, vacancy())])).status).toBe(200);
    const a = id();
    const base = Date.now() - 10_000;
    const mine = new TestClient(org.tokens.coordinator);
    const mutation = mine.upsert('applications', a, application(v, { teamPreference: 'mine', phone: '07700 900222' }), base + 2);
    // The other client's creation lands right after this push has read the record as absent (its first batch).
    let batches = 0;
    const racing = new Proxy(env.DB, {
      get(target, key) {
        if (key === 'batch') {
          return async (statements: D1PreparedStatement[]) => {
            const result = await target.batch(statements);
            if (++batches === 1) expect((await other.push([other.upsert('applications', a, application(v, { teamPreference: 'theirs' }), base + 1)])).status).toBe(200);
            return result;
          };
        }
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const auth = { orgId: org.orgId, orgName: 'Testshire', userId: org.users.coordinator, userName: 'coordinator user', email: 'c@example.gov.uk', role: 'coordinator' as const, credentialId: id(), tokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString() };
    const result = await applyMutations(racing, auth, [mutation], { clientId: mine.clientId });
    expect(result).toMatchObject({ applied: 1, lastSeq: mutation.seq });
    expect(batches).toBeGreaterThan(2); // read, failed write, read again, write
    const row = (await env.DB.prepare('SELECT data FROM applications WHERE org_id = ?1 AND id = ?2').bind(org.orgId, a).first<{ data: string }>())!;
    expect(JSON.parse(row.data)).toMatchObject({ teamPreference: 'mine', phone: '07700 900222' });
    const ops = await env.DB.prepare(`SELECT op FROM changes WHERE org_id = ?1 AND record_id = ?2 ORDER BY seq`).bind(org.orgId, a).all<{ op: string }>();
    expect(ops.results.map((o) => o.op)).toEqual(['create', 'update']);
    expect(await rowsOffTheirLatestChange(org.orgId)).toEqual([]);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM sync_guard').first<{ n: number }>()).toEqual({ n: 0 });
  });
});
