import type { HeldStaff } from './staffModel';

/** One staff record of the person: who they are on the establishment and the retention records about them. */
export function HeldStaffView(props: { held: HeldStaff; erasedNow: boolean }) {
  const s = props.held;
  const headingId = `held-staff-${s.id}`;
  return (
    <section class="held" aria-labelledby={headingId} data-staff-id={s.id}>
      <h3 id={headingId}>
        {props.erasedNow ? 'Erased member of staff' : s.name} · staff record: {s.summary}
      </h3>
      {(s.erased || props.erasedNow) && <p class="muted">{props.erasedNow ? 'Erased just now: ' : 'Erased: '}no name or notes are held for this member of staff any more.</p>}
      {s.lines.length ? (
        <ul aria-label="Retention records about them">
          {s.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">No leaver, exit interview, Stay conversation, transfer or incentive records.</p>
      )}
      <p class="muted">{s.audit} audit entries about these records (in the export).</p>
    </section>
  );
}
