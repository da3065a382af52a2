import type { StayConversation, Team, UserRole } from '#shared/schema/index';
import { managesTeam, seesStayPerson as seesPerson } from '#shared/sync/ownership';

/**
 * Which controls a person sees, mirroring who the server lets write what
 * (shared/sync/permissions.ts, shared/sync/retention-permissions.ts): a control nobody in that
 * role could use is not shown at all.
 */
export const RECORD_EDITORS: readonly UserRole[] = ['central', 'coordinator'];
export const RETENTION_VIEWERS: readonly UserRole[] = ['admin', 'central', 'coordinator', 'manager'];

export const isRecordEditor = (role: UserRole | null) => role === 'central' || role === 'coordinator';

export { managesTeam };

/** Record a leaver from a post, or ask for a transfer: editors anywhere, managers in the teams they manage. */
export const canActForTeam = (role: UserRole | null, team: Pick<Team, 'managerId'> | undefined, userId: string) =>
  isRecordEditor(role) || (role === 'manager' && managesTeam(team, userId));

/**
 * Whether this person may see whom a Stay conversation was with: its holder and admins only. A
 * redacted record (the server keeps staffId from everyone else) has no person to show anyway.
 */
export const seesStayPerson = (c: Pick<StayConversation, 'heldBy'>, userId: string, role: UserRole | null) => seesPerson(c.heldBy, { userId, role });
