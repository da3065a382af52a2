// @vitest-environment happy-dom
import { demo, demoDb } from './helpers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TOM } from '#demo/index';
import { Today } from '@/ui/popup/Today';
import { QueuePage } from '@/ui/workspace/daily/QueuePage';

afterEach(cleanup);

describe('QueuePage', () => {
  it("lists Tom's queue with countdowns and rejects one only with a reason", async () => {
    const db = await demoDb();
    render(<QueuePage />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    const decisions = rows.filter((r) => r.textContent?.includes('Shortlisting decision'));
    expect(decisions).toHaveLength(demo.journeys.tom.queue.length);
    for (const r of decisions) expect(r.textContent).toMatch(/due in \d+ working days?|due today|overdue \d+ working days?/);

    const first = decisions[0]!;
    const id = first.getAttribute('data-application-id')!;
    fireEvent.click(within(first).getByRole('button', { name: /^Reject / }));
    const reason = within(first).getByRole('combobox', { name: /Reason for rejecting/ }) as HTMLSelectElement;
    expect(reason.required).toBe(true);
    fireEvent.change(reason, { target: { value: 'insufficient_experience' } });
    fireEvent.click(within(first).getByRole('button', { name: 'Confirm rejection' }));
    await waitFor(async () => {
      const events = await db.stage_events.where('applicationId').equals(id).toArray();
      expect(events.some((e) => e.stage === 'rejected' && e.reason === 'insufficient_experience' && e.by === TOM.id)).toBe(true);
    });
  });

  it('says so when the queue is empty', async () => {
    await demoDb({ empty: true });
    render(<QueuePage />);
    expect(await screen.findByText(/Nothing waits for you/)).toBeTruthy();
  });

  it('renders candidate names as text, never as markup', async () => {
    const db = await demoDb();
    const id = demo.journeys.tom.queue[0]!;
    await db.applications.update(id, { name: '<img src=x onerror=alert(1)>' });
    const { container } = render(<QueuePage />);
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('Today (popup)', () => {
  it('shows the top 7 of my queue with countdowns and opens the workspace', async () => {
    await demoDb();
    const create = vi.fn(async () => ({}));
    (fakeBrowser.tabs as unknown as Record<string, unknown>).create = create;
    render(<Today />);
    const list = await screen.findByTestId('today-list');
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeLessThanOrEqual(7);
    expect(items.length).toBeGreaterThanOrEqual(Math.min(7, demo.journeys.tom.queue.length));
    expect(items[0]!.textContent).toMatch(/working day|due today/);
    fireEvent.click(screen.getByRole('button', { name: 'Open workspace' }));
    expect(create).toHaveBeenCalledWith({ url: expect.stringContaining('/workspace.html#/queue') });
  });
});
