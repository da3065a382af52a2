/**
 * sync.*: 10,000 mutations (1,000 applications and 9,000 stage events of tests/bench/generate.ts)
 * through the real worker under `wrangler dev` with a local D1 (tests/bench/lib/bench-worker.ts):
 * - sync.push_10k_ms: pushed by one client in batches of MAX_PUSH_MUTATIONS, one after another;
 * - sync.pull_10k_ms: pulled by a client that has none of them, MAX_PULL_LIMIT per page
 *   (the HTTP exchange and JSON parse; the extension's writes into IndexedDB are not included);
 * - sync.raw_d1_10k_ms: the same rows written straight into the same tables of the same D1,
 *   in the same batches over the same loopback HTTP, by the bench-only route of
 *   tests/bench/worker/raw-d1.ts: what D1 itself costs, so the ratios show what sync adds;
 * - sync.push_ratio_to_raw_d1, sync.pull_ratio_to_raw_d1: raw ÷ sync, of the medians;
 * - sync.replay_10k_ms: the same 10,000 pushed again (every one already applied, so skipped):
 *   the push's cost before any write (HTTP, JSON, validation, token, reads), to tell it from the writes;
 * - sync.push_10k_server_cpu_ms, sync.raw_d1_10k_server_cpu_ms and their ratio
 *   sync.push_cpu_ratio_to_raw_d1: the CPU the serving processes (wrangler dev's node and
 *   workerd, D1 included) used for the push and for the raw insert, steadier than the wall
 *   clock when other work shares the cores (diagnostic, no target).
 * Each run uses a new organisation, so every push inserts (as a first sync does).
 */
import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, SYNC_SCHEMA_VERSION, type Mutation, type PullResponse } from '#shared/schema/index';
import { generate, teamsOf } from '../generate';
import { createBenchOrg, startBenchWorker, timedJson, type BenchWorker } from '../lib/bench-worker';
import { MutationSource } from '../lib/mutations';
import { figureOf } from '../lib/sample';
import type { Figure } from './figure';

const RUNS = 5;

async function push(worker: BenchWorker, token: string, clientId: string, mutations: Mutation[]): Promise<number> {
  let ms = 0;
  for (let i = 0; i < mutations.length; i += MAX_PUSH_MUTATIONS) {
    const r = await timedJson<{ applied: number }>(`${worker.url}/v1/sync/push`, {
      method: 'POST',
      token,
      body: { clientId, schemaVersion: SYNC_SCHEMA_VERSION, mutations: mutations.slice(i, i + MAX_PUSH_MUTATIONS) },
    });
    if (r.status !== 200) throw new Error(`push answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
    ms += r.ms;
  }
  return ms;
}

/** Pulls every change after `cursor`; returns the time, the changes counted and the final cursor. */
async function pullAll(worker: BenchWorker, token: string, cursor: number): Promise<{ ms: number; changes: number; cursor: number }> {
  let ms = 0;
  let changes = 0;
  for (;;) {
    const r = await timedJson<PullResponse>(`${worker.url}/v1/sync/pull?cursor=${cursor}&limit=${MAX_PULL_LIMIT}`, { method: 'GET', token });
    if (r.status !== 200) throw new Error(`pull answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
    ms += r.ms;
    changes += r.body.changes.length;
    cursor = r.body.cursor;
    if (!r.body.hasMore) return { ms, changes, cursor };
  }
}

async function rawInsert(worker: BenchWorker, orgId: string, table: string, records: ReadonlyArray<{ id: string }>): Promise<number> {
  let ms = 0;
  for (let i = 0; i < records.length; i += MAX_PUSH_MUTATIONS) {
    const rows = records.slice(i, i + MAX_PUSH_MUTATIONS).map((r) => ({ id: r.id, data: r }));
    const r = await timedJson(`${worker.url}/__bench/raw-insert`, { method: 'POST', body: { orgId, table, rows } });
    if (r.status !== 200) throw new Error(`raw insert answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
    ms += r.ms;
  }
  return ms;
}

export async function measure(): Promise<Record<string, Figure>> {
  const data = generate(1000, 9);
  const records = { applications: data.applications, stage_events: data.events };
  if (data.applications.length + data.events.length !== 10_000) throw new Error('expected 10,000 records');
  const worker = await startBenchWorker('sync', 0);
  try {
    const push10k: number[] = [];
    const pull10k: number[] = [];
    const raw10k: number[] = [];
    const replay10k: number[] = [];
    const pushCpu: number[] = [];
    const rawCpu: number[] = [];
    /** The time `work` takes, and the CPU the server spent meanwhile. */
    const withCpu = async (cpu: number[], work: () => Promise<number>) => {
      const before = worker.serverCpuMs();
      const ms = await work();
      cpu.push(worker.serverCpuMs() - before);
      return ms;
    };
    for (let run = 0; run < RUNS; run++) {
      const org = await createBenchOrg(worker, 1);
      const token = org.tokens[0]!;
      const client = new MutationSource(`bench-sync-${run}-${process.pid}`);
      // The vacancies the applications belong to, first and untimed, as they would be on a server already in use.
      await push(worker, token, client.clientId, [...teamsOf(data.vacancies).map((t) => client.upsert('teams', t)), ...data.vacancies.map((v) => client.upsert('vacancies', v))]);
      const before = await pullAll(worker, token, 0);

      const mutations = [...records.applications.map((a) => client.upsert('applications', a)), ...records.stage_events.map((e) => client.upsert('stage_events', e))];
      push10k.push(await withCpu(pushCpu, () => push(worker, token, client.clientId, mutations)));
      replay10k.push(await push(worker, token, client.clientId, mutations));
      const pulled = await pullAll(worker, token, before.cursor);
      if (pulled.changes !== 10_000) throw new Error(`pulled ${pulled.changes} changes, not 10,000`);
      pull10k.push(pulled.ms);

      const rawOrg = crypto.randomUUID(); // rows of an organisation of their own, in the same tables
      raw10k.push(await withCpu(rawCpu, async () => (await rawInsert(worker, rawOrg, 'applications', records.applications)) + (await rawInsert(worker, rawOrg, 'stage_events', records.stage_events))));
    }
    const pushed = figureOf(push10k);
    const pulled = figureOf(pull10k);
    const raw = figureOf(raw10k);
    const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
    return {
      'sync.push_10k_ms': pushed,
      'sync.pull_10k_ms': pulled,
      'sync.raw_d1_10k_ms': raw,
      'sync.push_ratio_to_raw_d1': ratio(raw.median, pushed.median),
      'sync.pull_ratio_to_raw_d1': ratio(raw.median, pulled.median),
      'sync.replay_10k_ms': figureOf(replay10k),
      'sync.push_10k_server_cpu_ms': figureOf(pushCpu),
      'sync.raw_d1_10k_server_cpu_ms': figureOf(rawCpu),
      'sync.push_cpu_ratio_to_raw_d1': ratio(figureOf(rawCpu).median, figureOf(pushCpu).median),
    };
  } finally {
    await worker.stop();
  }
}
