import { useEffect, useState } from 'preact/hooks';
import type { HealthReply } from '@/messages/protocol';
import { sendToBackground } from '@/messages/send';

/** Toolbar popup: server status for now; today's queue lands here with the workspace. */
export function Popup() {
  const [health, setHealth] = useState<HealthReply | null>(null);
  useEffect(() => {
    sendToBackground({ type: 'health' }).then(setHealth);
  }, []);
  return (
    <main style={{ font: '14px system-ui, sans-serif', minWidth: '280px', padding: '12px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Shortlist</h1>
      <p data-testid="server-status" role="status">
        {health === null
          ? 'Checking the server…'
          : health.ok
            ? `Server connected (${health.serverUrl}, version ${health.version})`
            : health.error ?? `Server at ${health.serverUrl} is not answering`}
      </p>
    </main>
  );
}
