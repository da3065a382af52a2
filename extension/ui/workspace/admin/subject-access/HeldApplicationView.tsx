import { Fragment } from 'preact';
import { formatDay, londonDateOf } from '#shared/calendar';
import { CHECK_LABELS, REASON_LABELS, STAGE_LABELS } from '#shared/schema/index';
import { nameOf } from '@/db/people';
import { DataTable } from '@/ui/common/DataTable';
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
      <DataTable
        label="Stage history"
        rows={a.stageEvents}
        rowKey={(e) => e.id}
        columns={[
          { header: 'Stage', cell: (e) => STAGE_LABELS[e.stage] },
          { header: 'When', cell: (e) => day(e.at) },
          { header: 'Recorded by', cell: (e) => nameOf(people, e.by) },
          { header: 'Reason', cell: (e) => (e.reason ? REASON_LABELS[e.reason] : '') },
          { header: 'Note', cell: (e) => (props.erasedNow ? '' : (e.note ?? '')) },
        ]}
      />
      {a.checks.length > 0 && (
        <DataTable
          label="Pre-employment checks"
          rows={a.checks}
          rowKey={(c) => c.id}
          columns={[
            { header: 'Check', cell: (c) => CHECK_LABELS[c.kind] },
            { header: 'Requested', cell: (c) => day(c.requested) },
            { header: 'Received', cell: (c) => day(c.received) },
            { header: 'Cleared', cell: (c) => (c.notApplicable ? 'not applicable' : day(c.cleared)) },
            { header: 'Note', cell: (c) => (props.erasedNow ? '' : (c.note ?? '')) },
          ]}
        />
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
