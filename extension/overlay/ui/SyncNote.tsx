import { useEffect, useState } from 'preact/hooks';
import { send } from '@/overlay/ask';
import { describeSync, type SyncState } from './syncNote';

const POLL_MS = 3000;

/** "saved, will sync" vs "synced" for the overlay; asks the background, never the database. */
export function SyncNote(props: { pollMs?: number }) {
  const [state, setState] = useState<SyncState | null>(null);
  useEffect(() => {
    let alive = true;
    const read = async () => {
      const reply = await send({ type: 'getStatus' });
      if (alive) setState(reply.ok ? reply.data : null);
    };
    void read();
    const timer = setInterval(() => void read(), props.pollMs ?? POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [props.pollMs]);
  const { text, tone } = describeSync(state);
  return (
    // Sticky at the foot of the panel, which scrolls when long: the sync state stays in view (styles.ts: .sync).
    <p class={`sync ${tone}`} role="status" data-testid="sync-note">
      {text}
    </p>
  );
}
