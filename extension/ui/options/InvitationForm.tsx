import { useState } from 'preact/hooks';
import { askHere } from '@/messages/page-requests';
import { serverUrlProblem } from '@/sync/secure-url';
import { requestServerAccess } from './serverAccess';
import { OtherAccountConfirm, useServerUrl, type OtherAccount } from './signInParts';

/**
 * "I have an invitation code": the code from the admin's email, exchanged once by the background
 * for this browser's token. The usual way in; the access-token form is for scripts.
 */
export function InvitationForm(props: { onDone: () => void; serverUrl?: string; submitLabel?: string }) {
  const [serverUrl, setServerUrl] = useServerUrl(props.serverUrl);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ server?: string; code?: string; form?: string }>({});
  const [confirm, setConfirm] = useState<OtherAccount | null>(null);
  const [busy, setBusy] = useState(false);

  async function redeem(force: boolean) {
    const server = serverUrl.trim() ? serverUrlProblem(serverUrl.trim()) : 'Enter the address of your council’s Shortlist server';
    const missing = code.trim() ? undefined : 'Enter the code from the invitation email, like K7QM-2XHD-9RTB';
    if (server || missing) {
      setErrors({ server: server ?? undefined, code: missing });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      if (!(await requestServerAccess(serverUrl))) {
        setErrors({ server: 'Shortlist needs permission to talk to that server: allow it when the browser asks.' });
        return;
      }
      const reply = await askHere({ type: 'redeemInvitation', serverUrl: serverUrl.trim(), code, force });
      if (!reply.ok) setErrors({ code: [reply.error, ...(reply.issues ?? [])].join(' — ') });
      else if (!reply.data.signedIn) setConfirm({ pending: reply.data.pending, message: reply.data.message });
      else {
        setConfirm(null);
        props.onDone();
      }
    } catch (err) {
      setErrors({ form: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }
  const label = props.submitLabel ?? 'Use invitation code';
  return (
    <form
      aria-label="I have an invitation code"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void redeem(false);
      }}
    >
      <p>
        <label for="invite-server">Server address</label>
        <br />
        <input id="invite-server" type="url" size={40} value={serverUrl} aria-invalid={errors.server ? true : undefined} aria-describedby={errors.server ? 'invite-server-error' : undefined} onInput={(e) => setServerUrl(e.currentTarget.value)} />
        {errors.server && (
          <span id="invite-server-error" class="status-red" role="alert" style={{ color: '#d4351c', fontWeight: 600 }}>
            <br />
            {errors.server}
          </span>
        )}
      </p>
      <p>
        <label for="invite-code">Invitation code</label>
        <br />
        <input
          id="invite-code"
          size={20}
          autoComplete="one-time-code"
          spellcheck={false}
          placeholder="K7QM-2XHD-9RTB"
          value={code}
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={errors.code ? 'invite-code-error' : undefined}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        {errors.code && (
          <span id="invite-code-error" class="status-red" role="alert" style={{ color: '#d4351c', fontWeight: 600 }}>
            <br />
            {errors.code}
          </span>
        )}
      </p>
      <button type="submit" class="primary" disabled={busy}>
        {label}
      </button>
      {errors.form && (
        <p role="alert" class="status-red" style={{ color: '#d4351c', fontWeight: 600 }}>
          {errors.form}
        </p>
      )}
      {confirm && <OtherAccountConfirm confirm={confirm} busy={busy} onConfirm={() => void redeem(true)} onCancel={() => setConfirm(null)} />}
    </form>
  );
}
