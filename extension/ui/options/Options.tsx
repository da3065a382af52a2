import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { sendToBackground } from '@/messages/send';
import { serverUrlItem } from '@/sync/server';
import type { SyncStatus } from '@/sync/status';
import { SyncStatusPanel } from '../common/SyncStatusPanel';
import { useSyncStatus } from '../common/useSyncStatus';

/** Asks for the server's host permission at sign-in (the build's default server is granted at install). */
async function requestServerAccess(serverUrl: string): Promise<boolean> {
  const origin = `${new URL(serverUrl).origin}/*`;
  if (await browser.permissions.contains({ origins: [origin] })) return true;
  return browser.permissions.request({ origins: [origin] });
}

function SignInForm(props: { onDone: () => void }) {
  const [serverUrl, setServerUrl] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    serverUrlItem.getValue().then(setServerUrl);
  }, []);
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!(await requestServerAccess(serverUrl))) {
        setError('Shortlist needs permission to talk to that server: allow it when Chrome asks.');
        return;
      }
      const reply = await sendToBackground({ type: 'signIn', serverUrl, token });
      if (!reply.ok) setError([reply.error, ...(reply.issues ?? [])].join(' — '));
      else props.onDone();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} aria-label="Sign in">
      <p>
        <label>
          Server URL
          <br />
          <input type="url" required size={40} value={serverUrl} onInput={(e) => setServerUrl(e.currentTarget.value)} />
        </label>
      </p>
      <p>
        <label>
          Access token
          <br />
          <input type="password" required size={40} autoComplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        </label>
      </p>
      <button type="submit" class="primary" disabled={busy}>
        Sign in
      </button>
      {error && (
        <p role="alert" class="status-red">
          {error}
        </p>
      )}
    </form>
  );
}

function SignedIn(props: { status: SyncStatus; onSignedOut: () => void }) {
  const [confirm, setConfirm] = useState<number | null>(null);
  async function signOut(force: boolean) {
    const reply = await sendToBackground<{ ok: boolean; pending?: number }>({ type: 'signOut', force });
    if (reply.ok && !reply.data.ok) setConfirm(reply.data.pending ?? 0);
    else props.onSignedOut();
  }
  return (
    <section>
      <p>
        Signed in as <strong>{props.status.user?.name}</strong> ({props.status.user?.role}), {props.status.organisation}, on {props.status.serverUrl}.
      </p>
      <SyncStatusPanel />
      <p>
        <button type="button" onClick={() => signOut(false)}>
          Sign out
        </button>
      </p>
      {confirm !== null && (
        <div role="alertdialog" aria-label="Unsynced changes">
          <p>
            {confirm} change{confirm === 1 ? ' has' : 's have'} not reached the server yet. Signing out now deletes {confirm === 1 ? 'it' : 'them'}, and every
            candidate's data, from this browser.
          </p>
          <button type="button" onClick={() => signOut(true)}>
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

/** Settings: sign in to the council's Shortlist server, see who is signed in and the sync status. */
export function Options() {
  const { status, refresh } = useSyncStatus();
  return (
    <main style={{ font: '15px system-ui, sans-serif', maxWidth: '640px', margin: '24px auto', padding: '0 16px' }}>
      <h1>Shortlist settings</h1>
      {!status ? <p>Loading…</p> : status.signedIn ? <SignedIn status={status} onSignedOut={refresh} /> : <SignInForm onDone={refresh} />}
      <p>
        <a href={browser.runtime.getURL('/workspace.html')}>Open the workspace</a>
      </p>
    </main>
  );
}
