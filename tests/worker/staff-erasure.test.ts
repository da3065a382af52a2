import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { staffExport, subjectAccessResponse } from '#shared/api/index';
import { computeRetentionReport } from '#shared/measures/retention-report';
import { formatHlc } from '#shared/hlc';
import { post, staffMember, stayConversation } from '../contract/records';
import { call, createToken, createUser, id, materialise, setupOrg, team, TestClient, type TestOrg } from './helpers';

/**
 * A member of staff's erasure (issues 12 and 16): the words about them (their name, their exit
 * interview's notes and the colleague they chose, their Stay conversation's notes) leave the
 * server's records, the change log and the conflicts, and every browser's pull; what the
 * retention measures count (dates, reasons, destinations, FTE, themes) stays.
 */

const RETENTION_TABLES = ['staff', 'leavers', 'exit_interviews', 'stay_conversations', 'transfers', 'incentives'];
const JO = ['Jo Leaving', 'Sam Chosen-Colleague', 'Jo found the caseload too heavy', 'Jo is thinking of agency work', 'Jo Leaving-Smith', 'phased return for Jo'];

/** Everything D1 holds for the organisation's retention records, change log and conflicts, as one string to search. */
async function stored(org: TestOrg): Promise<string> {
  const parts: string[] = [];
  for (const t of [...RETENTION_TABLES, 'posts', 'changes', 'conflicts']) {
    const { results } = await env.DB.prepare(`SELECT * FROM ${t} WHERE org_id = ?1`).bind(org.orgId).all();
    parts.push(JSON.stringify(results));
  }
  return parts.join('\n');
}

/** Jo, who left after a Stay conversation, with an exit interview, a transfer and an incentive; and Bea, who stays. */
async function council() {
  const org = await setupOrg();
  const holderId = await createUser(org.orgId, 'central', 'Principal social worker');
  const holder = new TestClient(await createToken(org.orgId, holderId));
  const c = new TestClient(org.tokens.coordinator);
  const [t1, t2, p1, p2, jo, bea, leaver, exit, stay, beaStay, transfer, incentive] = [id(), id(), id(), id(), id(), id(), id(), id(), id(), id(), id(), id()];
  const made = await c.push([
    c.upsert('teams', t1, team()),
    c.upsert('teams', t2, team({ name: 'Children in care' })),
    c.upsert('posts', p1, post(t1, { note: 'phased return for Jo until March' })),
    c.upsert('posts', p2, post(t1, { note: 'Bea covers duty on Fridays' })),
    c.upsert('staff', jo, staffMember(p1, { name: 'Jo Leaving-Smith', fte: 0.8, startDate: '2022-01-10' })),
    c.upsert('staff', bea, staffMember(p2, { name: 'Bea Staying', startDate: '2021-05-04' })),
    c.upsert('transfers', transfer, { staffId: jo, fromTeamId: t1, toTeamId: t2, requestedOn: '2026-02-02', decision: 'declined', decidedOn: '2026-02-20' }),
    c.upsert('incentives', incentive, { staffId: jo, kind: 'retention_payment', amount: 2000, paidOn: ['2025-04-01'], clawbackMonths: 24 }),
    c.upsert('leavers', leaver, { staffId: jo, postId: p1, leavingDate: '2026-06-30', reason: 'workload', destination: 'agency', fte: 0.8 }),
    c.upsert('exit_interviews', exit, {
      leaverId: leaver,
      offeredOn: '2026-06-20',
      outcome: 'held',
      heldOn: '2026-06-25',
      heldWith: 'Sam Chosen-Colleague',
      themes: ['caseload', 'agency rates'],
      notes: 'Jo found the caseload too heavy',
    }),
  ]);
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  // A second edit of the name, so the change log holds it twice.
  expect((await c.push([c.upsert('staff', jo, { name: 'Jo Leaving' })])).status).toBe(200);
  const talked = await holder.push([
    holder.upsert('stay_conversations', stay, stayConversation(jo, holderId, { outcome: 'left', themes: ['caseload'], notes: 'Jo is thinking of agency work' })),
    holder.upsert('stay_conversations', beaStay, stayConversation(bea, holderId, { outcome: 'stayed', notes: 'Bea wants more supervision' })),
  ]);
  expect(talked.status, JSON.stringify(talked.body)).toBe(200);
  // A conflict kept about the person's exit interview (none of these fields is critical today: a kept one must still go).
  await env.DB.prepare(
    `INSERT INTO conflicts (org_id, id, tbl, record_id, field, losing_value, winning_value, losing_hlc, winning_hlc, created_at, server_seq)
     VALUES (?1, ?2, 'exit_interviews', ?3, 'notes', ?4, ?5, ?6, ?6, ?7, 0)`,
  )
    .bind(org.orgId, id(), exit, JSON.stringify('Jo Leaving said so'), JSON.stringify('Jo found the caseload too heavy'), formatHlc({ wall: Date.now(), counter: 0, node: 'x' }), new Date().toISOString())
    .run();
  return { org, c, holder, holderId, jo, bea, leaver, exit, stay, beaStay, transfer, incentive, t1, p1 };
}

