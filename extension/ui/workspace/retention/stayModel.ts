import { periodOf } from '#shared/measures/index';
import { isoDate, STAY_OUTCOMES, type Staff, type StayConversation, type StayHolderRole, type StayOutcome, type UserRole } from '#shared/schema/index';
import { upsert, type PlannedUpsert } from '#shared/staff/index';
import { seesStayPerson } from './access';
import { themesAndNotesDraft, type ThemesAndNotesDraft } from './themesAndNotes';
import { staffName } from '#shared/names';

export const STAY_OUTCOME_LABELS: Record<StayOutcome, string> = { open: 'Open', stayed: 'Stayed', transferred: 'Transferred', left: 'Left' };
export const STAY_OUTCOME_CHOICES = STAY_OUTCOMES.map((value) => ({ value, label: STAY_OUTCOME_LABELS[value] }));

/** A row of the Stay list. Who it was with, its exact date, its holder and notes only when this person may see them. */
export type StayLine =
  | { visible: true; id: string; person: string; heldOn: string; holderRole: StayHolderRole; outcome: StayOutcome; themes: string[]; notes: string }
  | { visible: false; id: string; quarter: string; outcome: StayOutcome; themes: string[] };

/**
 * The Stay conversations as this person may see them: the holder and admins see whom each was
 * with; everyone else the quarter, outcome and themes only, whatever the record they hold carries
 * (the server redacts too, but this view never relies on it).
 */
export function stayLines(conversations: readonly StayConversation[], staff: readonly Pick<Staff, 'id' | 'name'>[], userId: string, role: UserRole | null): StayLine[] {
  const names = new Map(staff.map((s) => [s.id, staffName(s)]));
  return [...conversations]
    .sort((a, b) => b.heldOn.localeCompare(a.heldOn))
    .map((c): StayLine =>
      seesStayPerson(c, userId, role)
        ? { visible: true, id: c.id, person: (c.staffId && names.get(c.staffId)) || '(not known)', heldOn: c.heldOn, holderRole: c.holderRole, outcome: c.outcome, themes: c.themes, notes: c.notes ?? '' }
        : { visible: false, id: c.id, quarter: periodOf(c.heldOn, 'quarter'), outcome: c.outcome, themes: c.themes },
    );
}

export interface StayDraft extends ThemesAndNotesDraft {
  staffId: string;
  holderRole: StayHolderRole | '';
  heldOn: string;
  outcome: StayOutcome;
}

export const stayDraft = (c: StayConversation | null, today: string): StayDraft => ({
  staffId: c?.staffId ?? '',
  holderRole: c?.holderRole ?? '',
  heldOn: c?.heldOn ?? today,
  outcome: c?.outcome ?? 'open',
  ...themesAndNotesDraft(c),
});

/** The conversation a form writes, held by the person writing it (the server allows no other holder), or its errors. */
export function stayChanges(id: string, d: StayDraft, heldBy: string): { ok: false; errors: Record<string, string> } | { ok: true; changes: PlannedUpsert[] } {
  const errors: Record<string, string> = {};
  if (!d.staffId) errors.staffId = 'choose who it was with';
  if (!d.holderRole) errors.holderRole = 'say in which role you held it';
  if (!isoDate.safeParse(d.heldOn).success) errors.heldOn = 'give the date it was held';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    changes: [upsert('stay_conversations', id, { staffId: d.staffId, heldBy, holderRole: d.holderRole as StayHolderRole, heldOn: d.heldOn, outcome: d.outcome, themes: d.themes, notes: d.notes.trim() || null })],
  };
}
