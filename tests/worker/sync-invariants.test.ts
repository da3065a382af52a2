import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '#shared/hlc';
import { application, call, id, materialise, rowOf, setupOrg, stageEvent, team, TestClient, vacancy } from './helpers';

async function withApplication() {
  const org = await setupOrg();
  const c = new TestClient(org.tokens.coordinator);
  const v = id();
  const a = id();
  const created = Date.now() - 3_600_000;
  const r = await c.push([
    c.upsert('vacancies', v, vacancy(), created),
    c.upsert('applications', a, application(v, { source: 'referral', referrer: 'Sam Referrer' }), created),
  ]);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { org, c, v, a };
}

describe('sync invariants the server owns', () => {
  it('applies a client\'s mutations in its order, whatever order they are listed in', async () => {
    const { org, c, a } = await withApplication();
    const m1 = c.upsert('applications', a, { teamPreference: 'first' });
    const m2 = c.upsert('applications', a, { teamPreference: 'second' });
    const m3 = c.upsert('applications', a, { teamPreference: 'third' });
    const r = await c.push([m3, m1, m2]);
    expect(r.status).toBe(200);
    expect(r.body.lastSeq).toBe(m3.seq);
    expect(JSON.parse((await rowOf('applications', org.orgId, a))!.data).teamPreference).toBe('third');
  });

  it('skips mutations at or below last_seq and ids already applied, and continues after them', async () => {
    const { c, a } = await withApplication();
    const m1 = c.upsert('applications', a, { phone: '1' });
    const m2 = c.upsert('applications', a, { phone: '2' });
    expect((await c.push([m1])).body).toMatchObject({ applied: 1, lastSeq: m1.seq });
    const r = await c.push([m1, m2]);
    expect(r.body).toMatchObject({ applied: 1, skipped: 1, lastSeq: m2.seq });
  });

  it('last writer wins per field, by clock, in any arrival order', async () => {
    const { org, a } = await withApplication();
    const x = new TestClient(org.tokens.coordinator);
    const y = new TestClient(org.tokens.central);
    const t0 = Date.now() - 60_000;
    const newer = x.upsert('applications', a, { phone: 'x-new', teamPreference: 'x-team' }, t0 + 2000);
    const older = y.upsert('applications', a, { phone: 'y-old', yearsQualified: 9 }, t0 + 1000);
    expect((await x.push([newer])).status).toBe(200);
    expect((await y.push([older])).status).toBe(200);
    const data = JSON.parse((await rowOf('applications', org.orgId, a))!.data);
    expect(data).toMatchObject({ phone: 'x-new', teamPreference: 'x-team', yearsQualified: 9 });
  });

  it('deleted stays deleted: a later upsert, even with a newer clock, does not resurrect', async () => {
    const { org, c, a } = await withApplication();
    expect((await c.push([c.mutation('applications', 'delete', a)])).status).toBe(200);
    const other = new TestClient(org.tokens.central);
    const r = await other.push([other.upsert('applications', a, { phone: '999' }, Date.now())]);
    expect(r.status).toBe(200);
    const row = await rowOf('applications', org.orgId, a);
    expect(row!.deleted).toBe(1);
    const state = materialise((await c.pullAll()).changes);
    expect(state.get(`applications:${a}`)).toBeNull();
  });

  it('a delete that arrives before the create leaves a tombstone the create cannot undo', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.central);
    const t = id();
    expect((await c.push([c.mutation('teams', 'delete', t)])).status).toBe(200);
    const other = new TestClient(org.tokens.coordinator);
    expect((await other.push([other.upsert('teams', t, team())])).status).toBe(200);
    expect((await rowOf('teams', org.orgId, t))!.deleted).toBe(1);
  });

  it('erased stays erased: personal fields null everywhere, including the change log, and offline copies erase too', async () => {
    const { org, c, a } = await withApplication();
    const ev = id();
    await c.push([c.upsert('stage_events', ev, stageEvent(a, org.users.coordinator, 'applied', { note: 'Alex called, lives in Leeds' }))]);
    const before = (await c.pullAll()).cursor;
    const r = await c.push([c.mutation('applications', 'erase', a)]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // an offline client later pushes personal data for the erased candidate
    const late = new TestClient(org.tokens.central);
    await late.push([late.upsert('applications', a, { name: 'Alex Again', phone: '0123', teamPreference: 'North' }, Date.now())]);
    await late.push([late.upsert('stage_events', id(), stageEvent(a, org.users.central, 'withdrawn', { reason: 'salary', note: 'Alex said...' }))]);
    const data = JSON.parse((await rowOf('applications', org.orgId, a))!.data);
    expect(data).toMatchObject({ name: null, email: null, phone: null, referrer: null, erased: true });
    // Team preference is free text a candidate gave: personal (shared/schema/personal.ts), so the late edit is dropped.
    expect(data.teamPreference ?? null).toBeNull();
    const { results } = await env.DB.prepare('SELECT payload FROM changes WHERE org_id = ?1 AND payload IS NOT NULL').bind(org.orgId).all<{ payload: string }>();
    const all = results.map((x) => x.payload).join('\n');
    expect(all).not.toMatch(/Alex|0123|07700|Sam Referrer|Leeds/);
    const { results: rows } = await env.DB.prepare('SELECT data FROM stage_events WHERE org_id = ?1').bind(org.orgId).all<{ data: string }>();
    expect(rows.map((x) => x.data).join('\n')).not.toMatch(/Alex|Leeds/);
    // a client that pulled before erasure receives the erased record and scrubbed events
    const after = await c.pullAll(before);
    const state = materialise(after.changes);
    expect(state.get(`applications:${a}`)).toMatchObject({ name: null, erased: true });
    expect(state.get(`stage_events:${ev}`)).toMatchObject({ note: null });
    const audit = await env.DB.prepare('SELECT * FROM audit_log WHERE org_id = ?1').bind(org.orgId).all();
    expect(JSON.stringify(audit.results)).not.toMatch(/Alex|Leeds|07700/);
  });

  it('stage events are neither lost nor duplicated, and never updated', async () => {
    const { org, c, a } = await withApplication();
    const e1 = c.upsert('stage_events', id(), stageEvent(a, org.users.coordinator, 'shortlisted'));
    const e2 = c.upsert('stage_events', id(), stageEvent(a, org.users.coordinator, 'interview_booked', { interviewAt: '2026-03-09T10:00:00Z' }));
    await c.push([e1]);
    await c.push([e1, e2]);
    await c.push([e1, e2]);
    const again = c.upsert('stage_events', e1.recordId, stageEvent(a, org.users.coordinator, 'rejected'));
    expect((await c.push([again])).status).toBe(200);
    const { results } = await env.DB.prepare('SELECT data FROM stage_events WHERE org_id = ?1 ORDER BY id').bind(org.orgId).all<{ data: string }>();
    expect(results.map((r) => JSON.parse(r.data).stage).sort()).toEqual(['interview_booked', 'shortlisted']);
    const del = await c.push([c.mutation('stage_events', 'delete', e1.recordId)]);
    expect(del.status).toBe(400);
    expect(del.body.error.details[0].issues[0]).toMatch(/append-only/);
  });

  it('clamps clocks that run ahead of the server', async () => {
    const { org, c, a } = await withApplication();
    const wild = c.upsert('applications', a, { phone: 'from the future' }, Date.now() + 24 * 3600_000);
    await c.push([wild]);
    const clocks = JSON.parse((await rowOf('applications', org.orgId, a))!.clocks);
    expect(parseHlc(clocks.phone).wall).toBeLessThanOrEqual(Date.now() + 60_000);
    // so an honest edit a few minutes later still wins
    const other = new TestClient(org.tokens.central);
    await other.push([other.upsert('applications', a, { phone: 'honest' }, Date.now() + 120_000)]);
    expect(JSON.parse((await rowOf('applications', org.orgId, a))!.data).phone).toBe('honest');
  });

  it('refuses an old schemaVersion clearly with 426, and applies nothing', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.central);
    const r = await c.push([c.upsert('teams', id(), team())], 0);
    expect(r.status).toBe(426);
    expect(r.body.error.code).toBe('schema_version_unsupported');
    expect(r.body.error.message).toMatch(/update the extension; your unsent changes stay queued/);
    expect((await c.pullAll()).changes).toEqual([]);
  });

  it('keeps the losing value of a critical field as a conflict, in the push response and in pulls', async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const { org, v } = await withApplication();
    const org2 = await withApplication();
    await sleep(5);
    // both edits are made offline after the vacancy reached the server, before either syncs
    const t0 = Date.now();
    await sleep(10);
    const x = new TestClient(org.tokens.coordinator);
    const y = new TestClient(org.tokens.central);
    await x.push([x.upsert('vacancies', v, { status: 'closed' }, t0 + 2)]);
    const r = await y.push([y.upsert('vacancies', v, { status: 'cancelled' }, t0 + 1)]);
    expect(r.body.conflicts).toHaveLength(1);
    expect(r.body.conflicts[0]).toMatchObject({ table: 'vacancies', recordId: v, field: 'status', losingValue: 'cancelled', winningValue: 'closed' });
    const pulled = await x.pullAll();
    const conflicts = pulled.changes.filter((ch) => ch.table === 'conflicts');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.record).toMatchObject({ field: 'status', losingValue: 'cancelled', winningValue: 'closed', recordId: v });
    // the other arrival order records the same conflict
    const x2 = new TestClient(org2.org.tokens.coordinator, x.clientId + '-2');
    const y2 = new TestClient(org2.org.tokens.central, y.clientId + '-2');
    await y2.push([y2.upsert('vacancies', org2.v, { status: 'cancelled' }, t0 + 1)]);
    const r2 = await x2.push([x2.upsert('vacancies', org2.v, { status: 'closed' }, t0 + 2)]);
    expect(r2.body.conflicts).toHaveLength(1);
    expect(r2.body.conflicts[0]).toMatchObject({ field: 'status', losingValue: 'cancelled', winningValue: 'closed' });
    // an ordinary later edit (made after the earlier value reached the server) is not a conflict
    await sleep(5);
    const r3 = await y2.push([y2.upsert('vacancies', org2.v, { status: 'filled' }, Date.now())]);
    expect(r3.body.conflicts).toEqual([]);
  });

  it('concurrent pushes from many clients all land (guarded batches retry)', async () => {
    const { org, a } = await withApplication();
    const clients = Array.from({ length: 8 }, (_, i) => new TestClient(i % 2 ? org.tokens.central : org.tokens.coordinator));
    const results = await Promise.all(
      clients.map((cl, i) => cl.push([cl.upsert('applications', a, { [`teamPreference`]: `t${i}` }, Date.now() - 10_000 + i), cl.upsert('stage_events', id(), stageEvent(a, org.users.central, 'applied'))])),
    );
    expect(results.map((r) => r.status)).toEqual(clients.map(() => 200));
    expect(JSON.parse((await rowOf('applications', org.orgId, a))!.data).teamPreference).toBe('t7');
    const n = await env.DB.prepare('SELECT count(*) AS n FROM stage_events WHERE org_id = ?1').bind(org.orgId).first<{ n: number }>();
    expect(n!.n).toBe(8);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM sync_guard').first<{ n: number }>()).toEqual({ n: 0 });
  });

  it('the same batch pushed twice at the same time applies once', async () => {
    const org = await setupOrg();
    const c = new TestClient(org.tokens.central);
    const batch = Array.from({ length: 20 }, () => c.upsert('teams', id(), team()));
    const [r1, r2] = await Promise.all([c.push(batch), c.push(batch)]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect(r1.body.applied + r2.body.applied).toBe(20);
    const n = await env.DB.prepare("SELECT count(*) AS n FROM changes WHERE org_id = ?1 AND tbl = 'teams'").bind(org.orgId).first<{ n: number }>();
    expect(n!.n).toBe(20);
  });

  it('pull pages are complete while others write, and the cursor never goes backwards', async () => {
    const org = await setupOrg();
    const writer = new TestClient(org.tokens.central);
    const reader = new TestClient(org.tokens.coordinator);
    const ids: string[] = [];
    const write = async (n: number) => {
      const batch = Array.from({ length: n }, () => {
        const t = id();
        ids.push(t);
        return writer.upsert('teams', t, team());
      });
      expect((await writer.push(batch)).status).toBe(200);
    };
    await write(30);
    let cursor = 0;
    const seen = new Map<string, number>();
    for (let page = 0; page < 200; page++) {
      const [r] = await Promise.all([reader.pull(cursor, 7), page < 6 ? write(5) : Promise.resolve()]);
      expect(r.status).toBe(200);
      expect(r.body.cursor).toBeGreaterThanOrEqual(cursor);
      for (const ch of r.body.changes) {
        expect(ch.cursor).toBeGreaterThan(cursor);
        seen.set(ch.recordId, ch.cursor);
      }
      cursor = r.body.cursor;
      if (!r.body.hasMore && page >= 6) break;
    }
    expect(ids.length).toBe(60);
    for (const t of ids) expect(seen.has(t), t).toBe(true);
    const { results } = await env.DB.prepare('SELECT seq FROM changes WHERE org_id = ?1 ORDER BY seq').bind(org.orgId).all<{ seq: number }>();
    expect(results.at(-1)!.seq).toBe(cursor);
  });

  it('answers 400 with a message for a bad pull query', async () => {
    const org = await setupOrg();
    const r = await call('GET', '/v1/sync/pull?limit=5000', org.tokens.central);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'invalid_request' });
    expect(r.body.error.message).toContain('limit: must be at most 2000');
  });
  void formatHlc;
});

