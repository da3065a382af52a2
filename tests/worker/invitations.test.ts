import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import app from '../../worker/src/index';
import { normaliseInvitationCode } from '#shared/api/index';
import { hashInvitationCode } from '../../worker/src/auth/invitations';
import { call, createUser, setupOrg } from './helpers';
import { countingDb } from './security-support';

/** Issue 13: invitations instead of pasted tokens. */

// A fresh address for each use: the per-address sign-in limit counts every refused redemption.
let addresses = 0;
const ip = () => ({ 'CF-Connecting-IP': `2001:db8::${(++addresses).toString(16)}` });
const redeem = (code: string, headers = ip()) => call('POST', '/v1/invitations/redeem', null, { code }, headers);
const actions = async (orgId: string) =>
  (await env.DB.prepare('SELECT action, tbl, record_id, user_id, credential_id FROM audit_log WHERE org_id = ?1 ORDER BY id').bind(orgId).all<Record<string, string | null>>()).results;
const invite = async (token: string, userId: string) => (await call('POST', `/v1/admin/people/${userId}/invitations`, token)).body.invitation as { id: string; code: string; link: string; expiresAt: string };

describe('creating an invitation', () => {
  it('adding a person creates them with a 7-day invitation: a short code and a link, stored only as a hash, audited', async () => {
    const org = await setupOrg();
    const r = await call('POST', '/v1/admin/people', org.tokens.admin, { name: 'Jo Bloggs', email: 'Jo.Bloggs@Testshire.gov.uk', role: 'manager' });
    expect(r.status).toBe(201);
    const { person, invitation } = r.body;
    expect(person).toMatchObject({ name: 'Jo Bloggs', email: 'jo.bloggs@testshire.gov.uk', role: 'manager', active: true, activeTokens: 0, lastSeenAt: null, invitationExpiresAt: invitation.expiresAt });
    expect(invitation.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(invitation.link).toBe(`http://worker/invite/${invitation.code}`);
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const stored = await env.DB.prepare('SELECT * FROM invitations WHERE id = ?1').bind(invitation.id).first<Record<string, string>>();
    expect(JSON.stringify(stored)).not.toContain(normaliseInvitationCode(invitation.code));
    expect(stored!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await actions(org.orgId)).map((a) => a.action)).toEqual(['create_user', 'create_invitation']);
  });

  it('only admins create invitations', async () => {
    const org = await setupOrg();
    for (const role of ['central', 'coordinator', 'manager'] as const) {
      expect((await call('POST', `/v1/admin/people/${org.users.manager}/invitations`, org.tokens[role])).status).toBe(403);
    }
  });
});

