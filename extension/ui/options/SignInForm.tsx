import { useState } from 'preact/hooks';
import type { SignInReply } from '@/messages/protocol';
import { askHere } from '@/messages/page-requests';
import { serverUrlProblem } from '@/sync/secure-url';
import { requestServerAccess } from './serverAccess';
import { OtherAccountConfirm, useServerUrl, type OtherAccount } from './signInParts';

/**
 * Server URL and access token, checked by the background against /v1/me. Used to sign in and,
 * after the server refused the token, to sign in again (same account: nothing is lost).
 */
export function SignInForm(props: { onDone: () => void; serverUrl?: string; submitLabel?: string }) {
  const [serverUrl, setServerUrl] = useServerUrl(props.serverUrl);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<OtherAccount | null>(null);
  const [busy, setBusy] = useState(false);

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
      const reply = await askHere({ type: 'signIn', serverUrl, token, force });
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
      {confirm && <OtherAccountConfirm confirm={confirm} busy={busy} onConfirm={() => void signIn(true)} onCancel={() => setConfirm(null)} />}
    </form>
  );
}
