import type { AuthContext } from '../env';
import { ApiFailure } from '../errors';

/** A browser's recorded cursor is refreshed at most this often when it has not moved. */
const REFRESH_MS = 3_600_000;

/**
 * Called by the pull route before it reads the log: records where this token has pulled to
 * (change-log compaction waits for active browsers, retention/change-log.ts), and refuses a
 * cursor below the compacted floor with 409 `cursor_below_floor`: such a browser starts again
 * from cursor 0 (extension/sync/pull.ts does so by itself).
 */
export async function checkPullFloor(db: D1Database, auth: AuthContext, cursor: number, now = new Date()): Promise<void> {
  const nowIso = now.toISOString();
  const [floor] = await db.batch<{ floor: number }>([
    db.prepare('SELECT floor FROM change_log_floors WHERE org_id = ?1').bind(auth.orgId),
    db
      .prepare(
        `INSERT INTO pull_cursors (org_id, credential_id, cursor, pulled_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (org_id, credential_id) DO UPDATE SET cursor = excluded.cursor, pulled_at = excluded.pulled_at
          WHERE pull_cursors.cursor <> excluded.cursor OR pull_cursors.pulled_at < ?5`,
      )
      .bind(auth.orgId, auth.credentialId, cursor, nowIso, new Date(now.getTime() - REFRESH_MS).toISOString()),
  ]);
  const below = floor!.results[0]?.floor ?? 0;
  if (cursor > 0 && cursor < below) {
    throw new ApiFailure(
      409,
      'cursor_below_floor',
      `The change log before ${below} has been compacted since this browser last synced; pull again from cursor 0`,
      { floor: below },
    );
  }
}
