import type { AuthContext } from '../env';

/**
 * Who may do what. Organisation and user always come from the credential; every rule below
 * applies inside the caller's organisation only (records of other organisations are
 * invisible: they are never read, and a write with their id creates or changes a row of
 * the caller's own organisation, because every primary key is (org_id, id)).
 *
 * admin        users, tokens, settings, subject access export and erasure (/v1/admin/*);
 *              may read everything (pull, /v1/me, reports). May NOT push changes to
 *              recruitment data: that needs a working account.
 * central,
 * coordinator  push every op (upsert, delete, erase) on every synced table; read everything.
 *              No /v1/admin/* routes. They alone create rota slots and enter stage events
 *              dated in the past (labelled "recorded late").
 * manager      read everything in the organisation (pull, reports). Push only shortlisting
 *              and interview decisions they were given (assigned, a rota slot a coordinator
 *              gave them, or their own team's vacancies when the council allows it), and hand
 *              back or swap their own rota slots.
 *
 * What a push may do is decided by shared/sync/permissions.ts (the role policy, also run by the
 * unit tests' fake server), with shared/sync/references.ts (every reference names a live record
 * of the organisation) and shared/sync/stage-history.ts (`by` is the caller, `at` within the
 * clock bounds). Refused mutations answer 403 naming each mutation and the reason.
 */
export type Role = AuthContext['role'];

export const PUSH_ROLES: readonly Role[] = ['central', 'coordinator', 'manager'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];

export { MANAGER_STAGE_DUTIES, mondayOf, roleRefusal } from '#shared/sync/permissions';
