import { useLiveQuery } from '../hooks/useLiveQuery';
import { getDb } from '@/db/database';
import { describeChange, nounOf } from './describeChange';
import { relativeTime } from './relativeTime';
import { useSyncStatus } from './useSyncStatus';

/** Last synced, changes waiting, the last error in plain words, refused changes and conflicts; "Sync now". */
export function SyncStatusPanel() {
  const { status, unreachable, syncNow, refresh } = useSyncStatus();
  const refused = useLiveQuery(() => getDb().refused.toArray(), []) ?? [];
  const conflicts = useLiveQuery(() => getDb().conflicts.orderBy('id').limit(20).toArray(), []) ?? [];
  if (unreachable) return <p role="alert">{unreachable}</p>;
  if (!status) return <p>Reading sync status…</p>;
  if (!status.signedIn) return <p data-testid="sync-status">Not signed in. Open Shortlist's options to sign in.</p>;
  return (
    <section aria-label="Sync" class="sync-status">
      <p data-testid="sync-status" role="status">
        {status.syncing ? 'Syncing… ' : ''}Last synced {relativeTime(status.lastSyncedAt)} ·{' '}
        <span data-testid="pending-count">{status.pending}</span> change{status.pending === 1 ? '' : 's'} waiting
      </p>
      {status.lastError && (
        <p role="alert" data-testid="sync-error" class="status-red">
          {status.lastError.message}
        </p>
      )}
      <button type="button" onClick={syncNow} disabled={status.syncing}>
        Sync now
      </button>
      {refused.length > 0 && (
        <div>
          <h2>Changes the server refused</h2>
          <p>Each was undone in this browser; the record shows what the server has.</p>
          <ul data-testid="refused-changes">
            {refused.map((r) => (
              <li key={r.localId}>
                {describeChange(r.mutation)}: {r.message}{' '}
                <button type="button" onClick={async () => { await getDb().refused.delete(r.localId!); void refresh(); }}>
                  Discard
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {conflicts.length > 0 && (
        <div data-testid="conflicts">
          <h2>Edits that lost to someone else's</h2>
          <ul>
            {conflicts.map((c) => (
              <li key={c.id}>
                {nounOf(c.table)} {c.field}: kept "{String(c.winningValue)}", not "{String(c.losingValue)}"{' '}
                <button type="button" onClick={async () => { await getDb().conflicts.delete(c.id); void refresh(); }}>
                  Seen
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
