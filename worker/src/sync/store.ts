import type { SyncTable } from '#shared/schema/index';
import type { RowLookup, SyncRow } from '#shared/sync/rows';
import { chunkJson } from '../db/chunk';
import { RECORD_COLUMNS, selectByIds, tableSql, toSyncRow, type RecordRow } from '../db/records';

/**
 * The rows a push has read from D1, and the version of each (its server_seq, or null for a
 * row that did not exist). Every row read is guarded: the write batch starts by checking that
 * each still has the version read (or still does not exist), so a concurrent push in between
 * makes the batch fail and the push start again.
 */
export class Store implements RowLookup {
  private rows = new Map<SyncTable, Map<string, SyncRow | null>>();
  private versions = new Map<SyncTable, Map<string, number | null>>();
  /** Extra guards: "this many rows matched this query when read". */
  private readonly countGuards: D1PreparedStatement[] = [];

  constructor(
    private readonly db: D1Database,
    private readonly orgId: string,
  ) {}

  private remember(t: SyncTable, id: string, r: RecordRow | null) {
    let rows = this.rows.get(t);
    let versions = this.versions.get(t);
    if (!rows) this.rows.set(t, (rows = new Map()));
    if (!versions) this.versions.set(t, (versions = new Map()));
    rows.set(id, r && toSyncRow(r));
    versions.set(id, r?.server_seq ?? null);
  }

  /** The row read; null when it does not exist; undefined when it was not read. */
  known(t: SyncTable, id: string): SyncRow | null | undefined {
    return this.rows.get(t)?.get(id);
  }

  get(t: SyncTable, id: string): SyncRow | null {
    return this.known(t, id) ?? null;
  }

  all(t: SyncTable): SyncRow[] {
    return [...(this.rows.get(t)?.values() ?? [])].filter((r): r is SyncRow => r !== null);
  }

  /** Prepared reads of the ids not known yet (run them together in one db.batch()). */
  reads(requests: [SyncTable, Iterable<string>][]): { stmts: D1PreparedStatement[]; absorb: (results: D1Result[]) => void } {
    const stmts: D1PreparedStatement[] = [];
    const plan: { t: SyncTable; ids: string[]; n: number }[] = [];
    for (const [t, idsIter] of requests) {
      const ids = [...new Set(idsIter)].filter((id) => id && this.known(t, id) === undefined);
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
          const found = new Map<string, RecordRow>();
          for (let k = 0; k < p.n; k++) for (const r of results[i++]!.results as unknown as RecordRow[]) found.set(r.id, r);
          for (const id of p.ids) this.remember(p.t, id, found.get(id) ?? null);
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
    for (const r of results) if (!this.known(t, r.id)) this.remember(t, r.id, r);
    this.countGuards.push(
      this.db
        .prepare(`INSERT INTO sync_guard (expected, actual) SELECT ?1, count(*) FROM ${tb} WHERE org_id = ?2 AND json_extract(data, '$.${field}') = ?3`)
        .bind(results.length, this.orgId, value),
    );
  }

  /**
   * Guard statements: every row read still has the version read (or is still absent). Rows read
   * as absent that the batch inserts (`inserted`) need none: their plain INSERT fails if another
   * push created them in between.
   */
  guards(inserted: (t: SyncTable, id: string) => boolean = () => false): D1PreparedStatement[] {
    const out: D1PreparedStatement[] = [];
    for (const [t, versions] of this.versions) {
      const items = [...versions.entries()].filter(([id, seq]) => seq !== null || !inserted(t, id)).map(([id, seq]) => ({ id, seq }));
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
