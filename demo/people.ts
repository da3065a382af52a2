/**
 * The council's Shortlist users. Ids are stable readable strings (`user-priya`) because
 * journeys and end-to-end tests name people, and stage events record them in `by`.
 */
import { STAFF_DOMAIN } from './names';
import type { DemoRole, DemoUser } from './types';

const user = (key: string, name: string, role: DemoRole): DemoUser => ({
  id: `user-${key}`,
  name,
  email: `${name.toLowerCase().replace(/[^a-z ]/g, '').replace(/ /g, '.')}@${STAFF_DOMAIN}`,
  role,
});

export const PRIYA = user('priya', 'Priya Shah', 'coordinator');
export const TOM = user('tom', 'Tom Okafor', 'manager');
export const AMIRA = user('amira', 'Amira Haddad', 'central');
export const SAM = user('sam', 'Sam Kerr', 'admin');

/** Team managers, keyed by the team they run (see establishment.ts TEAM_SPECS). */
export const MANAGERS = {
  front_door: user('helen', 'Helen Marsh', 'manager'),
  assessment: user('david', 'David Achterberg', 'manager'),
  cp_east: user('grace', 'Grace Mwangi', 'manager'),
  cp_west: user('rob', 'Rob Tennant', 'manager'),
  children_in_care: TOM,
  disabilities: user('lucy', 'Lucy Fairbairn', 'manager'),
  leaving_care: user('kofi', 'Kofi Boateng', 'manager'),
  fostering: user('ruth', 'Ruth Llewellyn', 'manager'),
} as const;
export type TeamKey = keyof typeof MANAGERS;

/** Service manager: covers council-wide vacancies (IRO) and steps in on the rota. */
export const SERVICE_MANAGER = user('nadia', 'Nadia Karim', 'manager');

/** Herefordshire's "Stay" conversations are held by the principal social worker or an HR business partner. */
export const PRINCIPAL_SOCIAL_WORKER = user('bola', 'Bola Adebayo', 'central');
export const HR_BUSINESS_PARTNER = user('claire', 'Claire Dunmore', 'central');

export const COORDINATORS = [PRIYA, user('joel', 'Joel Whitfield', 'coordinator'), user('megan', 'Megan Price', 'coordinator')] as const;

export const DEMO_USERS: readonly DemoUser[] = [
  SAM,
  AMIRA,
  ...COORDINATORS,
  ...Object.values(MANAGERS),
  SERVICE_MANAGER,
  PRINCIPAL_SOCIAL_WORKER,
  HR_BUSINESS_PARTNER,
];
