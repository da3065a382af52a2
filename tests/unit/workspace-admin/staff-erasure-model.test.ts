import { describe, expect, it } from 'vitest';
import type { StaffExport, SubjectAccessResponse } from '#shared/api/index';
import { heldStaff, staffErasureLines } from '@/ui/workspace/admin/subject-access/staffModel';
import { eraseButtonWords, erasurePlan, heldWords } from '@/ui/workspace/admin/subject-access/subjectAccessModel';

const JO = '00000000-0000-4000-8000-0000000000a1';
const staffOf = (id: string, over: Partial<StaffExport> = {}): StaffExport => ({
  staffId: id,
  staff: { id, postId: 'p1', name: 'Jo Leaving', role: 'senior_social_worker', fte: 0.8, startDate: '2022-01-10' },
  deleted: false,
  erased: false,
  records: {
    leavers: [{ id: 'l1', staffId: id, postId: 'p1', leavingDate: '2026-06-30', reason: 'workload', destination: 'agency', fte: 0.8 }],
    exit_interviews: [
      { id: 'e1', leaverId: 'l1', offeredOn: '2026-06-20', outcome: 'held', heldWith: 'Sam', themes: ['caseload'], notes: 'Too heavy' },
      { id: 'e2', leaverId: 'l1', offeredOn: '2026-06-21', outcome: 'declined', themes: [] },
    ],
    stay_conversations: [{ id: 's1', staffId: id, heldBy: 'u1', holderRole: 'principal_social_worker', heldOn: '2026-05-01', outcome: 'left', themes: [], notes: 'Agency' }],
    transfers: [],
    incentives: [{ id: 'i1', staffId: id, kind: 'retention_payment', amount: 2000, paidOn: [], clawbackMonths: 24 }],
    // The post they held, for its note (which the erasure takes too); one without a note holds no words.
    posts: [
      { id: 'p1', teamId: 't1', role: 'senior_social_worker', fte: 1, cover: 'vacant', note: 'Jo on phased return' },
      { id: 'p2', teamId: 't1', role: 'social_worker', fte: 1, cover: 'vacant' },
    ],
  },
  conflicts: [],
  changes: [],
  audit: [{ at: '2026-06-30T09:00:00Z', userId: 'u1', action: 'create', table: 'leavers', recordId: 'l1', fields: ['leavingDate'] }],
  ...over,
});
const body = (staff: StaffExport[]): SubjectAccessResponse => ({ generatedAt: '2026-12-03T09:00:00Z', matchedBy: 'name', applications: [], staff });

describe('erasure and subject access of a member of staff, in words', () => {
  it('shows each staff record found by name with the retention records about them', () => {
    const [jo] = heldStaff(body([staffOf(JO)]));
    expect(jo).toMatchObject({ id: JO, name: 'Jo Leaving', erased: false, summary: 'Senior social worker, started Mon 10 Jan 2022', audit: 1 });
    expect(jo!.lines).toEqual(['Left Tue 30 Jun 2026: Caseload / workload, to Agency work.', '2 exit interviews.', '1 Stay conversation.', '1 incentive payment.']);
    // Only records that hold words about them count as taken: the declined interview holds none.
    expect(jo!.wordsIn).toEqual({ exitInterviews: 1, stayConversations: 1, posts: 1 });
  });

  it('names what the erasure takes and what stays, and erases the staff record with the button', () => {
    const plan = erasurePlan([], 'Demo Council', heldStaff(body([staffOf(JO)])));
    expect(plan).toMatchObject({ applicationIds: [], staffIds: [JO], title: 'Erase Jo Leaving?' });
    expect(plan.lines).toEqual([
      '1 staff record: Senior social worker, started Mon 10 Jan 2022.',
      'Their name, and what 1 exit interview (notes, and the colleague it was held with), 1 Stay conversation (notes) and 1 post they held (notes) say, removed from the server, its change log and every browser of Demo Council (offline ones when they next sync).',
      'What stays, naming nobody: role, FTE, start and leaving dates, reasons, destinations, themes, transfers and payments, so turnover, stability and the other retention measures still count them.',
    ]);
    expect(eraseButtonWords(plan)).toBe('Erase the staff record');
    expect(eraseButtonWords({ applicationIds: ['a', 'b'], staffIds: [JO] })).toBe('Erase all 2 applications and the staff record');
    expect(heldWords(1, 1)).toBe('1 application and 1 staff record');
  });

  it('offers nothing to erase for a staff record erased already', () => {
    const erased = heldStaff(body([staffOf(JO, { erased: true, staff: { id: JO, name: null, role: 'social_worker', startDate: '2022-01-10', erased: true }, records: {} })]));
    expect(erased[0]).toMatchObject({ name: 'Erased member of staff', lines: [] });
    expect(erasurePlan([], 'Demo Council', erased).staffIds).toEqual([]);
    expect(staffErasureLines(erased, 'Demo Council')).toEqual([]);
  });
});
