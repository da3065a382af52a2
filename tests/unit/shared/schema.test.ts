import { describe, expect, it } from 'vitest';
import {
  applicationSchema,
  describeIssues,
  pushRequestSchema,
  stageEventSchema,
  vacancySchema,
  postSchema,
  DEFAULT_SETTINGS,
} from '#shared/schema/index';

const uuid = (n: number) => `0190a6f0-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('entity schemas', () => {
  it('accepts a well-formed application and names each problem of a bad one', () => {
    const ok = applicationSchema.safeParse({
      id: uuid(1), vacancyId: uuid(2), name: 'Ada Lovelace', email: 'ada@example.org',
      source: 'community_care', experience: 'experienced', yearsQualified: 4, receivedDate: '2026-03-02',
    });
    expect(ok.success).toBe(true);

    const bad = applicationSchema.safeParse({
      id: 'x', vacancyId: uuid(2), name: '', email: 'not-an-email', source: 'linkedin',
      experience: 'experienced', receivedDate: '2026-02-30',
    });
    expect(bad.success).toBe(false);
    const lines = describeIssues(bad.error!);
    expect(lines).toContain('id: must be a UUID');
    expect(lines).toContain('email: must be an email address');
    expect(lines.find((l) => l.startsWith('source: must be one of community_care'))).toBeDefined();
    expect(lines).toContain('receivedDate: must be a date written YYYY-MM-DD');
    expect(lines).toContain('name: must not be empty');
  });

  it('requires a referrer for referrals and a reason for exits', () => {
    const referral = applicationSchema.safeParse({
      id: uuid(1), vacancyId: uuid(2), name: 'B', source: 'referral', experience: 'nqsw', receivedDate: '2026-03-02',
    });
    expect(describeIssues(referral.error!)).toEqual(['referrer: a referral needs the referrer']);

    const rejected = stageEventSchema.safeParse({ id: uuid(3), applicationId: uuid(1), stage: 'rejected', at: '2026-03-02T10:00:00Z', by: 'u1', reason: 'salary' });
    expect(describeIssues(rejected.error!)[0]).toMatch(/^reason: a rejection needs a reason/);
    const withdrawn = stageEventSchema.safeParse({ id: uuid(3), applicationId: uuid(1), stage: 'withdrawn', at: '2026-03-02T10:00:00Z', by: 'u1', reason: 'salary' });
    expect(withdrawn.success).toBe(true);
  });

  it('keeps agency details to agency-covered posts and closing dates to closing-date vacancies', () => {
    const post = postSchema.safeParse({ id: uuid(1), teamId: uuid(2), role: 'social_worker', fte: 1, cover: 'permanent', agencyName: 'Acme' });
    expect(describeIssues(post.error!)).toEqual(['cover: agency name and cost belong only to a post covered by an agency']);
    const vacancy = vacancySchema.safeParse({ id: uuid(1), title: 'SW', teamIds: [], role: 'social_worker', posts: 1, mode: 'closing-date', status: 'open' });
    expect(describeIssues(vacancy.error!)).toEqual(['closingDate: an open closing-date vacancy needs a closing date']);
  });

  it('defaults settings to 5 working days in England and Wales', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ division: 'england-and-wales', shortlistWorkingDays: 5, interviewWorkingDays: 5 });
  });

  it('refuses an unknown table in a push and says which tables exist', () => {
    const res = pushRequestSchema.safeParse({
      clientId: 'client-0001', schemaVersion: 1,
      mutations: [{ id: uuid(9), seq: 1, table: 'salaries', op: 'upsert', recordId: uuid(1), hlc: '1767225600000:000000:client-0001' }],
    });
    expect(describeIssues(res.error!)[0]).toMatch(/^mutations\.0\.table: must be one of teams, posts/);
  });
});
