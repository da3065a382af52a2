import type { Application, Incentive, Leaver, Post, Staff, StageEvent, Vacancy } from '#shared/schema/index';

/** Small hand-made records for the staff rules' tests: ids are readable UUIDs. */
export const U = (n: number) => `0190b000-0000-7000-8000-${String(n).padStart(12, '0')}`;
export const [NORTH, SOUTH] = [U(1), U(2)];

export const post = (n: number, over: Partial<Post> = {}): Post => ({ id: U(100 + n), teamId: NORTH, role: 'social_worker', fte: 1, cover: 'vacant', ...over });
export const person = (n: number, over: Partial<Staff> = {}): Staff => ({ id: U(200 + n), postId: U(100 + n), name: `Person ${n}`, role: 'social_worker', fte: 1, startDate: '2024-04-01', ...over });
export const leaver = (staff: Staff, leavingDate: string, over: Partial<Leaver> = {}): Leaver => ({
  id: U(300 + Number(staff.id.slice(-3))),
  staffId: staff.id,
  postId: staff.postId,
  leavingDate,
  reason: 'workload',
  destination: 'another_council',
  fte: staff.fte,
  ...over,
});
export const vacancy = (over: Partial<Vacancy> = {}): Vacancy => ({
  id: U(400),
  title: 'Social worker, North',
  teamIds: [NORTH],
  role: 'social_worker',
  posts: 1,
  mode: 'rolling',
  status: 'open',
  ...over,
});
export const application = (over: Partial<Application> = {}): Application => ({
  id: U(500),
  vacancyId: U(400),
  name: 'Sam Starter',
  source: 'community_care',
  experience: 'experienced',
  receivedDate: '2026-01-05',
  ...over,
});
let e = 0;
export const event = (stage: StageEvent['stage'], at: string, applicationId = U(500)): StageEvent => ({ id: U(600 + ++e), applicationId, stage, at, by: 'u-cara' });
export const toStart = (startedAt: string, applicationId = U(500)): StageEvent[] =>
  (['applied', 'shortlisted', 'interviewed', 'offered', 'accepted', 'checks_complete'] as const)
    .map((s, i) => event(s, `2026-01-${String(5 + i).padStart(2, '0')}T10:00:00Z`, applicationId))
    .concat(event('started', startedAt, applicationId));
export const incentive = (over: Partial<Incentive> = {}): Incentive => ({
  id: U(700),
  staffId: U(201),
  kind: 'golden_hello',
  amount: 2000,
  paidOn: [],
  clawbackMonths: 12,
  clawbackBasis: 'full',
  ...over,
});
export const ids = () => {
  let n = 900;
  return () => U(++n);
};
