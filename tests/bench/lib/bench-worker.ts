/**
 * A `wrangler dev` of the bench entry (tests/bench/worker/raw-d1.ts) on loopback, with a
 * local D1 in a fresh folder under .bench/ that is deleted when it stops, and an
 * organisation with as many users and tokens as a figure needs (written straight into D1,
 * as scripts/lib/demo.ts does). Ports: BENCH_PORT_BASE (default 8890) + offset, so a bench
 * does not clash with `npm start` (8787) or the e2e tests.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startProcess, stopProcess, waitForHttp } from '../../../scripts/lib/processes';
import { applyLocalMigrations, executeLocalSql, ROOT } from '../../../scripts/lib/wrangler';

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

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sql = (v: string) => `'${v.replace(/'/g, "''")}'`;

export interface BenchOrg {
  orgId: string;
  /** One central-team user's token per client. */
  tokens: string[];
}

/** An organisation with `users` central-team users, one token each, written straight into the local D1. */
export async function createBenchOrg(worker: BenchWorker, users: number): Promise<BenchOrg> {
  const orgId = randomUUID();
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const rows = [`INSERT INTO organisations (id, name, created_at) VALUES (${sql(orgId)}, 'Benchshire', ${sql(now)});`];
  const tokens: string[] = [];
  for (let i = 0; i < users; i++) {
    const userId = randomUUID();
    const token = `sl_${randomBytes(32).toString('base64url')}`;
    tokens.push(token);
    rows.push(
      `INSERT INTO users (id, org_id, name, email, role, active, created_at) VALUES (${sql(userId)}, ${sql(orgId)}, 'Bench ${i}', 'bench${i}.${orgId.slice(0, 8)}@example.gov.uk', 'central', 1, ${sql(now)});`,
      `INSERT INTO credentials (id, org_id, user_id, token_hash, prefix, created_at, expires_at) VALUES (${sql(randomUUID())}, ${sql(orgId)}, ${sql(userId)}, ${sql(sha256(token))}, ${sql(token.slice(0, 11))}, ${sql(now)}, ${sql(expires)});`,
    );
  }
  await executeLocalSql(worker.state, rows.join('\n'));
  return { orgId, tokens };
}

/** A JSON request to the bench worker, timed from send to the end of the body. */
export async function timedJson<T>(url: string, init: { method: string; token?: string; body?: unknown }): Promise<{ ms: number; status: number; body: T }> {
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
  return { ms, status: res.status, body: body as T };
}
