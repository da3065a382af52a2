import { describe, expect, it } from 'vitest';
import { computeRetentionReport } from '#shared/measures/index';
import { DEFAULT_SETTINGS, type CaseloadWeek, type Incentive, type Leaver, type Post, type Staff, type StayConversation, type Team, type Transfer, type Vacancy } from '#shared/schema/index';
import { caseloadChanges, caseloadGrid, lastWeeks } from '@/ui/workspace/retention/caseloadModel';
import { interviewChanges, interviewDraft, leaverLines } from '@/ui/workspace/retention/exitInterviewsModel';
import { incentiveChanges, incentiveDraft, incentiveLists } from '@/ui/workspace/retention/incentivesModel';
import { holderChanges, holderDraft, leaverDraft, offersRecruitment, planDeparture, recruitChanges, staffOnPosts } from '@/ui/workspace/retention/staffModel';
import { stayChanges, stayDraft, stayLines } from '@/ui/workspace/retention/stayModel';
import { requestChanges, requestable, transferLines } from '@/ui/workspace/retention/transfersModel';
import { retentionFigures } from '@/ui/workspace/central-team/retentionReportModel';

const uuid = (n: number) => `0190a6f0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const TOM = 'user-tom';
const ANA = 'user-ana';
const teams: Team[] = [
  { id: uuid(1), name: 'Assessment North', type: 'assessment', managerId: TOM },
  { id: uuid(2), name: 'Children in Care', type: 'children_in_care', managerId: ANA },
];
const posts: Post[] = [
  { id: uuid(11), teamId: uuid(1), role: 'social_worker', fte: 1, cover: 'permanent' },
  { id: uuid(12), teamId: uuid(1), role: 'social_worker', fte: 0.6, cover: 'vacant' },
  { id: uuid(13), teamId: uuid(2), role: 'senior_social_worker', fte: 1, cover: 'permanent' },
];
const staff: Staff[] = [
  { id: uuid(21), postId: uuid(11), name: 'Priya Shah', role: 'social_worker', fte: 1, startDate: '2022-04-04' },
  { id: uuid(22), postId: uuid(13), name: 'Sam Lee', role: 'senior_social_worker', fte: 1, startDate: '2019-01-07' },
];
const today = '2026-11-18';
const base = { teams, posts, staff, leavers: [] as Leaver[], vacancies: [] as Vacancy[] };
let next = 100;
const newId = () => uuid(next++);

describe('staff on posts', () => {
  it('shows each post’s holder, and offers leavers and recruitment only where the person may act', () => {
    const asTom = staffOnPosts({ ...base, userId: TOM, role: 'manager' }, today);
    expect(asTom.map((t) => [t.team.name, t.canAct])).toEqual([
      ['Assessment North', true],
      ['Children in Care', false],
    ]);
    expect(asTom[0]!.lines.map((l) => [l.holder?.name ?? null, offersRecruitment(l)])).toEqual([
      ['Priya Shah', false],
      [null, true],
    ]);
    expect(staffOnPosts({ ...base, userId: 'user-x', role: 'coordinator' }, today).every((t) => t.canAct)).toBe(true);
    // A holder working their notice still holds the post, and recruiting to it can start.
    const leaving: Leaver = { id: uuid(50), staffId: uuid(21), postId: uuid(11), leavingDate: '2026-12-31', reason: 'pay', destination: 'agency', fte: 1 };
    const noticed = staffOnPosts({ ...base, leavers: [leaving], userId: TOM, role: 'manager' }, today)[0]!.lines[0]!;
    expect([noticed.holder?.name, noticed.leaving?.id, offersRecruitment(noticed)]).toEqual(['Priya Shah', uuid(50), true]);
    expect(staffOnPosts({ ...base, userId: 'user-x', role: 'admin' }, today).some((t) => t.canAct)).toBe(false);
  });

  it('stops offering "recruit to this post" once a draft vacancy names it', () => {
    const draft = { id: uuid(31), ...recruitChanges(posts[1]!, teams[0]!, uuid(31))[0]!.fields } as Vacancy;
    expect(draft).toMatchObject({ status: 'draft', teamIds: [uuid(1)], role: 'social_worker', postIds: [uuid(12)], title: 'Social worker, Assessment North' });
    const lines = staffOnPosts({ ...base, vacancies: [draft], userId: TOM, role: 'manager' }, today)[0]!.lines;
    expect(lines[1]!.recruitment?.id).toBe(uuid(31));
    expect(offersRecruitment(lines[1]!)).toBe(false);
  });

  it('a new holder covers the post permanently; editing one changes only the staff record', () => {
    const d = { ...holderDraft(posts[1]!), name: ' Jo Bloggs ', startDate: '2026-12-01' };
    const changes = holderChanges(posts[1]!, uuid(40), d, true);
    expect(changes.map((c) => c.table)).toEqual(['staff', 'posts']);
    expect(changes[0]!.fields).toMatchObject({ postId: uuid(12), name: 'Jo Bloggs', fte: 0.6, role: 'social_worker' });
    expect(holderChanges(posts[0]!, uuid(21), holderDraft(posts[0]!, staff[0]), false).map((c) => c.table)).toEqual(['staff']);
  });
});

describe('recording a leaver', () => {
  const post = posts[0]!;
  const holder = staff[0]!;
  it('names each missing field', () => {
    const r = planDeparture(leaverDraft(), holder, post, today, newId);
    expect(r).toEqual({ ok: false, errors: { destination: 'choose where they are going', leavingDate: 'give their last day as a date', reason: 'choose the main reason' } });
    const move = planDeparture({ ...leaverDraft(), destination: 'internal_move', toTeamId: post.teamId }, holder, post, today, newId);
    expect(move).toEqual({ ok: false, errors: { toTeamId: 'an internal move is to another team' } });
  });
  it('frees the post and offers an exit interview; an internal move is a transfer request instead', () => {
    const r = planDeparture({ ...leaverDraft(), destination: 'another_council', leavingDate: '2026-11-30', reason: 'workload' }, holder, post, today, newId);
    if (!r.ok) throw new Error('expected a departure');
    expect(r.departure.kind).toBe('leaver');
    expect(r.departure.changes.map((c) => c.table).sort()).toEqual(['exit_interviews', 'leavers', 'posts']);
    expect(r.departure.changes.find((c) => c.table === 'posts')!.fields).toMatchObject({ cover: 'vacant' });
    const move = planDeparture({ ...leaverDraft(), destination: 'internal_move', toTeamId: uuid(2) }, holder, post, today, newId);
    if (!move.ok) throw new Error('expected a transfer');
    expect(move.departure.changes.map((c) => c.table)).toEqual(['transfers']);
  });
});

describe('exit interviews', () => {
  const leaver: Leaver = { id: uuid(51), staffId: uuid(21), postId: uuid(11), leavingDate: '2026-11-30', reason: 'workload', destination: 'agency', fte: 1 };
  it('lists leavers with their team, editable by that team’s manager only', () => {
    const data = { leavers: [leaver], staff, posts, teams, exitInterviews: [] };
    expect(leaverLines({ ...data, userId: TOM, role: 'manager' })[0]).toMatchObject({ name: 'Priya Shah', canEdit: true, interview: null });
    expect(leaverLines({ ...data, userId: ANA, role: 'manager' })[0]!.canEdit).toBe(false);
  });
  it('shows an interview that arrived redacted (outside the reader’s scope) read-only, with its outcome and themes', () => {
    const redacted = { id: uuid(53), leaverId: leaver.id, offeredOn: '2026-11-20', outcome: 'held' as const, heldOn: '2026-11-25', heldWith: null, themes: ['pay'], notes: null, redacted: true };
    const data = { leavers: [leaver], staff, posts, teams, exitInterviews: [redacted] };
    // Even a role that may edit every interview (or a manager whose scope has not caught up yet) gets no form for it.
    for (const [userId, role] of [[TOM, 'manager'], ['user-c', 'coordinator']] as const) {
      expect(leaverLines({ ...data, userId, role })[0]).toMatchObject({ outsideScope: true, canEdit: false, interview: { outcome: 'held', themes: ['pay'] } });
    }
    const whole = { ...redacted, heldWith: 'Ana', notes: 'pay', redacted: undefined };
    expect(leaverLines({ ...data, exitInterviews: [whole], userId: TOM, role: 'manager' })[0]).toMatchObject({ outsideScope: false, canEdit: true });
  });
  it('keeps themes and a held date to held interviews', () => {
    const d = { ...interviewDraft(null, today), outcome: 'declined' as const, themes: ['pay'] };
    expect(interviewChanges(leaver.id, uuid(52), d)).toEqual({ ok: false, errors: { themes: 'themes come from a held interview' } });
    expect(interviewChanges(leaver.id, uuid(52), { ...d, outcome: 'held', heldOn: '2026-11-01' })).toEqual({ ok: false, errors: { heldOn: 'it was held on or after the day it was offered' } });
    const ok = interviewChanges(leaver.id, uuid(52), { ...d, outcome: 'held', heldOn: '2026-11-20', heldWith: 'Ana' });
    expect(ok.ok && ok.changes[0]!.fields).toMatchObject({ outcome: 'held', heldOn: '2026-11-20', themes: ['pay'], heldWith: 'Ana' });
  });
});

describe('Stay conversations', () => {
  const conversation: StayConversation = { id: uuid(61), staffId: uuid(22), heldBy: ANA, holderRole: 'principal_social_worker', heldOn: '2026-10-14', outcome: 'stayed', themes: ['caseload'], notes: 'Sam may go to agency work' };
  it('shows the person to the holder and admins only; another manager sees quarter, outcome and themes', () => {
    expect(stayLines([conversation], staff, ANA, 'manager')[0]).toMatchObject({ visible: true, person: 'Sam Lee', heldOn: '2026-10-14' });
    expect(stayLines([conversation], staff, 'user-admin', 'admin')[0]).toMatchObject({ visible: true, person: 'Sam Lee' });
    const other = stayLines([conversation], staff, TOM, 'manager')[0]!;
    expect(other).toEqual({ visible: false, id: uuid(61), quarter: '2026-Q4', outcome: 'stayed', themes: ['caseload'] });
    expect(JSON.stringify(stayLines([conversation], staff, 'user-c', 'central'))).not.toMatch(/Sam|agency work|2026-10-14/);
  });
  it('is recorded as held by the person writing it', () => {
    expect(stayChanges(uuid(62), stayDraft(null, today), TOM)).toEqual({ ok: false, errors: { staffId: 'choose who it was with', holderRole: 'say in which role you held it' } });
    const ok = stayChanges(uuid(62), { ...stayDraft(null, today), staffId: uuid(22), holderRole: 'hr_business_partner' }, TOM);
    expect(ok.ok && ok.changes[0]!.fields).toMatchObject({ heldBy: TOM, staffId: uuid(22), outcome: 'open' });
  });
});

describe('transfers', () => {
  const t: Transfer = { id: uuid(71), staffId: uuid(21), fromTeamId: uuid(1), toTeamId: uuid(2), requestedOn: '2026-10-01', decision: 'pending' };
  it('counts days waiting to today until the move, and lets either team’s manager decide and only editors move', () => {
    const data = { ...base, transfers: [t] };
    expect(transferLines({ ...data, userId: ANA, role: 'manager' }, today)[0]).toMatchObject({ waitingDays: 48, canDecide: true, canMove: false });
    const approved = { ...t, decision: 'approved' as const, decidedOn: '2026-10-10' };
    const asCoordinator = transferLines({ ...data, transfers: [approved], userId: 'x', role: 'coordinator' }, today)[0]!;
    expect(asCoordinator).toMatchObject({ canDecide: false, canMove: true });
    expect(asCoordinator.freePosts.map((p) => p.id)).toEqual([]); // CiC's only post is held by Sam
    const moved = { ...approved, movedOn: '2026-11-02' };
    expect(transferLines({ ...data, transfers: [moved], userId: 'x', role: 'coordinator' }, today)[0]).toMatchObject({ waitingDays: 32, canMove: false });
  });
  it('asks only for people in the teams this person may act for, to another team', () => {
    const data = { ...base, transfers: [], userId: TOM, role: 'manager' as const };
    const people = requestable(data, today);
    expect(people.map((p) => p.staff.name)).toEqual(['Priya Shah']);
    expect(requestChanges({ staffId: uuid(21), toTeamId: uuid(1), requestedOn: today }, people, newId)).toEqual({ ok: false, errors: { toTeamId: 'a transfer is to another team' } });
    const ok = requestChanges({ staffId: uuid(21), toTeamId: uuid(2), requestedOn: today }, people, newId);
    expect(ok.ok && ok.changes[0]).toMatchObject({ table: 'transfers', fields: { fromTeamId: uuid(1), toTeamId: uuid(2), decision: 'pending', requestedOn: today } });
  });
});

describe('incentives', () => {
  it('lists what each person in post would repay today and the referral rewards due', () => {
    const hire: Staff = { id: uuid(23), postId: uuid(12), name: 'Jo Bloggs', role: 'social_worker', fte: 0.6, startDate: '2026-03-02', applicationId: uuid(81) };
    const incentives: Incentive[] = [
      { id: uuid(91), staffId: uuid(21), kind: 'golden_hello', amount: 2000, paidOn: ['2026-06-01'], clawbackMonths: 12, clawbackBasis: 'full' },
      { id: uuid(92), staffId: uuid(22), kind: 'refer_a_friend', amount: 500, paidOn: [], clawbackMonths: 0, clawbackBasis: 'full', referredApplicationId: uuid(81) },
    ];
    const lists = incentiveLists({ incentives, staff: [...staff, hire], leavers: [] }, 6, today);
    expect(lists.clawbacks.map((c) => [c.name, c.total])).toEqual([['Priya Shah', 2000]]);
    expect(lists.due.map((r) => [r.referrer, r.hire, r.dueOn])).toEqual([['Sam Lee', 'Jo Bloggs', '2026-09-02']]);
  });
  it('checks the form field by field', () => {
    const d = { ...incentiveDraft(), kind: 'refer_a_friend' as const, amount: 'lots', paidOn: '2026-01-01, 1 May' };
    expect(incentiveChanges(uuid(93), d)).toEqual({
      ok: false,
      errors: { staffId: 'choose who referred', amount: 'give the amount in pounds', paidOn: 'not a date: 1, May (write 2026-04-30)', referredApplicationId: 'choose the application of the person referred' },
    });
  });
});

describe('caseload', () => {
  it('shows the last weeks per team against the limit and writes one record per team and week', () => {
    expect(lastWeeks('2026-11-18', 3)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    const weeks: CaseloadWeek[] = [{ id: uuid(95), teamId: uuid(1), weekStart: '2026-11-16', casesHeld: 26, fteHoldingCases: 1.6 }];
    const grid = caseloadGrid({ teams, posts, caseloadWeeks: weeks }, 15, today, 2);
    expect(grid.teams[0]!.cells.map((c) => c && [c.caseload, c.overLimit])).toEqual([null, [16.3, true]]);
    expect(grid.teams[0]!.establishmentFte).toBe(1); // the permanent post; the vacant one holds no cases
    const again = caseloadChanges(weeks, uuid(1), '2026-11-16', { casesHeld: '24', fteHoldingCases: '1.6' }, TOM, newId);
    expect(again.ok && again.changes[0]!.id).toBe(uuid(95));
    expect(caseloadChanges(weeks, uuid(1), '2026-11-16', { casesHeld: '', fteHoldingCases: 'x' }, TOM, newId)).toEqual({ ok: false, errors: { casesHeld: 'give the number of cases held', fteHoldingCases: 'give the FTE holding cases' } });
  });
});

describe('retention figures for the report', () => {
  it('puts each figure beside the council’s target and England’s', () => {
    const leaver: Leaver = { id: uuid(51), staffId: uuid(21), postId: uuid(11), leavingDate: '2026-06-30', reason: 'pay', destination: 'another_council', fte: 1 };
    const report = computeRetentionReport(
      { staff, posts, leavers: [leaver], exitInterviews: [], stayConversations: [], transfers: [], cohorts: [], caseloadWeeks: [], caseloadLimit: 15 },
      { from: '2026-10-01', to: today },
      today,
    );
    const figures = retentionFigures(report, { ...DEFAULT_SETTINGS, turnoverTargetPercent: 10 });
    // Year to 30 Sep 2026: Priya's 1 FTE left; in post at its end: Sam, 1 FTE.
    expect(figures.find((f) => f.id === 'turnover-census')).toEqual({ id: 'turnover-census', label: 'Turnover, year to 2026-09-30 (DfE census)', value: '100%', target: '≤ 10%', national: '15.9%' });
    expect(figures.find((f) => f.id === 'caseload')).toMatchObject({ target: '≤ 15', national: '16' });
  });
});
