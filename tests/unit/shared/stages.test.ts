import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canTransition,
  checkMove,
  checkTransition,
  currentStage,
  exitKind,
  exitOf,
  historyProblems,
  indexEvents,
  isExit,
  nextStages,
  planMove,
  planMoveDetails,
  reopenStage,
  stageHistory,
} from '#shared/stages';
import { OPEN_STAGES, STAGES, type Stage, type StageEvent } from '#shared/schema/stage';

const uuid = (n: number) => `0190a6f0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const APP = uuid(900);
let seq = 0;
const ev = (stage: Stage, at: string, extra: Partial<StageEvent> = {}): StageEvent => ({
  id: uuid(++seq),
  applicationId: APP,
  stage,
  at,
  by: 'u1',
  ...extra,
});

describe('transitions', () => {
  it('moves forward one step, re-books interviews, and exits from open stages', () => {
    expect(canTransition('applied', 'shortlisted')).toBe(true);
    expect(canTransition('shortlisted', 'interviewed')).toBe(true); // booking not recorded
    expect(canTransition('interview_booked', 'interview_booked')).toBe(true);
    expect(canTransition('applied', 'offered')).toBe(false);
    expect(canTransition('offered', 'shortlisted')).toBe(false);
    expect(nextStages('interviewed')).toEqual(['offered', 'rejected', 'withdrawn']);
    for (const s of OPEN_STAGES) {
      const exits = s !== 'started';
      expect(canTransition(s, 'rejected'), s).toBe(exits);
      expect(canTransition(s, 'withdrawn'), s).toBe(exits);
    }
    for (const s of STAGES) {
      expect(canTransition('rejected', s)).toBe(false);
      expect(canTransition('started', s)).toBe(false);
    }
  });

  it('explains refusals in words a person can act on', () => {
    expect(checkTransition('applied', 'offered')).toEqual({
      ok: false,
      message: 'cannot move from Applied to Offered (conditional): shortlist and interview first',
    });
    expect(checkTransition('interviewed', 'started')).toEqual({
      ok: false,
      message: 'cannot move from Interviewed to Started: make an offer, record the acceptance and complete the pre-employment checks first',
    });
    expect(checkTransition('applied', 'interview_booked')).toEqual({
      ok: false,
      message: 'cannot move from Applied to Interview booked: shortlist first',
    });
    expect(checkTransition('offered', 'shortlisted')).toMatchObject({ message: expect.stringMatching(/only move forward/) });
    expect(checkTransition('rejected', 'shortlisted')).toMatchObject({ message: expect.stringMatching(/closed; reopen it first/) });
    expect(checkTransition('started', 'withdrawn')).toMatchObject({ message: expect.stringMatching(/record a leaver/) });
    expect(checkTransition('offered', 'offered')).toEqual({ ok: false, message: 'the application is already at Offered (conditional)' });
    expect(checkTransition('offered', 'accepted')).toEqual({ ok: true });
  });

  it('names exits and their kind', () => {
    expect(isExit('rejected')).toBe(true);
    expect(isExit('started')).toBe(false);
    expect(exitKind('withdrawn')).toBe('withdrawn');
    expect(exitKind('offered')).toBeNull();
  });
});

describe('history', () => {
  const history = [
    ev('applied', '2026-03-02T09:00:00Z'),
    ev('shortlisted', '2026-04-02T10:00:00+01:00'),
    ev('interview_booked', '2026-04-03T09:00:00Z', { interviewAt: '2026-04-09T10:00:00+01:00' }),
    ev('interview_booked', '2026-04-07T09:00:00Z', { interviewAt: '2026-04-10T10:00:00+01:00' }),
    ev('interviewed', '2026-04-10T16:00:00+01:00'),
    ev('withdrawn', '2026-04-14T12:00:00Z', { reason: 'took_another_job' }),
  ];

  it('derives the current stage from the latest event', () => {
    expect(currentStage(history)).toBe('withdrawn');
    expect(currentStage([])).toBe('applied');
    expect(currentStage(history.slice(0, 3))).toBe('interview_booked');
  });

  it('orders by instant, not by the text of `at`, then by id', () => {
    // 04:30 in UTC-05:00 (09:30Z) is after 10:00 BST (09:00Z), though it sorts first as text.
    const a = ev('shortlisted', '2026-04-02T10:00:00+01:00');
    const b = ev('rejected', '2026-04-02T04:30:00-05:00', { reason: 'not_qualified' });
    expect(currentStage([b, a])).toBe('rejected');
    // Same instant: the larger id wins, wherever it arrived.
    const c = { ...ev('shortlisted', '2026-04-02T09:00:00Z'), id: uuid(5000) };
    const d = { ...ev('rejected', '2026-04-02T09:00:00Z', { reason: 'not_qualified' }), id: uuid(4999) };
    expect(currentStage([c, d])).toBe('shortlisted');
    expect(currentStage([d, c])).toBe('shortlisted');
  });

  it('is independent of arrival order and duplicates', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }), fc.array(fc.nat({ max: 5 })), (shuffled, dups) => {
        const withDups = [...shuffled, ...dups.map((i) => history[i]!)];
        expect(currentStage(withDups)).toBe('withdrawn');
        expect(stageHistory(withDups)).toEqual(stageHistory(history));
        expect(indexEvents(withDups).get(APP)!.map((t) => t.event.id)).toEqual(history.map((e) => e.id));
      }),
    );
  });

  it('lists stays with London dates and working days in each', () => {
    const stays = stageHistory(history, { asOf: '2026-04-20' });
    expect(stays.map((s) => [s.stage, s.enteredOn, s.leftOn, s.calendarDays, s.workingDays])).toEqual([
      // Mon 2 Mar -> Thu 2 Apr: 31 calendar days, 23 working days (no holidays in March 2026).
      ['applied', '2026-03-02', '2026-04-02', 31, 23],
      // Thu 2 Apr -> Fri 3 Apr (Good Friday): 1 calendar day, 0 working days.
      ['shortlisted', '2026-04-02', '2026-04-03', 1, 0],
      // Re-booked on 7 Apr, one stay: Fri 3 -> Fri 10 Apr, working days Tue 7..Fri 10 = 4.
      ['interview_booked', '2026-04-03', '2026-04-10', 7, 4],
      ['interviewed', '2026-04-10', '2026-04-14', 4, 2],
      ['withdrawn', '2026-04-14', null, null, null],
    ]);
    expect(stays[2]!.enteredBy.interviewAt).toBe('2026-04-09T10:00:00+01:00');
    // Without asOf an open stay has no duration.
    expect(stageHistory(history.slice(0, 2)).at(-1)!.workingDays).toBeNull();
    // Still shortlisted on Mon 13 Apr: Tue 7 .. Mon 13 = 5 working days (Easter skipped).
    expect(stageHistory(history.slice(0, 2), { asOf: '2026-04-13' }).at(-1)!.workingDays).toBe(5);
  });

  it('dates events in Europe/London', () => {
    // 23:30 UTC on 31 May is 00:30 BST on 1 June.
    const stays = stageHistory([ev('applied', '2026-05-31T23:30:00Z')]);
    expect(stays[0]!.enteredOn).toBe('2026-06-01');
  });

  it('reports how an application left and lets it reopen to the stage before', () => {
    expect(exitOf(history)).toEqual({ kind: 'withdrawn', reason: 'took_another_job', from: 'interviewed', at: '2026-04-14T12:00:00Z' });
    expect(exitOf(history.slice(0, 5))).toBeNull();
    expect(reopenStage(history)).toBe('interviewed');
    expect(checkMove(history, 'interviewed')).toEqual({ ok: true });
    expect(checkMove(history, 'offered')).toEqual({
      ok: false,
      message: 'cannot move from Withdrawn to Offered (conditional): the application is closed; reopening returns it to Interviewed',
    });
    expect(checkMove(history.slice(0, 5), 'offered')).toEqual({ ok: true });
    const reopened = [...history, ev('interviewed', '2026-04-15T09:00:00Z'), ev('offered', '2026-04-16T09:00:00Z')];
    expect(currentStage(reopened)).toBe('offered');
    expect(historyProblems(reopened)).toEqual([]);
  });

  it('lists moves the rules do not allow', () => {
    const bad = [ev('applied', '2026-03-02T09:00:00Z'), ev('offered', '2026-03-03T09:00:00Z')];
    expect(historyProblems(bad)).toEqual([
      '2026-03-03T09:00:00Z: cannot move from Applied to Offered (conditional): shortlist and interview first',
    ]);
    expect(historyProblems(history)).toEqual([]);
  });
});

describe('planMove: what a move needs', () => {
  const applied = [ev('applied', '2026-03-02T09:00:00Z')];
  const shortlisted = [...applied, ev('shortlisted', '2026-03-03T09:00:00Z')];

  it('refuses what the stage machine refuses, with its message', () => {
    expect(planMove({ events: applied, to: 'offered' })).toEqual(checkMove(applied, 'offered'));
  });

  it('needs a reason of the exit’s own kind', () => {
    expect(planMove({ events: applied, to: 'rejected' })).toEqual({ ok: false, message: 'choose why the candidate is rejected' });
    expect(planMove({ events: applied, to: 'withdrawn' })).toEqual({ ok: false, message: 'choose why the candidate withdrew' });
    expect(planMove({ events: applied, to: 'rejected', reason: 'salary' })).toEqual({ ok: false, message: '"salary" is not a reason for a rejection: choose one from the list' });
    expect(planMove({ events: applied, to: 'withdrawn', reason: 'salary' })).toEqual({ ok: true, move: { stage: 'withdrawn', reason: 'salary', interviewAt: null, note: null } });
  });

  it('needs a readable interview time for a booking, kept as an ISO instant', () => {
    expect(planMove({ events: shortlisted, to: 'interview_booked' })).toEqual({ ok: false, message: 'choose the date and time of the interview' });
    expect(planMove({ events: shortlisted, to: 'interview_booked', interviewAt: 'next Tuesday' })).toMatchObject({ ok: false });
    expect(planMove({ events: shortlisted, to: 'interview_booked', interviewAt: '2026-03-10T10:00:00+00:00' })).toMatchObject({ ok: true, move: { interviewAt: '2026-03-10T10:00:00.000Z' } });
  });

  it('keeps only what the stage needs, and a trimmed note', () => {
    const plan = planMove({ events: applied, to: 'shortlisted', reason: 'salary', interviewAt: '2026-03-10T10:00:00Z', note: '  good examples  ' });
    expect(plan).toEqual({ ok: true, move: { stage: 'shortlisted', reason: null, interviewAt: null, note: 'good examples' } });
    expect(planMove({ events: applied, to: 'shortlisted', note: '   ' })).toMatchObject({ ok: true, move: { note: null } });
  });

  it('checks the details alone for a caller without the history', () => {
    expect(planMoveDetails({ to: 'rejected', reason: 'not_qualified' })).toMatchObject({ ok: true });
    expect(planMoveDetails({ to: 'offered' })).toMatchObject({ ok: true });
    expect(planMoveDetails({ to: 'interview_booked' })).toMatchObject({ ok: false });
  });
});
