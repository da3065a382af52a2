import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '#shared/hlc';
import { SYNC_SCHEMA_VERSION, SYNC_TABLES, SYNC_TABLE_NAMES } from '#shared/schema/index';
import { mondayOf } from '#shared/sync/permissions';
import { application, call, id, rotaSlot, setupOrg, team, TestClient, vacancy, type Reply, type TestOrg } from './helpers';

/**
 * Fuzzed bad input for /v1/sync/push and /v1/sync/pull. Pushes are generated from the zod
 * schemas of the synced tables (their JSON Schema: types, formats, enums, bounds) and beyond them:
 * Object.prototype field names, dates of year 0001 or 9999, clocks from 1970 or 2286, deep arrays,
 * huge strings, wrong types where the role policy and the references look, ids of another
 * organisation, unknown users. Every answer is either 200 (and the reports still answer) or a
 * JSON 4xx naming the problem, never a 5xx, HTML or a stack; a refused push changes nothing in
 * the database (compared before and after). Inputs per run: 20 × SYNC_PROPERTY_RUNS push bodies
 * (at least 600), 10 × SYNC_PROPERTY_RUNS raw bodies and pull queries (at least 300 each).
 */
const vars = env as unknown as Record<string, string>;
const SEED = Number(vars.SYNC_PROPERTY_SEED ?? 20260302);
const RUNS = Math.max(300, 10 * Number(vars.SYNC_PROPERTY_RUNS ?? 30));
const PUSH_RUNS = 2 * RUNS;

let org: TestOrg;
let other: TestOrg;
/** Ids that exist in the organisation (so some references hold), and one of another organisation. */
const pool: Record<string, string[]> = {};

beforeAll(async () => {
  org = await setupOrg('Fuzzshire County Council');
  other = await setupOrg('Elsewhere Borough Council');
  const c = new TestClient(org.tokens.coordinator);
  const [t, v, a, s] = [id(), id(), id(), id()];
  const r = await c.push([
    c.upsert('teams', t, team()),
    c.upsert('vacancies', v, vacancy({ teamIds: [t] })),
    c.upsert('applications', a, application(v)),
    c.upsert('rota_slots', s, rotaSlot(org.users.manager, mondayOf(new Date().toISOString()))),
  ]);
  expect(r.status).toBe(200);
  const o = new TestClient(other.tokens.coordinator);
  const theirs = id();
  expect((await o.push([o.upsert('vacancies', theirs, vacancy())])).status).toBe(200);
  Object.assign(pool, { ids: [t, v, a, s, theirs], users: [org.users.manager, org.users.coordinator, other.users.manager, 'user-nobody'] });
});

// ---- values beyond the schemas ----------------------------------------------------------

const PROTO_NAMES = ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__'];
const deep = (n: number): unknown => (n === 0 ? 'x' : [deep(n - 1)]);
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...PROTO_NAMES),
  fc.constantFrom('0001-01-01', '0099-12-31', '1999-12-31', '2101-01-01', '9999-12-31', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30', '2026-03-02T25:00:00Z'),
  fc.integer({ min: 1, max: 400 }).map(deep),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0, 0.5, 2 ** 63),
  fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', '\ud800', 'x'.repeat(5000), '💥'.repeat(300)),
  fc.constant({ __proto__: { admin: true } }),
  fc.dictionary(fc.constantFrom(...PROTO_NAMES), fc.jsonValue(), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...(['ids', 'users'] as const)).chain((k) => fc.constantFrom(...pool[k]!)),
);

// ---- values from the schemas (their JSON Schema), sometimes replaced by hostile ones -----

type JsonSchema = { type?: string; format?: string; enum?: unknown[]; anyOf?: JsonSchema[]; items?: JsonSchema; properties?: Record<string, JsonSchema>; minimum?: number; maximum?: number; maxItems?: number; propertyNames?: JsonSchema; additionalProperties?: JsonSchema };

const DAY = 86_400_000;
const dateArb = fc
  .oneof({ weight: 6, arbitrary: fc.integer({ min: 10_957, max: 47_482 }) }, { weight: 1, arbitrary: fc.integer({ min: -60_000, max: 2_900_000 }) })
  .map((d) => new Date(d * DAY).toISOString());
