import { Hono, type Context } from 'hono';
import { addPersonRequest, userIdParam, updateOrganisationRequest, updatePersonRequest, type PeopleListResponse, type PersonResponse } from '#shared/api/index';
import type { AppEnv } from '../env';
import { ApiFailure } from '../errors';
import { prepareInvitation, revokeOpenInvitations } from '../auth/invitations';
import { isLastAdminGuard, keepAnAdmin } from '../db/admin-guard';
import { listPeople } from '../db/people-admin';
import { validate } from '../middleware/validate';
import { auditRow } from './audit';

type C = Context<AppEnv>;
const audit = (c: C, action: string, table: string, recordId: string, fields: string[] | null) => auditRow(c.env.DB, c.get('auth'), action, table, recordId, fields);
/** Links point at the server the admin is talking to. */
const originOf = (c: C) => new URL(c.req.url).origin;

async function refuseUnknownTeam(db: D1Database, orgId: string, teamId: string | null | undefined) {
  if (!teamId) return;
  const team = await db.prepare('SELECT 1 FROM teams WHERE org_id = ?1 AND id = ?2 AND deleted = 0').bind(orgId, teamId).first();
  if (!team) throw new ApiFailure(400, 'team_not_found', `No team ${teamId} in your organisation: choose one of its teams`);
}

async function personOr404(db: D1Database, orgId: string, id: string) {
  const [person] = await listPeople(db, orgId, id);
  if (!person) throw new ApiFailure(404, 'user_not_found', `No user ${id} in your organisation`);
  return person;
}

/**
 * The admin console's people routes, under /v1/admin (admins only, index.ts). Adding or
 * reactivating a person creates a one-time invitation instead of a token to copy.
 */
export const peopleAdmin = new Hono<AppEnv>()
  .get('/people', async (c) => {
    const body: PeopleListResponse = { people: await listPeople(c.env.DB, c.get('auth').orgId) };
    return c.json(body, 200);
  })
  .post('/people', validate('json', addPersonRequest), async (c) => {
    const { orgId, userId: adminId } = c.get('auth');
    const body = c.req.valid('json');
    const db = c.env.DB;
    const email = body.email.toLowerCase();
    if (await db.prepare('SELECT 1 FROM users WHERE org_id = ?1 AND email = ?2').bind(orgId, email).first()) {
      throw new ApiFailure(409, 'user_exists', `Someone with email ${email} is already in your organisation: find them in the list`);
    }
    await refuseUnknownTeam(db, orgId, body.teamId);
    const id = crypto.randomUUID();
    const { statements, invitation } = await prepareInvitation(db, orgId, id, adminId, originOf(c));
    await db.batch([
      db.prepare('INSERT INTO users (id, org_id, name, email, role, team_id, active, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)').bind(id, orgId, body.name, email, body.role, body.teamId ?? null, new Date().toISOString()),
      audit(c, 'create_user', 'users', id, ['name', 'email', 'role', ...(body.teamId ? ['teamId'] : [])]),
      ...statements,
      audit(c, 'create_invitation', 'invitations', invitation.id, null),
    ]);
    const res: PersonResponse = { person: await personOr404(db, orgId, id), invitation };
    return c.json(res, 201);
  })
  .patch('/people/:id', validate('param', userIdParam), validate('json', updatePersonRequest), async (c) => {
    const { orgId, userId: adminId } = c.get('auth');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const db = c.env.DB;
    const before = await personOr404(db, orgId, id);
    await refuseUnknownTeam(db, orgId, body.teamId);
    const now = new Date().toISOString();
    // Reactivation needs a new invitation: the old tokens died with the deactivation.
    const reactivating = body.active === true && !before.active;
    const fresh = reactivating ? await prepareInvitation(db, orgId, id, adminId, originOf(c)) : null;
    try {
      await db.batch([
        db
          .prepare(
            `UPDATE users SET role = coalesce(?3, role), active = coalesce(?4, active), name = coalesce(?5, name),
                    team_id = CASE WHEN ?6 = 1 THEN ?7 ELSE team_id END WHERE org_id = ?1 AND id = ?2`,
          )
          .bind(orgId, id, body.role ?? null, body.active === undefined ? null : body.active ? 1 : 0, body.name ?? null, 'teamId' in body ? 1 : 0, body.teamId ?? null),
        // Deactivation stops them at once: every token and any invitation still in their inbox.
        ...(body.active === false
          ? [db.prepare('UPDATE credentials SET revoked_at = ?3 WHERE org_id = ?1 AND user_id = ?2 AND revoked_at IS NULL').bind(orgId, id, now), revokeOpenInvitations(db, orgId, id, now)]
          : []),
        ...keepAnAdmin(db, orgId),
        audit(c, 'update_user', 'users', id, Object.keys(body)),
        ...(fresh ? [...fresh.statements, audit(c, 'create_invitation', 'invitations', fresh.invitation.id, null)] : []),
      ]);
    } catch (err) {
      if (!isLastAdminGuard(err)) throw err;
      throw new ApiFailure(409, 'last_admin', `${before.name} is the last active admin of your organisation: make someone else an admin first`);
    }
    const res: PersonResponse = { person: await personOr404(db, orgId, id), ...(fresh ? { invitation: fresh.invitation } : {}) };
    return c.json(res, 200);
  })
  /** A new invitation for an active person (lost email, expired link): their open one stops working. */
  .post('/people/:id/invitations', validate('param', userIdParam), async (c) => {
    const { orgId, userId: adminId } = c.get('auth');
    const { id } = c.req.valid('param');
    const db = c.env.DB;
    const person = await personOr404(db, orgId, id);
    if (!person.active) throw new ApiFailure(409, 'user_inactive', `${person.name} is deactivated: reactivate them, which sends a new invitation`);
    const { statements, invitation } = await prepareInvitation(db, orgId, id, adminId, originOf(c));
    const results = await db.batch([...statements, audit(c, 'create_invitation', 'invitations', invitation.id, null)]);
    if (!results[1]!.meta.changes) throw new ApiFailure(409, 'user_inactive', `${person.name} was deactivated meanwhile`);
    return c.json({ invitation }, 201);
  })
  /** The council's name as every browser shows it (from /v1/me, on its next sync). */
  .patch('/organisation', validate('json', updateOrganisationRequest), async (c) => {
    const { orgId } = c.get('auth');
    const { name } = c.req.valid('json');
    const db = c.env.DB;
    await db.batch([db.prepare('UPDATE organisations SET name = ?2 WHERE id = ?1').bind(orgId, name), audit(c, 'update_organisation', 'organisations', orgId, ['name'])]);
    return c.json({ organisation: { id: orgId, name } }, 200);
  });
