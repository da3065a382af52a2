import { browser } from '#imports';
import { useSyncStatus } from '../common/useSyncStatus';
import { SignedIn } from './SignedIn';
import { SignInForm } from './SignInForm';

/** Settings: sign in to the council's Shortlist server, see who is signed in and the sync status. */
export function Options() {
  const { status, refresh } = useSyncStatus();
  return (
    <main style={{ font: '15px system-ui, sans-serif', maxWidth: '640px', margin: '24px auto', padding: '0 16px' }}>
      <h1>Shortlist settings</h1>
      {!status ? <p>Loading…</p> : status.signedIn ? <SignedIn status={status} onChange={refresh} /> : <SignInForm onDone={refresh} />}
      <p>
        <a href={browser.runtime.getURL('/workspace.html')}>Open the workspace</a>
      </p>
    </main>
  );
}
