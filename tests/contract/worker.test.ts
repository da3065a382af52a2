import { createToken, createUser, setupOrg, workerTransport } from '../worker/helpers';
import { syncContract } from './cases';

syncContract('the worker with D1', async () => {
  const org = await setupOrg();
  const b = await createUser(org.orgId, 'coordinator', 'Second coordinator');
  const elsewhere = await setupOrg('Otherton Borough Council');
  return {
    transport: workerTransport,
    tokens: { a: org.tokens.coordinator, b: await createToken(org.orgId, b), elsewhere: elsewhere.tokens.coordinator },
    userIds: { a: org.users.coordinator, b },
  };
});
