import { calendarDaysBetween } from '#shared/calendar';
import { isoDate, type Leaver, type Post, type Staff, type Team, type Transfer, type TransferDecision, type UserRole } from '#shared/schema/index';
import { completeTransfer, holderOf, recordDeparture, upsert, type PlannedUpsert } from '#shared/staff/index';
import { canActForTeam, isRecordEditor } from './access';
import { staffName } from '#shared/names';

export const DECISION_LABELS: Record<TransferDecision, string> = { pending: 'Waiting for a decision', approved: 'Approved', declined: 'Declined', withdrawn: 'Withdrawn' };

export interface TransferLine {
  transfer: Transfer;
  name: string;
  from: string;
  to: string;
  /** Days from the request to the move, or to today while it has not happened (the protocol's waiting time). */
  waitingDays: number;
  /** Managers of either team and editors decide; only editors complete the move. */
  canDecide: boolean;
  canMove: boolean;
  /** Free posts of the receiving team, to move into. */
  freePosts: Post[];
}

type Data = { transfers: readonly Transfer[]; staff: readonly Staff[]; leavers: readonly Leaver[]; posts: readonly Post[]; teams: readonly Team[]; userId: string; role: UserRole | null };

export function transferLines(data: Data, today: string): TransferLine[] {
  const names = new Map(data.staff.map((s) => [s.id, staffName(s)]));
  const teams = new Map(data.teams.map((t) => [t.id, t]));
  return [...data.transfers]
    .sort((a, b) => b.requestedOn.localeCompare(a.requestedOn))
    .map((transfer) => {
      const open = transfer.decision === 'pending' || (transfer.decision === 'approved' && !transfer.movedOn);
      const canDecide = transfer.decision === 'pending' && (canActForTeam(data.role, teams.get(transfer.fromTeamId), data.userId) || canActForTeam(data.role, teams.get(transfer.toTeamId), data.userId));
      const canMove = transfer.decision === 'approved' && !transfer.movedOn && isRecordEditor(data.role);
      return {
        transfer,
        name: names.get(transfer.staffId) ?? '(no staff record)',
        from: teams.get(transfer.fromTeamId)?.name ?? '',
        to: teams.get(transfer.toTeamId)?.name ?? '',
        waitingDays: calendarDaysBetween(transfer.requestedOn, transfer.movedOn ?? (open ? today : (transfer.decidedOn ?? today))),
        canDecide,
        canMove,
        freePosts: canMove ? data.posts.filter((p) => p.teamId === transfer.toTeamId && !holderOf(p.id, data.staff, data.leavers, today)) : [],
      };
    });
}

/** People in post in teams this person may ask a transfer for. */
export function requestable(data: Data, today: string): Array<{ staff: Staff; post: Post }> {
  const posts = new Map(data.posts.map((p) => [p.id, p]));
  const teams = new Map(data.teams.map((t) => [t.id, t]));
  return data.staff.flatMap((staff) => {
    const post = posts.get(staff.postId);
    if (!post || holderOf(post.id, data.staff, data.leavers, today)?.id !== staff.id) return [];
    return canActForTeam(data.role, teams.get(post.teamId), data.userId) ? [{ staff, post }] : [];
  });
}

export interface RequestDraft {
  staffId: string;
  toTeamId: string;
  requestedOn: string;
}

/** A transfer request, as shared/staff records an internal move, or the form's errors. */
export function requestChanges(d: RequestDraft, people: ReadonlyArray<{ staff: Staff; post: Post }>, newId: () => string): { ok: false; errors: Record<string, string> } | { ok: true; changes: PlannedUpsert[] } {
  const who = people.find((p) => p.staff.id === d.staffId);
  const errors: Record<string, string> = {};
  if (!who) errors.staffId = 'choose who asks to move';
  if (!d.toTeamId) errors.toTeamId = 'choose the team they ask to move to';
  else if (who && who.post.teamId === d.toTeamId) errors.toTeamId = 'a transfer is to another team';
  if (!isoDate.safeParse(d.requestedOn).success) errors.requestedOn = 'give the date they asked';
  if (!who || Object.keys(errors).length) return { ok: false, errors };
  const departure = recordDeparture({ staff: who.staff, post: who.post, today: d.requestedOn, newId, destination: 'internal_move', toTeamId: d.toTeamId });
  return { ok: true, changes: departure.changes };
}

export const decisionChanges = (t: Transfer, decision: Exclude<TransferDecision, 'pending'>, decidedOn: string): PlannedUpsert[] => [upsert('transfers', t.id, { decision, decidedOn })];

/** The move itself, by shared/staff's rule (the staff record moves, the old post frees), or why not. */
export function moveChanges(t: Transfer, staff: readonly Staff[], posts: readonly Post[], toPostId: string, movedOn: string): { ok: false; errors: Record<string, string> } | { ok: true; changes: PlannedUpsert[] } {
  const person = staff.find((s) => s.id === t.staffId);
  const toPost = posts.find((p) => p.id === toPostId);
  if (!toPost) return { ok: false, errors: { toPostId: 'choose the post they move into' } };
  if (!isoDate.safeParse(movedOn).success) return { ok: false, errors: { movedOn: 'give the date they moved' } };
  if (!person) return { ok: false, errors: { form: 'their staff record is missing' } };
  const outcome = completeTransfer({ transfer: t, staff: person, toPost, movedOn });
  return outcome.kind === 'moved' ? { ok: true, changes: outcome.changes } : { ok: false, errors: { form: outcome.message } };
}
