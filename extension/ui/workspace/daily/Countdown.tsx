import { formatDay } from '#shared/calendar';
import type { TargetResult } from '#shared/targets';

/** A target's working-day countdown in its status colour, with the due date for the record. */
export function Countdown({ target }: { target: TargetResult }) {
  return (
    <span class={`countdown status-${target.status}`} title={target.dueDate ? `Due ${formatDay(target.dueDate)}` : undefined}>
      {target.label}
    </span>
  );
}
