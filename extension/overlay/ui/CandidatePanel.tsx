import { useState } from 'preact/hooks';
import { STAGE_LABELS, type Stage } from '#shared/schema/index';
import { exitReasonsFor, moveNeeds, planMoveDetails } from '#shared/stages';
import { ReasonOptions } from '@/ui/common/ReasonOptions';
import type { TrackedCandidateView } from '@/overlay/views';
import { askBackground } from '@/overlay/ask';

/** A tracked candidate: stage, time in stage, target; quick actions that only offer allowed moves. */
export function CandidatePanel(props: { session: string; view: TrackedCandidateView; onChanged: () => void }) {
  const { view } = props;
  const [to, setTo] = useState<Stage | ''>('');
  const [reason, setReason] = useState('');
  const [when, setWhen] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const reasons = to ? exitReasonsFor(to) : null;
  async function move(stage: Stage, extra: { reason?: string; interviewAt?: string } = {}) {
    setMessage(null);
    try {
      await askBackground({ type: 'overlay:move', session: props.session, applicationId: view.applicationId, stage, ...extra });
      setMessage({ text: `Saved: ${STAGE_LABELS[stage]}. It syncs when the council's server answers.`, error: false });
      setTo('');
      props.onChanged();
    } catch (err) {
      setMessage({ text: (err as Error).message, error: true });
    }
  }
  function submit(e: Event) {
    e.preventDefault();
    if (!to) return;
    // The background checks the whole move again (with the history); this catches a missing reason or time here.
    const plan = planMoveDetails({ to, reason, interviewAt: when });
    if (!plan.ok) return setMessage({ text: `${plan.message[0]!.toUpperCase()}${plan.message.slice(1)}.`, error: true });
    const { reason: chosen, interviewAt } = plan.move;
    void move(to, { ...(chosen ? { reason: chosen } : {}), ...(interviewAt ? { interviewAt } : {}) });
  }
  return (
    <div data-testid="candidate-panel">
      <p>
        <strong>{view.name}</strong> for {view.vacancyTitle}
      </p>
      <p data-testid="candidate-stage">
        Stage: <strong>{STAGE_LABELS[view.stage]}</strong> for {view.daysInStage} working day{view.daysInStage === 1 ? '' : 's'}
      </p>
      <p>
        Target: <span class={view.target.status} data-testid="candidate-target">{view.target.label}</span>
        {view.target.dueDate ? <span class="muted"> (due {view.target.dueDate})</span> : null}
      </p>
      {view.nextStages.includes('shortlisted') && (
        <div class="actions">
          <button type="button" class="primary" onClick={() => move('shortlisted')}>
            Shortlist
          </button>
        </div>
      )}
      {view.nextStages.length > 0 && (
        <form onSubmit={submit} aria-label="Change stage">
          <label for="sl-to">Move to</label>
          <select id="sl-to" value={to} onChange={(e) => { setTo(e.currentTarget.value as Stage); setReason(''); }}>
            <option value="">Choose…</option>
            {view.nextStages.map((s) => (
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
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'green'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
