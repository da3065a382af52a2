import { uuidv7 } from 'uuidv7';
import { CHECK_KINDS, CHECK_LABELS, type Application, type Check, type CheckKind, type Vacancy } from '#shared/schema/index';
import { currentStage } from '#shared/stages';
import type { ShortlistDb } from '@/db/database';
import { getDb } from '@/db/database';
import { upsertRecord } from '@/db/writes';
import type { CsvColumn } from '@/ui/csv/toCsv';
import { eventsOf, type DailyData } from './data';

/** One line of the checklist: the stored check, or an empty one not yet recorded. */
export interface ChecklistLine {
  kind: CheckKind;
  label: string;
  check: Check | null;
  done: boolean;
}

export interface ChecksCandidate {
  application: Application;
  vacancy: Vacancy | undefined;
  lines: ChecklistLine[];
  /** Outstanding checks, the longest-requested first, then those not yet requested. */
  holding: ChecklistLine[];
  complete: boolean;
}

export const isDone = (check: Check | null) => !!check && (!!check.cleared || !!check.notApplicable);

/** The safer-recruitment checklist of one application, every kind listed once. */
export function checklist(applicationId: string, checks: readonly Check[]): ChecklistLine[] {
  const mine = checks.filter((c) => c.applicationId === applicationId);
  return CHECK_KINDS.map((kind) => {
    const check = mine.find((c) => c.kind === kind) ?? null;
    return { kind, label: CHECK_LABELS[kind], check, done: isDone(check) };
  });
}

/** What is holding the start date: outstanding checks, oldest request first, unrequested last. */
export function holdingChecks(lines: readonly ChecklistLine[]): ChecklistLine[] {
  return lines
    .filter((l) => !l.done)
    .sort((a, b) => {
      const ra = a.check?.requested ?? null;
      const rb = b.check?.requested ?? null;
      if (ra && rb) return ra < rb ? -1 : ra > rb ? 1 : 0;
      if (ra) return -1;
      if (rb) return 1;
      return CHECK_KINDS.indexOf(a.kind) - CHECK_KINDS.indexOf(b.kind);
    });
}

/** Accepted candidates (awaiting their checks), the most held-up first. */
export function checksCandidates(data: DailyData): ChecksCandidate[] {
  const vacancies = new Map(data.vacancies.map((v) => [v.id, v]));
  const out: ChecksCandidate[] = [];
  for (const application of data.applications) {
    if (currentStage(eventsOf(data, application.id)) !== 'accepted') continue;
    const lines = checklist(application.id, data.checks);
    const holding = holdingChecks(lines);
    out.push({ application, vacancy: vacancies.get(application.vacancyId), lines, holding, complete: holding.length === 0 });
  }
  return out.sort((a, b) => b.holding.length - a.holding.length || (a.application.name ?? '').localeCompare(b.application.name ?? ''));
}

export type CheckDateField = 'requested' | 'received' | 'cleared';

/** Records one date (or not-applicable) of a check, creating the check row the first time. */
export async function saveCheck(
  applicationId: string,
  line: ChecklistLine,
  fields: Partial<Pick<Check, CheckDateField | 'notApplicable'>>,
  db: ShortlistDb = getDb(),
): Promise<Check> {
  const id = line.check?.id ?? uuidv7();
  const base = line.check ? {} : { applicationId, kind: line.kind };
  return upsertRecord('checks', id, { ...base, ...fields }, db);
}

export const CHECKS_CSV_COLUMNS: CsvColumn<ChecksCandidate>[] = [
  { header: 'Candidate', value: (c) => c.application.name },
  { header: 'Vacancy', value: (c) => c.vacancy?.title },
  { header: 'Outstanding checks', value: (c) => c.holding.length },
  { header: 'Holding the start date', value: (c) => c.holding.map((l) => l.label).join('; ') },
];
