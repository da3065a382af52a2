// @vitest-environment happy-dom
import { asOf, demoDb, demo } from '../workspace-daily/helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { TOM } from '#demo/index';
import { computeRetentionReport } from '#shared/measures/index';
import { holderOf } from '#shared/staff/index';
import { EstablishmentPage } from '@/ui/workspace/central-team/EstablishmentPage';
import { ReportsPage } from '@/ui/workspace/central-team/ReportsPage';
import { toFilters } from '@/ui/workspace/central-team/reportModel';
import { StaffPage } from '@/ui/workspace/retention/StaffPage';
import { StayPage } from '@/ui/workspace/retention/StayPage';

afterEach(cleanup);
const slow = { timeout: 10_000 }; // Dexie's live query on a busy machine

/** The demo council, Tom signed in: the team he manages and the holder of one of its posts (demo journeys). */
async function withHolder() {
  const db = await demoDb();
  const { staffId, postId } = demo.journeys.retention.tomsHolder;
  const post = demo.records.posts.find((p) => p.id === postId)!;
  const team = demo.records.teams.find((t) => t.id === post.teamId)!;
  expect(team.managerId).toBe(TOM.id);
  const holder = demo.records.staff.find((s) => s.id === staffId)!;
  return { db, team, post, holder };
}

describe('staff and leavers page', () => {
  it('a team manager records a leaver: the post is vacant, an exit interview is offered, and "recruit to this post" drafts the vacancy', async () => {
    const { db, team, post, holder } = await withHolder();
    render(<StaffPage />);
    const row = await screen.findByTestId(`staff-post-${post.id}`, {}, slow);
    expect(within(row).getByTestId('post-holder').textContent).toBe(holder.name);
    // Tom manages this team only: no leaver button on another team's posts, and no holder editing at all.
    expect(screen.queryAllByRole('button', { name: /Add holder|Edit holder/ })).toEqual([]);
    const other = demo.records.teams.find((t) => t.managerId !== TOM.id && demo.records.posts.some((p) => p.teamId === t.id))!;
    expect(within(screen.getByTestId(`staff-team-${other.id}`)).queryAllByRole('button')).toEqual([]);

    fireEvent.click(within(row).getByRole('button', { name: /Record a leaver/ }));
    const form = screen.getByRole('form', { name: `Record ${holder.name} leaving` });
    expect(document.activeElement).toBe(within(form).getByLabelText('Where to')); // the form opened in place takes the focus
    fireEvent.click(within(form).getByRole('button', { name: 'Record leaver' }));
    expect(within(form).getByLabelText('Where to').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('choose where they are going')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Where to'), { target: { value: 'another_council' } });
    fireEvent.input(within(form).getByLabelText('Last day'), { target: { value: '2026-01-30' } });
    fireEvent.change(within(form).getByLabelText('Main reason'), { target: { value: 'workload' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record leaver' }));

    await waitFor(async () => expect((await db.posts.get(post.id))?.cover).toBe('vacant'), slow);
    const [leaver] = await db.leavers.where('staffId').equals(holder.id).toArray();
    expect(leaver).toMatchObject({ postId: post.id, leavingDate: '2026-01-30', reason: 'workload', destination: 'another_council', fte: post.fte });
    expect(await db.exit_interviews.where('leaverId').equals(leaver!.id).count()).toBe(1);
    expect((await db.outbox.toArray()).map((e) => e.mutation.table).sort()).toEqual(['exit_interviews', 'leavers', 'posts']);

    const recruit = await within(await screen.findByTestId(`staff-post-${post.id}`)).findByRole('button', { name: /Recruit to this post/ }, slow);
    fireEvent.click(recruit);
    await waitFor(async () => expect((await db.vacancies.toArray()).filter((v) => v.postIds?.includes(post.id))).toHaveLength(1), slow);
    const [draft] = (await db.vacancies.toArray()).filter((v) => v.postIds?.includes(post.id));
    expect(draft).toMatchObject({ status: 'draft', teamIds: [team.id], role: post.role });
    await waitFor(() => expect(screen.getByTestId(`staff-post-${post.id}`).textContent).toContain('(draft)'), slow);
  });
});

describe('establishment page', () => {
  it('names each post’s holder today, and nobody for a vacant post', async () => {
    const { post, holder } = await withHolder();
    render(<EstablishmentPage />);
    const row = await screen.findByTestId(`post-${post.id}`, {}, slow);
    await waitFor(() => expect(within(row).getByTestId('post-holder').textContent).toBe(holder.name), slow);
    const vacant = demo.records.posts.find((p) => p.cover === 'vacant' && !holderOf(p.id, demo.records.staff, demo.records.leavers, asOf))!;
    expect(within(screen.getByTestId(`post-${vacant.id}`)).getByTestId('post-holder').textContent).toBe('nobody');
  });
});

describe('Stay conversations page', () => {
  it('shows another manager only the quarter, outcome and themes, never the person', async () => {
    const { db, holder } = await withHolder();
    await db.stay_conversations.put({ id: '0190a6f0-0000-7000-8000-00000000ab01', staffId: holder.id, heldBy: 'user-psw', holderRole: 'principal_social_worker', heldOn: '2026-02-10', outcome: 'stayed', themes: ['caseload'], notes: 'Thinking of agency work' });
    render(<StayPage />);
    const row = await screen.findByTestId('stay-0190a6f0-0000-7000-8000-00000000ab01', {}, slow);
    expect(row.textContent).toContain('confidential');
    expect(row.textContent).toContain('2026-Q1');
    expect(document.body.textContent).not.toContain(holder.name);
    expect(document.body.textContent).not.toMatch(/Thinking of agency work|2026-02-10/);
    expect(within(row).queryAllByRole('button')).toEqual([]);
  });
});

describe('the reports page’s retention section', () => {
  const expected = (teamId?: string) =>
    computeRetentionReport(
      { ...demo.records, exitInterviews: demo.records.exit_interviews, stayConversations: demo.records.stay_conversations, caseloadWeeks: demo.records.caseload_weeks, caseloadLimit: demo.settings.caseloadLimit },
      toFilters({ period: 'this-quarter', ...(teamId ? { teamId } : {}) }, asOf),
      asOf,
    );
  const pct1 = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

  it('shows the figures shared/measures computes, against the target and England, charts with tables, and follows the team filter', async () => {
    await demoDb();
    render(<ReportsPage route={{ path: '/reports', params: new URLSearchParams() }} />);
    const section = await screen.findByTestId('retention', {}, slow);
    const all = expected();
    expect(all.census.turnover.leavers).toBeGreaterThan(0);
    expect(within(section).getByTestId('retention-turnover-census').textContent).toBe(pct1(all.census.turnover.rate));
    const censusRow = within(section).getByTestId('retention-turnover-census').closest('tr')!;
    expect(censusRow.textContent).toContain(`≤ ${demo.settings.turnoverTargetPercent}%`);
    expect(censusRow.textContent).toContain('15.9%');
    expect(within(section).getAllByRole('img').length).toBeGreaterThanOrEqual(2);
    expect(within(within(section).getByTestId('turnover-by-quarter')).getAllByRole('row')).toHaveLength(9); // head + 8 quarters
    expect(within(section).getByTestId('stay-quarters').textContent).not.toMatch(/principal|user-/);

    const team = demo.records.teams.find((t) => expected(t.id).census.turnover.rate !== all.census.turnover.rate)!;
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: team.id } });
    await waitFor(() => expect(within(section).getByTestId('retention-turnover-census').textContent).toBe(pct1(expected(team.id).census.turnover.rate)), slow);
  });
});
