import { REASON_LABELS, type ExitReason } from '#shared/labels';

/** The options of an exit-reason select: a prompt (no reason yet), then each reason by its label. */
export function ReasonOptions({ reasons, prompt = 'Choose a reason' }: { reasons: readonly ExitReason[]; prompt?: string }) {
  return (
    <>
      <option value="">{prompt}</option>
      {reasons.map((r) => (
        <option key={r} value={r}>
          {REASON_LABELS[r]}
        </option>
      ))}
    </>
  );
}
