import { formatDay, londonDateOf } from '#shared/calendar';
import { candidateName } from '#shared/names';
import { REASON_LABELS, SOURCE_LABELS, STAGE_LABELS } from '#shared/schema/index';
import { currentStage } from '#shared/stages';
import { applicationTarget } from '#shared/targets';
import { nameOf } from '@/db/people';
import { TableHead } from '@/ui/common/TableHead';
import type { Route } from '@/ui/hooks/useHashRoute';
import { holdingText } from './ChecklistTable';
import { checklist, holdingChecks } from './checksModel';
import { Countdown } from './Countdown';
import { eventsOf } from './data';
import { FindCandidate } from './FindCandidate';
import { MoveForm } from './MoveForm';
import { useDailyData } from './useDailyData';
import { useSignedIn } from './useSignedIn';

const CHECK_STAGES = new Set(['accepted', 'checks_complete', 'started']);

/** One application: contact, source, vacancy, stage and target, its history, and a move with a note. */
export function CandidatePage({ route }: { route: Route }) {
  const { userId, settings, asOf } = useSignedIn();
  const data = useDailyData();
  const id = route.params.get('id');
  if (!data) return <p>Loading…</p>;
  const application = id ? data.applications.find((a) => a.id === id) : undefined;
  if (!id) return <FindCandidate data={data} />;
  if (!application) {
    return (
      <section>
        <h1>Candidate</h1>
        <p role="status">
          No candidate has that id here (erased, or not synced yet). <a href="#/candidate">Find a candidate</a>.
        </p>
      </section>
    );
  }
  const vacancy = data.vacancies.find((v) => v.id === application.vacancyId);
  const events = eventsOf(data, application.id);
  const stage = currentStage(events);
  const target = vacancy ? applicationTarget(application, vacancy, events, settings, asOf) : null;
  const name = candidateName(application);
  const lines = checklist(application.id, data.checks);
  const holding = holdingChecks(lines);
  const experience =
    application.experience === 'nqsw'
      ? 'Newly qualified (ASYE)'
      : `Experienced${application.yearsQualified != null ? `, ${application.yearsQualified} years qualified` : ''}`;

  return (
    <section aria-labelledby="candidate-title">
      <h1 id="candidate-title">{name}</h1>
      <dl class="detail-grid">
        <dt>Email</dt>
        <dd>{application.email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{application.phone ?? '—'}</dd>
        <dt>Source</dt>
        <dd>
          {SOURCE_LABELS[application.source]}
          {application.referrer ? ` (referred by ${application.referrer})` : ''}
        </dd>
        <dt>Experience</dt>
        <dd>{experience}</dd>
        <dt>Team preference</dt>
        <dd>{application.teamPreference ?? '—'}</dd>
        <dt>ATS</dt>
        <dd>
          {application.atsUrl ? (
            <a href={application.atsUrl} target="_blank" rel="noreferrer noopener">
              {application.atsReference ?? 'Open in the ATS'}
            </a>
          ) : (
            (application.atsReference ?? '—')
          )}
        </dd>
        <dt>Vacancy</dt>
        <dd>{vacancy ? <a href={`#/board?vacancy=${encodeURIComponent(vacancy.id)}`}>{vacancy.title}</a> : 'Unknown vacancy'}</dd>
        <dt>Received</dt>
        <dd>{formatDay(application.receivedDate)}</dd>
        <dt>Assigned to</dt>
        <dd>{nameOf(data.people, application.assignedTo)}</dd>
        <dt>Stage</dt>
        <dd>{STAGE_LABELS[stage]}</dd>
        <dt>Target</dt>
        <dd>{target ? <Countdown target={target} /> : '—'}</dd>
      </dl>

      <h2>Move</h2>
      <MoveForm
        applicationId={application.id}
        candidateName={name}
        events={events}
        userId={userId}
        interviewHint={target?.kind === 'interview' && target.dueDate ? `Interview due by ${formatDay(target.dueDate)}` : null}
      />

      <h2>History</h2>
      <table>
        <TableHead columns={['Stage', 'When', 'By', 'Reason', 'Note']} />
        <tbody>
          {events.length === 0 ? (
            <tr>
              <td colSpan={5}>No history recorded yet.</td>
            </tr>
          ) : (
            events.map(({ event }) => (
              <tr key={event.id}>
                <td>
                  {STAGE_LABELS[event.stage]}
                  {event.interviewAt ? ` (interview ${formatDay(londonDateOf(event.interviewAt))})` : ''}
                </td>
                <td>
                  {formatDay(londonDateOf(event.at))}
                  {event.recordedLate && event.enteredAt ? <span class="recorded-late"> (recorded late, on {formatDay(londonDateOf(event.enteredAt))})</span> : null}
                </td>
                <td>{nameOf(data.people, event.by)}</td>
                <td>{event.reason ? REASON_LABELS[event.reason] : ''}</td>
                <td>{event.note ?? ''}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      {CHECK_STAGES.has(stage) ? (
        <>
          <h2>Pre-employment checks</h2>
          {holding.length ? (
            <ul>
              {holding.map((l) => (
                <li key={l.kind}>{holdingText(l)}</li>
              ))}
            </ul>
          ) : (
            <p class="status-green">All checks cleared or not applicable.</p>
          )}
          <p>
            <a href="#/checks">Record check dates</a>
          </p>
        </>
      ) : null}
    </section>
  );
}
