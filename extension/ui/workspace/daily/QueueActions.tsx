import { useState } from 'preact/hooks';
import { formatDay, todayInLondon } from '#shared/calendar';
import { candidateName } from '#shared/names';
import { REJECTION_REASONS, type Settings } from '#shared/schema/index';
import type { TimedEvent } from '#shared/stages';
import { ReasonOptions } from '@/ui/common/ReasonOptions';
import { interviewTargetIfShortlistedOn, type QueueRow } from './queueModel';
import { moveApplication, type MoveRequest } from '@/db/moves';

type RejectionReason = (typeof REJECTION_REASONS)[number];

interface Props {
  row: QueueRow;
  events: readonly TimedEvent[];
  userId: string;
  settings: Settings;
}

/** Shortlist / Reject (with a reason) for a decision; Book interview (with a time) for a booking. */
export function QueueActions({ row, events, userId, settings }: Props) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState<RejectionReason | ''>('');
  const [interviewAt, setInterviewAt] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = candidateName(row.application);

  const move = async (fields: Omit<MoveRequest, 'applicationId' | 'events' | 'by'>) => {
    setBusy(true);
    const result = await moveApplication({ applicationId: row.application.id, events, by: userId, ...fields });
    setBusy(false);
    setMessage(result.ok ? null : result.message);
  };

  if (row.kind === 'interview_booking') {
    const due = row.interviewDue;
    return (
      <form
        class="queue-actions"
        onSubmit={(e) => {
          e.preventDefault();
          void move({ to: 'interview_booked', interviewAt });
        }}
      >
        <label>
          Interview date and time for {name}
          <input type="datetime-local" required value={interviewAt} onInput={(e) => setInterviewAt((e.currentTarget as HTMLInputElement).value)} />
        </label>
        {due ? (
          <span class="hint">
            Target: by {formatDay(due)} ({settings.interviewWorkingDays} working days after shortlisting)
          </span>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          Book interview
        </button>
        {message ? <p role="alert" class="move-message">{message}</p> : null}
      </form>
    );
  }

  const interviewBy = interviewTargetIfShortlistedOn(todayInLondon(new Date()), settings);
  return (
    <div class="queue-actions">
      <button
        type="button"
        class="primary"
        disabled={busy}
        aria-label={`Shortlist ${name}`}
        title={`Interview then due by ${formatDay(interviewBy)}`}
        onClick={() => void move({ to: 'shortlisted' })}
      >
        Shortlist
      </button>
      {rejecting ? (
        <form
          class="reject-form"
          onSubmit={(e) => {
            e.preventDefault();
            void move({ to: 'rejected', reason: reason || null });
          }}
        >
          <label>
            Reason for rejecting {name}
            <select required value={reason} onChange={(e) => setReason((e.currentTarget as HTMLSelectElement).value as RejectionReason)}>
              <ReasonOptions reasons={REJECTION_REASONS} />
            </select>
          </label>
          <button type="submit" disabled={busy}>
            Confirm rejection
          </button>
          <button type="button" onClick={() => setRejecting(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" disabled={busy} aria-label={`Reject ${name}`} onClick={() => setRejecting(true)}>
          Reject…
        </button>
      )}
      {message ? <p role="alert" class="move-message">{message}</p> : null}
    </div>
  );
}