describe('an edit that loses entirely', () => {
  it('is logged, so the client that made it pulls the winning record and converges', async () => {
    const org = await setupOrg();
    const id = crypto.randomUUID();
    const team = { name: 'Assessment', type: 'assessment' };
    const now = Date.now();
    const hlc = (wall: number, node: string) => `${String(wall).padStart(13, '0')}:000000:${node}`;
    // A creates the team with a newer clock; B (clock an hour behind) renames it afterwards.
    let r = await call('POST', '/v1/sync/push', org.tokens.coordinator, {
      clientId: 'client-aaaa', schemaVersion: 1,
      mutations: [{ id: crypto.randomUUID(), seq: 1, table: 'teams', op: 'upsert', recordId: id, fields: team, hlc: hlc(now, 'client-aaaa') }],
    });
    expect(r.status).toBe(200);
    const before = await call<{ cursor: number }>('GET', '/v1/sync/pull?cursor=0&limit=2000', org.tokens.central);
    r = await call('POST', '/v1/sync/push', org.tokens.central, {
      clientId: 'client-bbbb', schemaVersion: 1,
      mutations: [{ id: crypto.randomUUID(), seq: 1, table: 'teams', op: 'upsert', recordId: id, fields: { name: 'Renamed by a slow clock' }, hlc: hlc(now - 3_600_000, 'client-bbbb') }],
    });
    expect(r.status).toBe(200);
    const after = await call<{ changes: Array<{ recordId: string; record: { name: string } }> }>('GET', `/v1/sync/pull?cursor=${before.body.cursor}&limit=2000`, org.tokens.central);
    const seen = after.body.changes.filter((c) => c.recordId === id);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.record.name).toBe('Assessment');
  });
});
