import type {
  AddPersonRequest,
  AuditResponse,
  CreatedInvitation,
  EraseResponse,
  ErasureProgressResponse,
  PeopleListResponse,
  PersonResponse,
  SubjectAccessResponse,
  UpdatePersonRequest,
} from '#shared/api/index';
import type { Settings } from '#shared/schema/index';
import { callApi, type Fetch } from '@/sync/api';
import { getSession } from '@/sync/session';

/**
 * The admin console's calls to the server, with the signed-in admin's token. The server checks
 * the role on every call (403 for anyone else); these pages only appear for the roles allowed.
 */
async function admin<T>(path: string, init: RequestInit = {}, fetchImpl?: Fetch): Promise<T> {
  const session = await getSession();
  if (!session) throw new Error('Not signed in: open Shortlist options and sign in');
  return callApi<T>(session, path, init, fetchImpl);
}
const body = (method: string, value: unknown): RequestInit => ({ method, body: JSON.stringify(value) });

/**
 * A fetch whose successful answers read as a JSON string of their text, so a file the server
 * makes (the subject-access CSV) comes through callApi with its errors, timeout and https rule.
 */
const asText =
  (fetchImpl: Fetch = fetch): Fetch =>
  async (input, init) => {
    const res = await fetchImpl(input, init);
    return res.ok ? new Response(JSON.stringify(await res.text()), { status: res.status, headers: { 'content-type': 'application/json' } }) : res;
  };

export type SubjectKey = 'email' | 'reference' | 'name';
const subjectSearch = (key: SubjectKey, value: string, format: 'json' | 'csv') => `?${new URLSearchParams({ [key]: value, format })}`;

export const adminApi = {
  listPeople: () => admin<PeopleListResponse>('/v1/admin/people'),
  addPerson: (person: AddPersonRequest) => admin<PersonResponse>('/v1/admin/people', body('POST', person)),
  updatePerson: (id: string, change: UpdatePersonRequest) => admin<PersonResponse>(`/v1/admin/people/${id}`, body('PATCH', change)),
  inviteAgain: (id: string) => admin<{ invitation: CreatedInvitation }>(`/v1/admin/people/${id}/invitations`, { method: 'POST' }),
  saveSettings: (settings: Settings) => admin<{ settings: Settings }>('/v1/admin/settings', body('PUT', settings)),
  renameCouncil: (name: string) => admin<{ organisation: { id: string; name: string } }>('/v1/admin/organisation', body('PATCH', { name })),
  /** `search` from auditSearch (audit/auditFilters.ts). Admins and the central team. */
  audit: (search: string) => admin<AuditResponse>(`/v1/admin/audit${search}`),
  subjectAccess: (key: SubjectKey, value: string) => admin<SubjectAccessResponse>(`/v1/admin/subject-access${subjectSearch(key, value, 'json')}`),
  subjectAccessCsv: (key: SubjectKey, value: string) => admin<string>(`/v1/admin/subject-access${subjectSearch(key, value, 'csv')}`, {}, asText()),
  erase: (applicationId: string) => admin<EraseResponse>('/v1/admin/erase', body('POST', { applicationId })),
  eraseStaff: (staffId: string) => admin<EraseResponse>('/v1/admin/erase', body('POST', { staffId })),
  /** An application's or a staff record's erasure. */
  erasureProgress: (recordId: string) => admin<ErasureProgressResponse>(`/v1/admin/erasures/${recordId}`),
};
export type AdminApi = typeof adminApi;
