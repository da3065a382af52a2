import { useCallback, useEffect, useState } from 'preact/hooks';
import { send } from '@/messages/send';
import type { SyncResult } from '@/sync/engine';
import type { SyncStatus } from '@/sync/status';

/** The background's sync status, refreshed every couple of seconds while the page is open. */
export function useSyncStatus(intervalMs = 2000) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [unreachable, setUnreachable] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const reply = await send({ type: 'getStatus' });
    if (reply.ok) {
      setStatus(reply.data);
      setUnreachable(null);
    } else setUnreachable(reply.error);
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(refresh, intervalMs);
    // Pages see the browser come back online; the background's service worker may not: tell it.
    const online = () => void send({ type: 'localChange' }).then(refresh);
    addEventListener('online', online);
    return () => {
      clearInterval(timer);
      removeEventListener('online', online);
    };
  }, [refresh, intervalMs]);
  const syncNow = useCallback(async () => {
    await send({ type: 'syncNow' });
    await refresh();
  }, [refresh]);
  return { status, unreachable, refresh, syncNow };
}
