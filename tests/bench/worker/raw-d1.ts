/**
 * The worker as `npm run bench` runs it: the real app, plus two routes that exist only in
 * this entry (never in worker/src, so never deployed) and only on the bench's loopback
 * `wrangler dev`:
 * - `POST /__bench/raw-insert` writes record rows straight into a synced table of the same
 *   local D1, in one db.batch() of multi-row inserts chunked as the push chunks them
 *   (worker/src/db/chunk.ts): the floor that sync.push_ratio_to_raw_d1 compares a push with
 *   (no validation, no merge, no change log, no idempotency bookkeeping);
 * - `GET /__bench/noop` answers at once without D1 or the app: the floor of an HTTP request
 *   through `wrangler dev` and workerd (worker.noop_* figures);
 * - `POST /__bench/org` creates an organisation with N central-team users and a token each,
 *   through the worker's own D1 binding (a `wrangler d1 execute` from another process is not
 *   always seen by the running worker) and the worker's own token hashing.
 */
import { generateToken, hashToken } from '../../../worker/src/auth/tokens';
import { chunkJson } from '../../../worker/src/db/chunk';
import { tableSql } from '../../../worker/src/db/records';
import type { Env } from '../../../worker/src/env';
import app from '../../../worker/src/index';
import { countedD1, type D1Tally } from './counted-d1';

interface RawInsert {
  orgId: string;
  table: string;
  rows: Array<{ id: string; data: unknown }>;
}

async function rawInsert(request: Request, env: Env): Promise<Response> {
  const body = (await request.json()) as RawInsert;
  const table = tableSql(body.table);
  const now = new Date().toISOString();
  const rows = body.rows.map((r) => ({ id: r.id, data: JSON.stringify(r.data) }));
  const statements = chunkJson(rows).map((part) =>
    env.DB.prepare(
      `INSERT INTO ${table} (org_id, id, data, clocks, arrivals, deleted, erased, server_seq, created_at, updated_at)
       SELECT ?1, j.value->>'id', j.value->>'data', '{}', '{}', 0, 0, 0, ?2, ?2 FROM json_each(?3) j`,
    ).bind(body.orgId, now, part),
  );
  await env.DB.batch(statements);
  return Response.json({ inserted: rows.length });
}

async function createOrg(request: Request, env: Env): Promise<Response> {
  const { users } = (await request.json()) as { users: number };
  const orgId = crypto.randomUUID();
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const statements = [env.DB.prepare(`INSERT INTO organisations (id, name, created_at) VALUES (?1, 'Benchshire', ?2)`).bind(orgId, now)];
  const tokens: string[] = [];
  for (let i = 0; i < users; i++) {
    const userId = crypto.randomUUID();
    const token = generateToken();
    tokens.push(token);
    statements.push(
      env.DB.prepare(`INSERT INTO users (id, org_id, name, email, role, active, created_at) VALUES (?1, ?2, ?3, ?4, 'central', 1, ?5)`).bind(userId, orgId, `Bench ${i}`, `bench${i}.${userId.slice(0, 8)}@example.gov.uk`, now),
      env.DB.prepare(`INSERT INTO credentials (id, org_id, user_id, token_hash, prefix, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`).bind(
        crypto.randomUUID(), orgId, userId, await hashToken(token), token.slice(0, 11), now, expires,
      ),
    );
  }
  await env.DB.batch(statements);
  return Response.json({ orgId, tokens });
}

/**
 * The app's answer with `x-bench-in-worker-ms`: from the request reaching this isolate to the
 * app's response (our middleware, the route and its D1 round trips, waits for D1 included),
 * so the bench can tell time spent in the worker from time spent before it (wrangler dev's
 * proxy, workerd's queue). The clock of a Worker moves on I/O only, which is what is timed here.
 * And `x-bench-d1`: the D1 round trips the request made before answering, the statements in
 * them and the time spent waiting on them ("trips statements ms", ./counted-d1.ts).
 */
async function inWorkerTimed(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const started = Date.now();
  const tally: D1Tally = { trips: 0, statements: 0, waitMs: 0 };
  const res = await app.fetch(request, { ...env, DB: countedD1(env.DB, tally) }, ctx);
  const timed = new Response(res.body, res);
  timed.headers.set('x-bench-in-worker-ms', String(Date.now() - started));
  timed.headers.set('x-bench-d1', `${tally.trips} ${tally.statements} ${tally.waitMs}`);
  return timed;
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/__bench/raw-insert' && request.method === 'POST') return rawInsert(request, env);
    if (url.pathname === '/__bench/org' && request.method === 'POST') return createOrg(request, env);
    if (url.pathname === '/__bench/noop') return new Response('ok');
    return inWorkerTimed(request, env, ctx);
  },
};
