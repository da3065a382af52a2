import { useEffect, useState } from 'preact/hooks';
import type { HealthReply } from '@/messages/protocol';
import { askHere } from '@/messages/page-requests';
import { SyncStatusPanel } from '../common/SyncStatusPanel';
import { useWipeNotice } from '../common/useWipeNotice';
import { ThisSite } from './ThisSite';
import { Today } from './Today';

/** Toolbar popup: server and sync status; feature folders add their sections below. */
export function Popup() {
  const [health, setHealth] = useState<string>('Checking the server…');
  // Until the next sign-in, say what the last local wipe removed (sign-out, revoked token).
  const wiped = useWipeNotice();
  useEffect(() => {
    askHere({ type: 'health' }).then((r) => {
      if (!r.ok) setHealth(r.error);
      else if (r.data.ok) setHealth(`Server connected (${r.data.serverUrl}, version ${r.data.version})`);
      else setHealth(r.data.error ?? `Server at ${r.data.serverUrl} is not answering`);
    });
  }, []);
  return (
    <main style={{ font: '14px system-ui, sans-serif', minWidth: '320px', maxWidth: '420px', padding: '12px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Shortlist</h1>
      <p data-testid="server-status">{health}</p>
      {wiped && (
        <p role="status" data-testid="wipe-notice">
          {wiped.message}
        </p>
      )}
      <SyncStatusPanel />
      <Today />
      <ThisSite />
    </main>
  );
}
