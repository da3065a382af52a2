import { formatDay, mondayOf } from '#shared/calendar';
import { candidateName } from '#shared/names';
import { TableHead } from '@/ui/common/TableHead';
import { TitleWithCsv } from '@/ui/csv/TitleWithCsv';
import { eventsOf } from './data';
import { Countdown } from './Countdown';
import { QueueActions } from './QueueActions';
import { buildQueue, QUEUE_CSV_COLUMNS, QUEUE_KIND_LABELS } from './queueModel';
import { useDailyData } from './useDailyData';
import { useSignedIn } from './useSignedIn';

/** My queue: what waits for my shortlisting decision or my interview booking this week. */
export function QueuePage() {
  const { session, userId, settings, asOf } = useSignedIn();
  const data = useDailyData();
  if (session === undefined || !data) return <p>Loading your queue…</p>;
  if (!userId) return <p>Sign in (in the extension's options) to see your queue.</p>;
  const rows = buildQueue(userId, data, settings, asOf);
  const decisions = rows.filter((r) => r.kind === 'shortlisting_decision').length;
  const overdue = rows.filter((r) => r.target.status === 'red').length;
  return (
    <section aria-labelledby="queue-title">
      <TitleWithCsv title="My queue" titleId="queue-title" rows={rows} columns={QUEUE_CSV_COLUMNS} filename="my-queue" />
      <p class="summary">
        {session?.me.user.name}, week of {formatDay(mondayOf(asOf))}: {decisions} awaiting your shortlisting decision,{' '}
        {rows.length - decisions} awaiting an interview booking
        {overdue ? (
          <>
            , <strong class="status-red">{overdue} overdue</strong>
          </>
        ) : null}
        .
      </p>
      {rows.length === 0 ? (
        <p class="empty" role="status">
          Nothing waits for you: no applications await your shortlisting decision or an interview booking this week.
        </p>
      ) : (
        <table class="queue">
          <TableHead columns={['Candidate', 'Vacancy', 'Awaiting', 'Received', 'Target', 'Action']} />
          <tbody>
            {rows.map((row) => (
              <tr key={row.application.id} data-application-id={row.application.id}>
                <td>
                  <a href={`#/candidate?id=${encodeURIComponent(row.application.id)}`}>{candidateName(row.application)}</a>
                </td>
                <td>{row.vacancy.title}</td>
                <td>{QUEUE_KIND_LABELS[row.kind]}</td>
                <td>{formatDay(row.application.receivedDate)}</td>
                <td>
                  <Countdown target={row.target} />
                </td>
                <td>
                  <QueueActions row={row} events={eventsOf(data, row.application.id)} userId={userId} settings={settings} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
