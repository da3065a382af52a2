// @vitest-environment happy-dom
import { asOf, demoDb } from './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { addWorkingDays, formatDay, mondayOf } from '#shared/calendar';
import { TOM } from '#demo/index';
import { CHECK_KINDS, type Application, type Check, type StageEvent, type Vacancy } from '#shared/schema/index';
import type { ShortlistDb } from '@/db/database';
import { BoardPage } from '@/ui/workspace/daily/BoardPage';
import { ChecksPage } from '@/ui/workspace/daily/ChecksPage';
import { QueuePage } from '@/ui/workspace/daily/QueuePage';

afterEach(cleanup);

const uuid = (n: number) => `019a0000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const vacancy: Vacancy = { id: uuid(1), title: 'Social Worker – Fostering', teamIds: [], role: 'social_worker', posts: 1, mode: 'rolling', status: 'open', reference: 'FOS-1' };
const app = (n: number, name: string): Application => ({ id: uuid(100 + n), vacancyId: vacancy.id, name, source: 'microsite', experience: 'experienced', receivedDate: asOf, assignedTo: TOM.id });
const event = (n: number, applicationId: string, stage: StageEvent['stage'], at: string): StageEvent => ({ id: uuid(200 + n), applicationId, stage, at, by: TOM.id });

async function small(db: ShortlistDb, events: StageEvent[], applications: Application[], checks: Check[] = []) {
  await db.vacancies.put(vacancy);
  await db.applications.bulkPut(applications);
  await db.stage_events.bulkPut(events);
  await db.checks.bulkPut(checks);
  // Tom interviews this week, council-wide.
  await db.rota_slots.put({ id: uuid(300), week: mondayOf(asOf), duty: 'interviewing', managerId: TOM.id });
}
const today = `${asOf}T08:00:00.000Z`;

/** happy-dom's fireEvent.drag* do not reach listeners: dispatch plain events carrying a dataTransfer. */
function drag(type: 'dragstart' | 'dragover' | 'drop', target: Element, dataTransfer: object) {
  const e = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'dataTransfer', { value: dataTransfer });
  target.dispatchEvent(e);
}

describe('booking an interview from the queue', () => {
  it('shows the target date and records the booking with its time', async () => {
    const db = await demoDb({ empty: true });
    const a = app(1, 'Ann Lee');
    await small(db, [event(1, a.id, 'applied', today), event(2, a.id, 'shortlisted', `${asOf}T09:00:00.000Z`)], [a]);
    render(<QueuePage />);
    const row = (await screen.findByText('Ann Lee')).closest('tr')!;
    expect(row.textContent).toContain(`Target: by ${formatDay(addWorkingDays(asOf, 5))} (5 working days after shortlisting)`);
    fireEvent.input(within(row).getByLabelText(/Interview date and time/), { target: { value: `${addWorkingDays(asOf, 2)}T10:30` } });
    fireEvent.click(within(row).getByRole('button', { name: 'Book interview' }));
    await waitFor(async () => {
      const booked = (await db.stage_events.toArray()).find((e) => e.stage === 'interview_booked');
      expect(booked?.interviewAt).toMatch(new RegExp(`^${addWorkingDays(asOf, 2)}T\\d\\d:30`));
    });
  });
});

describe('the board', () => {
  it('offers only allowed moves and asks for a reason when a card is dropped on Rejected', async () => {
    const db = await demoDb({ empty: true });
    const a = app(1, 'Ann Lee');
    await small(db, [event(1, a.id, 'applied', today)], [a]);
    render(<BoardPage route={{ path: '/board', params: new URLSearchParams() }} />);
    const select = (await screen.findByLabelText('Move Ann Lee to…')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'shortlisted', 'rejected', 'withdrawn']);

    const card = select.closest('li')!;
    const rejected = document.querySelector('section[data-stage="rejected"]')!;
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k) ?? '', effectAllowed: '' };
    drag('dragstart', card, dataTransfer);
    drag('dragover', rejected, dataTransfer);
    drag('drop', rejected, dataTransfer);
    const dialog = await screen.findByRole('dialog', { name: 'Move Ann Lee to Rejected' });
    // The reason is what the drop still needs: focus starts there.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('Reason')));
    const move = within(dialog).getByRole('button', { name: 'Move' }) as HTMLButtonElement;
    // Without a reason the required select stops the move.
    expect((within(dialog).getByLabelText('Reason') as HTMLSelectElement).required).toBe(true);
    fireEvent.click(move);
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.stage_events.count()).toBe(1);
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'post_filled' } });
    fireEvent.click(move);
    await waitFor(async () => expect((await db.stage_events.toArray()).some((e) => e.stage === 'rejected' && e.reason === 'post_filled')).toBe(true));
  });

  it('refuses a drop that skips steps, with the reason', async () => {
    const db = await demoDb({ empty: true });
    const a = app(1, 'Ann Lee');
    await small(db, [event(1, a.id, 'applied', today)], [a]);
    render(<BoardPage route={{ path: '/board', params: new URLSearchParams() }} />);
    const card = (await screen.findByLabelText('Move Ann Lee to…')).closest('li')!;
    const dataTransfer = { setData: () => {}, getData: () => a.id, effectAllowed: '' };
    drag('dragstart', card, dataTransfer);
    drag('drop', document.querySelector('section[data-stage="accepted"]')!, dataTransfer);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not moved: cannot move from Applied to Accepted/);
    expect(await db.stage_events.count()).toBe(1);
  });
});

describe('the checks page', () => {
  it('enables "Mark checks complete" only when every check is cleared or not applicable', async () => {
    const db = await demoDb({ empty: true });
    const a = app(1, 'Ann Lee');
    const stages: StageEvent['stage'][] = ['applied', 'shortlisted', 'interviewed', 'offered', 'accepted'];
    const events = stages.map((s, i) => event(i, a.id, s, `2026-01-0${i + 1}T09:00:00.000Z`));
    const checks: Check[] = CHECK_KINDS.map((kind, i) => ({ id: uuid(400 + i), applicationId: a.id, kind, requested: '2026-01-06', cleared: kind === 'references' ? null : '2026-01-20' }));
    await small(db, events, [a], checks);
    render(<ChecksPage />);
    const button = (await screen.findByRole('button', { name: 'Mark checks complete' })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText(/Holding the start date \(1\)/)).toBeTruthy();
    expect(screen.getByText('Two references covering five years: requested Tue 6 Jan 2026')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Cleared: Two references covering five years for Ann Lee'), { target: { value: '2026-01-21' } });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Mark checks complete' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Mark checks complete' }));
    await waitFor(async () => expect((await db.stage_events.toArray()).some((e) => e.stage === 'checks_complete')).toBe(true));
  });
});
