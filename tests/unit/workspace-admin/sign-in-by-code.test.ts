// @vitest-environment happy-dom
import { freshDb, newId, teamFields } from '../extension/helpers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeResponse } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { upsertRecord } from '@/db/writes';
import { offerSignIn } from '@/invite/offer';
import { redeemInvitation } from '@/sync/account';
import { syncOnce } from '@/sync/engine';
import { invitationFromSender } from '@/sync/invite-link';
import { getSession } from '@/sync/session';
import { DEFAULT_USER, FakeServer } from '../extension/fake-server';

let db: ShortlistDb;
let server: FakeServer;
beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb('sign-in-by-code');
  server = new FakeServer([DEFAULT_USER]);
});

/**
 * The fake server plus what this test needs of the real one: POST /v1/invitations/redeem for
 * one code, and /v1/me answering whatever `me` an admin last saved.
 */
function withInvitations(code: string, meOverride?: (me: MeResponse) => MeResponse) {
  const redeemed: unknown[] = [];
  const f = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    if (url.pathname === '/v1/invitations/redeem') {
      const body = JSON.parse(String(init?.body)) as { code: string };
      redeemed.push(body);
      if (body.code !== code || redeemed.length > 1) return new Response(JSON.stringify({ error: { code: 'invitation_used', message: 'This invitation was already used' } }), { status: 410 });
      return Response.json({ token: DEFAULT_USER.token, expiresAt: '2099-01-01T00:00:00Z', user: { id: DEFAULT_USER.userId, name: DEFAULT_USER.name }, organisation: { id: DEFAULT_USER.orgId, name: DEFAULT_USER.orgName } });
    }
    const res = await server.fetch(input, init);
    if (url.pathname !== '/v1/me' || !meOverride || !res.ok) return res;
    return Response.json(meOverride((await res.json()) as MeResponse));
  }) as typeof fetch;
  return { fetch: f, redeemed };
}

describe('signing in with an invitation code', () => {
  it('exchanges the typed code (normalised) for a token and signs in; the code works once', async () => {
    const s = withInvitations('K7QM2XHD9RTB');
    const r = await redeemInvitation(db, server.baseUrl, ' k7qm-2xhd 9rtb ', s.fetch);
    expect(r).toMatchObject({ ok: true, session: { token: DEFAULT_USER.token, me: { user: { id: DEFAULT_USER.userId } } } });
    expect(s.redeemed).toEqual([{ code: 'K7QM2XHD9RTB' }]);
    expect((await getSession())?.me.user.name).toBe(DEFAULT_USER.name);
    const again = await redeemInvitation(db, server.baseUrl, 'K7QM-2XHD-9RTB', s.fetch);
    expect(again).toEqual({ ok: false, error: 'This invitation was already used' });
  });

  it('refuses what is not a code, and an insecure server, without asking the server', async () => {
    const s = withInvitations('K7QM2XHD9RTB');
    expect(await redeemInvitation(db, server.baseUrl, 'hello', s.fetch)).toMatchObject({ ok: false, error: expect.stringMatching(/not an invitation code: an invitation code is 12 letters/) });
    expect(await redeemInvitation(db, 'http://sync.example.org', 'K7QM2XHD9RTB', s.fetch)).toMatchObject({ ok: false, error: expect.stringMatching(/https/) });
    expect(s.redeemed).toEqual([]);
  });

  it("asks before spending the code when another account's changes have not been pushed", async () => {
    const s = withInvitations('K7QM2XHD9RTB');
    await redeemInvitation(db, server.baseUrl, 'K7QM2XHD9RTB', s.fetch);
    await upsertRecord('teams', newId(), teamFields(), db);
    const asked = await redeemInvitation(db, server.baseUrl, 'AAAA-BBBB-CCCC', s.fetch);
    expect(asked).toMatchObject({ ok: false, pending: 1, previous: `${DEFAULT_USER.name} (${DEFAULT_USER.orgName})` });
    expect(s.redeemed).toHaveLength(1);
  });
});

describe("the council's settings reach a browser on its next sync", () => {
  it('a sync reads /v1/me again: new targets and name replace the ones from sign-in', async () => {
    let targetDays = 5;
    let orgName = DEFAULT_USER.orgName;
    const s = withInvitations('K7QM2XHD9RTB', (me) => ({ ...me, organisation: { ...me.organisation, name: orgName }, settings: { ...me.settings, shortlistWorkingDays: targetDays } }));
    await redeemInvitation(db, server.baseUrl, 'K7QM2XHD9RTB', s.fetch);
    expect((await getSession())?.me.settings.shortlistWorkingDays).toBe(5);
    // The admin saves a shortlisting target of 3 and renames the council.
    targetDays = 3;
    orgName = 'Exampleshire Children’s Services';
    expect((await syncOnce(db, s.fetch)).ok).toBe(true);
    const session = await getSession();
    expect(session?.me.settings.shortlistWorkingDays).toBe(3);
    expect(session?.me.organisation.name).toBe('Exampleshire Children’s Services');
    expect(session?.token).toBe(DEFAULT_USER.token);
  });
});

describe('the invitation link', () => {
  const servers = ['https://shortlist.council.gov.uk'];
  const from = (url: string) => invitationFromSender({ id: 'x', url, tab: { url } as never }, servers);
  it("takes the code from the tab's own URL on the Shortlist server's /invite/ page only", async () => {
    await expect(from('https://shortlist.council.gov.uk/invite/K7QM-2XHD-9RTB')).resolves.toEqual({ serverUrl: servers[0], code: 'K7QM2XHD9RTB' });
    await expect(from('https://evil.example/invite/K7QM-2XHD-9RTB')).rejects.toThrow(/not your Shortlist server/);
    await expect(from('https://shortlist.council.gov.uk/other/K7QM-2XHD-9RTB')).rejects.toThrow(/not a Shortlist invitation/);
    await expect(from('https://shortlist.council.gov.uk/invite/nonsense')).rejects.toThrow(/not a Shortlist invitation/);
  });

  it('offers a button that acts on a trusted click only and reports the result in words', async () => {
    document.body.innerHTML = '<main><div id="shortlist-sign-in"></div></main>';
    const ask = vi.fn(async () => ({ ok: true as const, data: { signedIn: true as const, user: { id: 'u', name: 'Jo Bloggs', role: 'manager' as const }, organisation: { id: 'o', name: 'Testshire' }, tokenExpiresAt: '' } }));
    offerSignIn(document, ask);
    const button = document.querySelector('#shortlist-sign-in button') as HTMLButtonElement;
    expect(button.textContent).toBe('Sign in to Shortlist');
    // The page's own script clicking it (untrusted) does nothing.
    button.click();
    expect(ask).not.toHaveBeenCalled();
    const trusted = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    button.dispatchEvent(trusted);
    await vi.waitFor(() => expect(document.querySelector('#shortlist-sign-in [role=status]')?.textContent).toMatch(/Signed in to Shortlist as Jo Bloggs \(Testshire\)/));
    expect(ask).toHaveBeenCalledWith(false);
  });

  it('leaves a page without the sign-in box alone', () => {
    document.body.innerHTML = '<main><p>Something else</p></main>';
    offerSignIn(document, vi.fn());
    expect(document.querySelector('button')).toBeNull();
  });
});
