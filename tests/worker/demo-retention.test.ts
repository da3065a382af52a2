import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Mutation, SyncTable } from '#shared/schema/index';
import { generateDemoCouncil } from '../../demo/index';
import { createOrg, createToken, materialise, TestClient } from './helpers';

/**
 * The demo council's retention records go through the real push as scripts/lib/demo.ts loads
 * them: the central team's user loads the records, each Stay conversation's holder their own
 * (nobody else may push one). Every reference holds and every record passes the worker's rules.
 */
const BASE: SyncTable[] = ['teams', 'posts', 'vacancies', 'applications'];
const RETENTION: SyncTable[] = ['cohorts', 'staff', 'leavers', 'exit_interviews', 'transfers', 'incentives', 'caseload_weeks'];

describe('demo council: retention records through the worker', () => {
  it('loads the establishment, staff, leavers, exit interviews, transfers, incentives, cohorts and caseloads; Stay conversations by their holders', { timeout: 120_000 }, async () => {
    const data = generateDemoCouncil({ asOf: '2026-03-30' });
    const orgId = await createOrg(data.organisation.name);
    for (const u of data.users) {
      await env.DB.prepare('INSERT INTO users (id, org_id, name, email, role, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)').bind(u.id, orgId, u.name, u.email, u.role, new Date().toISOString()).run();
    }
    const token = async (role: string) => createToken(orgId, data.users.find((u) => u.role === role)!.id);
    const central = new TestClient(await token('central'));
    const records = data.records as unknown as Record<string, Array<Record<string, unknown> & { id: string }>>;
    const upserts = (c: TestClient, tables: SyncTable[], keep: (r: Record<string, unknown>) => boolean = () => true) =>
      tables.flatMap((t) => records[t]!.filter(keep).map(({ id, ...fields }) => c.upsert(t, id, fields)));
    const pushAll = async (c: TestClient, mutations: Mutation[]) => {
      for (let i = 0; i < mutations.length; i += 1000) {
        const r = await c.push(mutations.slice(i, i + 1000));
        expect(r.status, JSON.stringify(r.body).slice(0, 1500)).toBe(200);
      }
    };
    // Erased candidates are no one's holder and arrive by erasure in the real load: left out here.
    await pushAll(central, [...upserts(central, BASE, (r) => !r.erased), ...upserts(central, RETENTION)]);

    const refused = await central.push(upserts(central, ['stay_conversations']));
    expect(refused.status).toBe(403);
    central.seq -= data.records.stay_conversations.length;
    for (const heldBy of new Set(data.records.stay_conversations.map((s) => s.heldBy))) {
      const holder = new TestClient(await createToken(orgId, heldBy));
      await pushAll(holder, upserts(holder, ['stay_conversations'], (r) => r.heldBy === heldBy));
    }

    // Admins pull every Stay conversation whole (shared/sync/scope.ts).
    const state = materialise((await new TestClient(await token('admin')).pullAll()).changes);
    for (const t of [...RETENTION, 'stay_conversations'] as const) {
      for (const r of records[t]!) expect(state.get(`${t}:${r.id}`), `${t} ${r.id}`).toEqual(r);
    }
  });
});