describe('redeeming an invitation', () => {
  it('exchanges the code once for a working token, audited; the code is refused the second time', async () => {
    const org = await setupOrg();
    const jo = await createUser(org.orgId, 'manager', 'Jo Bloggs');
    const inv = await invite(org.tokens.admin, jo);
    // Typed loosely from the email: lower case, spaces instead of dashes.
    const r = await redeem(inv.code.toLowerCase().replace(/-/g, ' '));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ user: { id: jo, name: 'Jo Bloggs' }, organisation: { id: org.orgId }, token: expect.stringMatching(/^sl_/) });
    const me = await call('GET', '/v1/me', r.body.token);
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(jo);
    const audit = await actions(org.orgId);
    expect(audit.at(-1)).toMatchObject({ action: 'redeem_invitation', tbl: 'invitations', record_id: inv.id, user_id: jo, credential_id: expect.any(String) });

    const again = await redeem(inv.code);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('invitation_used');
    expect(again.body.error.message).toMatch(/already used .* ask your admin/);
    const people = (await call('GET', '/v1/admin/people', org.tokens.admin)).body.people as Array<{ id: string; activeTokens: number; invitationExpiresAt: string | null }>;
    expect(people.find((p) => p.id === jo)).toMatchObject({ activeTokens: 1, invitationExpiresAt: null });
  });

  it('refuses an expired invitation and audits the attempt', async () => {
    const org = await setupOrg();
    const inv = await invite(org.tokens.admin, org.users.manager);
    await env.DB.prepare('UPDATE invitations SET expires_at = ?2 WHERE id = ?1').bind(inv.id, new Date(Date.now() - 1000).toISOString()).run();
    const r = await redeem(inv.code);
    expect(r.status).toBe(410);
    expect(r.body.error.code).toBe('invitation_expired');
    expect((await actions(org.orgId)).at(-1)).toMatchObject({ action: 'invitation_expired_attempt', record_id: inv.id, credential_id: null });
  });

  it('refuses a wrong code and a malformed one, in words', async () => {
    const wrong = await redeem('ABCD-EFGH-JKMN');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_invitation');
    const malformed = await redeem('not a code!');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/12 letters and digits/);
  });

  it('a newer invitation replaces the open one', async () => {
    const org = await setupOrg();
    const first = await invite(org.tokens.admin, org.users.manager);
    const second = await invite(org.tokens.admin, org.users.manager);
    expect((await redeem(first.code)).body.error.code).toBe('invitation_revoked');
    expect((await redeem(second.code)).status).toBe(200);
  });

  it("a deactivated person's invitation stops working, and reactivation sends a new one", async () => {
    const org = await setupOrg();
    const added = (await call('POST', '/v1/admin/people', org.tokens.admin, { name: 'Kim Lee', email: 'kim@testshire.gov.uk', role: 'coordinator' })).body;
    const off = await call('PATCH', `/v1/admin/people/${added.person.id}`, org.tokens.admin, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.invitation).toBeUndefined();
    expect((await redeem(added.invitation.code)).status).toBe(410);
    // Even an invitation made before the revocation took effect is refused while they are inactive.
    await env.DB.prepare('UPDATE invitations SET revoked_at = NULL WHERE id = ?1').bind(added.invitation.id).run();
    const inactive = await redeem(added.invitation.code);
    expect(inactive.status).toBe(403);
    expect(inactive.body.error.code).toBe('user_inactive');
    expect((await call('POST', `/v1/admin/people/${added.person.id}/invitations`, org.tokens.admin)).status).toBe(409);

    const on = await call('PATCH', `/v1/admin/people/${added.person.id}`, org.tokens.admin, { active: true });
    expect(on.status).toBe(200);
    expect(on.body.invitation.code).toMatch(/-/);
    expect((await redeem(on.body.invitation.code)).status).toBe(200);
  });

  it("signs in to the invitation's own organisation only, whoever else asks", async () => {
    const a = await setupOrg('Council A');
    const b = await setupOrg('Council B');
    const inv = await invite(a.tokens.admin, a.users.coordinator);
    // Council B's admin cannot make or see invitations for Council A's people.
    expect((await call('POST', `/v1/admin/people/${a.users.coordinator}/invitations`, b.tokens.admin)).status).toBe(404);
    expect(((await call('GET', '/v1/admin/people', b.tokens.admin)).body.people as Array<{ id: string }>).some((p) => p.id === a.users.coordinator)).toBe(false);
    // A bearer token of another organisation changes nothing: the code decides.
    const r = await call('POST', '/v1/invitations/redeem', b.tokens.admin, { code: inv.code }, ip());
    expect(r.status).toBe(200);
    const me = (await call('GET', '/v1/me', r.body.token)).body;
    expect(me.organisation.id).toBe(a.orgId);
    expect(me.user.id).toBe(a.users.coordinator);
  });

  it('after too many failed redemptions from one address, the next is refused before any D1 query', async () => {
    const db = countingDb(env.DB);
    const limited = { ...env, DB: db.binding, AUTH_FAILURES_PER_MINUTE: '3' };
    const headers = ip();
    const attempt = (code: string, h = headers) =>
      app.request('/v1/invitations/redeem', { method: 'POST', headers: { ...h, 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) }, limited);
    expect((await attempt('ABCD-EFGH-JKM0')).status).toBe(400);
    expect((await attempt('ABCD-EFGH-JKM1')).status).toBe(400);
    expect((await attempt('nonsense')).status).toBe(400);
    const before = db.prepared.length;
    const r = await attempt('ABCD-EFGH-JKM2');
    expect(r.status).toBe(429);
    expect(r.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(db.prepared.length).toBe(before);
    expect((await attempt('ABCD-EFGH-JKM3', ip())).status).toBe(400);
  });
});

describe('invitations made by scripts/admin.mjs invite', () => {
  it('hash the code as the worker does, so the code redeems', async () => {
    // The vector of scripts/admin.mjs (node:crypto): sha256("invite:K7QM2XHD9RTB").
    expect(await hashInvitationCode('K7QM2XHD9RTB')).toBe('7a4cda31cd91c1760852d19a8c5ac227c8470884b63c5987a125a2d91a949299');
    const org = await setupOrg();
    await env.DB.prepare('INSERT INTO invitations (id, org_id, user_id, code_hash, created_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6)')
      .bind(crypto.randomUUID(), org.orgId, org.users.central, '7a4cda31cd91c1760852d19a8c5ac227c8470884b63c5987a125a2d91a949299', new Date().toISOString(), new Date(Date.now() + 86_400_000).toISOString())
      .run();
    expect((await redeem('K7QM-2XHD-9RTB')).status).toBe(200);
  });
});

describe('the invitation page', () => {
  it('is plain HTML with no script, naming the code and what to do, and not cached', async () => {
    const r = await call<string>('GET', '/invite/K7QM-2XHD-9RTB', null);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body).toContain('K7QM-2XHD-9RTB');
    expect(r.body).toContain('I have an invitation code');
    expect(r.body).toContain('id="shortlist-sign-in"');
    expect(r.body).not.toMatch(/<script/i);
  });

  it('says so for a link that is not an invitation, echoing nothing', async () => {
    const r = await call<string>('GET', '/invite/%3Cscript%3Ealert(1)%3C%2Fscript%3E', null);
    expect(r.status).toBe(404);
    expect(r.body).toContain('not a Shortlist invitation');
    expect(r.body).not.toContain('alert');
  });
});
