import { Fragment } from 'preact';
import { formatDay, londonDateOf } from '#shared/calendar';
import { CHECK_LABELS, REASON_LABELS, STAGE_LABELS } from '#shared/schema/index';
import { nameOf } from '@/db/people';
import type { AuditRecords } from '../audit/auditRecords';
import { auditSentence, foldErasures } from '../audit/auditWording';
import { describeApplication, type HeldApplication } from './subjectAccessModel';

const day = (d: unknown) => (typeof d === 'string' && d ? formatDay(d.length > 10 ? londonDateOf(d) : d) : '—');

/** One application of the person: the personal details held, its stage history with notes, checks, conflicts and audit entries. */
export function HeldApplicationView(props: { held: HeldApplication; records: AuditRecords; erasedNow: boolean }) {
  const a = props.held;
  const people = [...props.records.people.values()];
  const headingId = `held-${a.id}`;
  const erased = a.erased || props.erasedNow;
  return (
    <section class="held" aria-labelledby={headingId} data-application-id={a.id}>
      <h3 id={headingId}>
        {props.erasedNow ? 'Erased candidate' : a.name} · {describeApplication(a)}
      </h3>
      {erased ? (
        <p class="muted">{props.erasedNow ? 'Erased just now: ' : 'Erased: '}no personal details or notes are held for this application any more.</p>
      ) : (
        <dl class="detail-grid" aria-label="Personal details held">
          {a.personal.map((p) => (
            <Fragment key={p.field}>
              <dt>{p.label[0]!.toUpperCase() + p.label.slice(1)}</dt>
              <dd>{p.value}</dd>
            </Fragment>
          ))}
          {a.deleted && (
            <>
              <dt>Deleted</dt>
              <dd>yes: the record is kept until it is erased</dd>
            </>
          )}
        </dl>
      )}
      <table aria-label="Stage history">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">When</th>
            <th scope="col">Recorded by</th>
            <th scope="col">Reason</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {a.stageEvents.map((e) => (
            <tr key={e.id}>
              <td>{STAGE_LABELS[e.stage]}</td>
              <td>{day(e.at)}</td>
              <td>{nameOf(people, e.by)}</td>
              <td>{e.reason ? REASON_LABELS[e.reason] : ''}</td>
              <td>{props.erasedNow ? '' : (e.note ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.checks.length > 0 && (
        <table aria-label="Pre-employment checks">
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Requested</th>
              <th scope="col">Received</th>
              <th scope="col">Cleared</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {a.checks.map((c) => (
              <tr key={c.id}>
                <td>{CHECK_LABELS[c.kind]}</td>
                <td>{day(c.requested)}</td>
                <td>{day(c.received)}</td>
                <td>{c.notApplicable ? 'not applicable' : day(c.cleared)}</td>
                <td>{props.erasedNow ? '' : (c.note ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="muted">
        {a.checks.length ? '' : 'No pre-employment checks. '}
        {a.conflicts ? `${a.conflicts} conflicting edit${a.conflicts === 1 ? '' : 's'} kept.` : 'No conflicting edits kept.'}
      </p>
      <details>
        <summary>Audit entries about this application ({a.audit.length})</summary>
        <ul>
          {foldErasures([...a.audit].reverse()).map((item) => (
            <li key={item.entry.id}>{auditSentence(item, props.records)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
