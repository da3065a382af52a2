import { useEffect, useRef, useState } from 'preact/hooks';
import { STAGE_LABELS, type ExitReason, type Stage, type StageEvent } from '#shared/schema/index';
import { allowedMoves, checkMove, currentStage, exitReasonsFor, isExit, moveNeeds, type TimedEvent } from '#shared/stages';
import { ReasonOptions } from '@/ui/common/ReasonOptions';
import { moveApplication } from '@/db/moves';

export interface MoveFormProps {
  applicationId: string;
  candidateName: string;
  events: readonly StageEvent[] | readonly TimedEvent[];
  userId: string | null;
  /** Preselected destination (a drop on a board column). */
  initialTo?: Stage | null;
  /** Shown under the interview time: the date the interview is due by. */
  interviewHint?: string | null;
  onDone?: () => void;
  onCancel?: () => void;
  /** Focus the first control on mount (a form opened by a drop, for keyboard and screen-reader users). */
  autoFocus?: boolean;
}

/** "Move to…" with what the move needs (reason, interview time) and an optional note. */
export function MoveForm({ applicationId, candidateName, events, userId, initialTo = null, interviewHint, onDone, onCancel, autoFocus }: MoveFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // The stage is already chosen by the drop: start at what it still needs (reason or time).
    if (!autoFocus) return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[data-needed]') ?? form?.querySelector<HTMLElement>('select'))?.focus();
  }, [autoFocus]);
  const [to, setTo] = useState<Stage | ''>(initialTo ?? '');
  const [reason, setReason] = useState<ExitReason | ''>('');
  const [interviewAt, setInterviewAt] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(initialTo ? refusal(events, initialTo) : null);
  const [busy, setBusy] = useState(false);
  const options = allowedMoves(events);
  const need = to ? moveNeeds(to) : null;
  const reasons = to ? exitReasonsFor(to) : null;
  const from = currentStage(events);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!to) return setMessage('choose a stage to move to');
    if (!userId) return setMessage('sign in first: every move records who made it');
    setBusy(true);
    const result = await moveApplication({ applicationId, events, to, by: userId, reason: reason || null, interviewAt, note });
    setBusy(false);
    if (!result.ok) return setMessage(result.message);
    setMessage(null);
    setTo('');
    setReason('');
    setInterviewAt('');
    setNote('');
    onDone?.();
  };

  return (
    <form
      ref={formRef}
      class="move-form"
      onSubmit={submit}
      aria-label={`Move ${candidateName}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) onCancel();
      }}
    >
      <label>
        Move to…
        <select
          value={to}
          onChange={(e) => {
            const next = (e.currentTarget as HTMLSelectElement).value as Stage | '';
            setTo(next);
            setMessage(next ? refusal(events, next) : null);
          }}
          aria-label={`Move ${candidateName} to…`}
        >
          <option value="">{options.length ? 'Choose a stage' : 'No moves from here'}</option>
          {options.map((s) => (
            <option key={s} value={s}>
              {isExit(from) ? `Reopen: ${STAGE_LABELS[s]}` : STAGE_LABELS[s]}
            </option>
          ))}
          {/* A dropped card may ask for a stage the rules refuse: keep it visible with the reason. */}
          {to && !options.includes(to) ? <option value={to}>{STAGE_LABELS[to]} (not allowed)</option> : null}
        </select>
      </label>
      {reasons ? (
        <label>
          Reason
          <select required data-needed value={reason} onChange={(e) => setReason((e.currentTarget as HTMLSelectElement).value as ExitReason)}>
            <ReasonOptions reasons={reasons} />
          </select>
        </label>
      ) : null}
      {need === 'interview_time' ? (
        <label>
          Interview date and time
          <input type="datetime-local" required data-needed value={interviewAt} onInput={(e) => setInterviewAt((e.currentTarget as HTMLInputElement).value)} />
          {interviewHint ? <span class="hint">{interviewHint}</span> : null}
        </label>
      ) : null}
      {to ? (
        <label>
          Note (optional)
          <input type="text" maxLength={2000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
        </label>
      ) : null}
      {to || onCancel ? (
        <div class="move-buttons">
          <button type="submit" class="primary" disabled={busy || !to || !options.includes(to)}>
            Move
          </button>
          {onCancel ? (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p class="move-message" role="alert">
          {message}
        </p>
      ) : null}
    </form>
  );
}

function refusal(events: readonly StageEvent[] | readonly TimedEvent[], to: Stage): string | null {
  const check = checkMove(events, to);
  return check.ok ? null : `Not allowed: ${check.message}`;
}
