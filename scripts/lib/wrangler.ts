import path from 'node:path';
import { recentOutput, run, startProcess, stopProcess, waitForHttp } from './processes';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const WRANGLER = path.join(ROOT, 'node_modules/.bin/wrangler');

/** Wrangler keeps local state in .wrangler/state unless told otherwise (tests use their own). */
export const DEFAULT_STATE = path.join(ROOT, '.wrangler/state');
const persistArgs = (dir: string) => (dir === DEFAULT_STATE ? [] : ['--persist-to', dir]);

export interface LocalWorkerOptions {
  port: number;
  /** Folder holding the local D1 (and other local state). */
  persistTo: string;
  quiet?: boolean;
  /** How long to wait for /health (a busy machine can take more than the default 90 s). */
  readyTimeoutMs?: number;
}

/** Applies every migration in worker/migrations to the local D1 (idempotent). */
export async function applyLocalMigrations(persistTo: string, quiet = true): Promise<void> {
  await run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', ...persistArgs(persistTo)], {
    label: 'migrations',
    cwd: ROOT,
    quiet,
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
  });
}

/** Runs `wrangler d1 execute` on the local D1 and returns the rows of the last statement. */
export async function executeLocalSql<T = Record<string, unknown>>(persistTo: string, sql: string): Promise<T[]> {
  const out = await run(WRANGLER, ['d1', 'execute', 'DB', '--local', ...persistArgs(persistTo), '--json', '--command', sql], {
    label: 'd1 execute',
    cwd: ROOT,
    quiet: true,
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
  });
  const parsed = JSON.parse(out.slice(out.indexOf('['))) as Array<{ results: T[] }>;
  return parsed.at(-1)?.results ?? [];
}

/** Starts `wrangler dev` on 127.0.0.1 with the local D1, and waits for /health. */
export async function startLocalWorker(options: LocalWorkerOptions) {
  const child = startProcess(
    WRANGLER,
    // --test-scheduled: `curl <url>/__scheduled` fires the daily retention run by hand.
    ['dev', '--ip', '127.0.0.1', '--port', String(options.port), ...persistArgs(options.persistTo), '--show-interactive-dev-session=false', '--test-scheduled'],
    { label: 'worker', cwd: ROOT, quiet: options.quiet, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  );
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(`${url}/health`, options.readyTimeoutMs ?? 90_000);
  } catch (err) {
    await stopProcess(child);
    throw new Error(`${(err as Error).message}\nwrangler dev said:\n${recentOutput(child) || '(nothing)'}`);
  }
  return { child, url };
}
