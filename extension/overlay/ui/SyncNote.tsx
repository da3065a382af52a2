import { useEffect, useState } from 'preact/hooks';
import { send } from '@/overlay/ask';
import { describeSync, type SyncState } from './syncNote';

const POLL_MS = 3000;
const NOTE_STYLE = { position: 'sticky', bottom: '0', margin: '6px -10px -8px', padding: '4px 10px', background: '#fff', borderTop: '1px solid #e5e5e5', fontSize: '13px' } as const;

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
    // Sticky at the foot of the panel, which scrolls when long: the sync state stays in view.
    <p class={`sync ${tone}`} role="status" data-testid="sync-note" style={NOTE_STYLE}>
      {text}
    </p>
  );
}
