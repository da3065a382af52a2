import { describe, expect, it } from 'vitest';
import { agencyRate, computeReport, vacancyRate, workforceFte } from '#shared/measures/index';
import { establishment } from '../../../extension/ui/workspace/central-team/establishmentModel';
import { quarterStart } from '#shared/calendar';
import { buildReport, headlineFigures, periodRange, toFilters } from '../../../extension/ui/workspace/central-team/reportModel';
import { rotaWeeks, swapManagers } from '../../../extension/ui/workspace/central-team/rotaModel';
import { demoCentralData } from './demo-data';

const asOf = '2026-03-30';
const { demo, data } = demoCentralData(asOf);

describe('report model', () => {
  it('turns period choices into received-date windows', () => {
    expect(quarterStart('2026-03-30')).toBe('2026-01-01');
    expect(periodRange({ period: 'this-quarter' }, asOf)).toEqual({ from: '2026-01-01', to: '2026-03-30' });
    expect(periodRange({ period: 'last-quarter' }, asOf)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodRange({ period: 'custom', from: '2026-02-01', to: '2026-02-28' }, asOf)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('shows exactly what shared/measures computes for the same filters', () => {
    const choice = { period: 'this-quarter' as const, teamId: demo.journeys.cwd.teamId };
    const report = buildReport(data, choice);
    const direct = computeReport({ applications: data.applications, events: data.events, vacancies: data.vacancies, adverts: data.adverts, posts: data.posts, settings: data.settings, asOf }, toFilters(choice, asOf));
    expect(report).toEqual(direct);
    const figures = new Map(headlineFigures(report).map((f) => [f.id, f.value]));
    expect(figures.get('vacancy-rate')).toBe(`${Math.round(direct.workforce.vacancyRate! * 100)}%`);
    expect(figures.get('applications')).toBe(String(direct.applications));
  });

  it("shows Amira's quarter: median time to hire down on last quarter", () => {
    const now = buildReport(data, { period: 'this-quarter' });
    const before = buildReport(data, { period: 'last-quarter' });
    expect(now.timeToHire.calendarDays.median!).toBeLessThan(before.timeToHire.calendarDays.median!);
  });
});

describe('establishment model', () => {
  it('gives each team the census rates of shared/measures, and the council total', () => {
    const { rows, total } = establishment(data.teams, data.posts, asOf);
    for (const row of rows) {
      const fte = workforceFte(data.posts.filter((p) => p.teamId === row.team.id), {});
      expect(row.vacancyRate).toBe(vacancyRate(fte));
      expect(row.agencyRate).toBe(agencyRate(fte));
    }
    expect(total.vacancyRate).toBe(vacancyRate(workforceFte(data.posts, {})));
    const cwd = rows.find((r) => r.team.id === demo.journeys.cwd.teamId)!;
    expect(cwd.vacancyRate!).toBeGreaterThan(0.2);
    // Four weeks from Monday 30 March 2026 is 27 April.
    const soon = data.posts.filter((p) => p.teamId === cwd.team.id && p.cover === 'agency' && p.coverEndDate && p.coverEndDate >= asOf && p.coverEndDate <= '2026-04-27');
    expect(cwd.endingSoon.map((p) => p.id).sort()).toEqual(soon.map((p) => p.id).sort());
  });
});

describe('rota model', () => {
  it('lays out weeks by duty and flags weeks with nobody shortlisting', () => {
    const weeks = rotaWeeks(data.slots, asOf, 0, 8);
    expect(weeks).toHaveLength(9);
    expect(weeks[0]!.week).toBe('2026-03-30');
    expect(weeks[0]!.byDuty.shortlisting.length).toBeGreaterThan(0);
    const empty = rotaWeeks([], asOf, 0, 0);
    expect(empty[0]!.noShortlister).toBe(true);
  });

  it('swaps two managers and keeps each slot where it was', () => {
    const [a, b] = data.slots;
    expect(swapManagers(a!, b!)).toEqual([
      { id: a!.id, managerId: b!.managerId },
      { id: b!.id, managerId: a!.managerId },
    ]);
  });
});

describe('report links', () => {
  it('reads the print link quarter as that calendar quarter, and ignores an unknown period', async () => {
    const { choiceFromParams } = await import('../../../extension/ui/workspace/central-team/reportModel');
    expect(choiceFromParams(new URLSearchParams('quarter=2026Q1'))).toEqual({ period: 'custom', from: '2026-01-01', to: '2026-03-31' });
    expect(choiceFromParams(new URLSearchParams('quarter=2025Q4'))).toEqual({ period: 'custom', from: '2025-10-01', to: '2025-12-31' });
    expect(choiceFromParams(new URLSearchParams('period=last-quarter'))).toEqual({ period: 'last-quarter' });
    expect(choiceFromParams(new URLSearchParams('period=bogus'))).toEqual({ period: 'this-quarter' });
  });
});

describe('rota scope', () => {
  it('turns the scope choice into the slot fields, one scope at a time', async () => {
    const { scopeFields } = await import('../../../extension/ui/workspace/central-team/rotaModel');
    expect(scopeFields('')).toEqual({ teamId: null, vacancyId: null });
    expect(scopeFields('team:t1')).toEqual({ teamId: 't1', vacancyId: null });
    expect(scopeFields('vacancy:v9')).toEqual({ teamId: null, vacancyId: 'v9' });
  });
});
