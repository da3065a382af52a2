import { uuidv7 } from 'uuidv7';
import type { Team, Vacancy } from '#shared/schema/index';
import { upsertRecord, ValidationError } from '@/db/writes';
import { linesToFieldErrors } from './fieldErrors';

export const MODE_LABELS = { rolling: 'Rolling, as they arrive', 'closing-date': 'After the closing date' } as const;
export const STATUS_LABELS = { draft: 'Draft', open: 'Open', closed: 'Closed', filled: 'Filled', cancelled: 'Cancelled' } as const;

export type TeamDraft = { name: string; type: string; area: string };
export type VacancyDraft = {
  title: string;
  teamIds: string[];
  role: string;
  posts: string;
  mode: string;
  reference: string;
  openedDate: string;
  closingDate: string;
  plannedShortlistDate: string;
  plannedInterviewDate: string;
  status: string;
};

export const teamDraft = (t?: Team): TeamDraft => ({ name: t?.name ?? '', type: t?.type ?? 'assessment', area: t?.area ?? '' });
export const vacancyDraft = (v?: Vacancy): VacancyDraft => ({
  title: v?.title ?? '',
  teamIds: v?.teamIds ?? [],
  role: v?.role ?? 'social_worker',
  posts: String(v?.posts ?? 1),
  mode: v?.mode ?? 'rolling',
  reference: v?.reference ?? '',
  openedDate: v?.openedDate ?? '',
  closingDate: v?.closingDate ?? '',
  plannedShortlistDate: v?.plannedShortlistDate ?? '',
  plannedInterviewDate: v?.plannedInterviewDate ?? '',
  status: v?.status ?? 'draft',
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export type Saved = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

/**
 * Writes a team or vacancy locally with its outbox entry (db/writes.ts), like every record
 * edit, so it syncs; the record schema's "field: problem" lines come back as field errors.
 */
async function save(write: () => Promise<{ id: string }>): Promise<Saved> {
  try {
    return { ok: true, id: (await write()).id };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, errors: linesToFieldErrors(err.issues) };
    return { ok: false, errors: { form: (err as Error).message } };
  }
}

export const saveTeam = (id: string | null, d: TeamDraft) =>
  save(() => upsertRecord('teams', id ?? uuidv7(), { name: d.name, type: d.type as Team['type'], area: orNull(d.area) }));

export const saveVacancy = (id: string | null, d: VacancyDraft) =>
  save(() =>
    upsertRecord('vacancies', id ?? uuidv7(), {
      title: d.title,
      teamIds: d.teamIds,
      role: d.role as Vacancy['role'],
      posts: /^\s*\d+\s*$/.test(d.posts) ? Number(d.posts) : (d.posts as unknown as number),
      mode: d.mode as Vacancy['mode'],
      reference: orNull(d.reference),
      openedDate: orNull(d.openedDate),
      closingDate: orNull(d.closingDate),
      plannedShortlistDate: orNull(d.plannedShortlistDate),
      plannedInterviewDate: orNull(d.plannedInterviewDate),
      status: d.status as Vacancy['status'],
    }),
  );
