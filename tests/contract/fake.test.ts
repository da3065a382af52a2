import { DEFAULT_USER, FakeServer, type FakeUser } from '../unit/extension/fake-server';
import { syncContract } from './cases';
import type { Reply, SyncTransport } from './client';

const BOB: FakeUser = { ...DEFAULT_USER, token: 'token-bob-00000002', userId: 'user-bob', name: 'Bob Coordinator', email: 'bob@council.example' };
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
  const server = new FakeServer([DEFAULT_USER, BOB, ELSEWHERE]);
  return {
    transport: transportOf(server),
    tokens: { a: DEFAULT_USER.token, b: BOB.token, elsewhere: ELSEWHERE.token },
    userIds: { a: DEFAULT_USER.userId, b: BOB.userId },
  };
});
