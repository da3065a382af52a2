import { useState } from 'preact/hooks';
import { STAGE_LABELS, type Stage } from '#shared/labels';
import { exitReasonsFor, moveNeeds, planMoveDetails } from '#shared/stages';
import { ReasonOptions } from '@/ui/common/ReasonOptions';

export interface MoveDetails {
  reason?: string;
  interviewAt?: string;
}

/**
 * "Move to": the allowed next stages, and the reason or interview time the chosen one needs.
 * Loaded after the candidate panel is drawn (CandidatePanel): it needs the stage rules.
 */
export function MoveForm(props: { nextStages: Stage[]; onMove: (stage: Stage, details: MoveDetails) => Promise<boolean>; onInvalid: (text: string) => void }) {
  const [to, setTo] = useState<Stage | ''>('');
  const [reason, setReason] = useState('');
  const [when, setWhen] = useState('');
  const reasons = to ? exitReasonsFor(to) : null;
  function submit(e: Event) {
    e.preventDefault();
    if (!to) return;
    // The background checks the whole move again (with the history); this catches a missing reason or time here.
    const plan = planMoveDetails({ to, reason, interviewAt: when });
    if (!plan.ok) return props.onInvalid(`${plan.message[0]!.toUpperCase()}${plan.message.slice(1)}.`);
    const { reason: chosen, interviewAt } = plan.move;
    void props.onMove(to, { ...(chosen ? { reason: chosen } : {}), ...(interviewAt ? { interviewAt } : {}) }).then((saved) => saved && setTo(''));
  }
  return (
    <form onSubmit={submit} aria-label="Change stage">
      <label for="sl-to">Move to</label>
      <select id="sl-to" value={to} onChange={(e) => { setTo(e.currentTarget.value as Stage); setReason(''); }}>
        <option value="">Choose…</option>
        {props.nextStages.map((s) => (
          <option key={s} value={s}>
            {STAGE_LABELS[s]}
          </option>
        ))}
      </select>
      {reasons && (
        <>
          <label for="sl-reason">Reason</label>
          <select id="sl-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
            <ReasonOptions reasons={reasons} prompt="Choose…" />
          </select>
        </>
      )}
      {to && moveNeeds(to) === 'interview_time' && (
        <>
          <label for="sl-when">Interview date and time</label>
          <input id="sl-when" type="datetime-local" value={when} onInput={(e) => setWhen(e.currentTarget.value)} />
        </>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={!to}>
          Save
        </button>
      </div>
    </form>
  );
}
