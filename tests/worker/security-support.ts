/** Test support for the security suites: a D1 binding that records what runs, and a whole-database snapshot. */

const WRITE = /^\s*(?:WITH\b[\s\S]*?\b)?(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i;
export const isWriteSql = (sql: string) => WRITE.test(sql);

export interface CountingDb {
  binding: D1Database;
  /** Every SQL text prepared, in order. */
  prepared: string[];
  /** Writing statements run on their own (run/first/all/raw), not inside a batch. */
  writesOutsideBatch: string[];
  /** The SQL of each db.batch() call. */
  batches: string[][];
}

/** Wraps a D1 binding: statements pass through to the real database and are recorded on the way. */
export function countingDb(real: D1Database): CountingDb {
  const out: CountingDb = { binding: undefined as unknown as D1Database, prepared: [], writesOutsideBatch: [], batches: [] };
  const underlying = new WeakMap<object, { sql: string; stmt: D1PreparedStatement }>();
  const wrap = (sql: string, stmt: D1PreparedStatement): D1PreparedStatement => {
    const alone = () => {
      if (isWriteSql(sql)) out.writesOutsideBatch.push(sql);
    };
    const w = {
      bind: (...values: unknown[]) => wrap(sql, stmt.bind(...values)),
      run: () => (alone(), stmt.run()),
      first: (col?: string) => (alone(), col === undefined ? stmt.first() : stmt.first(col)),
      all: () => (alone(), stmt.all()),
      raw: (opts?: { columnNames?: boolean }) => (alone(), stmt.raw(opts as { columnNames: true })),
    };
    underlying.set(w, { sql, stmt });
    return w as unknown as D1PreparedStatement;
  };
  out.binding = {
    prepare: (sql: string) => {
      out.prepared.push(sql);
      return wrap(sql, real.prepare(sql));
    },
    batch: (stmts: D1PreparedStatement[]) => {
      const parts = stmts.map((s) => underlying.get(s)!);
      out.batches.push(parts.map((p) => p.sql));
      return real.batch(parts.map((p) => p.stmt));
    },
    exec: (q: string) => real.exec(q),
    dump: () => real.dump(),
    withSession: () => real.withSession(),
  } as unknown as D1Database;
  return out;
}

/**
 * Every row of every table, in a stable order, for "nothing changed" comparisons.
 * credentials.last_used_at is bookkeeping (stamped on any accepted request), so it is left out.
 */
export async function snapshot(db: D1Database): Promise<Record<string, unknown[]>> {
  const tables = await db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name`)
    .all<{ name: string }>();
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.results) {
    const rows = (await db.prepare(`SELECT * FROM "${name}"`).all<Record<string, unknown>>()).results;
    out[name] = rows
      .map((r) => (name === 'credentials' ? { ...r, last_used_at: null } : r))
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}
