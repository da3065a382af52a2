// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TrackedAdvertView, UntrackedAdvertView } from '@/overlay/views';
import type { AdvertResult } from '@/sites/types';

/** The background, as the overlay sees it: answers by request type; records what was asked. */
const asked: Array<{ type: string } & Record<string, unknown>> = [];
let answers: Record<string, unknown> = {};
vi.mock('@/messages/send', () => ({
  send: async (request: { type: string } & Record<string, unknown>) => {
    asked.push(request);
    return request.type in answers ? { ok: true, data: answers[request.type] } : { ok: false, error: `no answer for ${request.type}` };
  },
}));
const { PageOverlay } = await import('@/overlay/ui/PageOverlay');

const hostile = '<img src=x onerror="alert(1)">Senior <script>steal()</script>Social Worker';
const advert = (over: Partial<AdvertResult> = {}): AdvertResult => ({
  kind: 'advert', site: 'jsonld', url: 'https://careers.example.gov.uk/jobs/4471', title: hostile, reference: 'WBC-CSC-2401', closingDate: '2026-12-14', externalId: '4471', expired: false, missing: [], ...over,
});
const untracked: UntrackedAdvertView = {
  kind: 'advert', tracked: false,
  vacancies: [
    { id: '0190a1b2-0000-7000-8000-000000000001', title: 'Senior Social Worker – Assessment', status: 'open', reference: 'WBC-CSC-2401' },
    { id: '0190a1b2-0000-7000-8000-000000000002', title: 'Team Manager – Fostering', status: 'open', reference: 'WBC-FOS-0007' },
  ],
};
const tracked: TrackedAdvertView = {
  kind: 'advert', tracked: true,
  vacancy: { id: '0190a1b2-0000-7000-8000-000000000001', title: 'Senior Social Worker – Assessment', posts: 2, status: 'open', mode: 'rolling', closingDate: '2026-12-14' },
  counts: { applied: 3, shortlisted: 1 }, total: 4,
  overdue: [{ applicationId: 'a1', name: 'Ben Francis', stage: 'applied', label: 'overdue 1 working day', status: 'red' }],
  next: [], shortlistingThisWeek: ['Tom Okafor'], asOf: '2026-11-22',
};

beforeEach(() => {
  fakeBrowser.reset();
  asked.length = 0;
  answers = { 'overlay:teams': [], getStatus: { signedIn: true, pending: 0, refused: 0, lastError: null } };
});
afterEach(() => cleanup());

describe('the overlay on an advert page', () => {
  it('offers "Track this advert" for an advert not tracked, says it has expired, and renders page text as text', async () => {
    answers['overlay:advert'] = untracked;
    const { container } = render(<PageOverlay result={advert({ expired: true })} />);
    await screen.findByRole('button', { name: 'Track this advert' });
    expect(screen.getByText('This advert has expired on the board.')).toBeTruthy();
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain(hostile);
    // It asked about this advert by URL, board id and reference.
    expect(asked.find((r) => r.type === 'overlay:advert')).toMatchObject({ url: advert().url, externalId: '4471', reference: 'WBC-CSC-2401' });
  });

  it('links to a vacancy found by searching, sends what the page says, then shows the tracked vacancy', async () => {
    answers['overlay:advert'] = untracked;
    answers['overlay:track'] = { advertId: 'x' };
    render(<PageOverlay result={advert()} />);
    const search = await screen.findByLabelText('Find the vacancy');
    fireEvent.input(search, { target: { value: 'fostering' } });
    const select = screen.getByLabelText('Vacancy', { exact: true }) as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent ?? '');
    expect(options.some((t) => t.includes('Team Manager – Fostering'))).toBe(true);
    expect(options.some((t) => t.includes('Senior Social Worker – Assessment'))).toBe(false);
    fireEvent.change(select, { target: { value: untracked.vacancies[1]!.id } });
    answers['overlay:advert'] = tracked;
    fireEvent.click(screen.getByRole('button', { name: 'Track this advert' }));
    await screen.findByTestId('advert-panel');
    expect(asked.find((r) => r.type === 'overlay:track')).toMatchObject({ vacancyId: untracked.vacancies[1]!.id, url: advert().url, reference: 'WBC-CSC-2401', closingDate: '2026-12-14', externalId: '4471' });
    expect(screen.getByTestId('applicant-total').textContent).toContain('4 applicants');
    expect(screen.getByTestId('overdue').querySelector('.red')?.textContent).toBe('overdue 1 working day');
    expect(screen.getByTestId('rota').textContent).toContain('Tom Okafor');
  });

  it('says plainly when the background cannot answer', async () => {
    render(<PageOverlay result={advert()} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('no answer for overlay:advert'));
  });
});
