import type { AuthContext } from '../env';
import { ApiFailure } from '../errors';

/** A browser's recorded cursor is refreshed at most this often when it has not moved. */
const REFRESH_MS = 3_600_000;

/**
 * The pull's floor statements, run in the pull's own batch (sync/pull.ts) so they cost no round
 * trip of their own: the organisation's compacted floor, and the record of where this token has
 * pulled to (change-log compaction waits for active browsers, retention/change-log.ts).
 */
export function pullFloorStatements(db: D1Database, auth: AuthContext, cursor: number, now = new Date()): [floor: D1PreparedStatement, record: D1PreparedStatement] {
  return [
    db.prepare('SELECT floor FROM change_log_floors WHERE org_id = ?1').bind(auth.orgId),
    db
      .prepare(
        `INSERT INTO pull_cursors (org_id, credential_id, cursor, pulled_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (org_id, credential_id) DO UPDATE SET cursor = excluded.cursor, pulled_at = excluded.pulled_at
          WHERE pull_cursors.cursor <> excluded.cursor OR pull_cursors.pulled_at < ?5`,
      )
      .bind(auth.orgId, auth.credentialId, cursor, now.toISOString(), new Date(now.getTime() - REFRESH_MS).toISOString()),
  ];
}

/**
 * Refuses a cursor below the compacted floor (the first statement's result) with 409
 * `cursor_below_floor`: such a browser starts again from cursor 0 (extension/sync/pull.ts does
 * so by itself).
 */
export function refuseBelowFloor(cursor: number, floorResult: D1Result): void {
  const below = (floorResult.results[0] as { floor: number } | undefined)?.floor ?? 0;
  if (cursor > 0 && cursor < below) {
    throw new ApiFailure(
      409,
      'cursor_below_floor',
      `The change log before ${below} has been compacted since this browser last synced; pull again from cursor 0`,
      { floor: below },
    );
  }
}
