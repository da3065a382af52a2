/**
 * Two rules that the push permissions, the pull's need-to-know and the pages' controls all ask,
 * written once so that what a page offers is what the server allows.
 */

/** A team's manager is `teams.managerId` (the "own team" rule; users.team_id grants nothing). */
export const managesTeam = (team: { managerId?: unknown } | undefined, userId: string): boolean =>
  typeof team?.managerId === 'string' && team.managerId !== '' && team.managerId === userId;

/** Whom a Stay conversation was with is for its holder and admins only, whatever the role (issue 16). */
export const seesStayPerson = (heldBy: unknown, reader: { userId: string; role: string | null }): boolean =>
  reader.role === 'admin' || heldBy === reader.userId;
