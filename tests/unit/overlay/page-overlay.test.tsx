// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FrameView, OverlayPage, PageView, TrackedAdvertView, UntrackedAdvertView } from '@/overlay/views';

/** The background, as the overlay sees it: answers by request type; records what was asked. */
const asked: Array<{ type: string } & Record<string, unknown>> = [];
let answers: Record<string, unknown> = {};
/** Refusals by request type, as the background words them. */
let refusals: Record<string, string> = {};
// The overlay reaches the background only through overlay/ask: send (a Reply) and askBackground (throws on a refusal).
vi.mock('@/overlay/ask', () => {
  const send = async (request: { type: string } & Record<string, unknown>) => {
    asked.push(request);
    if (request.type in refusals) return { ok: false, error: refusals[request.type] };
    return request.type in answers ? { ok: true, data: answers[request.type] } : { ok: false, error: `no answer for ${request.type}` };
  };
  return { send, askBackground: async (request: { type: string }) => { const reply = (await send(request as never)) as { ok: boolean; data?: unknown; error?: string }; if (!reply.ok) throw new Error(reply.error); return reply.data; } };
});
// The frame's writes are its own actions, loaded when a person acts (overlay/frame/actions.ts): recorded here as the requests they stand for.
vi.mock('@/overlay/frame/load-actions', () => ({
  loadActions: async () => ({
    teamChoices: async () => answers['overlay:teams'],
    trackSessionAdvert: async (session: string, choice: Record<string, unknown>) => {
      asked.push({ type: 'track (the frame’s own action)', session, ...choice });
      return answers['overlay:track'];
    },
  }),
}));
const { PageOverlay } = await import('@/overlay/ui/PageOverlay');

const hostile = '<img src=x onerror="alert(1)">Senior <script>steal()</script>Social Worker';
const SESSION = '0123456789abcdef0123456789abcdef';
type AdvertPage = Extract<OverlayPage, { kind: 'advert' }>;
const advert = (over: Partial<AdvertPage> = {}): AdvertPage => ({
  kind: 'advert', site: 'jsonld', url: 'https://careers.example.gov.uk/jobs/4471', title: hostile, reference: 'WBC-CSC-2401', closingDate: '2026-12-14', externalId: '4471', expired: false, ...over,
});
/** The background's answer to the frame: the session's page and what the council knows of it. */
const frameView = (view: PageView, page: OverlayPage = advert()): FrameView => ({ page, host: 'careers.example.gov.uk', view });
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
  refusals = {};
  answers = { 'overlay:teams': [], getStatus: { signedIn: true, pending: 0, refused: 0, lastError: null } };
});
afterEach(() => cleanup());

describe('the overlay on an advert page', () => {
  it('offers "Track this advert" for an advert not tracked, says it has expired, and renders page text as text', async () => {
    answers['overlay:view'] = frameView({ advert: untracked }, advert({ expired: true }));
    const { container } = render(<PageOverlay session={SESSION} />);
    await screen.findByRole('button', { name: 'Track this advert' });
    expect(screen.getByText('This advert has expired on the board.')).toBeTruthy();
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain(hostile);
    // It asked about its session only: the page's facts and address are the background's to know.
    expect(asked.find((r) => r.type === 'overlay:view')).toEqual({ type: 'overlay:view', session: SESSION });
  });

  it('shows what it read from the page before anything is saved, as text', async () => {
    const read = { employer: 'Wessex <b>Borough</b> Council', location: 'Wessex', salary: '£41,000 – £45,000' };
    answers['overlay:view'] = frameView({ advert: untracked }, advert(read));
    const { container } = render(<PageOverlay session={SESSION} />);
    const readBlock = (await screen.findByTestId('read-from-page')).textContent ?? '';
    for (const value of [hostile, read.employer, read.location, read.salary, 'WBC-CSC-2401', '2026-12-14']) expect(readBlock).toContain(value);
    expect(screen.getByTestId('read-from-page').querySelectorAll('dt').length).toBe(6);
    expect(container.querySelector('b, img, script')).toBeNull();
    expect(asked.some((r) => r.type.startsWith('track'))).toBe(false);
  });

  it('links to a vacancy found by searching, sends what the page says, then shows the tracked vacancy', async () => {
    answers['overlay:view'] = frameView({ advert: untracked });
    answers['overlay:track'] = { advertId: 'x' };
    render(<PageOverlay session={SESSION} />);
    const search = await screen.findByLabelText('Find the vacancy');
    fireEvent.input(search, { target: { value: 'fostering' } });
    const select = screen.getByLabelText('Vacancy', { exact: true }) as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent ?? '');
    expect(options.some((t) => t.includes('Team Manager – Fostering'))).toBe(true);
    expect(options.some((t) => t.includes('Senior Social Worker – Assessment'))).toBe(false);
    fireEvent.change(select, { target: { value: untracked.vacancies[1]!.id } });
    answers['overlay:view'] = frameView({ advert: tracked });
    fireEvent.click(screen.getByRole('button', { name: 'Track this advert' }));
    await screen.findByTestId('advert-panel');
    // The choice and the session: what is tracked (URL, reference, dates) the action asks of the background for the session.
    expect(asked.find((r) => r.type.startsWith('track'))).toEqual({ type: 'track (the frame’s own action)', session: SESSION, vacancyId: untracked.vacancies[1]!.id });
    expect(screen.getByTestId('applicant-total').textContent).toContain('4 applicants');
    expect(screen.getByTestId('overdue').querySelector('.red')?.textContent).toBe('overdue 1 working day');
    expect(screen.getByTestId('rota').textContent).toContain('Tom Okafor');
  });

  it('says plainly when the background cannot answer', async () => {
    render(<PageOverlay session={SESSION} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('no answer for overlay:view'));
  });

  it('shows nothing at all for a session the background refuses (a frame the page itself made)', async () => {
    refusals['overlay:view'] = 'No overlay session: this overlay has expired, reload the page';
    const { container } = render(<PageOverlay session={SESSION} />);
    await waitFor(() => expect(asked.some((r) => r.type === 'overlay:view')).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(container.innerHTML).toBe('');
  });

  it('reports its size and place for the frame, and the sync note rides along', async () => {
    answers['overlay:view'] = frameView({ advert: tracked });
    const layouts: unknown[] = [];
    render(<PageOverlay session={SESSION} onLayout={(l) => layouts.push(l)} />);
    await screen.findByTestId('advert-panel');
    await waitFor(() => expect(layouts.at(-1)).toMatchObject({ right: 16, bottom: 16 }));
    expect(screen.getByTestId('shortlist-overlay').className).toContain('framed');
    await waitFor(() => expect(screen.getByTestId('sync-note').textContent).toBe('Synced'));
  });
});
