import { useEffect, useState } from 'preact/hooks';
import type { SignInReply } from '@/messages/protocol';
import { send } from '@/messages/send';
import { serverUrlProblem } from '@/sync/secure-url';
import { serverUrlItem } from '@/sync/server';
import { requestServerAccess } from './serverAccess';

/**
 * Server URL and access token, checked by the background against /v1/me. Used to sign in and,
 * after the server refused the token, to sign in again (same account: nothing is lost).
 */
export function SignInForm(props: { onDone: () => void; serverUrl?: string; submitLabel?: string }) {
  const [serverUrl, setServerUrl] = useState(props.serverUrl ?? '');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ pending: number; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // The stored default fills the field only if the person has not typed one meanwhile.
    if (!props.serverUrl) void serverUrlItem.getValue().then((stored) => setServerUrl((typed) => typed || stored));
  }, [props.serverUrl]);

  async function signIn(force: boolean) {
    const insecure = serverUrlProblem(serverUrl.trim());
    if (insecure) {
      setError(insecure);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (!(await requestServerAccess(serverUrl))) {
        setError('Shortlist needs permission to talk to that server: allow it when the browser asks.');
        return;
      }
      const reply = await send({ type: 'signIn', serverUrl, token, force });
      if (!reply.ok) setError([reply.error, ...(reply.issues ?? [])].join(' — '));
      else if (!reply.data.signedIn) setConfirm({ pending: reply.data.pending, message: reply.data.message });
      else {
        setConfirm(null);
        props.onDone();
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  const label = props.submitLabel ?? 'Sign in';
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void signIn(false);
      }}
    >
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
        {label}
      </button>
      {error && (
        <p role="alert" class="status-red">
          {error}
        </p>
      )}
      {confirm && (
        <div role="alertdialog" aria-label="Unsynced changes of another account">
          <p>{confirm.message}</p>
          <button type="button" disabled={busy} onClick={() => void signIn(true)}>
            Delete {confirm.pending} change{confirm.pending === 1 ? '' : 's'} and sign in
          </button>{' '}
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
