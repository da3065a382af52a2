/**
 * The worker as `npm run bench` runs it: the real app, plus one route that exists only in
 * this entry (never in worker/src, so never deployed) and only on the bench's loopback
 * `wrangler dev`. `POST /__bench/raw-insert` writes record rows straight into a synced
 * table of the same local D1, in one db.batch() of multi-row inserts chunked as the push
 * chunks them (worker/src/db/chunk.ts): the floor that sync.push_ratio_to_raw_d1 compares
 * a push with (no validation, no merge, no change log, no idempotency bookkeeping).
 */
import { chunkJson } from '../../../worker/src/db/chunk';
import { tableSql } from '../../../worker/src/db/records';
import type { Env } from '../../../worker/src/env';
import app from '../../../worker/src/index';

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

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/__bench/raw-insert' && request.method === 'POST') return rawInsert(request, env);
    return app.fetch(request, env, ctx);
  },
};
