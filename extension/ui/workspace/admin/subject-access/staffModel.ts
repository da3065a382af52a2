import type { StaffExport, SubjectAccessResponse } from '#shared/api/index';
import { formatDay } from '#shared/calendar';
import { ERASED_STAFF } from '#shared/names';
import { LEAVER_DESTINATION_LABELS, LEAVER_REASON_LABELS, ROLE_LABELS, type Leaver, type SocialWorkRole, type SyncTable } from '#shared/schema/index';
import { erasedFieldsOf } from '#shared/sync/erasure';
import { listWords } from '../audit/auditWording';

/** What the erasure page shows of one staff record the server holds about the person. */
export interface HeldStaff {
  id: string;
  name: string;
  erased: boolean;
  /** "Social worker, started Mon 10 Jan 2022" */
  summary: string;
  /** The records about them, in words ("1 leaver record: left Tue 30 Jun 2026, Caseload / workload, to Agency work"). */
  lines: string[];
  /** Records holding words the erasure takes (their name, a note, the colleague an exit interview was held with). */
  wordsIn: { exitInterviews: number; stayConversations: number; posts: number };
  audit: number;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const day = (d: unknown) => (typeof d === 'string' && d ? formatDay(d) : '—');
const holds = (table: SyncTable, r: Record<string, unknown>) => erasedFieldsOf('staff', table).some((f) => r[f] != null);

/** The subject-access answer per staff record of the person (found by name or staff id). */
export function heldStaff(body: SubjectAccessResponse): HeldStaff[] {
  // A server older than staff subject access answers without `staff`.
  return (body.staff ?? []).map((x: StaffExport) => {
    const s = x.staff;
    const of = (t: string) => x.records[t] ?? [];
    const leavers = of('leavers') as unknown as Leaver[];
    const lines = [
      ...leavers.map((l) => `Left ${day(l.leavingDate)}: ${LEAVER_REASON_LABELS[l.reason] ?? l.reason}, to ${LEAVER_DESTINATION_LABELS[l.destination] ?? l.destination}.`),
      ...(
        [
          ['exit_interviews', 'exit interview'],
          ['stay_conversations', 'Stay conversation'],
          ['transfers', 'transfer request'],
          ['incentives', 'incentive payment'],
        ] as const
      ).flatMap(([t, noun]) => (of(t).length ? [`${count(of(t).length, noun)}.`] : [])),
    ];
    const role = ROLE_LABELS[s.role as SocialWorkRole] ?? String(s.role ?? '');
    return {
      id: x.staffId,
      name: x.erased || typeof s.name !== 'string' ? ERASED_STAFF : s.name,
      erased: x.erased,
      summary: `${role}${s.startDate ? `, started ${day(s.startDate)}` : ''}`,
      lines,
      wordsIn: {
        exitInterviews: of('exit_interviews').filter((r) => holds('exit_interviews', r)).length,
        stayConversations: of('stay_conversations').filter((r) => holds('stay_conversations', r)).length,
        posts: of('posts').filter((r) => holds('posts', r)).length,
      },
      audit: x.audit.length,
    };
  });
}

/** The lines an erasure of the person as a member of staff adds to the confirmation (none when no staff record is left to erase). */
export function staffErasureLines(staff: readonly HeldStaff[], council: string): string[] {
  const open = staff.filter((s) => !s.erased);
  if (!open.length) return [];
  const exits = open.reduce((n, s) => n + s.wordsIn.exitInterviews, 0);
  const stays = open.reduce((n, s) => n + s.wordsIn.stayConversations, 0);
  const posts = open.reduce((n, s) => n + s.wordsIn.posts, 0);
  const words = [
    exits && `${count(exits, 'exit interview')} (notes, and the colleague it was held with)`,
    stays && `${count(stays, 'Stay conversation')} (notes)`,
    posts && `${count(posts, 'post')} they held (notes)`,
  ].filter(Boolean) as string[];
  return [
    `${count(open.length, 'staff record')}: ${open.map((s) => s.summary).join('; ')}.`,
    `Their name${words.length ? `, and what ${listWords(words)} say` : ''}, removed from the server, its change log and every browser of ${council} (offline ones when they next sync).`,
    'What stays, naming nobody: role, FTE, start and leaving dates, reasons, destinations, themes, transfers and payments, so turnover, stability and the other retention measures still count them.',
  ];
}
