/**
 * The bench entry (tests/bench/worker/raw-d1.ts) on loopback, with a local D1 in a fresh
 * folder under .bench/ that is deleted when it stops, and organisations with as many users and
 * tokens as a figure needs. Two ways to serve it, the same worker and the same local D1:
 * - 'wrangler': `wrangler dev`, as `npm start` runs it. Wrangler puts its own proxy worker (a
 *   second workerd, for reloads) in front: a request crosses two workerd processes and an
 *   extra HTTP hop before our code sees it.
 * - 'workerd': the script wrangler would deploy (`wrangler deploy --dry-run`), with the
 *   bindings wrangler.jsonc gives it (wrangler's unstable_getMiniflareWorkerOptions), in
 *   Miniflare's workerd, on a socket that leads straight to the worker (unsafeDirectSockets):
 *   nothing in front of our code but workerd's HTTP server, as on Cloudflare's edge.
 * Ports: BENCH_PORT_BASE (default 8890) + offset, so a bench does not clash with `npm start`
 * (8787) or the e2e tests.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { run, startProcess, stopProcess, waitForHttp } from '../../../scripts/lib/processes';
import { applyLocalMigrations, ROOT } from '../../../scripts/lib/wrangler';

const WRANGLER = path.join(ROOT, 'node_modules/.bin/wrangler');
const ENTRY = 'tests/bench/worker/raw-d1.ts';
const WRANGLER_ENV = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' };

export type BenchRuntime = 'wrangler' | 'workerd';

export interface BenchWorker {
  url: string;
  /** The folder of its local D1. */
  state: string;
  /** CPU time (ms, user and system) the processes serving it have used so far: workerd, and for wrangler dev its node too. */
  serverCpuMs(): number;
  stop(): Promise<void>;
}

export async function startBenchWorker(name: string, portOffset: number, runtime: BenchRuntime = 'wrangler'): Promise<BenchWorker> {
  const base = Number(process.env.BENCH_PORT_BASE ?? 8890);
  const port = base + portOffset;
  const state = path.join(ROOT, '.bench', `${name}-${runtime}-${process.pid}`);
  rmSync(state, { recursive: true, force: true });
  mkdirSync(state, { recursive: true });
  const removeState = () => rmSync(state, { recursive: true, force: true });
  let stopRuntime: () => Promise<void> = async () => undefined;
  let serverRoot = 0;
  const stop = async () => {
    await stopRuntime();
    removeState();
  };
  try {
    await applyLocalMigrations(state);
    if (runtime === 'wrangler') {
      const child = startWranglerDev(state, port, name);
      serverRoot = child.pid ?? 0;
      stopRuntime = () => stopProcess(child);
    } else {
      stopRuntime = await startWorkerd(state, port);
    }
    await waitForHttp(`http://127.0.0.1:${port}/health`, 90_000);
  } catch (err) {
    await stop();
    throw err;
  }
  // Miniflare's workerd is a child of this process (whose own CPU is the bench client's);
  // wrangler dev's node and its two workerd are the wrangler child and its descendants.
  const serverCpuMs = () => (serverRoot ? cpuMsOfTree(serverRoot, true) : cpuMsOfTree(process.pid, false, /workerd/));
  return { url: `http://127.0.0.1:${port}`, state, serverCpuMs, stop };
}

function startWranglerDev(state: string, port: number, name: string): ChildProcess {
  return startProcess(
    WRANGLER,
    ['dev', ENTRY, '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(port + 100), '--persist-to', state, '--show-interactive-dev-session=false', '--log-level', 'warn'],
    { label: `bench ${name}`, cwd: ROOT, quiet: true, env: WRANGLER_ENV },
  );
}

const CLOCK_TICKS_PER_S = 100; // Linux's USER_HZ

/** Linux: utime + stime of `pid`'s descendants (and itself when `self`), optionally only those whose command matches. */
function cpuMsOfTree(pid: number, self: boolean, only?: RegExp): number {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const cpuOf = (p: number) => {
    const fields = read(`/proc/${p}/stat`).replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) || 0) + (Number(fields[12]) || 0)) * (1000 / CLOCK_TICKS_PER_S);
  };
  const childrenOf = (p: number) =>
    readdirSync(`/proc/${p}/task`, { withFileTypes: true }).flatMap((t) => read(`/proc/${p}/task/${t.name}/children`).split(' ').filter(Boolean).map(Number));
  let total = self ? cpuOf(pid) : 0;
  const queue = childrenOf(pid);
  while (queue.length) {
    const p = queue.shift()!;
    if (!only || only.test(read(`/proc/${p}/cmdline`))) total += cpuOf(p);
    try {
      queue.push(...childrenOf(p));
    } catch {
      /* gone */
    }
  }
  return total;
}

// Required, not imported: both are CommonJS bundles that jiti's import interop breaks.
const require = createRequire(import.meta.url);

async function startWorkerd(state: string, port: number): Promise<() => Promise<void>> {
  const { Miniflare, convertV4MiniflareOptions } = require('miniflare') as typeof import('miniflare');
  const { unstable_getMiniflareWorkerOptions } = require('wrangler') as typeof import('wrangler');
  const bundle = path.join(state, 'bundle');
  await run(WRANGLER, ['deploy', '--dry-run', '--outdir', bundle, ENTRY], { label: 'bench bundle', cwd: ROOT, quiet: true, env: WRANGLER_ENV });
  const { workerOptions } = unstable_getMiniflareWorkerOptions(path.join(ROOT, 'wrangler.jsonc'));
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      // Miniflare's own entry (which adds `cf` and pretty errors) listens here but is not used.
      host: '127.0.0.1',
      port: port + 100,
      // Where `wrangler dev --persist-to <state>` and `wrangler d1 migrations apply` keep the local D1.
      resourcePersistencePath: path.join(state, 'v3'),
      workers: [
        {
          ...(workerOptions as object),
          name: 'bench',
          modules: [{ type: 'ESModule', path: path.join(bundle, `${path.basename(ENTRY, '.ts')}.js`) }],
          unsafeDirectSockets: [{ host: '127.0.0.1', port }],
        },
      ],
    } as Parameters<typeof convertV4MiniflareOptions>[0]),
  );
  try {
    await mf.ready;
  } catch (err) {
    await mf.dispose();
    throw err;
  }
  return () => mf.dispose();
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
/** What the bench entry says of a request's D1 use (tests/bench/worker/counted-d1.ts). */
export interface D1Use {
  trips: number;
  statements: number;
  waitMs: number;
}

export async function timedJson<T>(
  url: string,
  init: { method: string; token?: string; body?: unknown },
): Promise<{ ms: number; status: number; body: T; inWorkerMs: number | null; d1: D1Use | null }> {
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
  const d1 = res.headers.get('x-bench-d1')?.split(' ').map(Number);
  return {
    ms,
    status: res.status,
    body: body as T,
    inWorkerMs: inWorker === null ? null : Number(inWorker),
    d1: d1 ? { trips: d1[0]!, statements: d1[1]!, waitMs: d1[2]! } : null,
  };
}
