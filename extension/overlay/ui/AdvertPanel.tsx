import { STAGE_LABELS, type Stage } from '#shared/labels';
import type { DueItem, TrackedAdvertView } from '@/overlay/views';
import { vacancyFacts } from './advert-words';

function DueList(props: { items: DueItem[]; testId: string }) {
  return (
    <ul data-testid={props.testId}>
      {props.items.map((i) => (
        <li key={i.applicationId}>
          {i.name} <span class="muted">({STAGE_LABELS[i.stage]})</span> — <span class={i.status}>{i.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** An advert we track: which vacancy, applicants per stage, what is overdue and next due, who shortlists this week. */
export function AdvertPanel(props: { view: TrackedAdvertView; expired: boolean }) {
  const { view } = props;
  const stages = Object.entries(view.counts) as Array<[Stage, number]>;
  return (
    <div data-testid="advert-panel">
      <p>
        Vacancy: <strong data-testid="vacancy-title">{view.vacancy.title}</strong> {vacancyFacts(view.vacancy)}
      </p>
      {props.expired && <p class="warn">This advert has expired on the board.</p>}
      <p data-testid="applicant-total">
        <strong>{view.total}</strong> applicant{view.total === 1 ? '' : 's'}
      </p>
      <table aria-label="Applicants per stage" data-testid="stage-counts">
        <tbody>
          {stages.map(([stage, n]) => (
            <tr key={stage}>
              <td>{STAGE_LABELS[stage]}</td>
              <td class="n">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Overdue ({view.overdue.length})</h3>
      {view.overdue.length ? <DueList items={view.overdue} testId="overdue" /> : <p class="green">Nothing overdue.</p>}
      {view.next.length > 0 && (
        <>
          <h3>Next due</h3>
          <DueList items={view.next} testId="next-due" />
        </>
      )}
      <p data-testid="rota">
        Shortlisting this week: <strong>{view.shortlistingThisWeek.length ? view.shortlistingThisWeek.join(', ') : 'nobody on the rota'}</strong>
      </p>
    </div>
  );
}
