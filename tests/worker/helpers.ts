import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { uuidv7 } from 'uuidv7';
import { issueToken } from '../../worker/src/auth/tokens';
import { materialise, SyncClient, type SyncTransport } from '../contract/client';

export type Role = 'admin' | 'central' | 'coordinator' | 'manager';
export const ROLES_ALL: Role[] = ['admin', 'central', 'coordinator', 'manager'];

/** Creates an organisation directly in D1. */
export async function createOrg(name = 'Testshire County Council'): Promise<string> {
  const id = uuidv7();
  await env.DB.prepare('INSERT INTO organisations (id, name, created_at) VALUES (?1, ?2, ?3)').bind(id, name, new Date().toISOString()).run();
  return id;
}

export async function createUser(orgId: string, role: Role, name = `${role} user`, active = true): Promise<string> {
  const id = uuidv7();
  await env.DB.prepare('INSERT INTO users (id, org_id, name, email, role, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)')
    .bind(id, orgId, name, `${role}.${id.slice(-8)}@example.gov.uk`, role, active ? 1 : 0, new Date().toISOString())
    .run();
  return id;
}

/** Issues a token exactly as the worker does; `days` may be negative for an expired one. */
export async function createToken(orgId: string, userId: string, days = 90): Promise<string> {
  return (await issueToken(env.DB, orgId, userId, days)).token;
}

export interface TestOrg {
  orgId: string;
  users: Record<Role, string>;
  tokens: Record<Role, string>;
}

/** An organisation with one user and one token per role. */
export async function setupOrg(name?: string): Promise<TestOrg> {
  const orgId = await createOrg(name);
  const users = {} as Record<Role, string>;
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES_ALL) {
    users[role] = await createUser(orgId, role);
    tokens[role] = await createToken(orgId, users[role]);
  }
  return { orgId, users, tokens };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(method: string, path: string, token?: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (token) (init.headers as Record<string, string>).Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await exports.default.fetch(new Request(`http://worker${path}`, init));
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** How the contract suite's client (tests/contract/client.ts) reaches the worker. */
export const workerTransport: SyncTransport = {
  push: (token, body) => call('POST', '/v1/sync/push', token, body),
  pull: (token, query) => call('GET', `/v1/sync/pull${query}`, token),
};

/** A sync client of the worker, keeping its own sequence numbers and clock. */
export class TestClient extends SyncClient {
  constructor(token: string, clientId?: string) {
    super(workerTransport, token, clientId);
  }
}

export { materialise };

export const id = () => uuidv7();

// Record builders: the contract suite's (tests/contract/records.ts).
export { application, rotaSlot, stageEvent, team, vacancy } from '../contract/records';

export async function rowOf(table: string, orgId: string, recordId: string) {
  return env.DB.prepare(`SELECT * FROM ${table} WHERE org_id = ?1 AND id = ?2`).bind(orgId, recordId).first<Record<string, any>>();
}
