import type { Settings } from '#shared/schema/index';

const DAY_MS = 86_400_000;

export interface Compaction {
  removed: number;
  /** Pulls from a cursor below this answer 409 (0: nothing compacted yet). */
  floor: number;
}

/**
 * Compacts the change log: removes entries older than `changeLogRetentionDays` that every
 * browser active within `activeClientDays` has pulled past, and only entries a later entry of
 * the same record supersedes. A pull sends each record as it is now, so a superseded entry
 * adds nothing to any pull, while the latest entry of every record (tombstones and erasures
 * included) stays and a pull from zero still brings everything. What goes are old payloads
 * (the fields each edit sent), which is where old values of personal fields would linger.
 */
export async function compactChangeLog(db: D1Database, orgId: string, settings: Settings, now: Date): Promise<Compaction> {
  const [floorRow, head, low] = await db.batch<{ n: number | null }>([
    db.prepare('SELECT floor AS n FROM change_log_floors WHERE org_id = ?1').bind(orgId),
    db.prepare('SELECT max(seq) AS n FROM changes WHERE org_id = ?1 AND created_at < ?2').bind(orgId, new Date(now.getTime() - settings.changeLogRetentionDays * DAY_MS).toISOString()),
    db.prepare('SELECT min(cursor) AS n FROM pull_cursors WHERE org_id = ?1 AND pulled_at >= ?2').bind(orgId, new Date(now.getTime() - settings.activeClientDays * DAY_MS).toISOString()),
  ]);
  const floor = floorRow!.results[0]?.n ?? 0;
  const oldest = head!.results[0]?.n ?? null;
  if (!settings.changeLogRetentionDays || oldest === null) return { removed: 0, floor };
  const activeLow = low!.results[0]?.n ?? null;
  const upTo = activeLow === null ? oldest : Math.min(oldest, activeLow);
  if (upTo <= floor) return { removed: 0, floor };
  const [deleted] = await db.batch([
    db
      .prepare(
        `DELETE FROM changes WHERE org_id = ?1 AND seq <= ?2
           AND EXISTS (SELECT 1 FROM changes later WHERE later.org_id = changes.org_id AND later.tbl = changes.tbl
                        AND later.record_id = changes.record_id AND later.seq > changes.seq)`,
      )
      .bind(orgId, upTo),
    db
      .prepare(
        `INSERT INTO change_log_floors (org_id, floor, compacted_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (org_id) DO UPDATE SET floor = max(floor, excluded.floor), compacted_at = excluded.compacted_at`,
      )
      .bind(orgId, upTo, now.toISOString()),
  ]);
  return { removed: deleted!.meta.changes, floor: Math.max(floor, upTo) };
}

/** Removes audit entries older than `auditRetentionMonths` (0 keeps them all). */
export async function expireAudit(db: D1Database, orgId: string, settings: Settings, now: Date): Promise<number> {
  if (!settings.auditRetentionMonths) return 0;
  const before = new Date(now);
  before.setUTCMonth(before.getUTCMonth() - settings.auditRetentionMonths);
  const r = await db.prepare('DELETE FROM audit_log WHERE org_id = ?1 AND at < ?2').bind(orgId, before.toISOString()).run();
  return r.meta.changes;
}