/** The retention report as an admin's browser would compute it from what it pulls. */
async function report(reader: TestClient) {
  const records = materialise((await reader.pullAll()).changes);
  // A deleted record (a tombstone) is in no measure.
  const of = (t: string) => [...records].filter(([k, v]) => k.startsWith(`${t}:`) && v !== null).map(([, v]) => v as never);
  return computeRetentionReport(
    {
      staff: of('staff'),
      posts: of('posts'),
      leavers: of('leavers'),
      exitInterviews: of('exit_interviews'),
      stayConversations: of('stay_conversations'),
      transfers: of('transfers'),
      cohorts: [],
      caseloadWeeks: [],
      caseloadLimit: 15,
    },
    { from: '2025-10-01', to: '2026-09-30' },
    '2026-10-15',
  );
}

describe('erasure of a member of staff', () => {
  it('leaves no words about them in the records, the change log or the conflicts, and the measures count the same', async () => {
    const s = await council();
    const admin = new TestClient(s.org.tokens.admin);
    const before = await report(admin);
    for (const text of JO) expect(await stored(s.org)).toContain(text);

    const r = await call('POST', '/v1/admin/erase', s.org.tokens.admin, { staffId: s.jo });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ staffId: s.jo, erased: true });

    const all = await stored(s.org);
    for (const text of JO) expect(all, `D1 still holds "${text}"`).not.toContain(text);
    // Nobody else's words go.
    expect(all).toContain('Bea Staying');
    expect(all).toContain('Bea wants more supervision');
    expect(all).toContain('Bea covers duty on Fridays');
    const row = (t: string, recordId: string) => env.DB.prepare(`SELECT data, erased FROM ${t} WHERE org_id = ?1 AND id = ?2`).bind(s.org.orgId, recordId).first<{ data: string; erased: number }>();
    const staff = await row('staff', s.jo);
    expect(staff!.erased).toBe(1);
    expect(JSON.parse(staff!.data)).toMatchObject({ name: null, erased: true, fte: 0.8, startDate: '2022-01-10', role: 'social_worker' });
    expect(JSON.parse((await row('exit_interviews', s.exit))!.data)).toMatchObject({ heldWith: null, notes: null, themes: ['caseload', 'agency rates'], outcome: 'held', leaverId: s.leaver });
    // The link and the holder stay: the conversation is about an erased record now, and its holder still holds it.
    expect(JSON.parse((await row('stay_conversations', s.stay))!.data)).toMatchObject({ notes: null, staffId: s.jo, heldBy: s.holderId, outcome: 'left' });
    expect(JSON.parse((await row('leavers', s.leaver))!.data)).toMatchObject({ leavingDate: '2026-06-30', reason: 'workload', destination: 'agency', fte: 0.8 });
    // The post they held loses its note (it may name its holder) and keeps what the establishment counts.
    expect(JSON.parse((await row('posts', s.p1))!.data)).toMatchObject({ note: null, teamId: s.t1, fte: 1, cover: 'permanent' });

    // The retention measures read the same figures from the anonymised records.
    expect(await report(admin)).toEqual(before);
  });

  it('reaches every browser through pull, and an edit arriving later writes nothing back', async () => {
    const s = await council();
    const central = new TestClient(s.org.tokens.central);
    await central.pullAll();
    expect((await call('POST', '/v1/admin/erase', s.org.tokens.admin, { staffId: s.jo })).status).toBe(200);
    const { changes } = await central.pullAll();
    const text = JSON.stringify(changes);
    for (const t of JO) expect(text).not.toContain(t);
    const got = materialise(changes);
    expect(got.get(`staff:${s.jo}`)).toMatchObject({ name: null, erased: true });
    expect(got.get(`exit_interviews:${s.exit}`)).toMatchObject({ heldWith: null, notes: null });
    expect(got.get(`posts:${s.p1}`)).toMatchObject({ note: null });

    // An offline browser's edits made before it heard of the erasure: the name and the notes stay null.
    const late = await s.c.push([s.c.upsert('staff', s.jo, { name: 'Jo Leaving', fte: 0.6 }), s.c.upsert('exit_interviews', s.exit, { notes: 'Jo rang again' })]);
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    const lateStay = await s.holder.push([s.holder.upsert('stay_conversations', s.stay, { notes: 'Jo rang again' })]);
    expect(lateStay.status, JSON.stringify(lateStay.body)).toBe(200);
    const after = await stored(s.org);
    expect(after).not.toContain('Jo Leaving');
    expect(after).not.toContain('Jo rang again');
    const staff = await env.DB.prepare('SELECT data FROM staff WHERE org_id = ?1 AND id = ?2').bind(s.org.orgId, s.jo).first<{ data: string }>();
    expect(JSON.parse(staff!.data)).toMatchObject({ name: null, fte: 0.6 });
    // Erased stays erased: a client's `erased: false` changes nothing, and `erased: true` is the erase op's only.
    expect((await s.c.push([s.c.upsert('staff', s.jo, { erased: false })])).status).toBe(200);
    expect((await env.DB.prepare('SELECT erased, data->>"$.erased" AS flag FROM staff WHERE org_id = ?1 AND id = ?2').bind(s.org.orgId, s.jo).first())).toEqual({ erased: 1, flag: 1 });
    expect((await s.c.push([s.c.upsert('staff', s.bea, { erased: true })])).status).toBe(400);
    // The post is not theirs: a note written about its next holder stays.
    const next = new TestClient(s.org.tokens.coordinator);
    expect((await next.push([next.upsert('posts', s.p1, { note: 'new holder from April' })])).status).toBe(200);
    expect(await stored(s.org)).toContain('new holder from April');
  });

  it('shows its progress across browsers, and refuses what is not a staff record of the council', async () => {
    const s = await council();
    expect((await call('POST', '/v1/admin/erase', s.org.tokens.admin, { staffId: s.jo })).status).toBe(200);
    const progress = await call('GET', `/v1/admin/erasures/${s.jo}`, s.org.tokens.admin);
    expect(progress.status, JSON.stringify(progress.body)).toBe(200);
    expect(progress.body.changeSeq).toBeGreaterThan(0);
    const other = await setupOrg('Elsewhere');
    expect((await call('POST', '/v1/admin/erase', other.tokens.admin, { staffId: s.jo })).status).toBe(404);
    expect((await call('POST', '/v1/admin/erase', s.org.tokens.admin, { staffId: s.jo, applicationId: s.bea })).status).toBe(400);
    expect((await call('POST', '/v1/admin/erase', s.org.tokens.coordinator, { staffId: s.bea })).status).toBe(403);
    // Only an application or a staff record is erased; a Stay conversation is reached through its person.
    const byPush = await s.c.push([s.c.mutation('stay_conversations', 'erase', s.beaStay)]);
    expect(byPush.status).toBe(400);
  });
});

