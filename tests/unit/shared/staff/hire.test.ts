import { describe, expect, it } from 'vitest';
import { holderFromHire } from '#shared/staff/index';
import { application, event, ids, leaver, person, post, SOUTH, toStart, U, vacancy } from './fixtures';

const input = (over: Partial<Parameters<typeof holderFromHire>[0]> = {}) => ({
  application: application(),
  events: toStart('2026-03-01T23:30:00Z'),
  vacancy: vacancy(),
  posts: [post(1), post(2, { cover: 'agency', agencyName: 'Sanctuary', agencyWeeklyCost: 1900 })],
  staff: [],
  leavers: [],
  newId: ids(),
  ...over,
});

/** The new staff record's fields, when the hire made a holder. */
const holderFields = (out: ReturnType<typeof holderFromHire>) => (out.kind === 'holder' ? out.changes[0]!.fields : null);

describe('a hire that starts becomes the post holder', () => {
  it('the started candidate holds a free post of the vacancy from their London start date, and the post is covered permanently', () => {
    const out = holderFromHire(input({ posts: [post(2, { cover: 'agency', agencyName: 'Sanctuary', agencyWeeklyCost: 1900 }), post(1, { fte: 0.8 })] }));
    expect(out).toEqual({
      kind: 'holder',
      staffId: U(901),
      postId: U(101),
      changes: [
        {
          table: 'staff',
          id: U(901),
          // 23:30 UTC on 1 March is still 1 March in London (GMT); the vacant post comes before the agency-covered one.
          fields: { postId: U(101), name: 'Sam Starter', role: 'social_worker', fte: 0.8, startDate: '2026-03-01', asyeStatus: null, ecf: null, applicationId: U(500), fromAgency: false },
        },
        { table: 'posts', id: U(101), fields: { cover: 'permanent', agencyName: null, agencyWeeklyCost: null, coverEndDate: null } },
      ],
    });
  });

  it('a post the vacancy names wins, even when agency-covered; an agency worker converting is marked', () => {
    const out = holderFromHire(input({ vacancy: vacancy({ postIds: [U(102)] }), application: application({ source: 'agency' }) }));
    expect(out).toMatchObject({ kind: 'holder', postId: U(102) });
    expect(holderFields(out)).toMatchObject({ postId: U(102), fromAgency: true });
  });

  it('a newly qualified starter is on the ASYE, or on the Early Career Framework from September 2026', () => {
    const nqsw = application({ experience: 'nqsw' });
    expect(holderFields(holderFromHire(input({ application: nqsw, events: toStart('2026-08-31T09:00:00Z') })))).toMatchObject({ asyeStatus: 'in_progress', ecf: 'asye' });
    expect(holderFields(holderFromHire(input({ application: nqsw, events: toStart('2026-09-01T09:00:00Z') })))).toMatchObject({ asyeStatus: 'in_progress', ecf: 'ecf' });
  });

  it('only a current start counts, and a hire made holder once is not made holder again', () => {
    expect(holderFromHire(input({ events: toStart('2026-03-01T09:00:00Z').slice(0, -1) }))).toEqual({ kind: 'not_started' });
    const made = person(9, { applicationId: U(500) });
    expect(holderFromHire(input({ staff: [made] }))).toEqual({ kind: 'already_holder', staffId: made.id });
  });

  it('skips posts someone holds, of other teams or roles, or covered permanently by someone unknown; says so when none is left', () => {
    const held = person(1, { startDate: '2025-01-01' });
    const posts = [post(1), post(3, { teamId: SOUTH }), post(4, { role: 'senior_social_worker' }), post(5, { cover: 'permanent' }), post(6, { cover: 'interim' })];
    expect(holderFromHire(input({ posts, staff: [held] }))).toMatchObject({ kind: 'holder', postId: U(106) });
    expect(holderFromHire(input({ posts: posts.slice(0, 4), staff: [held] }))).toMatchObject({ kind: 'no_free_post', message: expect.stringMatching(/^no post of "Social worker, North" is free on 2026-03-01/) });
    // Once the holder has left (their last day before the start), their post is free again.
    expect(holderFromHire(input({ posts: posts.slice(0, 4), staff: [held], leavers: [leaver(held, '2026-02-27')] }))).toMatchObject({ kind: 'holder', postId: U(101) });
  });

  it('an erased candidate is not made a holder by name', () => {
    expect(holderFromHire(input({ application: application({ name: null, erased: true }) }))).toMatchObject({ kind: 'no_free_post', message: expect.stringMatching(/erased/) });
  });

  it('a start reopened into an exit is no longer a start', () => {
    const events = [...toStart('2026-03-01T09:00:00Z'), event('withdrawn', '2026-03-02T09:00:00Z')];
    expect(holderFromHire(input({ events }))).toEqual({ kind: 'not_started' });
  });
});
