import type { SyncTable } from '#shared/schema/index';
import type { ChangeEntry, Erasure, PushPlan } from '#shared/sync/decide';
import type { SyncRow } from '#shared/sync/rows';
import { chunkJson } from '../db/chunk';
import { encodeClocks } from '../db/clocks';
import { tableSql } from '../db/records';
import type { AuthContext } from '../env';
import { auditRows, auditStatements } from './audit-rows';
import type { Store } from './store';

// Multi-row statements read their rows from one JSON parameter (json_each, see db/chunk.ts);
// each row's keys are named after what they hold, and the SQL reads them by those names.
// JSON columns travel as nested JSON (read with `->`, which gives their JSON text) rather than
// as strings of JSON inside the JSON: no second encoding and escaping of every quote. A key
// left out (undefined) reads as SQL NULL.

interface WritePlan {
  auth: AuthContext;
  clientId: string | null;
  nowIso: string;
  baseSeq: number;
  newLastSeq: number;
  appliedMutations: { mutationId: string; seq: number }[];
  plan: PushPlan;
}

/**
 * The statements of one push, in order: guards, change log (AUTOINCREMENT seq in order),
 * records (server_seq = their latest change), conflicts, client state, applied ids, audit
 * (upserts' entries read from their changes, ./audit-rows.ts),
 * erasure scrubbing of the change log, and finally emptying the guard table.
 */