describe('deletion of a staff record', () => {
  it('is scrubbed like an erasure: no words about them in the tombstone, their records, the posts they held, the change log or the conflicts', async () => {
    const s = await council();
    const central = new TestClient(s.org.tokens.central);
    await central.pullAll();

    const r = await s.c.push([s.c.mutation('staff', 'delete', s.jo)]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);

    const all = await stored(s.org);
    for (const text of JO) expect(all, `D1 still holds "${text}"`).not.toContain(text);
    expect(all).toContain('Bea Staying');
    expect(all).toContain('Bea wants more supervision');
    expect(all).toContain('Bea covers duty on Fridays');
    const tomb = await env.DB.prepare('SELECT deleted, data FROM staff WHERE org_id = ?1 AND id = ?2').bind(s.org.orgId, s.jo).first<{ deleted: number; data: string }>();
    expect(tomb!.deleted).toBe(1);
    expect(JSON.parse(tomb!.data)).toMatchObject({ name: null, fte: 0.8, startDate: '2022-01-10' });
    // Their other records stay, without the words (the staff record itself leaves the measures, as a delete always did: erase to keep it counted).
    expect(JSON.parse((await env.DB.prepare('SELECT data FROM leavers WHERE org_id = ?1 AND id = ?2').bind(s.org.orgId, s.leaver).first<{ data: string }>())!.data)).toMatchObject({ reason: 'workload', destination: 'agency', fte: 0.8 });

    // Every browser: the tombstone and the scrubbed records arrive by pull.
    const { changes } = await central.pullAll();
    const text = JSON.stringify(changes);
    for (const t of JO) expect(text).not.toContain(t);
    const got = materialise(changes);
    expect(got.get(`exit_interviews:${s.exit}`)).toMatchObject({ heldWith: null, notes: null, themes: ['caseload', 'agency rates'] });

    // Deleted stays deleted, and words arriving later about the deleted person are dropped.
    const late = await s.c.push([s.c.upsert('staff', s.jo, { name: 'Jo Leaving' }), s.c.upsert('exit_interviews', s.exit, { notes: 'Jo rang again' })]);
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    const after = await stored(s.org);
    expect(after).not.toContain('Jo Leaving');
    expect(after).not.toContain('Jo rang again');
  });
});

