/**
 * A D1 binding that counts the round trips one request makes and the time it waits on them,
 * for the bench entry's `x-bench-d1` header (raw-d1.ts): which part of a request's time is
 * D1 and how many trips it takes, per request even when 50 run at once in one isolate.
 * A db.batch() is one round trip whatever its length.
 */
export interface D1Tally {
  trips: number;
  statements: number;
  waitMs: number;
}

const REAL = Symbol('real statement');
type Counted = D1PreparedStatement & { [REAL]: D1PreparedStatement };

export function countedD1(db: D1Database, tally: D1Tally): D1Database {
  const timed = async <T>(statements: number, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await run();
    } finally {
      tally.trips++;
      tally.statements += statements;
      tally.waitMs += Date.now() - started;
    }
  };
  const wrap = (real: D1PreparedStatement): Counted =>
    new Proxy(real, {
      get(target, key) {
        if (key === REAL) return target;
        if (key === 'bind') return (...values: unknown[]) => wrap(target.bind(...values));
        if (key === 'first' || key === 'all' || key === 'run' || key === 'raw') {
          return (...args: unknown[]) => timed(1, () => (target[key] as (...a: unknown[]) => Promise<unknown>).apply(target, args));
        }
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Counted;
  return new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => wrap(target.prepare(sql));
      if (key === 'batch') {
        return (statements: Counted[]) => timed(statements.length, () => target.batch(statements.map((s) => s[REAL] ?? s)));
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
