import { useState } from 'preact/hooks';
import { STAGE_LABELS, type Stage } from '#shared/labels';
import type { TrackedCandidateView } from '@/overlay/views';
import { loadActions } from '@/overlay/frame/load-actions';
import { useLazyModule } from './lazy';
import type { MoveDetails } from './MoveForm';

const loadMoveForm = () => import('./MoveForm');

/** A tracked candidate: stage, time in stage, target; quick actions that only offer allowed moves. */
export function CandidatePanel(props: { session: string; view: TrackedCandidateView; onChanged: () => void }) {
  const { view } = props;
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const moveForm = useLazyModule(loadMoveForm);
  async function move(stage: Stage, details: MoveDetails = {}): Promise<boolean> {
    setMessage(null);
    try {
      await (await loadActions()).moveSessionCandidate(props.session, { applicationId: view.applicationId, stage, ...details });
      setMessage({ text: `Saved: ${STAGE_LABELS[stage]}. It syncs when the council's server answers.`, error: false });
      props.onChanged();
      return true;
    } catch (err) {
      setMessage({ text: (err as Error).message, error: true });
      return false;
    }
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
      {view.nextStages.length > 0 && moveForm && (
        <moveForm.MoveForm key={view.stage} nextStages={view.nextStages} onMove={move} onInvalid={(text) => setMessage({ text, error: true })} />
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'green'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
