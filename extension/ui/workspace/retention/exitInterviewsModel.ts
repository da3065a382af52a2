import { EXIT_INTERVIEW_OUTCOMES, isoDate, type ExitInterview, type ExitInterviewOutcome, type Leaver, type Post, type Staff, type Team, type UserRole } from '#shared/schema/index';
import { upsert, type PlannedUpsert } from '#shared/staff/index';
import { canActForTeam } from './access';
import { themesAndNotesDraft, type ThemesAndNotesDraft } from './themesAndNotes';
import { staffName } from '#shared/names';

export const OUTCOME_LABELS: Record<ExitInterviewOutcome, string> = { pending: 'Offered, not held yet', held: 'Held', declined: 'Declined' };
export const OUTCOME_CHOICES = EXIT_INTERVIEW_OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] }));

export interface LeaverLine {
  leaver: Leaver;
  name: string;
  team: Team | undefined;
  interview: ExitInterview | null;
  /**
   * The server sent the interview without its words (with whom, notes): this reader does not
   * manage the leaver's team (shared/sync/scope.ts). Shown, never edited: a save from this copy
   * would write its empty words over the whole record.
   */
  outsideScope: boolean;
  /** Editors anywhere; managers for leavers of the teams they manage; never from a redacted copy. */
  canEdit: boolean;
}

/** What the page says of an exit interview whose words this reader may not see. */
export const INTERVIEW_OUTSIDE_SCOPE = 'details outside your scope';

/** Every leaver, latest first, with their exit interview (every leaver is offered one). */
export function leaverLines(data: { leavers: readonly Leaver[]; staff: readonly Staff[]; posts: readonly Post[]; teams: readonly Team[]; exitInterviews: readonly ExitInterview[]; userId: string; role: UserRole | null }): LeaverLine[] {
  const staff = new Map(data.staff.map((s) => [s.id, s]));
  const teamOfPost = new Map(data.posts.map((p) => [p.id, p.teamId]));
  const teams = new Map(data.teams.map((t) => [t.id, t]));
  const interviews = new Map(data.exitInterviews.map((i) => [i.leaverId, i]));
  return [...data.leavers]
    .sort((a, b) => b.leavingDate.localeCompare(a.leavingDate))
    .map((leaver) => {
      const team = teams.get(teamOfPost.get(leaver.postId) ?? '');
      const interview = interviews.get(leaver.id) ?? null;
      const outsideScope = (interview as { redacted?: unknown } | null)?.redacted === true;
      const name = ((s) => (s ? staffName(s) : '(no staff record)'))(staff.get(leaver.staffId));
      return { leaver, name, team, interview, outsideScope, canEdit: !outsideScope && canActForTeam(data.role, team, data.userId) };
    });
}

export interface InterviewDraft extends ThemesAndNotesDraft {
  outcome: ExitInterviewOutcome;
  offeredOn: string;
  heldOn: string;
  heldWith: string;
}

export const interviewDraft = (i: ExitInterview | null, today: string): InterviewDraft => ({
  outcome: i?.outcome ?? 'pending',
  offeredOn: i?.offeredOn ?? today,
  heldOn: i?.heldOn ?? '',
  heldWith: i?.heldWith ?? '',
  ...themesAndNotesDraft(i),
});

/** The interview record a form writes, or its errors field by field. Themes and a date belong to a held interview only. */
export function interviewChanges(leaverId: string, id: string, d: InterviewDraft): { ok: false; errors: Record<string, string> } | { ok: true; changes: PlannedUpsert[] } {
  const errors: Record<string, string> = {};
  if (!isoDate.safeParse(d.offeredOn).success) errors.offeredOn = 'give the date it was offered';
  if (d.outcome === 'held') {
    if (!isoDate.safeParse(d.heldOn).success) errors.heldOn = 'give the date it was held';
    else if (d.heldOn < d.offeredOn) errors.heldOn = 'it was held on or after the day it was offered';
  }
  if (d.outcome !== 'held' && d.themes.length) errors.themes = 'themes come from a held interview';
  if (Object.keys(errors).length) return { ok: false, errors };
  const held = d.outcome === 'held';
  return {
    ok: true,
    changes: [
      upsert('exit_interviews', id, {
        leaverId,
        outcome: d.outcome,
        offeredOn: d.offeredOn,
        heldOn: held ? d.heldOn : null,
        heldWith: d.heldWith.trim() || null,
        themes: held ? d.themes : [],
        notes: d.notes.trim() || null,
      }),
    ],
  };
}
