import { formatDay } from '#shared/calendar';
import { DIVISIONS, settingsSchema, STAGE_LABELS, type Division, type Settings, type Stage } from '#shared/schema/index';
import { interviewDueDate, shortlistingDueDate } from '#shared/targets';
import { addWorkingDays } from '#shared/calendar';
import { fieldErrors } from './fieldErrors';

/** Stages with their own ideal/max targets (shortlisting and interviewing have the two above; shared/targets.ts). */
export const EXTRA_STAGES = ['interviewed', 'offered', 'accepted', 'checks_complete'] as const satisfies readonly Stage[];
export type ExtraStage = (typeof EXTRA_STAGES)[number];
export const EXTRA_STAGE_LABELS: Record<ExtraStage, string> = {
  interviewed: `${STAGE_LABELS.interviewed}: until the offer decision`,
  offered: `${STAGE_LABELS.offered}: until the candidate accepts`,
  accepted: `${STAGE_LABELS.accepted}: until checks are complete`,
  checks_complete: `${STAGE_LABELS.checks_complete}: until the start date`,
};

export const DIVISION_LABELS: Record<Division, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};
export { DIVISIONS };

type NumericKey = { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings];
/** Retention periods the settings hold in this version (another may add more: only those that exist are shown). */
const RETENTION: Array<{ key: string; label: string; hint: string }> = [
  { key: 'retentionMonths', label: 'Keep a rejected or withdrawn candidate’s personal data for (months)', hint: 'Then it is erased in every browser.' },
  { key: 'hiredRetentionMonths', label: 'Keep a hire’s personal data after they start for (months)', hint: '0: never erase (HR keeps the record).' },
  { key: 'auditRetentionMonths', label: 'Keep the audit trail for (months)', hint: '0: keep it for ever.' },
];
export const retentionFields = () => RETENTION.filter((r) => r.key in settingsSchema.shape) as Array<{ key: NumericKey; label: string; hint: string }>;

export interface RulesDraft {
  councilName: string;
  division: Division;
  shortlistWorkingDays: string;
  interviewWorkingDays: string;
  stageTargets: Record<ExtraStage, { ideal: string; max: string }>;
  managersDecideOwnTeam: boolean;
  retention: Record<string, string>;
}

export function draftOf(settings: Settings, councilName: string): RulesDraft {
  const s = settings as Settings & Record<string, unknown>;
  return {
    councilName,
    division: settings.division,
    shortlistWorkingDays: String(settings.shortlistWorkingDays),
    interviewWorkingDays: String(settings.interviewWorkingDays),
    stageTargets: Object.fromEntries(EXTRA_STAGES.map((st) => [st, { ideal: String(settings.stageTargets[st]?.ideal ?? ''), max: String(settings.stageTargets[st]?.max ?? '') }])) as RulesDraft['stageTargets'],
    managersDecideOwnTeam: Boolean(s.managersDecideOwnTeam),
    retention: Object.fromEntries(retentionFields().map((r) => [r.key, String(s[r.key] ?? '')])),
  };
}

const WHOLE = /^\s*-?\d+\s*$/;
/** A typed number as a number, or the text itself so the schema names the problem ("must be a whole number…"). */
const num = (typed: string): number | string => (WHOLE.test(typed) ? Number(typed) : typed.trim() === '' ? Number.NaN : typed);

export type ReadDraft = { ok: true; settings: Settings; councilName: string } | { ok: false; errors: Record<string, string> };

/**
 * The draft as settings to save, on top of what is stored (fields this page does not show are
 * kept), validated by the same schema as the server; errors keyed by field ("stageTargets.offered.max").
 */
export function readDraft(draft: RulesDraft, stored: Settings): ReadDraft {
  const errors: Record<string, string> = {};
  const stageTargets: Record<string, { ideal: number | string; max: number | string }> = { ...stored.stageTargets };
  for (const st of EXTRA_STAGES) {
    const { ideal, max } = draft.stageTargets[st];
    delete stageTargets[st];
    if (!ideal.trim() && !max.trim()) continue;
    if (!ideal.trim()) errors[`stageTargets.${st}.ideal`] = 'give the ideal too, or clear both for no target';
    else if (!max.trim()) errors[`stageTargets.${st}.max`] = 'give the maximum too, or clear both for no target';
    else stageTargets[st] = { ideal: num(ideal), max: num(max) };
  }
  const candidate = {
    ...stored,
    division: draft.division,
    shortlistWorkingDays: num(draft.shortlistWorkingDays),
    interviewWorkingDays: num(draft.interviewWorkingDays),
    stageTargets,
    managersDecideOwnTeam: draft.managersDecideOwnTeam,
    ...Object.fromEntries(Object.entries(draft.retention).map(([k, v]) => [k, num(v)])),
  };
  const parsed = settingsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const [k, v] of Object.entries(fieldErrors(parsed.error))) {
      // "ideal must not exceed max" is the stage's, shown by its maximum.
      const key = /^stageTargets\.[a-z_]+$/.test(k) ? `${k}.max` : k;
      errors[key] ??= v.replace(/^Invalid input: expected number, received NaN$/, 'must be a whole number of working days');
    }
  }
  const name = draft.councilName.trim();
  if (!name) errors.councilName = 'must not be empty';
  else if (name.length > 200) errors.councilName = 'must be at most 200 characters';
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, settings: parsed.data, councilName: name };
}

/** What the rules mean for work arriving today, in sentences: shown before saving. */
export function effectOf(settings: Settings, asOf: string): string[] {
  const received = formatDay(asOf);
  const lines = [
    `Applications received on ${received} (rolling vacancies) are due a shortlisting decision by ${formatDay(shortlistingDueDate({ receivedDate: asOf }, { mode: 'rolling', closingDate: null }, settings))}.`,
    `Candidates shortlisted on ${received} are due an interview by ${formatDay(interviewDueDate(asOf, settings))}.`,
  ];
  for (const st of EXTRA_STAGES) {
    const t = settings.stageTargets[st];
    if (!t) continue;
    lines.push(
      `Reaching ${STAGE_LABELS[st]} on ${received}: amber after ${formatDay(addWorkingDays(asOf, t.ideal, settings.division))}, overdue after ${formatDay(addWorkingDays(asOf, t.max, settings.division))}.`,
    );
  }
  return lines;
}