function fromSchema(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map((x) => fromSchema(x, depth)));
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: (s.minimum ?? -10) - 2, max: (s.maximum ?? 1000) + 2 });
    case 'number':
      return fc.double({ min: (s.minimum ?? -10) - 2, max: (s.maximum ?? 1000) + 2, noNaN: true });
    case 'array':
      return fc.array(s.items ? valueFor(s.items, depth + 1) : fc.jsonValue(), { maxLength: (s.maxItems ?? 3) + 2 });
    case 'object':
      if (s.propertyNames) return fc.dictionary(fromSchema(s.propertyNames) as fc.Arbitrary<string>, s.additionalProperties ? valueFor(s.additionalProperties, depth + 1) : fc.jsonValue(), { maxKeys: 4 });
      return fc.jsonValue({ maxDepth: 2 });
    case 'string':
      if (s.format === 'uuid') return fc.oneof({ weight: 1, arbitrary: fc.uuid() }, { weight: 3, arbitrary: fc.constantFrom(...pool.ids!) });
      if (s.format === 'date') return dateArb.map((t) => t.slice(0, 10));
      if (s.format === 'date-time') return dateArb;
      if (s.format === 'email') return fc.emailAddress();
      if (s.format === 'uri') return fc.webUrl();
      return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...pool.users!));
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
const valueFor = (s: JsonSchema, depth = 0): fc.Arbitrary<unknown> => (depth > 2 ? fromSchema(s, depth) : fc.oneof({ weight: 15, arbitrary: fromSchema(s, depth) }, { weight: 1, arbitrary: hostile }));

const shapes = Object.fromEntries(
  SYNC_TABLE_NAMES.map((t) => [t, (z.toJSONSchema(SYNC_TABLES[t].schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema).properties ?? {}]),
);

const fieldsOf = (table: string): fc.Arbitrary<Record<string, unknown>> => {
  const props = shapes[table] ?? {};
  const known = fc.record(Object.fromEntries(Object.entries(props).filter(([k]) => k !== 'id').map(([k, s]) => [k, valueFor(s)])), { requiredKeys: [] });
  const extra = fc.dictionary(fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.string({ maxLength: 80 })), hostile, { maxKeys: 2 });
  return fc.tuple(known, fc.option(extra, { freq: 8 })).map(([k, e]) => (e ? { ...k, ...e } : k));
};

const hlcArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3_600_000, max: 600_000 }).map((d) => formatHlc({ wall: Date.now() + d, counter: 0, node: 'fuzz-client' })) },
  { weight: 1, arbitrary: fc.constantFrom('0000000000000:000000:x', '9999999999999:999999:x', `${Date.now()}:000000:${'x'.repeat(70)}`, 'now', '') },
);

/** A mutation whose envelope (id, seq, table, op, clock) is well formed: its fields are what is tried. */
const nearValidArb = fc.constantFrom(...SYNC_TABLE_NAMES).chain((table) =>
  fc.record({
    id: fc.uuid(),
    seq: fc.constant(1),
    table: fc.constant(table as string),
    op: fc.oneof({ weight: 8, arbitrary: fc.constant('upsert') }, { weight: 2, arbitrary: fc.constantFrom('delete', 'erase') }),
    recordId: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 3, arbitrary: fc.constantFrom(...pool.ids!) }),
    fields: fieldsOf(table),
    hlc: fc.integer({ min: -3_600_000, max: 600_000 }).map((d) => formatHlc({ wall: Date.now() + d, counter: 0, node: 'fuzz-client' })),
  }),
);

const hostileArb = fc.constantFrom(...SYNC_TABLE_NAMES).chain((table) =>
  fc.record({
    id: fc.oneof({ weight: 8, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostile }),
    seq: fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -2, max: 3 }), hostile) }),
    table: fc.oneof({ weight: 12, arbitrary: fc.constant(table as string) }, { weight: 1, arbitrary: fc.constantFrom('users', 'conflicts', 'constructor', '__proto__') }),
    op: fc.oneof({ weight: 8, arbitrary: fc.constant('upsert') }, { weight: 2, arbitrary: fc.constantFrom('delete', 'erase') }, { weight: 1, arbitrary: hostile }),
    recordId: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 3, arbitrary: fc.constantFrom(...pool.ids!) }, { weight: 1, arbitrary: hostile }),
    fields: fc.oneof({ weight: 12, arbitrary: fieldsOf(table) }, { weight: 1, arbitrary: hostile }),
    hlc: hlcArb,
  }),
);
const mutationArb = fc.oneof({ weight: 3, arbitrary: nearValidArb }, { weight: 1, arbitrary: hostileArb });

/** One push: numbered 1..n (mostly), from one of the organisation's roles. */
const pushArb = fc.record({
  role: fc.constantFrom('coordinator', 'central', 'manager', 'admin') as fc.Arbitrary<'coordinator' | 'central' | 'manager' | 'admin'>,
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
  renumber: fc.boolean(),
  body: fc.oneof({ weight: 10, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ clientId: hostile, schemaVersion: fc.oneof(fc.constant(SYNC_SCHEMA_VERSION), hostile), mutations: hostile }, { requiredKeys: [] }) }),
});

// ---- checks ------------------------------------------------------------------------------

const TABLES = [...SYNC_TABLE_NAMES, 'changes', 'conflicts', 'sync_clients', 'applied_mutations', 'audit_log'];

