// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CandidatePanel } from '@/overlay/ui/CandidatePanel';
import { CaptureCandidate } from '@/overlay/ui/CaptureCandidate';

describe('overlay components', () => {
  it('render what pages say as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">Eve';
    render(
      <CandidatePanel
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
        view={{ kind: 'candidate', tracked: false, duplicates: [{ applicationId: 'd', name: 'Ann', matchedOn: 'email', summary: 'A candidate with the same email applied in March 2026 for SW (withdrawn: salary).' }], vacancies: [{ id: 'v', title: 'SW', status: 'open', reference: null }] }}
        page={{ kind: 'candidate', site: 'taught', url: 'https://ats.example/c/1', name: 'Ann Lee', reference: 'TP-1', missing: [] }}
        onCaptured={() => undefined}
      />,
    );
    expect(screen.getByTestId('duplicate-warning').textContent).toContain('withdrawn: salary');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Ann Lee');
    expect((screen.getByLabelText('ATS reference') as HTMLInputElement).value).toBe('TP-1');
  });
});
