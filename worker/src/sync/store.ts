import type { SyncTable } from '#shared/schema/index';
import { chunkJson } from '../db/chunk';
import { RECORD_COLUMNS, selectByIds, tableSql, toState, type RecordRow, type RowState } from '../db/records';

/**
 * The rows a push has read, and changed, in memory. Every row read is guarded: the write
 * batch starts by checking that each still has the server_seq read (or still does not
 * exist), so a concurrent push in between makes the batch fail and the push start again.
 */
export class Store {
  private rows = new Map<SyncTable, Map<string, RowState | null>>();
  private changed = new Map<SyncTable, Set<string>>();
  /** Extra guards: "this many rows matched this query when read". */
  readonly countGuards: D1PreparedStatement[] = [];

  constructor(
    private readonly db: D1Database,
    private readonly orgId: string,
  ) {}

  private table(t: SyncTable) {
    let m = this.rows.get(t);
    if (!m) this.rows.set(t, (m = new Map()));
    return m;
  }

  get(t: SyncTable, id: string): RowState | null | undefined {
    return this.rows.get(t)?.get(id);
  }

  all(t: SyncTable): RowState[] {
    return [...(this.rows.get(t)?.values() ?? [])].filter((r): r is RowState => r !== null);
  }

  put(t: SyncTable, state: RowState) {
    this.table(t).set(state.id, state);
    let s = this.changed.get(t);
    if (!s) this.changed.set(t, (s = new Set()));
    s.add(state.id);
  }

  changedRows(t: SyncTable): RowState[] {
    return [...(this.changed.get(t) ?? [])].map((id) => this.get(t, id)!).filter(Boolean);
  }

  changedTables(): SyncTable[] {
    return [...this.changed.keys()];
  }

  /** Prepared reads of the ids not known yet (run them together in one db.batch()). */
  reads(requests: [SyncTable, Iterable<string>][]): { stmts: D1PreparedStatement[]; absorb: (results: D1Result[]) => void } {
    const stmts: D1PreparedStatement[] = [];
    const plan: { t: SyncTable; ids: string[]; n: number }[] = [];
    for (const [t, idsIter] of requests) {
      const ids = [...new Set(idsIter)].filter((id) => id && this.get(t, id) === undefined);
      if (!ids.length) continue;
      const s = selectByIds(this.db, this.orgId, t, ids);
      stmts.push(...s);
      plan.push({ t, ids, n: s.length });
    }
    return {
      stmts,
      absorb: (results) => {
        let i = 0;
        for (const p of plan) {
          const m = this.table(p.t);
          for (let k = 0; k < p.n; k++) for (const r of (results[i++]!.results as unknown as RecordRow[])) m.set(r.id, toState(r));
          for (const id of p.ids) if (!m.has(id)) m.set(id, null);
        }
      },
    };
  }

  async load(requests: [SyncTable, Iterable<string>][]) {
    const { stmts, absorb } = this.reads(requests);
    if (stmts.length) absorb(await this.db.batch(stmts));
  }

  /** Rows of `t` whose JSON field equals value (e.g. stage events of an application), guarded by count. */
  async loadWhere(t: SyncTable, field: string, value: string) {
    const tb = tableSql(t);
    if (!/^[A-Za-z]+$/.test(field)) throw new Error('bad field');
    const { results } = await this.db
      .prepare(`SELECT ${RECORD_COLUMNS} FROM ${tb} WHERE org_id = ?1 AND json_extract(data, '$.${field}') = ?2`)
      .bind(this.orgId, value)
      .all<RecordRow>();
    const m = this.table(t);
    for (const r of results) if (!m.has(r.id) || m.get(r.id) === null) m.set(r.id, toState(r));
    this.countGuards.push(
      this.db
        .prepare(`INSERT INTO sync_guard (expected, actual) SELECT ?1, count(*) FROM ${tb} WHERE org_id = ?2 AND json_extract(data, '$.${field}') = ?3`)
        .bind(results.length, this.orgId, value),
    );
  }

  /** Guard statements: every row read still has the version read (or is still absent). */
  guards(): D1PreparedStatement[] {
    const out: D1PreparedStatement[] = [];
    for (const [t, m] of this.rows) {
      const items = [...m.entries()].map(([id, s]) => ({ id, seq: s?.readSeq ?? null }));
      for (const part of chunkJson(items)) {
        const n = (JSON.parse(part) as unknown[]).length;
        out.push(
          this.db
            .prepare(
              `INSERT INTO sync_guard (expected, actual)
               SELECT ?1, count(*) FROM json_each(?2) j LEFT JOIN ${tableSql(t)} r ON r.org_id = ?3 AND r.id = j.value->>'id'
                WHERE (j.value->>'seq' IS NULL AND r.id IS NULL) OR r.server_seq = j.value->>'seq'`,
            )
            .bind(n, part, this.orgId),
        );
      }
    }
    return [...out, ...this.countGuards];
  }
}