describe('subject access for a member of staff', () => {
  it('by name: their staff record and every retention record about them, notes included, and nothing of anyone else', async () => {
    const s = await council();
    const r = await call('GET', '/v1/admin/subject-access?name=%20jo%20leaving', s.org.tokens.admin);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const body = subjectAccessResponse.parse(r.body);
    expect(body.applications).toEqual([]);
    expect(body.staff.map((x) => x.staffId)).toEqual([s.jo]);
    const jo = staffExport.parse(body.staff[0]);
    expect(jo.staff).toMatchObject({ name: 'Jo Leaving' });
    expect(jo.records.leavers!.map((l) => l.id)).toEqual([s.leaver]);
    expect(jo.records.exit_interviews!.map((e) => e.notes)).toEqual(['Jo found the caseload too heavy']);
    expect(jo.records.stay_conversations!.map((e) => e.notes)).toEqual(['Jo is thinking of agency work']);
    expect(jo.records.transfers!.map((e) => e.id)).toEqual([s.transfer]);
    expect(jo.records.incentives!.map((e) => e.id)).toEqual([s.incentive]);
    // The post they held, for its note (the erasure takes it too); not the other post of the team.
    expect(jo.records.posts!.map((p) => [p.id, p.note])).toEqual([[s.p1, 'phased return for Jo until March']]);
    expect(jo.conflicts.map((k) => k.field)).toEqual(['notes']);
    expect(jo.changes.some((ch) => ch.table === 'exit_interviews')).toBe(true);
    expect(jo.audit.length).toBeGreaterThan(0);
    const text = JSON.stringify(body);
    for (const foreign of ['Bea Staying', 'Bea wants more supervision', s.bea, s.beaStay]) expect(text).not.toContain(foreign);

    // By staff id, the same; and the request is audited once per staff record, by key only.
    const byId = subjectAccessResponse.parse((await call('GET', `/v1/admin/subject-access?staff=${s.jo}`, s.org.tokens.admin)).body);
    expect(byId.matchedBy).toBe('staff');
    expect(byId.staff.map((x) => x.staffId)).toEqual([s.jo]);
    const audited = await env.DB.prepare(`SELECT tbl, record_id, fields FROM audit_log WHERE org_id = ?1 AND action = 'subject_access' ORDER BY id`).bind(s.org.orgId).all();
    expect(audited.results).toEqual([
      { tbl: 'staff', record_id: s.jo, fields: '["name"]' },
      { tbl: 'staff', record_id: s.jo, fields: '["staff"]' },
    ]);
    expect(JSON.stringify(audited.results)).not.toContain('Jo');
  });

  it('as a CSV a person can read, with their retention records in words', async () => {
    const s = await council();
    const r = await exportsCsv(s.org, `name=Jo%20Leaving`);
    for (const section of ['Staff records', 'Leaving', 'Exit interviews', 'Stay conversations', 'Internal transfers', 'Posts held', 'Incentives', 'Audit trail']) expect(r).toContain(section);
    for (const words of ['Jo Leaving', 'Caseload / workload', 'Agency work', 'Jo found the caseload too heavy', 'Sam Chosen-Colleague', 'Jo is thinking of agency work', 'Principal social worker', 'Retention payment', 'phased return for Jo']) {
      expect(r).toContain(words);
    }
    expect(r).not.toContain('Bea');
  });

  it('after the erasure, finds nothing by name, and by staff id an anonymised record', async () => {
    const s = await council();
    expect((await call('POST', '/v1/admin/erase', s.org.tokens.admin, { staffId: s.jo })).status).toBe(200);
    const byName = subjectAccessResponse.parse((await call('GET', '/v1/admin/subject-access?name=Jo%20Leaving', s.org.tokens.admin)).body);
    expect(byName.staff).toEqual([]);
    const byId = subjectAccessResponse.parse((await call('GET', `/v1/admin/subject-access?staff=${s.jo}`, s.org.tokens.admin)).body);
    expect(byId.staff[0]!.erased).toBe(true);
    for (const t of JO) expect(JSON.stringify(byId)).not.toContain(t);
  });
});

async function exportsCsv(org: TestOrg, query: string): Promise<string> {
  const res = await call<string>('GET', `/v1/admin/subject-access?${query}&format=csv`, org.tokens.admin);
  expect(res.status).toBe(200);
  return typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
}
