/** Valid records of each synced table, for the contract suite and the worker tests. */
export const team = (over: Record<string, unknown> = {}) => ({ name: 'Assessment North', type: 'assessment', area: 'North', ...over });
export const vacancy = (over: Record<string, unknown> = {}) => ({
  title: 'Social worker, assessment',
  teamIds: [],
  role: 'social_worker',
  posts: 2,
  mode: 'rolling',
  status: 'open',
  ...over,
});
export const application = (vacancyId: string, over: Record<string, unknown> = {}) => ({
  vacancyId,
  name: 'Alex Candidate',
  email: 'alex@example.com',
  phone: '07700 900123',
  source: 'community_care',
  experience: 'experienced',
  yearsQualified: 4,
  receivedDate: '2026-03-02',
  ...over,
});
export const stageEvent = (applicationId: string, by: string, stage = 'shortlisted', over: Record<string, unknown> = {}) => ({
  applicationId,
  stage,
  at: new Date().toISOString(),
  by,
  ...(stage === 'rejected' ? { reason: 'not_qualified' } : {}),
  ...over,
});
export const rotaSlot = (managerId: string, week: string, duty = 'shortlisting', over: Record<string, unknown> = {}) => ({ week, duty, managerId, ...over });

export const post = (teamId: string, over: Record<string, unknown> = {}) => ({ teamId, role: 'social_worker', fte: 1, cover: 'permanent', ...over });
export const staffMember = (postId: string, over: Record<string, unknown> = {}) => ({ postId, name: 'Jo Holder', role: 'social_worker', fte: 1, startDate: '2023-09-04', ...over });
export const stayConversation = (staffId: string, heldBy: string, over: Record<string, unknown> = {}) => ({
  staffId,
  heldBy,
  holderRole: 'principal_social_worker',
  heldOn: '2026-10-12',
  outcome: 'open',
  themes: ['caseload'],
  notes: 'Thinking of going to an agency over travel',
  ...over,
});
