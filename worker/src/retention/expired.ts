import { formatHlc } from '#shared/hlc';
import { isRetentionExpired, retentionQueryBound } from '#shared/retention';
import type { Mutation, Settings, StageEvent } from '#shared/schema/index';
import { chunks } from '../db/chunk';
import { applyMutations } from '../sync/apply';
import { retentionActor } from './actor';

/** Erasures per push decision: each one reads its application's events and checks. */
const ERASE_BATCH = 50;

/**
 * Applications of the organisation whose retention date has passed on `today`: a query by the
 * generous bound of shared/retention.ts, then the exact rule on each application's events.
 */
export async function expiredApplications(db: D1Database, orgId: string, settings: Settings, today: string): Promise<string[]> {
  const bound = retentionQueryBound(settings, today);
  if (!bound) return [];
  const { results } = await db
    .prepare(
      `SELECT a.id FROM applications a
        WHERE a.org_id = ?1 AND a.erased = 0 AND a.deleted = 0
          AND EXISTS (SELECT 1 FROM stage_events e
                       WHERE e.org_id = a.org_id AND json_extract(e.data, '$.applicationId') = a.id AND e.deleted = 0
                         AND json_extract(e.data, '$.stage') IN ('rejected', 'withdrawn', 'started') AND json_extract(e.data, '$.at') < ?2)`,
    )
    .bind(orgId, bound)
    .all<{ id: string }>();
  const expired: string[] = [];
  for (const part of chunks(results.map((r) => r.id), 500)) {
    const events = await db
      .prepare(`SELECT data FROM stage_events WHERE org_id = ?1 AND deleted = 0 AND json_extract(data, '$.applicationId') IN (SELECT value FROM json_each(?2))`)
      .bind(orgId, JSON.stringify(part))
      .all<{ data: string }>();
    const byApp = new Map<string, StageEvent[]>();
    for (const r of events.results) {
      const e = JSON.parse(r.data) as StageEvent;
      byApp.set(e.applicationId, [...(byApp.get(e.applicationId) ?? []), e]);
    }
    for (const id of part) if (isRetentionExpired(byApp.get(id) ?? [], settings, today)) expired.push(id);
  }
  return expired;
}

/**
 * Erases them through the same path as an admin's erasure (an `erase` mutation applied by the
 * sync rules), so the erasure is logged, scrubbed from the change log and conflicts, and
 * reaches every browser on its next pull; the actor is `retention`.
 */
export async function eraseApplications(db: D1Database, orgId: string, orgName: string, ids: string[], nowMs: number): Promise<number> {
  const actor = retentionActor(orgId, orgName);
  let erased = 0;
  for (const part of chunks(ids, ERASE_BATCH)) {
    const mutations: Mutation[] = part.map((recordId, i) => ({
      id: crypto.randomUUID(),
      seq: i + 1,
      table: 'applications',
      op: 'erase',
      recordId,
      hlc: formatHlc({ wall: nowMs, counter: i, node: 'server' }),
    }));
    await applyMutations(db, actor, mutations, { clientId: null, trusted: true });
    erased += part.length;
  }
  return erased;
}
