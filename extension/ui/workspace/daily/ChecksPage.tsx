import { candidateName } from '#shared/names';
import { useState } from 'preact/hooks';
import { TitleWithCsv } from '@/ui/csv/TitleWithCsv';
import { ChecklistTable, holdingText } from './ChecklistTable';
import { checksCandidates, CHECKS_CSV_COLUMNS, type ChecksCandidate } from './checksModel';
import { eventsOf, type DailyData } from './data';
import { moveApplication } from '@/db/moves';
import { useDailyData } from './useDailyData';
import { useSignedIn } from './useSignedIn';

/** Pre-employment checks of accepted candidates, and what is holding each start date. */
export function ChecksPage() {
  const { userId } = useSignedIn();
  const data = useDailyData();
  if (!data) return <p>Loading checks…</p>;
  const candidates = checksCandidates(data);
  return (
    <section aria-labelledby="checks-title">
      <TitleWithCsv title="Pre-employment checks" titleId="checks-title" rows={candidates} columns={CHECKS_CSV_COLUMNS} filename="checks" />
      <p class="summary">
        {candidates.length} accepted candidate{candidates.length === 1 ? '' : 's'} awaiting safer-recruitment checks before a start date.
      </p>
      {candidates.length === 0 ? (
        <p class="empty" role="status">
          No accepted candidates are waiting for checks.
        </p>
      ) : (
        candidates.map((c) => <CandidateChecks key={c.application.id} candidate={c} data={data} userId={userId} />)
      )}
    </section>
  );
}

function CandidateChecks({ candidate, data, userId }: { candidate: ChecksCandidate; data: DailyData; userId: string | null }) {
  const [message, setMessage] = useState<string | null>(null);
  const name = candidateName(candidate.application);
  const complete = async () => {
    if (!userId) return setMessage('Sign in first: every move records who made it');
    const result = await moveApplication({ applicationId: candidate.application.id, events: eventsOf(data, candidate.application.id), to: 'checks_complete', by: userId });
    setMessage(result.ok ? null : result.message);
  };
  return (
    <article class="checks-card" aria-label={`Checks for ${name}`}>
      <div class="page-head">
        <h2>
          <a href={`#/candidate?id=${encodeURIComponent(candidate.application.id)}`}>{name}</a>
          {candidate.vacancy ? ` · ${candidate.vacancy.title}` : ''}
        </h2>
        <button type="button" class="primary" disabled={!candidate.complete} onClick={() => void complete()}>
          Mark checks complete
        </button>
      </div>
      {candidate.holding.length ? (
        <div class="holding">
          <strong>Holding the start date ({candidate.holding.length}):</strong>
          <ul>
            {candidate.holding.map((l) => (
              <li key={l.kind}>{holdingText(l)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="status-green">All checks cleared or not applicable.</p>
      )}
      <ChecklistTable applicationId={candidate.application.id} candidateName={name} lines={candidate.lines} />
      {message ? (
        <p role="alert" class="move-message">
          {message}
        </p>
      ) : null}
    </article>
  );
}
