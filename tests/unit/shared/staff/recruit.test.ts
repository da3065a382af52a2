import { describe, expect, it } from 'vitest';
import { vacancySchema } from '#shared/schema/index';
import { holderFromHire, vacancyDraftForPost } from '#shared/staff/index';
import { application, ids, NORTH, post, toStart, U } from './fixtures';

describe('"recruit to this post"', () => {
  it('is a valid draft vacancy filled in from the post, naming it, so its starter becomes the post holder', () => {
    const freed = post(1, { role: 'senior_social_worker', cover: 'vacant' });
    const draft = vacancyDraftForPost(freed, { name: 'Assessment North' });
    expect(draft).toEqual({ title: 'Senior social worker, Assessment North', teamIds: [NORTH], role: 'senior_social_worker', posts: 1, mode: 'rolling', status: 'draft', postIds: [U(101)] });
    const vacancy = vacancySchema.parse({ id: U(400), ...draft });
    // Another vacant post of the same team and role comes first by id; the named post still wins.
    const out = holderFromHire({ application: application(), events: toStart('2026-04-01T09:00:00Z'), vacancy, posts: [post(0, { role: 'senior_social_worker' }), freed], staff: [], leavers: [], newId: ids() });
    expect(out).toMatchObject({ kind: 'holder', postId: U(101) });
  });
});
