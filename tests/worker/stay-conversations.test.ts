import { describe, expect, it } from 'vitest';
import { post, staffMember, stayConversation } from '../contract/records';
import { createToken, createUser, id, materialise, setupOrg, team, TestClient } from './helpers';

/**
 * Stay conversations are confidential (issue 16): the person a conversation was with (staffId,
 * notes) reaches only its holder and admins. Everyone else, the central team, coordinators and
 * managers (the person's own manager too), pulls the outcome, themes, date and holder.
 */
async function council() {
  const org = await setupOrg();
  const psw = await createUser(org.orgId, 'central', 'Principal social worker');
  const otherManager = await createUser(org.orgId, 'manager', 'Another manager');
  const hrbpId = await createUser(org.orgId, 'central', 'HR business partner');
  const hrbp = { userId: hrbpId, client: new TestClient(await createToken(org.orgId, hrbpId)) };
  const coordinator = new TestClient(org.tokens.coordinator);
  const [t, p, person] = [id(), id(), id()];
  const made = await coordinator.push([
    coordinator.upsert('teams', t, team({ managerId: org.users.manager })),
    coordinator.upsert('posts', p, post(t)),
    coordinator.upsert('staff', person, staffMember(p, { name: 'Jo Thinking-of-leaving' })),
  ]);
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  const holder = new TestClient(await createToken(org.orgId, psw));
  const stay = id();
  const record = stayConversation(person, psw, { outcome: 'stayed', themes: ['caseload', 'travel'] });
  const pushed = await holder.push([holder.upsert('stay_conversations', stay, record)]);
  expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
  const readers = {
    holder,
    admin: new TestClient(org.tokens.admin),
    central: new TestClient(org.tokens.central),
    coordinator,
    teamManager: new TestClient(org.tokens.manager),
    otherManager: new TestClient(await createToken(org.orgId, otherManager)),
  };
  return { stay, person, record, readers, psw, hrbp };
}

describe('Stay conversations on pull', () => {
  it("another manager's, the person's manager's, a coordinator's and the central team's pulls carry the outcome and themes, not the person", async () => {
    const { stay, person, record, readers, psw } = await council();
    for (const [who, reader] of Object.entries({ otherManager: readers.otherManager, teamManager: readers.teamManager, coordinator: readers.coordinator, central: readers.central })) {
      const { changes } = await reader.pullAll();
      const got = materialise(changes).get(`stay_conversations:${stay}`);
      expect(got, who).toEqual({ ...record, id: stay, staffId: null, notes: null, redacted: true });
      expect(got, who).toMatchObject({ outcome: 'stayed', themes: ['caseload', 'travel'], heldBy: psw, holderRole: 'principal_social_worker' });
      // Nothing else in the pull names the person's link to the conversation.
      expect(JSON.stringify(changes.filter((c) => c.table === 'stay_conversations')), who).not.toContain(person);
      expect(JSON.stringify(changes.filter((c) => c.table === 'stay_conversations')), who).not.toContain(String(record.notes));
    }
  });

  it('the holder and admins pull it whole', async () => {
    const { stay, record, readers } = await council();
    for (const reader of [readers.holder, readers.admin]) {
      expect(materialise((await reader.pullAll()).changes).get(`stay_conversations:${stay}`)).toEqual({ ...record, id: stay });
    }
  });

  it('once an admin hands it to another holder, the first holder pulls it without the person and the new holder whole', async () => {
    const { stay, record, readers, hrbp } = await council();
    const { cursor } = await readers.holder.pullAll();
    const handOver = await readers.admin.push([readers.admin.upsert('stay_conversations', stay, { heldBy: hrbp.userId, holderRole: 'hr_business_partner' })]);
    expect(handOver.status, JSON.stringify(handOver.body)).toBe(200);
    expect(materialise((await readers.holder.pullAll(cursor)).changes).get(`stay_conversations:${stay}`)).toMatchObject({ staffId: null, notes: null, redacted: true, heldBy: hrbp.userId });
    expect(materialise((await hrbp.client.pullAll()).changes).get(`stay_conversations:${stay}`)).toEqual({ ...record, id: stay, heldBy: hrbp.userId, holderRole: 'hr_business_partner' });
  });
});
