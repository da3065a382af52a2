import { describe, expect, it } from 'vitest';
import { assignApplication, hashId, onDuty, queueFor } from '#shared/rota';
import { DEFAULT_SETTINGS } from '#shared/schema/organisation';
import type { Application, RotaSlot, Vacancy } from '#shared/schema/recruitment';
import type { Stage, StageEvent } from '#shared/schema/stage';

const uuid = (n: number) => `0190a6f0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const TEAM_A = uuid(2);
const TEAM_B = uuid(3);
const vacancy: Vacancy = { id: uuid(1), title: 'SW', teamIds: [TEAM_A], role: 'social_worker', posts: 1, mode: 'rolling', status: 'open' };
const other: Vacancy = { ...vacancy, id: uuid(4), teamIds: [TEAM_B] };
let n = 0;
const slot = (week: string, duty: RotaSlot['duty'], managerId: string, scope: Partial<RotaSlot> = {}): RotaSlot => ({
  id: uuid(500 + ++n), week, duty, managerId, ...scope,
});
const app = (i: number, v: Vacancy, receivedDate: string, extra: Partial<Application> = {}): Application => ({
  id: uuid(100 + i), vacancyId: v.id, name: `C${i}`, source: 'microsite', experience: 'nqsw', receivedDate, ...extra,
});
const ev = (a: Application, stage: Stage, at: string): StageEvent => ({ id: uuid(2000 + ++n), applicationId: a.id, stage, at, by: 'u' });

const WEEK = '2026-03-09'; // Monday
const slots = [
  slot(WEEK, 'shortlisting', 'council-mgr'),
  slot(WEEK, 'shortlisting', 'team-a-mgr', { teamId: TEAM_A }),
  slot(WEEK, 'interviewing', 'interviewer', { teamId: TEAM_A }),
  slot('2026-03-16', 'shortlisting', 'next-week-mgr', { vacancyId: vacancy.id }),
];

describe('rota', () => {
  it('prefers vacancy scope, then team, then council-wide', () => {
    expect(onDuty(slots, '2026-03-11', 'shortlisting', vacancy)).toEqual({ scope: 'team', managerIds: ['team-a-mgr'] });
    expect(onDuty(slots, '2026-03-11', 'shortlisting', other)).toEqual({ scope: 'council', managerIds: ['council-mgr'] });
    expect(onDuty(slots, '2026-03-22', 'shortlisting', vacancy)).toEqual({ scope: 'vacancy', managerIds: ['next-week-mgr'] }); // Sunday: same week
    expect(onDuty(slots, '2026-03-22', 'shortlisting', other)).toEqual({ scope: null, managerIds: [] });
    expect(assignApplication(app(1, vacancy, '2026-03-10'), vacancy, slots, '2026-03-10')).toBe('team-a-mgr');
    expect(assignApplication(app(1, other, '2026-03-10'), other, slots, '2026-03-30')).toBeNull();
  });

  it('spreads applications over managers sharing a scope, deterministically', () => {
    const shared = [slot(WEEK, 'shortlisting', 'm2', { teamId: TEAM_A }), slot(WEEK, 'shortlisting', 'm1', { teamId: TEAM_A })];
    const picks = Array.from({ length: 40 }, (_, i) => assignApplication(app(i, vacancy, WEEK), vacancy, shared, WEEK));
    expect(new Set(picks)).toEqual(new Set(['m1', 'm2']));
    // Same answer whatever order the slots come in, and it follows the hash.
    const reversed = Array.from({ length: 40 }, (_, i) => assignApplication(app(i, vacancy, WEEK), vacancy, [...shared].reverse(), WEEK));
    expect(reversed).toEqual(picks);
    expect(picks[7]).toBe(['m1', 'm2'][hashId(uuid(107)) % 2]);
    expect(hashId('a')).toBe(0xe40c292c); // FNV-1a test vector
  });

  it("lists a manager's queue: shortlisting decisions and interview bookings, soonest due first", () => {
    const pending = app(1, vacancy, '2026-03-04'); // due Wed 11 Mar
    const assignedElsewhere = app(2, vacancy, '2026-03-02', { assignedTo: 'someone-else' });
    const assignedToMe = app(3, other, '2026-03-09', { assignedTo: 'team-a-mgr' }); // due Mon 16 Mar
    const shortlisted = app(4, vacancy, '2026-03-02');
    const rejected = app(5, vacancy, '2026-03-02');
    const events = [
      ev(shortlisted, 'applied', '2026-03-02T09:00:00Z'),
      ev(shortlisted, 'shortlisted', '2026-03-05T09:00:00Z'), // interview due Thu 12 Mar
      ev(rejected, 'rejected', '2026-03-05T09:00:00Z'),
    ];
    const input = { applications: [assignedToMe, shortlisted, pending, assignedElsewhere, rejected], vacancies: [vacancy, other], events, slots, settings: DEFAULT_SETTINGS, asOf: '2026-03-10' };
    const queue = queueFor('team-a-mgr', input);
    expect(queue.map((q) => [q.kind, q.application.id, q.target.dueDate, q.target.label])).toEqual([
      ['shortlisting_decision', pending.id, '2026-03-11', 'due in 1 working day'],
      ['shortlisting_decision', assignedToMe.id, '2026-03-16', 'due in 4 working days'],
    ]);
    expect(queueFor('interviewer', input).map((q) => [q.kind, q.application.id, q.target.dueDate])).toEqual([
      ['interview_booking', shortlisted.id, '2026-03-12'],
    ]);
    expect(queueFor('someone-else', input).map((q) => q.application.id)).toEqual([assignedElsewhere.id]);
    // Another week: nobody on team duty, so the unassigned application falls to nobody.
    expect(queueFor('team-a-mgr', { ...input, asOf: '2026-03-24' }).map((q) => q.application.id)).toEqual([assignedToMe.id]);
  });
});
