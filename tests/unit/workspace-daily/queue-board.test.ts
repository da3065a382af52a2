import { asOf, demo, demoDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { TOM } from '#demo/index';
import { allowedMoves, currentStage } from '#shared/stages';
import { loadDailyData } from '@/ui/workspace/daily/data';
import { buildQueue } from '@/ui/workspace/daily/queueModel';
import { buildBoard, filtersFromParams, filtersToParams, NO_FILTERS } from '@/ui/workspace/daily/boardModel';
import { moveApplication, moveEvent } from '@/db/moves';

describe("Tom's queue", () => {
  it('lists the demo journey’s 7 applications awaiting his decision, soonest due first, with countdowns', async () => {
    const db = await demoDb();
    const rows = buildQueue(TOM.id, await loadDailyData(db), demo.settings, asOf);
    const decisions = rows.filter((r) => r.kind === 'shortlisting_decision');
    expect(decisions.map((r) => r.application.id).sort()).toEqual([...demo.journeys.tom.queue].sort());
    expect(decisions).toHaveLength(7);
    for (const r of decisions) expect(r.target.label).toMatch(/^(due in \d+ working days?|due today|overdue \d+ working days?)$/);
    const dues = rows.map((r) => r.target.dueDate ?? '');
    expect(dues).toEqual([...dues].sort());
  });

  it('drops an application once shortlisted and shows it as an interview booking with the due date', async () => {
    const db = await demoDb();
    const data = await loadDailyData(db);
    const first = demo.journeys.tom.queue[0]!;
    const result = await moveApplication({ applicationId: first, events: data.events.get(first) ?? [], to: 'shortlisted', by: TOM.id }, db);
    expect(result.ok).toBe(true);
    const after = buildQueue(TOM.id, await loadDailyData(db), demo.settings, asOf);
    const row = after.find((r) => r.application.id === first);
    expect(after.filter((r) => r.kind === 'shortlisting_decision')).toHaveLength(6);
    // Whether it shows as a booking depends on who is on interviewing duty; when it does, it has a due date.
    if (row) {
      expect(row.kind).toBe('interview_booking');
      expect(row.interviewDue).not.toBeNull();
    }
    expect(await db.outbox.count()).toBe(1);
  });

  it('is empty for someone with no rota duty', async () => {
    const db = await demoDb();
    expect(buildQueue('nobody-on-the-rota', await loadDailyData(db), demo.settings, asOf)).toEqual([]);
  });
});

describe('moves', () => {
  const id = demo.journeys.tom.queue[0]!;
  const events = demo.records.stage_events.filter((e) => e.applicationId === id);

  it('offers only the allowed next stages', () => {
    expect(currentStage(events)).toBe('applied');
    expect(allowedMoves(events)).toEqual(['shortlisted', 'rejected', 'withdrawn']);
  });

  it('refuses a skipped step with the stage machine’s message', () => {
    const plan = moveEvent({ applicationId: id, events, to: 'offered', by: TOM.id });
    expect(plan).toEqual({ ok: false, message: expect.stringContaining('shortlist and interview first') });
  });

  it('needs a reason to reject and a time to book', () => {
    expect(moveEvent({ applicationId: id, events, to: 'rejected', by: TOM.id })).toMatchObject({ ok: false, message: 'choose why the candidate is rejected' });
    const ok = moveEvent({ applicationId: id, events, to: 'rejected', by: TOM.id, reason: 'not_qualified', now: new Date('2026-03-30T09:00:00Z') });
    expect(ok).toMatchObject({ ok: true, event: { stage: 'rejected', reason: 'not_qualified', by: TOM.id, at: '2026-03-30T09:00:00.000Z' } });
    const shortlisted = [...events, { id: '019a0000-0000-7000-8000-000000000001', applicationId: id, stage: 'shortlisted' as const, at: new Date().toISOString(), by: TOM.id }];
    expect(moveEvent({ applicationId: id, events: shortlisted, to: 'interview_booked', by: TOM.id })).toMatchObject({ ok: false });
    const booked = moveEvent({ applicationId: id, events: shortlisted, to: 'interview_booked', by: TOM.id, interviewAt: '2026-04-02T10:30' });
    expect(booked.ok && booked.event.interviewAt).toMatch(/^2026-04-02T\d\d:30:00.000Z$/);
  });

  it('offers the reopen stage for a closed application', () => {
    const closed = [...events, { id: '019a0000-0000-7000-8000-000000000002', applicationId: id, stage: 'withdrawn' as const, reason: 'salary' as const, at: new Date().toISOString(), by: TOM.id }];
    expect(allowedMoves(closed)).toEqual(['applied']);
  });
});

describe('the board', () => {
  it('puts every application in exactly one column, exits apart', async () => {
    const db = await demoDb();
    const board = buildBoard(await loadDailyData(db), demo.settings, asOf, NO_FILTERS);
    const cards = [...board.columns, ...board.exits].flatMap((c) => c.cards);
    expect(cards).toHaveLength(demo.records.applications.length);
    expect(board.columns.map((c) => c.stage)).toEqual(['applied', 'shortlisted', 'interview_booked', 'interviewed', 'offered', 'accepted', 'checks_complete', 'started']);
    expect(board.exits.map((c) => c.stage)).toEqual(['rejected', 'withdrawn']);
    for (const column of board.columns) for (const card of column.cards) expect(card.stage).toBe(column.stage);
  });

  it("filters to Priya's vacancy: 14 applicants, 6 awaiting, 2 overdue", async () => {
    const db = await demoDb();
    const data = await loadDailyData(db);
    const filters = { ...NO_FILTERS, vacancyId: demo.journeys.priya.vacancyId };
    const board = buildBoard(data, demo.settings, asOf, filters);
    expect(board.total).toBe(14);
    expect(board.columns[0]!.cards.map((c) => c.application.id).sort()).toEqual([...demo.journeys.priya.awaiting].sort());
    const overdue = buildBoard(data, demo.settings, asOf, { ...filters, overdueOnly: true });
    expect(overdue.columns.flatMap((c) => c.cards).map((c) => c.application.id).sort()).toEqual([...demo.journeys.priya.overdue].sort());
    // Overdue cards lead their column.
    expect(board.columns[0]!.cards.slice(0, 2).every((c) => c.target.status === 'red')).toBe(true);
  });

  it('filters by team, source and manager', async () => {
    const db = await demoDb();
    const data = await loadDailyData(db);
    const team = demo.journeys.tom.teamId;
    const byTeam = buildBoard(data, demo.settings, asOf, { ...NO_FILTERS, teamId: team }).columns.flatMap((c) => c.cards);
    expect(byTeam.length).toBeGreaterThan(0);
    expect(byTeam.every((c) => c.vacancy.teamIds.includes(team))).toBe(true);
    const referrals = buildBoard(data, demo.settings, asOf, { ...NO_FILTERS, source: 'referral' });
    expect([...referrals.columns, ...referrals.exits].flatMap((c) => c.cards).every((c) => c.application.source === 'referral')).toBe(true);
    const toms = buildBoard(data, demo.settings, asOf, { ...NO_FILTERS, assignedTo: TOM.id });
    expect(toms.total).toBe(demo.records.applications.filter((a) => a.assignedTo === TOM.id).length);
  });

  it('round-trips filters through the route', () => {
    const f = { ...NO_FILTERS, vacancyId: 'v1', source: 'agency' as const, overdueOnly: true };
    expect(filtersFromParams(new URLSearchParams(filtersToParams(f)))).toEqual(f);
  });
});
