// @vitest-environment happy-dom
import { asOf, demo, demoDb } from '../workspace-daily/helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { mondayOf } from '#shared/calendar';
import { computeReport } from '#shared/measures/index';
import { EstablishmentPage } from '@/ui/workspace/central-team/EstablishmentPage';
import { ReportsPage } from '@/ui/workspace/central-team/ReportsPage';
import { RotaPage } from '@/ui/workspace/central-team/RotaPage';
import { periodRange } from '@/ui/workspace/central-team/reportModel';

afterEach(cleanup);

describe('establishment page', () => {
  it('filters the tables by cover, and confirming the week stamps every post of the team', async () => {
    const db = await demoDb();
    render(<EstablishmentPage />);
    await screen.findByText('Establishment');
    fireEvent.change(screen.getByLabelText('Cover'), { target: { value: 'agency' } });
    await waitFor(() => {
      const covers = [...document.querySelectorAll<HTMLSelectElement>('select[id^="cover-"]')].map((s) => s.value);
      expect(covers.length).toBe(demo.records.posts.filter((p) => p.cover === 'agency').length);
      expect(new Set(covers)).toEqual(new Set(['agency']));
    }, { timeout: 10_000 }); // a busy CI machine: Dexie's live query can take more than the default second
    const team = demo.records.teams.find((t) => demo.records.posts.some((p) => p.teamId === t.id && p.confirmedWeek !== mondayOf(asOf)))!;
    const section = screen.getByRole('region', { name: team.name });
    fireEvent.click(within(section).getByRole('button', { name: "Confirm this week's establishment" }));
    await waitFor(async () => {
      const posts = (await db.posts.toArray()).filter((p) => p.teamId === team.id);
      expect(posts.every((p) => p.confirmedWeek === mondayOf(asOf))).toBe(true);
    }, { timeout: 10_000 });
    await within(section).findByText('confirmed this week');
  });
});

describe('rota page', () => {
  it('warns about a week with nobody shortlisting and swaps two managers', async () => {
    const db = await demoDb();
    const week = mondayOf(asOf);
    const slots = (await db.rota_slots.toArray()).filter((s) => s.week === week);
    const a = slots[0]!;
    const b = slots.find((s) => s.managerId !== a.managerId)!;
    // Empty a later week of shortlisting so the warning shows.
    const later = (await db.rota_slots.toArray()).filter((s) => s.duty === 'shortlisting' && s.week > week);
    const emptied = later[0]!.week;
    await db.rota_slots.bulkDelete(later.filter((s) => s.week === emptied).map((s) => s.id));
    render(<RotaPage />);
    const row = await screen.findByTestId(`week-${emptied}`);
    expect(row.textContent).toContain('Nobody on shortlisting duty');
    expect(screen.getByTestId(`week-${week}`).textContent).not.toContain('Nobody on shortlisting duty');
    const item = screen.getByTestId(`slot-${a.id}`);
    fireEvent.change(within(item).getByLabelText('Swap with'), { target: { value: b.id } });
    fireEvent.click(within(item).getByRole('button', { name: 'Swap' }));
    await waitFor(async () => {
      expect((await db.rota_slots.get(a.id))?.managerId).toBe(b.managerId);
      expect((await db.rota_slots.get(b.id))?.managerId).toBe(a.managerId);
    });
  });
});

describe('reports page', () => {
  it('shows the headline figures shared/measures computes, and a table beside each chart', async () => {
    await demoDb();
    render(<ReportsPage route={{ path: '/reports', params: new URLSearchParams() }} />);
    await screen.findByTestId('headline');
    const { from, to } = periodRange({ period: 'this-quarter' }, asOf);
    const r = computeReport(
      { applications: demo.records.applications, events: demo.records.stage_events, vacancies: demo.records.vacancies, adverts: demo.records.adverts, posts: demo.records.posts, settings: demo.settings, asOf },
      { from, to, groupBy: 'month' },
    );
    expect(screen.getByTestId('figure-applications').textContent).toBe(String(r.applications));
    const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
    expect(screen.getByTestId('figure-sla-interview').textContent).toBe(pct(r.sla.interview.rate));
    expect(screen.getByTestId('figure-agency-rate').textContent).toBe(pct(r.workforce.agencyRate));
    // The recruitment charts: the retention section below has its own (tests/unit/workspace-retention).
    const charts = screen.getAllByRole('img').filter((c) => !c.closest('[data-testid="retention"]'));
    expect(charts.length).toBe(2);
    expect(within(screen.getByTestId('funnel')).getAllByRole('row').length).toBe(r.funnel.steps.length + 1);
    expect(within(screen.getByTestId('over-time')).getAllByRole('row').length).toBe(r.overTime.length + 1);
  });
});

describe('agency cover details', () => {
  it('saves the agency, weekly cost and end date of an agency post', async () => {
    const db = await demoDb();
    const post = demo.records.posts.find((p) => p.cover === 'agency')!;
    render(<EstablishmentPage />);
    const row = await screen.findByTestId(`post-${post.id}`);
    fireEvent.change(within(row).getByLabelText(/^Agency of this/), { target: { value: 'Riverside Locums' } });
    fireEvent.change(within(row).getByLabelText(/^Weekly cost in pounds/), { target: { value: '1950' } });
    fireEvent.change(within(row).getByLabelText(/^Agency cover end date/), { target: { value: '2027-01-29' } });
    await waitFor(async () => {
      const saved = await db.posts.get(post.id);
      expect([saved?.agencyName, saved?.agencyWeeklyCost, saved?.coverEndDate]).toEqual(['Riverside Locums', 1950, '2027-01-29']);
    });
  });
});
