import { REASON_LABELS, STAGE_LABELS } from '#shared/labels';
import type { Duplicate } from '@/overlay/views';

const monthYear = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "A candidate with the same email applied in March 2026 for SW (withdrawn: salary)." Worded in the frame, so the background carries no labels. */
export function duplicateSummary(d: Duplicate): string {
  const stage = STAGE_LABELS[d.stage].toLowerCase();
  const outcome = d.exit ? `${stage}: ${d.exit.reason ? REASON_LABELS[d.exit.reason].toLowerCase() : 'no reason given'}` : stage;
  return `A candidate with the same ${d.matchedOn} applied in ${monthYear(d.receivedDate)} for ${d.vacancyTitle ?? 'another vacancy'} (${outcome}).`;
}
