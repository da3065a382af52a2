// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sent: Array<Record<string, unknown>> = [];
// The frame's writes are its own actions (overlay/frame/actions.ts), loaded when a person acts: here, what they were asked to do.
vi.mock('@/overlay/frame/load-actions', () => ({
  loadActions: async () => ({
    moveSessionCandidate: async (session: string, input: Record<string, unknown>) => {
      sent.push({ action: 'move', session, ...input });
      return { stage: input.stage };
    },
  }),
}));

const SESSION = '0123456789abcdef0123456789abcdef';
const { CandidatePanel } = await import('@/overlay/ui/CandidatePanel');
const { CaptureCandidate } = await import('@/overlay/ui/CaptureCandidate');

describe('overlay components', () => {
  afterEach(cleanup);

  it('render what pages say as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">Eve';
    render(
      <CandidatePanel
        session={SESSION}
        view={{ kind: 'candidate', tracked: true, applicationId: 'a', name: hostile, vacancyTitle: '<script>x()</script>', stage: 'applied', daysInStage: 2, target: { label: 'due in 3 working days', status: 'green', dueDate: '2026-12-01' }, nextStages: ['shortlisted', 'rejected', 'withdrawn'] }}
        onChanged={() => undefined}
      />,
    );
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Shortlist' })).toBeTruthy();
    expect(screen.getByTestId('candidate-target').className).toBe('green');
  });

  it('shows each duplicate warning and pre-fills the capture form from the page', () => {
    render(
      <CaptureCandidate
        session={SESSION}
        view={{ kind: 'candidate', tracked: false, duplicates: [{ applicationId: 'd', name: 'Ann', matchedOn: 'email', receivedDate: '2026-03-09', vacancyTitle: 'SW', stage: 'withdrawn', exit: { reason: 'salary' } }], vacancies: [{ id: 'v', title: 'SW', status: 'open', reference: null }] }}
        page={{ kind: 'candidate', site: 'taught', url: 'https://ats.example/c/1', name: 'Ann Lee', reference: 'TP-1' }}
        onCaptured={() => undefined}
      />,
    );
    expect(screen.getByTestId('duplicate-warning').textContent).toBe('A candidate with the same email applied in March 2026 for SW (withdrawn: salary).');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Ann Lee');
    expect((screen.getByLabelText('ATS reference') as HTMLInputElement).value).toBe('TP-1');
  });

  it('asks for what the move needs before sending it, as planMove says', async () => {
    render(
      <CandidatePanel
        session={SESSION}
        view={{ kind: 'candidate', tracked: true, applicationId: 'a', name: 'Ann', vacancyTitle: 'SW', stage: 'shortlisted', daysInStage: 1, target: { label: 'due in 4 working days', status: 'green', dueDate: null }, nextStages: ['interview_booked', 'interviewed', 'rejected', 'withdrawn'] }}
        onChanged={() => undefined}
      />,
    );
    // The form arrives after the panel is drawn (loaded on demand: it needs the stage rules).
    fireEvent.change(await screen.findByLabelText('Move to'), { target: { value: 'interview_booked' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Change stage' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose the date and time of the interview.');
    fireEvent.change(screen.getByLabelText('Move to'), { target: { value: 'rejected' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Change stage' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose why the candidate is rejected.');
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'not_qualified' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Change stage' }));
    await screen.findByRole('status');
    expect(sent).toEqual([{ action: 'move', session: SESSION, applicationId: 'a', stage: 'rejected', reason: 'not_qualified' }]);
  });
});

describe('duplicate warnings, worded in the frame', () => {
  it('name the outcome and its reason, or say none was given, or the stage an open application is at', async () => {
    const { duplicateSummary } = await import('@/overlay/ui/duplicate-words');
    const d = { applicationId: 'd', name: 'Ann', matchedOn: 'ATS reference', receivedDate: '2025-11-30', vacancyTitle: null, stage: 'rejected', exit: { reason: null } } as const;
    expect(duplicateSummary(d)).toBe('A candidate with the same ATS reference applied in November 2025 for another vacancy (rejected: no reason given).');
    expect(duplicateSummary({ ...d, exit: { reason: 'failed_checks' } })).toBe('A candidate with the same ATS reference applied in November 2025 for another vacancy (rejected: pre-employment checks failed).');
    expect(duplicateSummary({ ...d, stage: 'interview_booked', exit: null, vacancyTitle: 'Team Manager' })).toBe('A candidate with the same ATS reference applied in November 2025 for Team Manager (interview booked).');
  });
});
