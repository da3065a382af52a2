import type { Mutation } from '../schema/index';
import type { PermissionView } from './permissions';
import type { SyncRow } from './rows';
import { managesTeam } from './ownership';

/**
 * Who may write the retention tables (issue 16), beside the recruitment rules of permissions.ts.
 *
 * stay_conversations  the holder (`heldBy`, whatever their role) and admins only: the person a
 *                     conversation is with is confidential, so not even the central team writes
 *                     one they do not hold. Handing one to another holder is for admins.
 * staff, exit interviews, incentives, cohorts, caseload weeks
 *                     central and coordinators (the general rule).
 * manager             for posts of a team they manage (team.managerId): record a leaver and the
 *                     exit interview offered, free the post (its cover fields only), request or decide a transfer from or to
 *                     their team, and start "recruit to this post" (a draft vacancy of their own
 *                     teams only; opening it stays with coordinators). Completing a move
 *                     (the staff record to a post of another team) is for coordinators.
 */

/** Why a Stay conversation change is refused, or null. Runs for every role. */
export function stayConversationRefusal(m: Mutation, fields: Record<string, unknown>, v: PermissionView): string | null {
  const { userId, role } = v.caller;
  if (role === 'admin') return null;
  const existing = live(v.rows.get('stay_conversations', m.recordId));
  if (existing && existing.data.heldBy !== userId) return 'a Stay conversation is confidential: only its holder and admins may change it';
  if (m.op === 'delete') return existing ? null : 'there is no Stay conversation of yours to delete';
  const heldBy = Object.hasOwn(fields, 'heldBy') ? fields.heldBy : existing?.data.heldBy;
  if (heldBy !== userId) return 'a Stay conversation is recorded by the person who held it (heldBy is you); only admins hand one to another holder';
  return null;
}

/** Fields of a post a manager may change when someone leaves it: how it is covered now. */
export const POST_COVER_FIELDS = ['cover', 'agencyName', 'agencyWeeklyCost', 'coverEndDate'] as const;

/** A manager's retention change: why it is refused, null when allowed, undefined when the table is not theirs to write at all. */
export function managerRetentionRefusal(m: Mutation, fields: Record<string, unknown>, v: PermissionView): string | null | undefined {
  const manages = (teamId: unknown) => typeof teamId === 'string' && managesTeam(v.rows.get('teams', teamId)?.data, v.caller.userId);
  const teamOfPost = (postId: unknown) => (typeof postId === 'string' ? v.rows.get('posts', postId)?.data.teamId : undefined);
  const existing = live(v.rows.get(m.table, m.recordId));
  /** The record's value of `field` before and after this change. */
  const states = (field: string) => [existing?.data[field], Object.hasOwn(fields, field) ? fields[field] : existing?.data[field]];

  switch (m.table) {
    case 'leavers': {
      if (m.op === 'delete' && !existing) return 'there is no such leaver to delete';
      const own = states('postId').filter((p) => p !== undefined).every((p) => manages(teamOfPost(p)));
      return own ? null : 'managers record leavers only for posts of a team they manage';
    }
    case 'exit_interviews': {
      // The exit interview offered as they record a leaver, and its outcome.
      if (m.op === 'delete') return 'an exit interview is declined (outcome: declined), not deleted';
      const own = states('leaverId').filter((l) => l !== undefined).every((l) => typeof l === 'string' && manages(teamOfPost(v.rows.get('leavers', l)?.data.postId)));
      return own ? null : 'managers record exit interviews only for leavers of a team they manage';
    }
    case 'transfers': {
      if (m.op === 'delete') return 'a transfer is withdrawn (decision: withdrawn), not deleted';
      const [fromBefore, fromAfter] = states('fromTeamId');
      const [toBefore, toAfter] = states('toTeamId');
      const before = !existing || manages(fromBefore) || manages(toBefore);
      return before && (manages(fromAfter) || manages(toAfter)) ? null : 'managers record transfers only from or to a team they manage';
    }
    case 'posts': {
      if (m.op !== 'upsert' || !existing) return 'coordinators and the central team shape the establishment; a manager may only change how a post of their team is covered';
      if (!manages(existing.data.teamId)) return 'managers may change the cover only of posts of a team they manage';
      const other = Object.keys(fields).filter((f) => !(POST_COVER_FIELDS as readonly string[]).includes(f));
      return other.length ? `managers may change a post's cover (${POST_COVER_FIELDS.join(', ')}), not its ${other.join(', ')}` : null;
    }
    case 'vacancies': {
      if (m.op !== 'upsert') return 'managers may not delete vacancies';
      const [statusBefore, statusAfter] = states('status');
      const [teamsBefore, teamsAfter] = states('teamIds');
      const ownTeams = (ids: unknown) => Array.isArray(ids) && ids.length > 0 && ids.every(manages);
      if (existing && (statusBefore !== 'draft' || !ownTeams(teamsBefore))) return 'managers may change only draft vacancies of their own teams';
      if (statusAfter !== 'draft') return 'a manager starts a vacancy as a draft; a coordinator opens it';
      return ownTeams(teamsAfter) ? null : 'a manager drafts vacancies only for teams they manage';
    }
    default:
      return undefined;
  }
}

const live = (row: SyncRow | null) => (row && !row.deleted ? row : null);