export function buildWriteBatch(db: D1Database, store: Store, p: WritePlan): D1PreparedStatement[] {
  const { plan } = p;
  const { orgId, userId } = p.auth;
  const writes = new Set(plan.rows.map((r) => `${r.table}:${r.row.id}`));
  const out: D1PreparedStatement[] = [...store.guards((t, id) => writes.has(`${t}:${id}`))];
  if (p.clientId) {
    out.push(
      db
        .prepare('INSERT INTO sync_guard (expected, actual) SELECT ?3, coalesce((SELECT last_seq FROM sync_clients WHERE org_id = ?1 AND client_id = ?2), 0)')
        .bind(orgId, p.clientId, p.baseSeq),
    );
  }
  const changes = plan.changes.map((c) => ({ ...c, payload: c.payload ?? undefined }));
  for (const part of chunkJson(changes)) {
    out.push(
      db
        .prepare(
          `INSERT INTO changes (org_id, tbl, record_id, op, payload, user_id, client_id, mutation_id, created_at)
           SELECT ?1, j.value->>'table', j.value->>'recordId', j.value->>'op', j.value->'payload', ?2, ?3, j.value->>'mutationId', ?4
             FROM json_each(?5) j ORDER BY j.key`,
        )
        .bind(orgId, userId, p.clientId, p.nowIso, part),
    );
  }
  // server_seq of a row is the sequence of its latest change in this batch. The change log's
  // inserts above number this batch's changes consecutively in plan order (AUTOINCREMENT in a
  // batch that runs alone), so the latest is max(seq) minus the changes logged after it: one
  // read of the table's highest rowid per statement instead of an index search per row.
  const { after: logged, latest } = changeLogOrder(plan.changes);
  for (const [t, written] of byTable(plan.rows)) {
    const tb = tableSql(t);
    // A row read as absent is inserted plainly: if another push created it since, the insert
    // fails its primary key and the batch rolls back and retries, as a failed guard does, so
    // it needs no guard of its own (Store.guards). Rows that exist are upserted under their guard.
    const [created, existing] = partition(written, (s) => store.known(t, s.id) === null);
    for (const [rows, onConflict] of [
      [created, ''],
      [existing, `WHERE true ON CONFLICT (org_id, id) DO UPDATE SET data = excluded.data, clocks = excluded.clocks, arrivals = excluded.arrivals,
               deleted = excluded.deleted, erased = excluded.erased, server_seq = excluded.server_seq, updated_at = excluded.updated_at`],
    ] as const) {
      const encoded = rows.map((s) => ({
        id: s.id,
        // A creation's data is mostly its id and then exactly what its change logged: the SQL copies that instead.
        data: isIdAndPayload(s, latest(t, s.id)) ? undefined : s.data,
        clocks: encodeClocks(s.clocks, s.data),
        arrivals: s.arrivals,
        deleted: s.deleted ? 1 : 0,
        erased: s.erased ? 1 : 0,
        createdAt: s.createdAt,
        after: logged(t, s.id),
      }));
      for (const part of chunkJson(encoded)) {
        out.push(
          db
            .prepare(
              `INSERT INTO ${tb} (org_id, id, data, clocks, arrivals, deleted, erased, server_seq, created_at, updated_at)
               SELECT ?1, j.value->>'id', coalesce(j.value->'data', '{"id":' || (j.value->'id') || ',' || substr(c.payload, 2)),
                      j.value->'clocks', j.value->'arrivals', j.value->>'deleted', j.value->>'erased',
                      (SELECT max(seq) FROM changes) - (j.value->>'after'), j.value->>'createdAt', ?2
                 FROM json_each(?3) j LEFT JOIN changes c ON j.value->'data' IS NULL AND c.seq = (SELECT max(seq) FROM changes) - (j.value->>'after')
                ${onConflict}`,
            )
            .bind(orgId, p.nowIso, part),
        );
      }
    }
  }
  const conflictRows = plan.conflicts.map((c) => ({
    ...c,
    losingValue: c.losingValue ?? null,
    winningValue: c.winningValue ?? null,
    after: logged('conflicts', c.id),
  }));
  for (const part of chunkJson(conflictRows)) {
    out.push(
      db
        .prepare(
          `INSERT INTO conflicts (org_id, id, tbl, record_id, field, losing_value, winning_value, losing_hlc, winning_hlc, created_at, server_seq)
           SELECT ?1, j.value->>'id', j.value->>'table', j.value->>'recordId', j.value->>'field', j.value->'losingValue', j.value->'winningValue',
                  j.value->>'losingHlc', j.value->>'winningHlc', ?2, (SELECT max(seq) FROM changes) - (j.value->>'after')
             FROM json_each(?3) j`,
        )
        .bind(orgId, p.nowIso, part),
    );
  }
  if (p.clientId) {
    out.push(
      db
        .prepare(
          `INSERT INTO sync_clients (org_id, client_id, user_id, last_seq, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
           ON CONFLICT (org_id, client_id) DO UPDATE SET last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
        )
        .bind(orgId, p.clientId, userId, p.newLastSeq, p.nowIso),
    );
    for (const part of chunkJson(p.appliedMutations)) {
      out.push(
        db
          .prepare(
            `INSERT INTO applied_mutations (org_id, mutation_id, client_id, seq, applied_at)
             SELECT ?1, j.value->>'mutationId', ?2, j.value->>'seq', ?3 FROM json_each(?4) j`,
          )
          .bind(orgId, p.clientId, p.nowIso, part),
      );
    }
  }
  out.push(...auditStatements(db, p.auth, p.clientId, p.nowIso, auditRows(plan.audit, plan.changes)));
  for (const e of plan.erasures) out.push(...eraseScrubStatements(db, orgId, e));
  out.push(db.prepare('DELETE FROM sync_guard'));
  return out;
}

const partition = <T>(list: T[], test: (x: T) => boolean): [T[], T[]] => {
  const yes: T[] = [];
  const no: T[] = [];
  for (const x of list) (test(x) ? yes : no).push(x);
  return [yes, no];
};

/** Rows grouped by table, tables in the order of their first row. */
function byTable(rows: PushPlan['rows']): Map<SyncTable, SyncRow[]> {
  const out = new Map<SyncTable, SyncRow[]>();
  for (const { table, row } of rows) {
    const list = out.get(table);
    if (list) list.push(row);
    else out.set(table, [row]);
  }
  return out;
}

/** For a record: its latest entry in the batch's change log, and how many entries come after it. */
function changeLogOrder(changes: PushPlan['changes']) {
  const latestAt = new Map<string, number>();
  changes.forEach((c, i) => latestAt.set(`${c.table}:${c.recordId}`, i));
  const indexOf = (table: string, id: string) => {
    const i = latestAt.get(`${table}:${id}`);
    // Every row a push writes has a change logged (shared/sync/decide.ts), or a pull would never send it.
    if (i === undefined) throw new Error(`no change logged for ${table} ${id}`);
    return i;
  };
  return {
    after: (table: string, id: string) => changes.length - 1 - indexOf(table, id),
    latest: (table: string, id: string): ChangeEntry => changes[indexOf(table, id)]!,
  };
}

/**
 * Whether a row's data is its id followed by exactly the fields and values of its latest change,
 * in the same order: then its JSON text is `{"id":…,` and the rest of the payload's, which the
 * insert copies from the change just logged (as the audit does) instead of receiving it twice.
 */
function isIdAndPayload(row: SyncRow, change: ChangeEntry): boolean {
  const { payload } = change;
  if (!payload) return false;
  const fields = Object.keys(payload);
  const keys = Object.keys(row.data);
  if (!fields.length || keys.length !== fields.length + 1 || keys[0] !== 'id' || row.data.id !== row.id) return false;
  // A value JSON leaves out (undefined) would leave the payload's text without that field, or empty.
  return fields.every((f, i) => keys[i + 1] === f && row.data[f] === payload[f] && payload[f] !== undefined);
}

/**
 * Erasure and deletion reach the change log and the conflicts too: the erased fields of each
 * record (shared/sync/erasure.ts) become null in every logged payload and kept conflict.
 */
export function eraseScrubStatements(db: D1Database, orgId: string, e: Erasure): D1PreparedStatement[] {
  const paths = e.fields.map((f) => `'$.${f}', NULL`).join(', ');
  return chunkJson(e.ids).flatMap((part) => [
    db
      .prepare(`UPDATE changes SET payload = json_replace(payload, ${paths}) WHERE org_id = ?1 AND tbl = ?2 AND record_id IN (SELECT value FROM json_each(?3)) AND payload IS NOT NULL`)
      .bind(orgId, e.table, part),
    db
      .prepare(
        `UPDATE conflicts SET losing_value = 'null', winning_value = 'null'
          WHERE org_id = ?1 AND tbl = ?2 AND record_id IN (SELECT value FROM json_each(?3)) AND field IN (SELECT value FROM json_each(?4))`,
      )
      .bind(orgId, e.table, part, JSON.stringify(e.fields)),
  ]);
}
