/**
 * A `wrangler dev` of the bench entry (tests/bench/worker/raw-d1.ts) on loopback, with a
 * local D1 in a fresh folder under .bench/ that is deleted when it stops, and organisations
 * with as many users and tokens as a figure needs. Ports: BENCH_PORT_BASE (default 8890) + offset, so a bench
 * does not clash with `npm start` (8787) or the e2e tests.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startProcess, stopProcess, waitForHttp } from '../../../scripts/lib/processes';
import { applyLocalMigrations, ROOT } from '../../../scripts/lib/wrangler';

const WRANGLER = path.join(ROOT, 'node_modules/.bin/wrangler');
const ENTRY = 'tests/bench/worker/raw-d1.ts';

export interface BenchWorker {
  url: string;
  /** The folder of its local D1. */
  state: string;
  stop(): Promise<void>;
}

export async function startBenchWorker(name: string, portOffset: number): Promise<BenchWorker> {
  const base = Number(process.env.BENCH_PORT_BASE ?? 8890);
  const port = base + portOffset;
  const state = path.join(ROOT, '.bench', `${name}-${process.pid}`);
  rmSync(state, { recursive: true, force: true });
  mkdirSync(state, { recursive: true });
  const removeState = () => rmSync(state, { recursive: true, force: true });
  try {
    await applyLocalMigrations(state);
  } catch (err) {
    removeState();
    throw err;
  }
  const child = startProcess(
    WRANGLER,
    ['dev', ENTRY, '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(port + 100), '--persist-to', state, '--show-interactive-dev-session=false', '--log-level', 'warn'],
    { label: `bench ${name}`, cwd: ROOT, quiet: true, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' } },
  );
  const stop = async () => {
    await stopProcess(child);
    removeState();
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/health`, 90_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `http://127.0.0.1:${port}`, state, stop };
}

export interface BenchOrg {
  orgId: string;
  /** One central-team user's token per client. */
  tokens: string[];
}

/** An organisation with `users` central-team users, one token each (the bench entry's /__bench/org). */
export async function createBenchOrg(worker: BenchWorker, users: number): Promise<BenchOrg> {
  const r = await timedJson<BenchOrg>(`${worker.url}/__bench/org`, { method: 'POST', body: { users } });
  if (r.status !== 200) throw new Error(`creating the bench organisation answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body;
}

/** A JSON request to the bench worker, timed from send to the end of the body. */
export async function timedJson<T>(url: string, init: { method: string; token?: string; body?: unknown }): Promise<{ ms: number; status: number; body: T; inWorkerMs: number | null }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: init.method,
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  const inWorker = res.headers.get('x-bench-in-worker-ms');
  return { ms, status: res.status, body: body as T, inWorkerMs: inWorker === null ? null : Number(inWorker) };
}
