import type { AddPersonRequest, CreatedInvitation, PeopleListResponse, PersonResponse, UpdatePersonRequest } from '#shared/api/index';
import type { Settings } from '#shared/schema/index';
import { callApi, type Fetch } from '@/sync/api';
import { getSession } from '@/sync/session';

/**
 * The admin console's calls to the server, with the signed-in admin's token. The server checks
 * the role on every call (403 for anyone else); these pages only appear for admins.
 */
async function admin<T>(path: string, init: RequestInit = {}, fetchImpl?: Fetch): Promise<T> {
  const session = await getSession();
  if (!session) throw new Error('Not signed in: open Shortlist options and sign in');
  return callApi<T>(session, path, init, fetchImpl);
}
const body = (method: string, value: unknown): RequestInit => ({ method, body: JSON.stringify(value) });

export const adminApi = {
  listPeople: () => admin<PeopleListResponse>('/v1/admin/people'),
  addPerson: (person: AddPersonRequest) => admin<PersonResponse>('/v1/admin/people', body('POST', person)),
  updatePerson: (id: string, change: UpdatePersonRequest) => admin<PersonResponse>(`/v1/admin/people/${id}`, body('PATCH', change)),
  inviteAgain: (id: string) => admin<{ invitation: CreatedInvitation }>(`/v1/admin/people/${id}/invitations`, { method: 'POST' }),
  saveSettings: (settings: Settings) => admin<{ settings: Settings }>('/v1/admin/settings', body('PUT', settings)),
  renameCouncil: (name: string) => admin<{ organisation: { id: string; name: string } }>('/v1/admin/organisation', body('PATCH', { name })),
};
export type AdminApi = typeof adminApi;
