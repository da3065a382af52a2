import { browser } from '#imports';
import { candidateName } from '#shared/names';
import type { TargetStatus } from '#shared/targets';
import { queueOf, readQueueTables } from '@/badge/myQueue';
import { useSignedIn } from '@/ui/workspace/daily/useSignedIn';
import { useLiveQuery } from '../hooks/useLiveQuery';

const TOP = 7;
const COLOURS: Record<TargetStatus, string> = { red: '#d4351c', amber: '#b35900', green: '#00703c', none: '#505a5f' };

/** The popup's "today": my queue, soonest due first, and the way into the workspace. */
export function Today() {
  const { session, settings } = useSignedIn();
  const tables = useLiveQuery(() => readQueueTables(), []);
  // undefined while loading, null when signed out.
  const queue = session === null ? null : session && tables ? queueOf(session.me.user.id, settings, tables) : undefined;
  const open = () => void browser.tabs.create({ url: browser.runtime.getURL('/workspace.html#/queue') });
  const items = queue?.items ?? [];
  const overdue = items.filter((i) => i.target.status === 'red').length;
  return (
    <section aria-labelledby="today-title" style={{ borderTop: '1px solid #b1b4b6', marginTop: '8px', paddingTop: '8px' }}>
      <h2 id="today-title" style={{ fontSize: '15px', margin: '0 0 6px' }}>
        My queue{queue ? ` (${items.length}${overdue ? `, ${overdue} overdue` : ''})` : ''}
      </h2>
      {queue === undefined ? <p>Loading…</p> : null}
      {queue === null ? <p>Sign in to see your queue.</p> : null}
      {queue && items.length === 0 ? <p>Nothing awaits your decision or an interview booking.</p> : null}
      {items.length ? (
        <ol style={{ margin: '0 0 8px', paddingLeft: '20px' }} data-testid="today-list">
          {items.slice(0, TOP).map((item) => (
            <li key={`${item.application.id}:${item.kind}`} style={{ marginBottom: '4px' }}>
              <span>{candidateName(item.application)}</span>
              {' · '}
              <span style={{ color: COLOURS[item.target.status], fontWeight: item.target.status === 'red' ? 600 : 400 }}>{item.target.label}</span>
              <br />
              <small style={{ color: '#505a5f' }}>
                {item.kind === 'shortlisting_decision' ? 'Shortlisting decision' : 'Book interview'} · {item.vacancy.title}
              </small>
            </li>
          ))}
        </ol>
      ) : null}
      {items.length > TOP ? <p style={{ margin: '0 0 8px' }}>and {items.length - TOP} more in the workspace.</p> : null}
      <button type="button" onClick={open}>
        Open workspace
      </button>
    </section>
  );
}
