import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '#shared/schema/organisation';
import type { Application, Vacancy } from '#shared/schema/recruitment';
import type { Stage, StageEvent } from '#shared/schema/stage';
import { applicationTarget, dueStatus, readyDate, shortlistingDueDate, vacancyTargets } from '#shared/targets';

const uuid = (n: number) => `0190a6f0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const VAC = uuid(1);
const rolling: Vacancy = { id: VAC, title: 'Social worker, CP', teamIds: [uuid(2)], role: 'social_worker', posts: 2, mode: 'rolling', status: 'open' };
const closing: Vacancy = { ...rolling, mode: 'closing-date', closingDate: '2026-03-13' };
const app = (n: number, receivedDate: string): Application => ({
  id: uuid(100 + n), vacancyId: VAC, name: `Candidate ${n}`, source: 'community_care', experience: 'experienced', receivedDate,
});
let seq = 0;
const ev = (a: Application, stage: Stage, at: string, extra: Partial<StageEvent> = {}): StageEvent => ({
  id: uuid(1000 + ++seq), applicationId: a.id, stage, at, by: 'u1', ...extra,
});
const S = DEFAULT_SETTINGS;

describe('due dates', () => {
  it('starts the shortlisting clock when the application is ready', () => {
    expect(readyDate({ receivedDate: '2026-03-01' }, rolling)).toBe('2026-03-01');
    expect(readyDate({ receivedDate: '2026-03-01' }, closing)).toBe('2026-03-13');
    expect(readyDate({ receivedDate: '2026-03-16' }, closing)).toBe('2026-03-16'); // came in after closing
    // Closing Fri 13 Mar + 5 working days = Fri 20 Mar.
    expect(shortlistingDueDate({ receivedDate: '2026-03-01' }, closing, S)).toBe('2026-03-20');
    // Mon 21 Dec 2026: Tue 22 (1), Wed 23 (2), Thu 24 (3), Fri 25 and Mon 28 holidays, Tue 29 (4), Wed 30 (5).
    expect(shortlistingDueDate({ receivedDate: '2026-12-21' }, rolling, S)).toBe('2026-12-30');
    expect(shortlistingDueDate({ receivedDate: '2026-12-21' }, rolling, { ...S, shortlistWorkingDays: 3 })).toBe('2026-12-24');
  });

  it('labels status by working days left', () => {
    const due = '2026-04-13'; // a Monday
    expect(dueStatus('2026-04-02', due, null, 'england-and-wales')).toEqual({ workingDaysLeft: 5, status: 'green', label: 'due in 5 working days' });
    expect(dueStatus('2026-04-09', due, null, 'england-and-wales')).toEqual({ workingDaysLeft: 2, status: 'green', label: 'due in 2 working days' });
    expect(dueStatus('2026-04-10', due, null, 'england-and-wales')).toEqual({ workingDaysLeft: 1, status: 'amber', label: 'due in 1 working day' });
    expect(dueStatus('2026-04-11', due, null, 'england-and-wales')).toMatchObject({ workingDaysLeft: 1, status: 'amber' }); // Saturday
    expect(dueStatus('2026-04-13', due, null, 'england-and-wales')).toEqual({ workingDaysLeft: 0, status: 'amber', label: 'due today' });
    expect(dueStatus('2026-04-14', due, null, 'england-and-wales')).toEqual({ workingDaysLeft: -1, status: 'red', label: 'overdue 1 working day' });
    expect(dueStatus('2026-04-16', due, null, 'england-and-wales')).toEqual({ workingDaysLeft: -3, status: 'red', label: 'overdue 3 working days' });
    // Due Fri 10 Apr; on Saturday nothing working has passed, but it is overdue.
    expect(dueStatus('2026-04-11', '2026-04-10', null, 'england-and-wales')).toEqual({ workingDaysLeft: -1, status: 'red', label: 'overdue 1 working day' });
    expect(dueStatus('2026-04-08', due, '2026-04-07', 'england-and-wales')).toMatchObject({ status: 'amber' }); // past ideal
  });
});

describe('application targets', () => {
  it('follows the journey: shortlisted Thu 2 April 2026, interview due Mon 13 April', () => {
    const a = app(1, '2026-03-20');
    const events = [ev(a, 'applied', '2026-03-20T10:00:00Z'), ev(a, 'shortlisted', '2026-04-02T15:00:00+01:00')];
    expect(applicationTarget(a, rolling, events, S, '2026-04-02')).toEqual({
      stage: 'shortlisted', kind: 'interview', startDate: '2026-04-02', dueDate: '2026-04-13', idealDate: null,
      workingDaysLeft: 5, status: 'green', label: 'due in 5 working days',
    });
    expect(applicationTarget(a, rolling, events, S, '2026-04-14')).toMatchObject({ status: 'red', label: 'overdue 1 working day' });
    // Scotland works Easter Monday: due Fri 10 April.
    expect(applicationTarget(a, rolling, events, { ...S, division: 'scotland' }, '2026-04-02').dueDate).toBe('2026-04-10');
  });

  it('counts a booked interview on or before the due date as meeting the target', () => {
    const a = app(2, '2026-03-20');
    const base = [ev(a, 'applied', '2026-03-20T10:00:00Z'), ev(a, 'shortlisted', '2026-04-02T10:00:00+01:00')];
    const inTime = [...base, ev(a, 'interview_booked', '2026-04-03T09:00:00Z', { interviewAt: '2026-04-09T10:00:00+01:00' })];
    expect(applicationTarget(a, rolling, inTime, S, '2026-04-08')).toMatchObject({
      stage: 'interview_booked', dueDate: '2026-04-13', status: 'green', label: 'interview booked for Thu 9 Apr 2026, within target',
    });
    expect(applicationTarget(a, rolling, inTime, S, '2026-04-10')).toMatchObject({ status: 'amber', label: 'record the interview held on Thu 9 Apr 2026' });
    const late = [...base, ev(a, 'interview_booked', '2026-04-03T09:00:00Z', { interviewAt: '2026-04-15T10:00:00+01:00' })];
    expect(applicationTarget(a, rolling, late, S, '2026-04-03')).toMatchObject({
      status: 'amber', label: 'due in 5 working days; interview booked for Wed 15 Apr 2026, after the target',
    });
    // Re-booked to an earlier date: the latest booking counts.
    const rebooked = [...late, ev(a, 'interview_booked', '2026-04-06T09:00:00Z', { interviewAt: '2026-04-10T10:00:00+01:00' })];
    expect(applicationTarget(a, rolling, rebooked, S, '2026-04-07')).toMatchObject({ status: 'green' });
    // The latest booking by time, whatever order the events arrived in.
    expect(applicationTarget(a, rolling, [...rebooked].reverse(), S, '2026-04-07')).toMatchObject({ status: 'green' });
  });

  it('uses ideal and max for other stages, and has no target for exits or starters', () => {
    const settings: Settings = { ...S, stageTargets: { interviewed: { ideal: 2, max: 5 } } };
    const a = app(3, '2026-02-02');
    const events = [ev(a, 'applied', '2026-02-02T09:00:00Z'), ev(a, 'shortlisted', '2026-02-03T09:00:00Z'), ev(a, 'interviewed', '2026-03-02T14:00:00Z')];
    // Interviewed Mon 2 Mar: ideal Wed 4 Mar, max Mon 9 Mar.
    expect(applicationTarget(a, rolling, events, settings, '2026-03-04')).toEqual({
      stage: 'interviewed', kind: 'stage', startDate: '2026-03-02', dueDate: '2026-03-09', idealDate: '2026-03-04',
      workingDaysLeft: 3, status: 'green', label: 'due in 3 working days',
    });
    expect(applicationTarget(a, rolling, events, settings, '2026-03-05')).toMatchObject({ status: 'amber', workingDaysLeft: 2 });
    expect(applicationTarget(a, rolling, events, settings, '2026-03-10')).toMatchObject({ status: 'red', label: 'overdue 1 working day' });
    expect(applicationTarget(a, rolling, events, S, '2026-03-10')).toMatchObject({ status: 'none', kind: null, label: 'no target for this stage' });
    const rejected = [...events, ev(a, 'rejected', '2026-03-03T09:00:00Z', { reason: 'unsuccessful_interview' })];
    expect(applicationTarget(a, rolling, rejected, settings, '2026-04-10')).toMatchObject({ status: 'none', label: 'closed: rejected' });
  });

  it('times a pending application from the closing date', () => {
    const a = app(4, '2026-03-01');
    expect(applicationTarget(a, closing, [], S, '2026-03-19')).toMatchObject({
      stage: 'applied', kind: 'shortlisting', startDate: '2026-03-13', dueDate: '2026-03-20', status: 'amber', label: 'due in 1 working day',
    });
  });
});

describe('vacancy targets', () => {
  it('counts stages, overdue and next due, excluding exits', () => {
    const a1 = app(11, '2026-03-02'); // applied, due Mon 9 Mar: overdue on 16 Mar
    const a2 = app(12, '2026-03-12'); // applied, due Thu 19 Mar
    const a3 = app(13, '2026-03-02'); // rejected: would be overdue, but exits are never
    const a4 = app(14, '2026-03-02'); // shortlisted Fri 13 Mar, interview due Fri 20 Mar
    const other = { ...app(15, '2026-03-02'), vacancyId: uuid(99) };
    const events = [
      ev(a3, 'rejected', '2026-03-20T09:00:00Z', { reason: 'not_qualified' }),
      ev(a4, 'applied', '2026-03-02T09:00:00Z'),
      ev(a4, 'shortlisted', '2026-03-13T09:00:00Z'),
    ];
    const summary = vacancyTargets(rolling, [a1, a2, a3, a4, other], events, S, '2026-03-16');
    expect(summary.counts).toMatchObject({ applied: 2, shortlisted: 1, rejected: 1, offered: 0 });
    expect(summary.overdue).toBe(1);
    expect(summary.dueSoon).toBe(0);
    expect(summary.next.map((i) => [i.application.id, i.target.dueDate, i.target.status])).toEqual([
      [a1.id, '2026-03-09', 'red'],
      [a2.id, '2026-03-19', 'green'],
      [a4.id, '2026-03-20', 'green'],
    ]);
  });
});
