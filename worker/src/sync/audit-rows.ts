import { PERSONAL_DATA, type SyncTable } from '#shared/schema/index';
import type { AuditEntry, ChangeEntry } from '#shared/sync/decide';
import { chunkJson } from '../db/chunk';
import type { AuthContext } from '../env';

/**
 * The audit rows of one push. An upsert's audit entry repeats its change-log entry: its fields
 * are the payload's keys and its values the payload without its table's personal fields
 * (shared/schema/personal.ts). Such an entry is not sent to D1 a second time: its row names the
 * change (how many entries of the batch's log come after it) and the SQL reads the rest from the
 * change just logged. An entry that is not provably that copy (erasures, deletions, a payload
 * with a field the declaration does not list) is sent whole.
 */
interface AuditRow {
  action: string;
  /** Given whole: */
  table?: string | null;
  recordId?: string | null;
  fields?: string[];
  values?: Record<string, unknown>;
  /** Read from a change of this batch (its table and record too): */
  after?: number;
}

type Declared = Record<string, string | undefined>;
/** The fields of each table the audit keeps no value of: every one not declared `none`. */
const PERSONAL_FIELDS = Object.fromEntries(
  Object.entries(PERSONAL_DATA).map(([t, fields]) => [t, Object.keys(fields).filter((f) => (fields as Declared)[f] !== 'none')]),
) as Record<SyncTable, string[]>;

/** The change an audit entry copies, or null: same record and op, the payload's keys as fields and its values unchanged. */
function copiedChange(e: AuditEntry, queue: { change: ChangeEntry; index: number }[] | undefined): { change: ChangeEntry; index: number } | null {
  const next = queue?.[0];
  if (!next || !e.values || !e.fields) return null;
  const { payload } = next.change;
  if (!payload || next.change.op !== e.action) return null;
  const keys = Object.keys(payload);
  if (keys.length !== e.fields.length || keys.some((k, i) => k !== e.fields![i])) return null;
  // The values must be exactly what removing the personal fields leaves.
  const declared = PERSONAL_DATA[e.table as SyncTable] as Declared | undefined;
  if (!declared || keys.some((k) => declared[k] === undefined)) return null;
  const kept = keys.filter((k) => declared[k] === 'none');
  if (Object.keys(e.values).length !== kept.length || kept.some((k) => e.values![k] !== payload[k])) return null;
  return queue.shift()!;
}

export function auditRows(audit: AuditEntry[], changes: ChangeEntry[]): AuditRow[] {
  // The changes an upsert's entry may copy, per record, in log order (an entry follows its change).
  const queues = new Map<string, { change: ChangeEntry; index: number }[]>();
  changes.forEach((change, index) => {
    if (!change.payload || Object.keys(change.payload).length === 0) return;
    const key = `${change.table}:${change.recordId}`;
    const queue = queues.get(key);
    if (queue) queue.push({ change, index });
    else queues.set(key, [{ change, index }]);
  });
  return audit.map((e) => {
    const copied = copiedChange(e, queues.get(`${e.table}:${e.recordId}`));
    if (copied) {
      return { action: e.action, after: changes.length - 1 - copied.index };
    }
    return { action: e.action, table: e.table, recordId: e.recordId, fields: e.fields ?? undefined, values: e.values ?? undefined };
  });
}

/** The values an upsert's audit row keeps: its change's payload without the table's personal fields (removing an absent one changes nothing). */
const VALUES_OF_CHANGE = `CASE c.tbl ${Object.entries(PERSONAL_FIELDS)
  .map(([t, fields]) => {
    if (!fields.every((f) => /^[A-Za-z]+$/.test(f))) throw new Error(`unexpected field name in ${t}`);
    return `WHEN '${t}' THEN ${fields.length ? `json_remove(c.payload, ${fields.map((f) => `'$.${f}'`).join(', ')})` : 'json(c.payload)'}`;
  })
  .join(' ')} END`;

/**
 * Inserts the audit rows, after the batch's change log (their `after` counts back from its
 * highest sequence), in the order of the entries.
 */
export function auditStatements(db: D1Database, auth: AuthContext, clientId: string | null, nowIso: string, rows: AuditRow[]): D1PreparedStatement[] {
  return chunkJson(rows).map((part) =>
    db
      .prepare(
        `INSERT INTO audit_log (org_id, at, user_id, credential_id, client_id, action, tbl, record_id, fields, field_values)
         SELECT ?1, ?2, ?3, ?4, ?5, j.value->>'action', coalesce(c.tbl, j.value->>'table'), coalesce(c.record_id, j.value->>'recordId'),
                CASE WHEN c.seq IS NULL THEN j.value->'fields' ELSE (SELECT json_group_array(e.key) FROM json_each(c.payload) e) END,
                CASE WHEN c.seq IS NULL THEN j.value->'values' ELSE ${VALUES_OF_CHANGE} END
           FROM json_each(?6) j LEFT JOIN changes c ON j.value->>'after' IS NOT NULL AND c.seq = (SELECT max(seq) FROM changes) - (j.value->>'after')
          ORDER BY j.key`,
      )
      .bind(auth.orgId, nowIso, auth.userId, auth.credentialId, clientId, part),
  );
}
