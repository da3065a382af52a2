import { SYNC_TABLE_NAMES, type PullResponse } from '#shared/schema/index';
import { cursorRefusal, pullPage, type LoggedChange } from '#shared/sync/pull';
import { scopeChanged, scopeChangedRefusal, type Reader } from '#shared/sync/scope';
import type { AuthContext } from '../env';
import { pullFloorStatements, refuseBelowFloor } from '../retention/pull-floor';
import { refusedWith } from './refused';
import { readerScopeQuery, scopePage } from './scope';

// Each record as its `deleted` flag then its stored JSON text, concatenated ('0{...}'): SQLite
// copies the text instead of parsing and re-writing it (with json_array(deleted, json(data)) a
// 500-row page took 6 ms of D1 at best, 4 ms so), and the worker parses each record once as before.
const recordCase = SYNC_TABLE_NAMES.map(
  (t) => `WHEN '${t}' THEN (SELECT r.deleted || r.data FROM ${t} r WHERE r.org_id = c.org_id AND r.id = c.record_id)`,
).join('\n      ');

const PULL_SQL = `
SELECT c.seq, c.tbl, c.record_id,
  CASE c.tbl
      ${recordCase}
      WHEN 'conflicts' THEN (SELECT '0' || json_object('id', r.id, 'table', r.tbl, 'recordId', r.record_id, 'field', r.field,
          'losingValue', json(r.losing_value), 'winningValue', json(r.winning_value), 'losingHlc', r.losing_hlc, 'winningHlc', r.winning_hlc,
          'at', r.created_at) FROM conflicts r WHERE r.org_id = c.org_id AND r.id = c.record_id)
  END AS row
FROM changes c
WHERE c.org_id = ?1 AND c.seq > ?2
ORDER BY c.seq
LIMIT ?3`;

/** The last entry of the organisation's log (0 when empty), through changes_org_seq. */
const HEAD_SQL = 'SELECT coalesce(max(seq), 0) AS head FROM changes WHERE org_id = ?1';

/** `row`: '0' then the record's JSON; anything else (a deleted flag, a record with no data) is a tombstone. */
type PageRow = { seq: number; tbl: string; record_id: string; row: string | null };

/**
 * Changes after `cursor`, in server order, each with the record as it is now (null for a
 * tombstone), read in ONE statement so the page is a consistent snapshot; shared/sync/pull.ts
 * makes the page. The change log's seq is AUTOINCREMENT and D1 runs one batch at a time, so a
 * seq visible to a reader is never followed later by a smaller one: paging by `seq > cursor`
 * misses nothing.
 *
 * One D1 round trip for everything a page needs before its redaction: the compacted floor and
 * this token's pull record (retention/pull-floor.ts), the page, the log's head (to tell an
 * empty page from a cursor this server never gave) and a restricted reader's scope. Refusals
 * keep their order: below the floor, then scope changed, then cursor ahead.
 *
 * Need-to-know: records outside the reader's scope arrive redacted (./scope.ts), and the answer
 * carries the scope's fingerprint. A client that pulled with another scope (`sentScope`: a new
 * rota week, a slot or team change, a new role) is answered 409 `scope_changed` and pulls again
 * from 0, replacing its copies.
 */
export async function pull(db: D1Database, auth: AuthContext, cursor: number, limit: number, sentScope?: string): Promise<PullResponse> {
  const { orgId } = auth;
  const reader: Reader = { userId: auth.userId, role: auth.role };
  const now = new Date();
  const scopeQuery = readerScopeQuery(db, orgId, reader, now);
  const [floor, , page, head, ...scopeResults] = await db.batch([
    ...pullFloorStatements(db, auth, cursor, now),
    db.prepare(PULL_SQL).bind(orgId, cursor, limit + 1),
    db.prepare(HEAD_SQL).bind(orgId),
    ...scopeQuery.statements,
  ]);
  refuseBelowFloor(cursor, floor!);
  const scope = scopeQuery.scopeOf(scopeResults);
  if (scopeChanged(cursor, sentScope, scope.fingerprint, reader)) throw refusedWith(scopeChangedRefusal(scope.fingerprint));
  const results = page!.results as PageRow[];
  if (results.length === 0 && cursor > 0) {
    // Nothing after the cursor: is the cursor one this server's log ever reached?
    const ahead = cursorRefusal(cursor, (head!.results[0] as { head: number } | undefined)?.head ?? 0);
    if (ahead) throw refusedWith(ahead);
  }
  const after = results.map((r): LoggedChange => {
    const record = r.row && r.row[0] === '0' ? (JSON.parse(r.row.slice(1)) as Record<string, unknown>) : null;
    return { seq: r.seq, table: r.tbl, recordId: r.record_id, record };
  });
  return scopePage(db, orgId, scope, pullPage(after, cursor, limit));
}
