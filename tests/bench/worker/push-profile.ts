/**
 * Where a push's time goes in JS (diagnostic, not a figure): the bench's 10,000 mutations
 * (sync.ts) through the real applyMutations against an in-memory D1 stand-in, timed under node,
 * whose clock advances on CPU (a Worker's Date.now() does not).
 * Run: npx jiti tests/bench/worker/push-profile.ts [--capture > batches.json]
 * --capture prints the write batches of the first run (SQL and bindings, the vacancies' push
 * first) as JSON on stdout, to replay in SQLite and time statement by statement; the timings go
 * to stderr.
 */
import { MAX_PUSH_MUTATIONS, type Mutation } from '#shared/schema/index';
import { decidePush } from '#shared/sync/decide';
import type { AuthContext } from '../../../worker/src/env';
import { applyMutations } from '../../../worker/src/sync/apply';
import { buildWriteBatch } from '../../../worker/src/sync/statements';
import { Store } from '../../../worker/src/sync/store';
import { generate, teamsOf } from '../generate';
import { MutationSource } from '../lib/mutations';

// Node's, run by jiti (this folder is typed with the Workers types).
declare const process: { argv: string[]; stdout: { write(s: string): boolean } };

type Row = { id: string; data: string; clocks: string; arrivals: string; deleted: number; erased: number; server_seq: number; created_at: string };

/** Just enough of D1 for a central user's upserts: reads by id, the bookkeeping reads, writes recorded and applied to memory. */
class MemoryD1 {
  tables = new Map<string, Map<string, Row>>();
  lastSeq = 0;
  seq = 0;
  payloads = new Map<number, Record<string, unknown>>();
  applied = new Set<string>();
  batches: { sql: string; args: unknown[] }[][] = [];
  capture = false;
  spentMs = 0;

  prepare(sql: string) {
    const db = this;
    const stmt = {
      sql,
      args: [] as unknown[],
      bind(...args: unknown[]) {
        return { ...stmt, args };
      },
      async all() {
        return db.answer(this);
      },
    };
    return stmt;
  }

