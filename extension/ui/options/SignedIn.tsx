import { useState } from 'preact/hooks';
import { askHere } from '@/messages/page-requests';
import type { SyncStatus } from '@/sync/status';
import { SyncStatusPanel } from '../common/SyncStatusPanel';
import { InvitationForm } from './InvitationForm';
import { SignInForm } from './SignInForm';
import { tokenExpiry } from './tokenExpiry';

/** Who is signed in, the token's expiry, sync status; signing in again after a refused token; signing out. */
export function SignedIn(props: { status: SyncStatus; onChange: () => void; onSignedOut?: (message?: string) => void }) {
  const { status } = props;
  const [confirm, setConfirm] = useState<number | null>(null);
  async function signOut(force: boolean) {
    const reply = await askHere({ type: 'signOut', force });
    if (!reply.ok) return props.onChange();
    const result = reply.data;
    if (!result.ok) setConfirm(result.pending);
    else if (props.onSignedOut) props.onSignedOut(result.message);
    else props.onChange();
  }
  const expiry = tokenExpiry(status.tokenExpiresAt);
  return (
    <section>
      <p data-testid="signed-in-as">
        Signed in as <strong>{status.user?.name}</strong> ({status.user?.role}), {status.organisation}, on {status.serverUrl}.
      </p>
      {expiry && (
        <p data-testid="token-expiry" class={expiry.warn ? 'status-red' : undefined}>
          {expiry.text}
        </p>
      )}
      {status.lastError?.kind === 'auth' && (
        <section aria-label="Sign in again">
          <p>The server no longer accepts this access token. Sign in again with a new one: your {status.pending} unsynced change{status.pending === 1 ? ' is' : 's are'} kept.</p>
          <SignInForm serverUrl={status.serverUrl} submitLabel="Sign in again" onDone={props.onChange} />
          <p>Or, if your admin sent you a new invitation:</p>
          <InvitationForm serverUrl={status.serverUrl} submitLabel="Sign in again with the code" onDone={props.onChange} />
        </section>
      )}
      <SyncStatusPanel />
      <p>
        <button type="button" onClick={() => void signOut(false)}>
          Sign out
        </button>
      </p>
      {confirm !== null && (
        <div role="alertdialog" aria-label="Unsynced changes">
          <p>
            {confirm} change{confirm === 1 ? ' has' : 's have'} not reached the server yet. Signing out now deletes {confirm === 1 ? 'it' : 'them'}, and every
            candidate's data, from this browser.
          </p>
          <button type="button" onClick={() => void signOut(true)}>
            Sign out and lose {confirm} change{confirm === 1 ? '' : 's'}
          </button>{' '}
          <button type="button" onClick={() => setConfirm(null)}>
            Stay signed in
          </button>
        </div>
      )}
    </section>
  );
}
