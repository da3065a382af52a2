import type { SignInReply } from '@/messages/protocol';
import { send } from '@/messages/send';

/**
 * Puts a "Sign in to Shortlist" button into the invitation page's #shortlist-sign-in box. It acts
 * only on a trusted click (a person's, not the page's script), and sends no code: the background
 * takes it from this tab's URL. A page without the box gets nothing.
 */
export function offerSignIn(doc: Document, ask: (force: boolean) => Promise<{ ok: true; data: SignInReply } | { ok: false; error: string }> = (force) => send({ type: 'redeemInvitationLink', force })): void {
  const box = doc.getElementById('shortlist-sign-in');
  if (!box) return;
  const say = (text: string, role: 'status' | 'alert' = 'status') => {
    const p = doc.createElement('p');
    p.setAttribute('role', role);
    p.textContent = text;
    box.replaceChildren(p);
    return p;
  };
  const button = (label: string, force: boolean) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.style.font = 'inherit';
    b.style.padding = '.5em 1em';
    b.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      b.disabled = true;
      void ask(force).then(answer);
    });
    return b;
  };
  const answer = (reply: Awaited<ReturnType<typeof ask>>) => {
    if (!reply.ok) {
      say(`Not signed in: ${reply.error}`, 'alert').append(' ', button('Try again', false));
      return;
    }
    const r = reply.data;
    if (r.signedIn) say(`Signed in to Shortlist as ${r.user.name} (${r.organisation.name}). Open Shortlist from the browser's toolbar; this page can be closed.`);
    else say(r.message, 'alert').append(' ', button(`Delete ${r.pending} change${r.pending === 1 ? '' : 's'} and sign in`, true));
  };
  const intro = doc.createElement('p');
  intro.textContent = 'Shortlist is installed in this browser.';
  box.replaceChildren(intro, button('Sign in to Shortlist', false));
}
