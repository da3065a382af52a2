import { useState } from 'preact/hooks';
import { browser } from '#imports';
import { useSyncStatus } from '../common/useSyncStatus';
import { useWipeNotice } from '../common/useWipeNotice';
import { SignedIn } from './SignedIn';
import { InvitationForm } from './InvitationForm';
import { SignInForm } from './SignInForm';

/** Settings: sign in to the council's Shortlist server, see who is signed in and the sync status. */
export function Options() {
  const { status, refresh } = useSyncStatus();
  // What sign-out could not do (revoke the token on the server while offline), shown after it.
  const [notice, setNotice] = useState<string | null>(null);
  const wiped = useWipeNotice();
  return (
    <main style={{ font: '15px system-ui, sans-serif', maxWidth: '640px', margin: '24px auto', padding: '0 16px' }}>
      <h1>Shortlist settings</h1>
      {!status ? <p>Loading…</p> : status.signedIn ? (
        <SignedIn
          status={status}
          onChange={refresh}
          onSignedOut={(message) => {
            setNotice(message ?? null);
            refresh();
          }}
        />
      ) : (
        <>
          <h2>I have an invitation code</h2>
          <p>Your admin sends it by email. If the email's link opened in this browser, press “Sign in to Shortlist” on that page instead.</p>
          <InvitationForm
            onDone={() => {
              setNotice(null);
              refresh();
            }}
          />
          <h2>Sign in with an access token</h2>
          <p>For scripts and test accounts, when an admin has given you a token.</p>
          <SignInForm
            onDone={() => {
              setNotice(null);
              refresh();
            }}
          />
        </>
      )}
      {status && !status.signedIn && !notice && wiped && (
        <p role="status" data-testid="wipe-notice">
          {wiped.message}
        </p>
      )}
      {notice && (
        <p role="alert" class="status-red" data-testid="sign-out-notice">
          {notice}
        </p>
      )}
      <p>
        <a href={browser.runtime.getURL('/workspace.html')}>Open the workspace</a>
      </p>
    </main>
  );
}
