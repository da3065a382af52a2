import type { AuditEntryView, ErasureProgressResponse, ExportResponse, SubjectAccessResponse } from '#shared/api/index';
import { formatDay } from '#shared/calendar';
import { ERASED_CANDIDATE } from '#shared/names';
import { PERSONAL_FIELDS, type Check, type StageEvent } from '#shared/schema/index';
import { relativeTime } from '@/ui/common/relativeTime';
import { fieldWords, listWords } from '../audit/auditWording';
import { staffErasureLines, type HeldStaff } from './staffModel';

/** What the erasure page shows of one application the server holds about the person. */
export interface HeldApplication {
  id: string;
  /** The candidate's name on this application, or that it was erased. */
  name: string;
  vacancy: string;
  received: string | null;
  erased: boolean;
  deleted: boolean;
  /** The personal fields this application holds, with their values: what an erasure takes. */
  personal: Array<{ field: string; label: string; value: string }>;
  stageEvents: StageEvent[];
  checks: Check[];
  conflicts: number;
  /** Audit entries about the application, its stage events and checks (who looked, who changed). */
  audit: AuditEntryView[];
}

const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

/** The subject-access answer per application, in the order the person applied. */
export function heldApplications(body: SubjectAccessResponse, vacancyTitles: ReadonlyMap<string, string>): HeldApplication[] {
  return body.applications.map((x: ExportResponse) => {
    const a = x.application ?? {};
    const personal = PERSONAL_FIELDS.flatMap((field) => {
      const value = str(a[field]);
      return value ? [{ field, label: fieldWords(field), value }] : [];
    });
    return {
      id: x.applicationId,
      name: x.erased ? ERASED_CANDIDATE : (str(a.name) ?? ERASED_CANDIDATE),
      vacancy: vacancyTitles.get(String(a.vacancyId)) ?? 'a vacancy this browser does not hold',
      received: str(a.receivedDate),
      erased: x.erased,
      deleted: x.deleted,
      personal,
      stageEvents: ([...x.stageEvents] as StageEvent[]).sort((p, q) => p.at.localeCompare(q.at)),
      checks: x.checks as Check[],
      conflicts: x.conflicts.length,
      audit: x.audit.map((e, i) => ({ id: i, at: e.at, userId: e.userId, userName: null, action: e.action, table: e.table, recordId: e.recordId, fields: Array.isArray(e.fields) ? (e.fields as string[]) : null })),
    };
  });
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 applications", "1 application and 1 staff record". */
export const heldWords = (applications: number, staff: number) =>
  listWords([applications ? count(applications, 'application') : '', staff ? count(staff, 'staff record') : ''].filter(Boolean));
export const describeApplication = (a: HeldApplication) => `${a.vacancy}${a.received ? `, received ${formatDay(a.received)}` : ''}`;

/** What an erasure of the person takes, in words, before anyone presses the button. */
export interface ErasurePlan {
  /** Applications still holding personal data (erased ones have none left). */
  applicationIds: string[];
  /** The person's staff records not erased yet (found by name: the same person may have applied and be on a post). */
  staffIds: string[];
  title: string;
  lines: string[];
}

export function erasurePlan(held: readonly HeldApplication[], council: string, staff: readonly HeldStaff[] = []): ErasurePlan {
  const open = held.filter((a) => !a.erased);
  const openStaff = staff.filter((s) => !s.erased);
  const names = [...new Set([...open.map((a) => a.name), ...openStaff.map((s) => s.name)])];
  const staffIds = openStaff.map((s) => s.id);
  if (!open.length) return { applicationIds: [], staffIds, title: `Erase ${listWords(names)}?`, lines: staffErasureLines(staff, council) };
  const fields = [...new Set(open.flatMap((a) => a.personal.map((p) => p.label)))];
  const notes = {
    events: open.reduce((n, a) => n + a.stageEvents.filter((e) => e.note).length, 0),
    checks: open.reduce((n, a) => n + a.checks.filter((c) => c.note).length, 0),
  };
  const conflicts = open.reduce((n, a) => n + a.conflicts, 0);
  const lines = [
    `${count(open.length, 'application')}: ${open.map(describeApplication).join('; ')}.`,
    `Personal details: ${listWords(fields) || 'none left'}, removed from the server, its change log and every browser of ${council} (offline ones when they next sync).`,
  ];
  const noteParts = [notes.events && count(notes.events, 'stage change'), notes.checks && count(notes.checks, 'check')].filter(Boolean) as string[];
  if (noteParts.length) lines.push(`The notes of ${listWords(noteParts)}.`);
  if (conflicts) lines.push(`The values kept in ${count(conflicts, 'conflicting edit')}.`);
  lines.push('What stays, naming nobody: stages and their dates, reasons, source and the audit trail, so the council’s measures still count them.');
  return { applicationIds: open.map((a) => a.id), staffIds, title: `Erase ${listWords(names)}?`, lines: [...lines, ...staffErasureLines(staff, council)] };
}

/** The erase button: "Erase the application", "Erase all 2 applications", "Erase the application and the staff record". */
export function eraseButtonWords(plan: Pick<ErasurePlan, 'applicationIds' | 'staffIds'>): string {
  const part = (n: number, noun: string) => (n === 0 ? null : n === 1 ? `the ${noun}` : `all ${n} ${noun}s`);
  return `Erase ${[part(plan.applicationIds.length, 'application'), part(plan.staffIds.length, 'staff record')].filter(Boolean).join(' and ')}`;
}

/** "2 of 3 active browsers have the erasure" and who is still to sync. */
export function progressWords(p: ErasureProgressResponse, now = Date.now()): { headline: string; done: boolean; waiting: string[] } {
  const waiting = p.browsers.filter((b) => !b.pulledPast).map((b) => `${b.userName}’s browser (last synced ${relativeTime(b.lastPulledAt, now)})`);
  if (!p.active) return { headline: 'No browser of the council has synced in the active period: each erases it on its next sync.', done: true, waiting };
  const done = p.pulledPast === p.active;
  return {
    headline: done
      ? `All ${count(p.active, 'active browser')} of the council have pulled the erasure.`
      : `${p.pulledPast} of ${count(p.active, 'active browser')} have pulled the erasure.`,
    done,
    waiting,
  };
}