  answer(s: { sql: string; args: unknown[] }): { results: unknown[] } {
    const t0 = performance.now();
    try {
      const sql = s.sql;
      if (sql.startsWith('SELECT data FROM settings') || sql.startsWith('SELECT id, role, active FROM users')) return { results: [] };
      if (sql.startsWith('SELECT user_id, last_seq FROM sync_clients')) return { results: this.lastSeq ? [{ user_id: 'u1', last_seq: this.lastSeq }] : [] };
      if (sql.startsWith('SELECT mutation_id FROM applied_mutations')) return { results: (JSON.parse(s.args[1] as string) as string[]).filter((id) => this.applied.has(id)).map((mutation_id) => ({ mutation_id })) };
      const byId = /^SELECT id, data, clocks, arrivals, deleted, erased, server_seq, created_at FROM (\w+) WHERE org_id = \?1 AND id IN/.exec(sql);
      if (byId) {
        const rows = this.tables.get(byId[1]!);
        return { results: (JSON.parse(s.args[1] as string) as string[]).flatMap((id) => (rows?.has(id) ? [rows.get(id)!] : [])) };
      }
      if (sql.startsWith('INSERT INTO changes')) for (const c of JSON.parse(s.args[4] as string) as { payload?: Record<string, unknown> }[]) this.payloads.set(++this.seq, c.payload ?? {});
      else if (sql.startsWith('INSERT INTO sync_clients')) this.lastSeq = s.args[3] as number;
      else if (sql.startsWith('INSERT INTO applied_mutations')) for (const m of JSON.parse(s.args[3] as string) as { mutationId: string }[]) this.applied.add(m.mutationId);
      else {
        const rec = /^INSERT INTO (\w+) \(org_id, id, data, clocks/.exec(sql);
        if (rec) {
          const rows = this.tables.get(rec[1]!) ?? this.tables.set(rec[1]!, new Map()).get(rec[1]!)!;
          for (const r of JSON.parse(s.args[2] as string) as Record<string, unknown>[]) {
            rows.set(r.id as string, {
              // A creation's data left out is its id and its change's payload (worker/src/sync/statements.ts).
              id: r.id as string, data: JSON.stringify(r.data ?? { id: r.id, ...this.payloads.get(this.seq - (r.after as number)) }), clocks: JSON.stringify(r.clocks), arrivals: JSON.stringify(r.arrivals),
              deleted: r.deleted as number, erased: r.erased as number, server_seq: this.seq - (r.after as number), created_at: r.createdAt as string,
            });
          }
        }
      }
      return { results: [] };
    } finally {
      this.spentMs += performance.now() - t0;
    }
  }

  async batch(stmts: { sql: string; args: unknown[] }[]) {
    if (this.capture && !stmts[0]!.sql.startsWith('SELECT')) this.batches.push(stmts.map((s) => ({ sql: s.sql, args: s.args })));
    return stmts.map((s) => this.answer(s));
  }
}

const auth: AuthContext = { orgId: 'org1', orgName: 'Benchshire', userId: 'u1', userName: 'Bench', email: 'b@example.gov.uk', role: 'central', credentialId: 'cred1', tokenExpiresAt: '2099-01-01T00:00:00Z' };

async function pushAll(db: MemoryD1, clientId: string, mutations: Mutation[]) {
  for (let i = 0; i < mutations.length; i += MAX_PUSH_MUTATIONS) {
    await applyMutations(db as unknown as D1Database, auth, mutations.slice(i, i + MAX_PUSH_MUTATIONS), { clientId });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const capture = process.argv.includes('--capture');
  const data = generate(1000, 9);
  const RUNS = 7;
  const totals: number[] = [];
  const fakes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const db = new MemoryD1();
    const client = new MutationSource(`profile-${run}`);
    db.capture = run === 0 && capture; // the vacancies too: the pushes' guards check them
    await pushAll(db, client.clientId, [...teamsOf(data.vacancies).map((t) => client.upsert('teams', t)), ...data.vacancies.map((v) => client.upsert('vacancies', v))]);
    const mutations = [...data.applications.map((a) => client.upsert('applications', a)), ...data.events.map((e) => client.upsert('stage_events', e))];
    db.spentMs = 0;
    const t0 = performance.now();
    await pushAll(db, client.clientId, mutations);
    totals.push(performance.now() - t0);
    fakes.push(db.spentMs);
    if (db.capture) process.stdout.write(JSON.stringify(db.batches));

    // The phases of one push of 1,000 stage events (the second), on a store read as the push reads it.
    if (run === RUNS - 1) {
      const phase = { decide: [] as number[], build: [] as number[] };
      const batch = mutations.slice(2 * MAX_PUSH_MUTATIONS, 3 * MAX_PUSH_MUTATIONS);
      for (let k = 0; k < 15; k++) {
        const store = new Store(db as unknown as D1Database, auth.orgId);
        await store.load([['stage_events', batch.map((m) => m.recordId)], ['applications', batch.map((m) => String(m.fields!.applicationId))]]);
        const nowMs = Date.now();
        let t = performance.now();
        const d = decidePush({ mutations: batch, stored: store, nowMs, caller: { userId: auth.userId, role: auth.role }, people: () => null });
        phase.decide.push(performance.now() - t);
        if (!('plan' in d)) throw new Error(JSON.stringify(d.refusal).slice(0, 300));
        t = performance.now();
        buildWriteBatch(db as unknown as D1Database, store, {
          auth, clientId: client.clientId, nowIso: new Date(nowMs).toISOString(), baseSeq: 0, newLastSeq: 1, appliedMutations: batch.map((m) => ({ mutationId: m.id, seq: m.seq })), plan: d.plan,
        });
        phase.build.push(performance.now() - t);
      }
      console.error(`one push of 1,000 stage events: decidePush ${median(phase.decide).toFixed(1)} ms, buildWriteBatch ${median(phase.build).toFixed(1)} ms (median of 15)`);
    }
  }
  console.error(`10,000 mutations through applyMutations, JS only: ${median(totals).toFixed(0)} ms median of ${RUNS} (of which the stand-in D1 ${median(fakes).toFixed(0)} ms); runs ${totals.map((x) => x.toFixed(0)).join(' ')}`);
}

await main();
