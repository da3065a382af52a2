import { DEFAULT_USER, FakeServer, type FakeUser } from '../unit/extension/fake-server';
import { syncContract } from './cases';
import type { Reply, SyncTransport } from './client';

const BOB: FakeUser = { ...DEFAULT_USER, token: 'token-bob-00000002', userId: 'user-bob', name: 'Bob Coordinator', email: 'bob@council.example' };
const MANAGER: FakeUser = { ...DEFAULT_USER, token: 'token-mia-00000004', userId: 'user-mia', name: 'Mia Manager', email: 'mia@council.example', role: 'manager' };
const MANAGER2: FakeUser = { ...DEFAULT_USER, token: 'token-max-00000005', userId: 'user-max', name: 'Max Manager', email: 'max@council.example', role: 'manager' };
const ELSEWHERE: FakeUser = { ...DEFAULT_USER, token: 'token-eve-00000003', userId: 'user-eve', orgId: 'org-2', orgName: 'Otherton Borough Council' };

function transportOf(server: FakeServer): SyncTransport {
  const call = async (token: string | null, path: string, init: RequestInit): Promise<Reply> => {
    const res = await server.fetch(`${server.baseUrl}${path}`, { ...init, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: await res.json() };
  };
  return {
    push: (token, body) => call(token, '/v1/sync/push', { method: 'POST', body: JSON.stringify(body) }),
    pull: (token, query) => call(token, `/v1/sync/pull${query}`, { method: 'GET' }),
  };
}

syncContract('the unit tests\' fake server', async () => {
  const server = new FakeServer([DEFAULT_USER, BOB, MANAGER, MANAGER2, ELSEWHERE]);
  return {
    transport: transportOf(server),
    tokens: { a: DEFAULT_USER.token, b: BOB.token, manager: MANAGER.token, manager2: MANAGER2.token, elsewhere: ELSEWHERE.token },
    userIds: { a: DEFAULT_USER.userId, b: BOB.userId, manager: MANAGER.userId, manager2: MANAGER2.userId, elsewhere: ELSEWHERE.userId },
    setSettings: async (settings) => server.setSettings(settings, DEFAULT_USER.orgId),
  };
});
