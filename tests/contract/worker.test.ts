import { DEFAULT_SETTINGS } from '#shared/schema/index';
import { call, createToken, createUser, setupOrg, workerTransport } from '../worker/helpers';
import { syncContract } from './cases';

syncContract('the worker with D1', async () => {
  const org = await setupOrg();
  const b = await createUser(org.orgId, 'coordinator', 'Second coordinator');
  const manager2 = await createUser(org.orgId, 'manager', 'Second manager');
  const elsewhere = await setupOrg('Otherton Borough Council');
  return {
    transport: workerTransport,
    tokens: {
      a: org.tokens.coordinator,
      b: await createToken(org.orgId, b),
      manager: org.tokens.manager,
      manager2: await createToken(org.orgId, manager2),
      elsewhere: elsewhere.tokens.coordinator,
    },
    userIds: { a: org.users.coordinator, b, manager: org.users.manager, manager2, elsewhere: elsewhere.users.coordinator },
    setSettings: async (settings) => {
      const r = await call('PUT', '/v1/admin/settings', org.tokens.admin, { ...DEFAULT_SETTINGS, ...settings });
      if (r.status !== 200) throw new Error(`settings refused: ${JSON.stringify(r.body)}`);
    },
  };
});
