import { describe, expect, it } from 'vitest';
import { leaverSchema, postSchema, transferSchema } from '#shared/schema/index';
import { completeTransfer, holderOf, inPostOn, recordDeparture } from '#shared/staff/index';
import { ids, leaver, NORTH, person, post, SOUTH, U } from './fixtures';

const holder = person(1, { fte: 0.6 });
/** A fresh id source each time, so every case's ids start at U(901). */
const base = () => ({ staff: holder, post: post(1, { cover: 'permanent' }), today: '2026-11-20', newId: ids() });

describe('recording a leaver frees the post', () => {
  it('records the leaver with their FTE, makes the post vacant, and offers the exit interview', () => {
    const out = recordDeparture({ ...base(), leavingDate: '2026-12-31', reason: 'workload', destination: 'another_council', coverAfter: { cover: 'vacant' } });
    expect(out).toEqual({
      kind: 'leaver',
      leaverId: U(901),
      exitInterviewId: U(902),
      changes: [
        { table: 'leavers', id: U(901), fields: { staffId: holder.id, postId: U(101), leavingDate: '2026-12-31', reason: 'workload', destination: 'another_council', fte: 0.6 } },
        { table: 'posts', id: U(101), fields: { cover: 'vacant', agencyName: null, agencyWeeklyCost: null, coverEndDate: null } },
        { table: 'exit_interviews', id: U(902), fields: { leaverId: U(901), offeredOn: '2026-11-20', outcome: 'pending', themes: [] } },
      ],
    });
    // Each record the rule asks for is valid as the worker will check it.
    const [leaverChange, postChange] = out.changes;
    expect(leaverSchema.safeParse({ id: leaverChange!.id, ...leaverChange!.fields }).success).toBe(true);
    expect(postSchema.safeParse({ ...post(1), ...postChange!.fields }).success).toBe(true);
  });

  it('or covers it by an agency from the day after', () => {
    const out = recordDeparture({
      ...base(),
      leavingDate: '2026-12-31',
      reason: 'pay',
      destination: 'agency',
      coverAfter: { cover: 'agency', agencyName: 'Hays', agencyWeeklyCost: 2100, coverEndDate: '2027-03-31' },
    });
    expect(out.changes[1]).toEqual({ table: 'posts', id: U(101), fields: { cover: 'agency', agencyName: 'Hays', agencyWeeklyCost: 2100, coverEndDate: '2027-03-31' } });
  });

  it('the leaving date is their last day in post: the post has no holder from the day after', () => {
    const gone = leaver(holder, '2026-12-31');
    expect(inPostOn(holder, [gone], '2026-12-31')).toBe(true);
    expect(holderOf(U(101), [holder], [gone], '2026-12-31')).toEqual(holder);
    expect(holderOf(U(101), [holder], [gone], '2027-01-01')).toBeNull();
    // Nor before they started.
    expect(holderOf(U(101), [holder], [], '2024-03-31')).toBeNull();
  });
});

describe('an internal move is a transfer, not a leaver', () => {
  it('records a transfer request from the post\'s team and no leaver; the post is not freed yet', () => {
    const out = recordDeparture({ ...base(), destination: 'internal_move', toTeamId: SOUTH });
    expect(out).toEqual({
      kind: 'transfer',
      transferId: U(901),
      changes: [{ table: 'transfers', id: U(901), fields: { staffId: holder.id, fromTeamId: NORTH, toTeamId: SOUTH, requestedOn: '2026-11-20', decision: 'pending' } }],
    });
    expect(out.changes.map((c) => c.table)).not.toContain('leavers');
    expect(out.changes.map((c) => c.table)).not.toContain('posts');
  });

  it('once approved, the move takes the staff record to the new post: the old one vacant, the new one permanent, still no leaver', () => {
    const transfer = transferSchema.parse({ id: U(800), staffId: holder.id, fromTeamId: NORTH, toTeamId: SOUTH, requestedOn: '2026-10-01', decidedOn: '2026-10-15', decision: 'approved' });
    const toPost = post(7, { teamId: SOUTH, cover: 'agency', agencyName: 'Hays' });
    const out = completeTransfer({ transfer, staff: holder, toPost, movedOn: '2026-11-02' });
    expect(out).toEqual({
      kind: 'moved',
      changes: [
        { table: 'transfers', id: U(800), fields: { movedOn: '2026-11-02', toPostId: U(107) } },
        { table: 'staff', id: holder.id, fields: { postId: U(107) } },
        { table: 'posts', id: U(101), fields: { cover: 'vacant', agencyName: null, agencyWeeklyCost: null, coverEndDate: null } },
        { table: 'posts', id: U(107), fields: { cover: 'permanent', agencyName: null, agencyWeeklyCost: null, coverEndDate: null } },
      ],
    });
    // The moved person holds the new post: the same staff record, in post throughout.
    const moved = { ...holder, postId: U(107) };
    expect(holderOf(U(107), [moved], [], '2026-11-02')).toEqual(moved);
    expect(holderOf(U(101), [moved], [], '2026-11-02')).toBeNull();
  });

  it('refuses a move that is not approved, for someone else, or into another team\'s post', () => {
    const pending = transferSchema.parse({ id: U(800), staffId: holder.id, fromTeamId: NORTH, toTeamId: SOUTH, requestedOn: '2026-10-01', decision: 'pending' });
    const approved = { ...pending, decision: 'approved' as const };
    const southPost = post(7, { teamId: SOUTH });
    expect(completeTransfer({ transfer: pending, staff: holder, toPost: southPost, movedOn: '2026-11-02' })).toEqual({ kind: 'refused', message: expect.stringMatching(/pending, not approved/) });
    expect(completeTransfer({ transfer: approved, staff: person(2), toPost: southPost, movedOn: '2026-11-02' })).toEqual({ kind: 'refused', message: expect.stringMatching(/someone else/) });
    expect(completeTransfer({ transfer: approved, staff: holder, toPost: post(8), movedOn: '2026-11-02' })).toEqual({ kind: 'refused', message: expect.stringMatching(/another team/) });
  });

  it('a transfer to the same team, or a move date on one not approved, is not a valid record', () => {
    const t = { id: U(800), staffId: holder.id, fromTeamId: NORTH, toTeamId: NORTH, requestedOn: '2026-10-01', decision: 'pending' };
    expect(transferSchema.safeParse(t).error?.issues.map((i) => i.message)).toEqual(['a transfer moves to another team']);
    expect(transferSchema.safeParse({ ...t, toTeamId: SOUTH, movedOn: '2026-11-01' }).error?.issues.map((i) => i.message)).toEqual(['only an approved transfer has a move date']);
  });
});
