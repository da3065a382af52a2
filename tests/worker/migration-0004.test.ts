import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { id, rowOf, setupOrg } from './helpers';

/** Migration 0004 re-run on rows written as before it: legacy rota slots get their giver from the change log. */
describe('migration 0004: rota slots get givenBy', () => {
  it('takes the user of the latest change that set managerId, with managerId\'s clock; leaves slots without such a change alone', async () => {
    const org = await setupOrg();
    const [given, handedOn, orphan] = [id(), id(), id()];
    const slot = (slotId: string) =>
      env.DB.prepare(
        `INSERT INTO rota_slots (org_id, id, data, clocks, arrivals, deleted, erased, server_seq, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, '{}', 0, 0, 1, '2026-01-05', '2026-01-05')`,
      ).bind(org.orgId, slotId, JSON.stringify({ id: slotId, week: '2026-01-05', duty: 'shortlisting', managerId: org.users.manager }), JSON.stringify({ managerId: '1767600000000:000000:c1', week: '1767600000000:000000:c1' }));
    const change = (recordId: string, userId: string, payload: Record<string, unknown>) =>
      env.DB.prepare(`INSERT INTO changes (org_id, tbl, record_id, op, payload, user_id, client_id, mutation_id, created_at) VALUES (?1, 'rota_slots', ?2, 'update', ?3, ?4, 'c1', ?5, '2026-01-05')`).bind(
        org.orgId,
        recordId,
        JSON.stringify(payload),
        userId,
        id(),
      );
    await env.DB.batch([
      slot(given),
      slot(handedOn),
      slot(orphan),
      change(given, org.users.coordinator, { managerId: org.users.manager, week: '2026-01-05' }),
      change(given, org.users.central, { duty: 'shortlisting' }),
      change(handedOn, org.users.coordinator, { managerId: org.users.central }),
      change(handedOn, org.users.central, { managerId: org.users.manager }),
    ]);
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0004_'))!;
    for (const q of migration.queries) await env.DB.prepare(q).run();
    const after = async (slotId: string) => {
      const r = (await rowOf('rota_slots', org.orgId, slotId))!;
      return { data: JSON.parse(r.data), clocks: JSON.parse(r.clocks) };
    };
    expect(await after(given)).toMatchObject({ data: { givenBy: org.users.coordinator }, clocks: { givenBy: '1767600000000:000000:c1' } });
    expect((await after(handedOn)).data.givenBy).toBe(org.users.central);
    expect((await after(orphan)).data).not.toHaveProperty('givenBy');
  });
});
