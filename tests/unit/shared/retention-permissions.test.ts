import { describe, expect, it } from 'vitest';
import { formatHlc } from '#shared/hlc';
import type { Mutation, SyncTable, UserRole } from '#shared/schema/index';
import { roleRefusal } from '#shared/sync/permissions';
import type { RowLookup, SyncRow } from '#shared/sync/rows';

// Who may write the retention tables (shared/sync/retention-permissions.ts, through roleRefusal).

const U = (n: number) => `0190c000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const [MINE, THEIRS, MY_POST, THEIR_POST, PERSON, LEAVER, STAY, TRANSFER, DRAFT] = [U(1), U(2), U(3), U(4), U(5), U(6), U(7), U(8), U(9)];
const row = (id: string, data: Record<string, unknown>): SyncRow => ({ id, data: { id, ...data }, clocks: {}, arrivals: {}, deleted: false, erased: false, createdAt: '2026-03-01T00:00:00Z' });
const rows: Partial<Record<SyncTable, SyncRow[]>> = {
  teams: [row(MINE, { name: 'North', type: 'assessment', managerId: 'u-mia' }), row(THEIRS, { name: 'South', type: 'assessment', managerId: 'u-max' })],
  posts: [row(MY_POST, { teamId: MINE, role: 'social_worker', fte: 1, cover: 'permanent' }), row(THEIR_POST, { teamId: THEIRS, role: 'social_worker', fte: 1, cover: 'permanent' })],
  leavers: [row(LEAVER, { staffId: PERSON, postId: MY_POST, leavingDate: '2026-12-31', reason: 'pay', destination: 'agency', fte: 1 })],
  stay_conversations: [row(STAY, { staffId: PERSON, heldBy: 'u-pat', holderRole: 'principal_social_worker', heldOn: '2026-11-02', outcome: 'open', themes: [] })],
  transfers: [row(TRANSFER, { staffId: PERSON, fromTeamId: THEIRS, toTeamId: MINE, requestedOn: '2026-11-01', decision: 'pending' })],
  vacancies: [row(DRAFT, { title: 'SW', teamIds: [MINE], role: 'social_worker', posts: 1, mode: 'rolling', status: 'draft' })],
};
const lookup: RowLookup = { get: (t, id) => rows[t]?.find((r) => r.id === id) ?? null, all: (t) => rows[t] ?? [] };
let seq = 0;
const m = (table: SyncTable, recordId: string, op: Mutation['op'] = 'upsert'): Mutation => ({ id: U(1000 + ++seq), seq, table, op, recordId, hlc: formatHlc({ wall: Date.UTC(2026, 10, 20), counter: 0, node: 'c1' }) });
const as = (userId: string, role: UserRole) => (mut: Mutation, fields: Record<string, unknown> = {}) =>
  roleRefusal(mut, fields, { caller: { userId, role }, thisWeek: '2026-11-16', settings: { managersDecideOwnTeam: false }, rows: lookup, people: () => null });
const mia = as('u-mia', 'manager');
const cara = as('u-cara', 'coordinator');
const pat = as('u-pat', 'central');
const admin = as('u-ada', 'admin');

describe('Stay conversations: the holder and admins only, whatever the role', () => {
  it('the holder records their own and changes it; admins may change any, and hand it to another holder', () => {
    expect(cara(m('stay_conversations', U(50)), { staffId: PERSON, heldBy: 'u-cara', holderRole: 'hr_business_partner' })).toBeNull();
    expect(pat(m('stay_conversations', STAY), { outcome: 'stayed' })).toBeNull();
    expect(pat(m('stay_conversations', STAY, 'delete'))).toBeNull();
    expect(admin(m('stay_conversations', STAY), { heldBy: 'u-cara' })).toBeNull();
  });

  it('nobody else, not even the central team or a coordinator, changes, deletes or takes over one they do not hold', () => {
    expect(cara(m('stay_conversations', STAY), { outcome: 'left' })).toMatch(/^a Stay conversation is confidential: only its holder and admins/);
    expect(as('u-cat', 'central')(m('stay_conversations', STAY, 'delete'))).toMatch(/only its holder and admins/);
    expect(mia(m('stay_conversations', STAY), { heldBy: 'u-mia' })).toMatch(/only its holder and admins/);
    expect(cara(m('stay_conversations', U(51)), { staffId: PERSON, heldBy: 'u-pat' })).toMatch(/recorded by the person who held it/);
    expect(pat(m('stay_conversations', STAY), { heldBy: 'u-cara' })).toMatch(/only admins hand one to another holder/);
  });
});

describe('managers: leavers, exit interviews, transfers, post cover and draft vacancies of their own teams', () => {
  it('records a leaver and the exit interview for a post of their team, not another team\'s', () => {
    expect(mia(m('leavers', U(60)), { staffId: PERSON, postId: MY_POST })).toBeNull();
    expect(mia(m('leavers', U(61)), { staffId: PERSON, postId: THEIR_POST })).toMatch(/only for posts of a team they manage/);
    expect(as('u-max', 'manager')(m('leavers', LEAVER), { reason: 'workload' })).toMatch(/only for posts of a team they manage/);
    // Moving a leaver of theirs to another team's post is not theirs either.
    expect(mia(m('leavers', LEAVER), { postId: THEIR_POST })).toMatch(/only for posts of a team they manage/);
    expect(mia(m('exit_interviews', U(62)), { leaverId: LEAVER, offeredOn: '2026-11-20', outcome: 'pending' })).toBeNull();
    expect(as('u-max', 'manager')(m('exit_interviews', U(63)), { leaverId: LEAVER })).toMatch(/exit interviews only for leavers of a team they manage/);
  });

  it('frees a post of their team (cover fields only); the establishment itself stays with coordinators', () => {
    expect(mia(m('posts', MY_POST), { cover: 'vacant', agencyName: null, agencyWeeklyCost: null, coverEndDate: null })).toBeNull();
    expect(mia(m('posts', MY_POST), { cover: 'vacant', fte: 0.5 })).toMatch(/not its fte/);
    expect(mia(m('posts', THEIR_POST), { cover: 'vacant' })).toMatch(/only of posts of a team they manage/);
    expect(mia(m('posts', U(64)), { teamId: MINE, role: 'social_worker', fte: 1, cover: 'vacant' })).toMatch(/shape the establishment/);
    expect(mia(m('posts', MY_POST, 'delete'))).toMatch(/shape the establishment/);
  });

  it('requests or decides a transfer from or to their team, and drafts a vacancy for their own teams only', () => {
    expect(mia(m('transfers', TRANSFER), { decision: 'approved', decidedOn: '2026-11-20' })).toBeNull();
    expect(mia(m('transfers', U(65)), { staffId: PERSON, fromTeamId: MINE, toTeamId: THEIRS })).toBeNull();
    expect(as('u-moe', 'manager')(m('transfers', TRANSFER), { decision: 'declined' })).toMatch(/from or to a team they manage/);
    expect(mia(m('transfers', TRANSFER, 'delete'))).toMatch(/withdrawn/);
    expect(mia(m('vacancies', U(66)), { title: 'SW', teamIds: [MINE], role: 'social_worker', posts: 1, mode: 'rolling', status: 'draft', postIds: [MY_POST] })).toBeNull();
    expect(mia(m('vacancies', DRAFT), { title: 'Senior SW' })).toBeNull();
    expect(mia(m('vacancies', DRAFT), { status: 'open' })).toMatch(/a coordinator opens it/);
    expect(mia(m('vacancies', U(67)), { teamIds: [MINE, THEIRS], status: 'draft' })).toMatch(/only for teams they manage/);
  });

  it('staff records, incentives, cohorts and caseloads stay with coordinators and the central team', () => {
    for (const table of ['staff', 'incentives', 'cohorts', 'caseload_weeks'] as const) {
      expect(mia(m(table, U(70)), {})).toMatch(/^managers may push only/);
      expect(cara(m(table, U(70)), {})).toBeNull();
      expect(admin(m(table, U(70)), {})).toMatch(/^admins manage users/);
    }
  });
});
