import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema } from '#shared/api/index';
import { runRetention } from '../../worker/src/retention/run';
import { call, createToken, id, materialise, setupOrg, team, TestClient } from './helpers';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const seqs = async (orgId: string) =>
  (await env.DB.prepare('SELECT seq, record_id FROM changes WHERE org_id = ?1 ORDER BY seq').bind(orgId).all<{ seq: number; record_id: string }>()).results;

/** Three teams, the first edited twice; every change log entry dated `age` days ago. */
async function agedLog(age: number) {
  const org = await setupOrg();
  const c = new TestClient(org.tokens.coordinator);
  const [t1, t2, t3] = [id(), id(), id()];
  await c.push([c.upsert('teams', t1, team({ name: 'First' })), c.upsert('teams', t2, team({ name: 'Second' }))]);
  await c.push([c.upsert('teams', t1, { name: 'First, renamed' })]);
  await c.push([c.upsert('teams', t1, { name: 'First, renamed again' }), c.upsert('teams', t3, team({ name: 'Third' }))]);
  await env.DB.prepare('UPDATE changes SET created_at = ?2 WHERE org_id = ?1').bind(org.orgId, daysAgo(age)).run();
  return { org, c, t1, t2, t3 };
}

describe('change-log compaction in the daily run', () => {
  it('removes superseded entries older than the setting once active browsers have pulled past them; a pull from zero still has everything', async () => {
    const { org, c, t1, t2, t3 } = await agedLog(100);
    const { cursor } = await c.pullAll();
    // The server learns where a browser got to from its next pull's cursor.
    expect((await c.pull(cursor)).status).toBe(200);
    const before = await seqs(org.orgId);
    expect(before).toHaveLength(5);
    const [r] = (await runRetention(env.DB)).filter((x) => x.orgId === org.orgId);
    expect(r).toMatchObject({ changesCompacted: 2 });
    const after = await seqs(org.orgId);
    expect(after.map((x) => x.record_id).sort()).toEqual([t1, t2, t3].sort());
    const fresh = new TestClient(await createToken(org.orgId, org.users.central));
    const state = materialise((await fresh.pullAll()).changes);
    expect(state.get(`teams:${t1}`)).toMatchObject({ name: 'First, renamed again' });
    expect(state.get(`teams:${t2}`)).toMatchObject({ name: 'Second' });
    // The active browser carries on from its cursor.
    expect((await c.pull(cursor)).status).toBe(200);
  });

  it('waits for an active browser that has not pulled past, not for an idle one, which must then start again from zero', async () => {
    const { org, c, t1 } = await agedLog(100);
    const first = pullResponseSchema.parse((await c.pull(0, 1)).body);
    const second = pullResponseSchema.parse((await c.pull(first.cursor, 1)).body);
    const log = await seqs(org.orgId);
    expect(first.cursor).toBe(log[0]!.seq);
    // This browser has told the server it holds the first entry only: it is active, so
    // compaction stops there (the first entry, superseded by later edits of t1, goes).
    await runRetention(env.DB);
    expect((await seqs(org.orgId)).map((x) => x.seq)).toEqual(log.slice(1).map((x) => x.seq));
    expect((await c.pull(second.cursor)).status).toBe(200);

    // Idle for 60 days (the active period is 30): compaction no longer waits for it, and its
    // cursor now lies below the compacted floor.
    await env.DB.prepare('UPDATE pull_cursors SET pulled_at = ?2 WHERE org_id = ?1').bind(org.orgId, daysAgo(60)).run();
    await runRetention(env.DB);
    expect(await seqs(org.orgId)).toHaveLength(3);
    const refused = await c.pull(second.cursor);
    expect(refused.status).toBe(409);
    expect((refused.body as any).error.code).toBe('cursor_below_floor');
    const again = materialise((await c.pullAll(0)).changes);
    expect(again.get(`teams:${t1}`)).toMatchObject({ name: 'First, renamed again' });
  });

  it('keeps entries younger than the setting, and compacts nothing when it is 0', async () => {
    const young = await agedLog(10);
    await young.c.pullAll();
    await runRetention(env.DB);
    expect(await seqs(young.org.orgId)).toHaveLength(5);

    const never = await agedLog(1000);
    await never.c.pullAll();
    expect((await call('PUT', '/v1/admin/settings', never.org.tokens.admin, { changeLogRetentionDays: 0 })).status).toBe(200);
    await runRetention(env.DB);
    expect(await seqs(never.org.orgId)).toHaveLength(5);
  });
});

describe('audit retention', () => {
  it('drops audit entries older than the setting (six years by default), keeps younger ones', async () => {
    const org = await setupOrg();
    const insert = (at: string, action: string) =>
      env.DB.prepare('INSERT INTO audit_log (org_id, at, user_id, action) VALUES (?1, ?2, ?3, ?4)').bind(org.orgId, at, org.users.admin, action).run();
    await insert(daysAgo(365 * 6 + 10), 'old');
    await insert(daysAgo(365 * 6 - 10), 'young');
    await runRetention(env.DB);
    const left = await env.DB.prepare('SELECT action FROM audit_log WHERE org_id = ?1 ORDER BY id').bind(org.orgId).all<{ action: string }>();
    expect(left.results.map((r) => r.action)).toEqual(['young']);
  });
});