/** Everything the database holds for both organisations, as one string. */
async function snapshot(): Promise<string> {
  const results = await env.DB.batch(TABLES.map((t) => env.DB.prepare(`SELECT * FROM ${t} WHERE org_id IN (?1, ?2)`).bind(org.orgId, other.orgId)));
  return JSON.stringify(results.map((r) => r.results.map((row) => JSON.stringify(row)).sort()));
}

function expectNamedAnswer(r: Reply, what: string) {
  expect(r.status, what).toBeLessThan(500);
  expect(r.headers.get('content-type') ?? '', what).toMatch(/^application\/json/);
  if (r.status !== 200) {
    expect(typeof r.body?.error?.code, what).toBe('string');
    expect(r.body.error.message.length, what).toBeGreaterThan(10);
    expect(JSON.stringify(r.body), what).not.toMatch(/\n\s+at |TypeError|ReferenceError|<html/i);
  }
}

const statuses = new Map<string, number>();
const count = (kind: string, status: number) => statuses.set(`${kind} ${status}`, (statuses.get(`${kind} ${status}`) ?? 0) + 1);

describe('fuzzed sync input: a named JSON 4xx or applied, never a 5xx, never a partial write', () => {
  it('POST /v1/sync/push with bodies from the zod schemas and beyond', { timeout: 600_000 }, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(pushArb, async (p) => {
        const clientId = `fuzz-${id()}`;
        const mutations = p.renumber ? p.mutations.map((m, i) => ({ ...m, seq: i + 1 })) : p.mutations;
        const body = p.body ?? { clientId, schemaVersion: SYNC_SCHEMA_VERSION, mutations };
        const before = await snapshot();
        const r = await call('POST', '/v1/sync/push', org.tokens[p.role], body);
        count('push', r.status);
        n++;
        const what = `${r.status} ${JSON.stringify(r.body).slice(0, 600)} for ${JSON.stringify(body).slice(0, 600)}`;
        expectNamedAnswer(r, what);
        if (r.status === 200) {
          // Whatever was applied, the reports can still read it.
          const report = await call('GET', '/v1/reports/summary', org.tokens.central);
          expect(report.status, `reports after ${what}`).toBe(200);
        } else {
          expect(await snapshot(), `a refused push changed the database: ${what}`).toBe(before);
        }
      }),
      { seed: SEED, numRuns: PUSH_RUNS },
    );
    console.log(`push fuzz: ${n} requests, answers ${[...statuses].filter(([k]) => k.startsWith('push')).map(([k, v]) => `${k.slice(5)}×${v}`).join(', ')}`);
  });

  it('POST /v1/sync/push with raw bodies that are not what JSON.parse expects', { timeout: 300_000 }, async () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.integer({ min: 1, max: 2000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
      fc.integer({ min: 1, max: 2000 }).map((d) => `{"clientId":"fuzz-client-1","schemaVersion":1,"mutations":${'['.repeat(d)}${']'.repeat(d)}}`),
      fc.constantFrom('{"__proto__":{"role":"admin"},"clientId":"fuzz-client-2","schemaVersion":1,"mutations":[]}', '{"constructor":{"prototype":{}}}', 'null', '""', '[]', '\u0000'),
    );
    await fc.assert(
      fc.asyncProperty(raw, async (text) => {
        const before = await snapshot();
        const r = await call('POST', '/v1/sync/push', org.tokens.coordinator, text);
        count('raw', r.status);
        expectNamedAnswer(r, `${r.status} for ${text.slice(0, 200)}`);
        if (r.status !== 200) expect(await snapshot()).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('GET /v1/sync/pull with query strings of every kind', { timeout: 300_000 }, async () => {
    const param = fc.oneof(
      fc.integer({ min: -5, max: 5000 }).map(String),
      fc.constantFrom('', 'abc', '1e400', '-0', '0x10', '1.5', '9007199254740993', '99999999999999999999', 'NaN', 'Infinity', ' 1', '%00', '__proto__', '[]'),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
    );
    const query = fc.record({ cursor: fc.option(param), limit: fc.option(param), twice: fc.boolean(), extra: fc.option(fc.constantFrom('constructor=1', '__proto__=1', 'toString=x')) });
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('coordinator', 'manager', 'admin') as fc.Arbitrary<'coordinator' | 'manager' | 'admin'>, async (q, role) => {
        const parts = [q.cursor !== null ? `cursor=${q.cursor}` : '', q.limit !== null ? `limit=${q.limit}` : '', q.twice && q.cursor !== null ? `cursor=${q.cursor}` : '', q.extra ?? ''].filter(Boolean);
        const r = await call('GET', `/v1/sync/pull?${parts.join('&')}`, org.tokens[role]);
        count('pull', r.status);
        expectNamedAnswer(r, `${r.status} ${JSON.stringify(r.body).slice(0, 300)} for ?${parts.join('&')}`);
        if (r.status === 200) expect(Array.isArray(r.body.changes)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`fuzz answers: ${[...statuses].map(([k, v]) => `${k}×${v}`).join(', ')}`);
  });
});
