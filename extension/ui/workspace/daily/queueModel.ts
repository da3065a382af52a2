import type { Settings } from '#shared/schema/index';
import { queueFor, type QueueItem } from '#shared/rota';
import { interviewDueDate } from '#shared/targets';
import type { CsvColumn } from '@/ui/csv/toCsv';
import type { DailyData } from './data';

export interface QueueRow extends QueueItem {
  /** For an interview booking: the latest date the interview meets its target. */
  interviewDue: string | null;
}

/** A manager's queue: shortlisting decisions and interview bookings, soonest due first. */
export function buildQueue(managerId: string, data: DailyData, settings: Settings, asOf: string): QueueRow[] {
  const items = queueFor(managerId, {
    applications: data.applications,
    vacancies: data.vacancies,
    events: data.events,
    slots: data.slots,
    settings,
    asOf,
  });
  return items.map((item) => ({
    ...item,
    interviewDue: item.kind === 'interview_booking' ? item.target.dueDate : null,
  }));
}

/** The interview target if the application were shortlisted on `date`. */
export const interviewTargetIfShortlistedOn = (date: string, settings: Settings) => interviewDueDate(date, settings);

export const QUEUE_KIND_LABELS = {
  shortlisting_decision: 'Shortlisting decision',
  interview_booking: 'Book interview',
} as const;

export const QUEUE_CSV_COLUMNS: CsvColumn<QueueRow>[] = [
  { header: 'Candidate', value: (r) => r.application.name },
  { header: 'Vacancy', value: (r) => r.vacancy.title },
  { header: 'Awaiting', value: (r) => QUEUE_KIND_LABELS[r.kind] },
  { header: 'Received', value: (r) => r.application.receivedDate },
  { header: 'Due', value: (r) => r.target.dueDate },
  { header: 'Countdown', value: (r) => r.target.label },
  { header: 'Status', value: (r) => r.target.status },
  { header: 'ATS reference', value: (r) => r.application.atsReference },
];
